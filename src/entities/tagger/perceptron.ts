/**
 * Averaged structured perceptron over IOB2 labels, with Viterbi decoding.
 *
 * The score of a label sequence is the sum of feature weights for each
 * token's label plus a weight for each pair of neighbouring labels (first
 * order). Viterbi finds the best sequence among the valid IOB2 ones: an `I-X`
 * can only follow `B-X` or `I-X`. Training (Collins 2002) decodes each
 * sentence with the current weights and, where the result differs from the
 * gold labels, moves weight towards the gold features and away from the
 * predicted ones; the final weights are the average over all steps, which
 * generalises much better than the last ones.
 *
 * Training is deterministic: the sentence order of each epoch comes from a
 * seeded PRNG (mulberry32) and there is no other source of randomness.
 */
import {isAllowedTransition, labelCount} from './labels.ts'

/** Emission scores of a sentence: `scores[t * labelCount + y]`. */
export type EmissionScores = Float64Array

/**
 * Transition weights: `transitions[(previous + 1) * labelCount + next]`, where
 * `previous = -1` (row 0) is the start of the sentence.
 */
export type TransitionWeights = Float64Array

// Transitions that IOB2 forbids, as a table (row = previous + 1).
const allowed: readonly boolean[] = Array.from({length: (labelCount + 1) * labelCount}, (_, index) =>
  isAllowedTransition(Math.floor(index / labelCount) - 1, index % labelCount),
)

/**
 * Find the best valid IOB2 label sequence.
 *
 * Takes emission scores for n tokens, the transition weights and n; returns
 * the label ids. Ties go to the lower label id, so results are reproducible.
 */
export function viterbi(scores: EmissionScores, transitions: TransitionWeights, n: number): Int32Array {
  const L = labelCount
  const path = new Int32Array(n)
  if (n === 0) return path
  const best = new Float64Array(n * L)
  const back = new Int32Array(n * L)
  for (let y = 0; y < L; y++) {
    best[y] = allowed[y] === true ? (scores[y] ?? 0) + (transitions[y] ?? 0) : -Infinity
  }
  for (let t = 1; t < n; t++) {
    const base = t * L
    const previousBase = (t - 1) * L
    for (let y = 0; y < L; y++) {
      let top = -Infinity
      let arg = 0
      for (let p = 0; p < L; p++) {
        const row = (p + 1) * L + y
        if (allowed[row] !== true) continue
        const value = (best[previousBase + p] ?? -Infinity) + (transitions[row] ?? 0)
        if (value > top) {
          top = value
          arg = p
        }
      }
      best[base + y] = top + (scores[base + y] ?? 0)
      back[base + y] = arg
    }
  }
  let last = 0
  let top = -Infinity
  for (let y = 0; y < L; y++) {
    const value = best[(n - 1) * L + y] ?? -Infinity
    if (value > top) {
      top = value
      last = y
    }
  }
  path[n - 1] = last
  for (let t = n - 1; t > 0; t--) path[t - 1] = back[t * L + (path[t] ?? 0)] ?? 0
  return path
}

/** A training sentence with features as row numbers of the weight table. */
export interface IndexedSentence {
  /** Feature rows of token t: `rows[offsets[t]] … rows[offsets[t+1]-1]`. */
  rows: Int32Array
  offsets: Uint32Array
  /** Gold label ids (empty for sentences used only for decoding). */
  gold: Int32Array
}

/** Weights being learned or learned: `weights[row * labelCount + y]` and the transitions. */
export interface PerceptronWeights {
  weights: Float64Array
  transitions: TransitionWeights
}

/**
 * Compute emission scores of a sentence from weights.
 *
 * Takes the sentence's feature rows and the weights; returns n × labelCount scores.
 */
export function emissionScores(sentence: IndexedSentence, weights: Float64Array): EmissionScores {
  const L = labelCount
  const n = sentence.offsets.length - 1
  const scores = new Float64Array(n * L)
  for (let t = 0; t < n; t++) {
    const from = sentence.offsets[t] ?? 0
    const to = sentence.offsets[t + 1] ?? 0
    for (let k = from; k < to; k++) {
      const base = (sentence.rows[k] ?? 0) * L
      for (let y = 0; y < L; y++) scores[t * L + y] = (scores[t * L + y] ?? 0) + (weights[base + y] ?? 0)
    }
  }
  return scores
}

/**
 * Decode a sentence with given weights.
 *
 * Takes an indexed sentence and weights; returns the best valid label ids.
 */
export function decode(sentence: IndexedSentence, model: PerceptronWeights): Int32Array {
  return viterbi(emissionScores(sentence, model.weights), model.transitions, sentence.offsets.length - 1)
}

/**
 * A seeded pseudo-random generator (mulberry32).
 *
 * Takes a 32-bit seed; returns a function giving numbers in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let x = state
    x = Math.imul(x ^ (x >>> 15), x | 1)
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61)
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}

/** Options of `trainPerceptron`. */
export interface TrainOptions {
  /** Number of feature rows (weights are rows × labelCount). */
  rowCount: number
  /** Largest number of passes over the data (default 20). */
  maxEpochs?: number
  /** Stop after this many epochs without a better development score (default 3). */
  patience?: number
  /** Seed of the shuffling (default 1). */
  seed?: number
  /**
   * Score the averaged weights after an epoch, higher is better (e.g. dev
   * F1). Without it every epoch is kept and the last average is returned.
   */
  evaluate?: (weights: PerceptronWeights, epoch: number) => number
  /** Progress messages (default: none). */
  log?: (message: string) => void
}

/** The result of training: the best averaged weights, the epoch they come from and its score. */
export interface TrainResult {
  weights: PerceptronWeights
  epoch: number
  score: number
}

/**
 * Train an averaged structured perceptron.
 *
 * Takes indexed training sentences and options; returns the averaged weights
 * of the epoch with the best `evaluate` score (or of the last epoch).
 * Deterministic for the same inputs and seed.
 */
export function trainPerceptron(sentences: readonly IndexedSentence[], options: TrainOptions): TrainResult {
  const L = labelCount
  const maxEpochs = options.maxEpochs ?? 20
  const patience = options.patience ?? 3
  const random = mulberry32(options.seed ?? 1)
  const log = options.log ?? ((): void => {})
  const size = options.rowCount * L
  const transitionSize = (L + 1) * L
  const current: PerceptronWeights = {weights: new Float64Array(size), transitions: new Float64Array(transitionSize)}
  // Sums of (step × change), for the averaging trick: average = current − sum / steps.
  const weightSums = new Float64Array(size)
  const transitionSums = new Float64Array(transitionSize)
  let step = 1
  const order = sentences.map((_, index) => index)
  let best: TrainResult | null = null
  let sinceBest = 0

  const averaged = (): PerceptronWeights => {
    const weights = new Float64Array(size)
    for (let i = 0; i < size; i++) weights[i] = (current.weights[i] ?? 0) - (weightSums[i] ?? 0) / step
    const transitions = new Float64Array(transitionSize)
    for (let i = 0; i < transitionSize; i++) transitions[i] = (current.transitions[i] ?? 0) - (transitionSums[i] ?? 0) / step
    return {weights, transitions}
  }

  const updateRows = (sentence: IndexedSentence, t: number, label: number, delta: number): void => {
    const from = sentence.offsets[t] ?? 0
    const to = sentence.offsets[t + 1] ?? 0
    for (let k = from; k < to; k++) {
      const index = (sentence.rows[k] ?? 0) * L + label
      current.weights[index] = (current.weights[index] ?? 0) + delta
      weightSums[index] = (weightSums[index] ?? 0) + step * delta
    }
  }
  const updateTransition = (previous: number, next: number, delta: number): void => {
    const index = (previous + 1) * L + next
    current.transitions[index] = (current.transitions[index] ?? 0) + delta
    transitionSums[index] = (transitionSums[index] ?? 0) + step * delta
  }

  for (let epoch = 1; epoch <= maxEpochs; epoch++) {
    // Fisher–Yates shuffle with the seeded generator.
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      const swap = order[i] ?? 0
      order[i] = order[j] ?? 0
      order[j] = swap
    }
    let mistakes = 0
    let tokens = 0
    for (const index of order) {
      const sentence = sentences[index]
      if (sentence === undefined) continue
      const n = sentence.gold.length
      const predicted = decode(sentence, current)
      tokens += n
      for (let t = 0; t < n; t++) {
        const gold = sentence.gold[t] ?? 0
        const guess = predicted[t] ?? 0
        const goldPrevious = t === 0 ? -1 : (sentence.gold[t - 1] ?? 0)
        const guessPrevious = t === 0 ? -1 : (predicted[t - 1] ?? 0)
        if (gold !== guess) {
          mistakes++
          updateRows(sentence, t, gold, 1)
          updateRows(sentence, t, guess, -1)
        }
        if (gold !== guess || goldPrevious !== guessPrevious) {
          updateTransition(goldPrevious, gold, 1)
          updateTransition(guessPrevious, guess, -1)
        }
      }
      step++
    }
    const weights = averaged()
    const score = options.evaluate === undefined ? epoch : options.evaluate(weights, epoch)
    log(`epoch ${epoch}: ${mistakes} training errors in ${tokens} tokens, score ${score.toFixed(2)}`)
    if (best === null || score > best.score) {
      best = {weights, epoch, score}
      sinceBest = 0
    } else if (++sinceBest >= patience) {
      break
    }
  }
  if (best === null) return {weights: averaged(), epoch: 0, score: 0}
  return best
}
