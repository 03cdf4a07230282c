/**
 * Tagging token sequences with a loaded model.
 *
 * Features of each token (see features.ts) are looked up in the model by
 * hash, summed per label, and Viterbi picks the best valid IOB2 sequence.
 */
import {
  classPairFeatures,
  describeWord,
  hintCount,
  hintFeatures,
  hintOf,
  padAfter,
  padBefore,
  registryFeatures,
  registryPairFeatures,
  shapeCount,
  triggerCount,
  windowOffsets,
  wordFeatures,
  wordPairFeatures,
} from './features.ts'
import type {Gazetteer, WordInfo} from './features.ts'
import {labelCount, labels} from './labels.ts'
import type {Label} from './labels.ts'
import {groupClitics, isCliticToken} from './corpus.ts'
import {firstGazetteer, tableGazetteer} from './gazetteer.ts'
import {buildLookup, lookupWeights} from './model.ts'
import type {TaggerModel} from './model.ts'
import {viterbi} from './perceptron.ts'
import {registryCodeCount} from './registry-codes.ts'
import type {RegistryCoder} from './registry-codes.ts'
import type {KeyedTokens} from '../registry/index.ts'

/** Options of one tagging call. */
export interface TagOptions {
  /** Gazetteer consulted for every token before the model's own word list (default: the tagger's). */
  gazetteer?: Gazetteer | undefined
  /** The same tokens keyed for the registry codes (`keyTokens`), when the caller has them. */
  keyed?: KeyedTokens | undefined
}

/** Options of a tagger. */
export interface TaggerOptions {
  /** Gazetteer consulted before the model's own word list by every call that does not pass its own (default: none). */
  gazetteer?: Gazetteer | undefined
  /** Most scored words kept between calls (default 50,000; then the store starts afresh; 0 keeps none). */
  cacheSize?: number
  /**
   * What the built-in registry says of each token (registry-codes.ts). A model
   * trained with the registry should be used with the same one; without it
   * the tagger still works, with the registry's evidence missing.
   */
  registry?: RegistryCoder | undefined
}

/** A tagger bound to one model. */
export interface Tagger {
  /**
   * Tag one sentence.
   *
   * Takes its tokens as written (normalisation happens inside); returns one
   * IOB2 label per token, always a valid IOB2 sequence.
   */
  tag(tokens: readonly string[], options?: TagOptions): Label[]
  /**
   * The forms a gazetteer is asked about for a token: its normalised form
   * and, when it has clitics, the form without them ("وقطر" → قطر).
   */
  lookupForms(token: string): readonly string[]
  /** The model the tagger uses. */
  readonly model: TaggerModel
}

/** The scoring half of a tagger: label scores of each token, before decoding. */
export interface Scorer {
  /**
   * Score a sentence (no clitic grouping).
   *
   * Takes tokens and options; returns `scores[t * labelCount + label]`,
   * the model's outside bias included.
   */
  emissions(tokens: readonly string[], options?: TagOptions): Float64Array
  /** See `Tagger.lookupForms`. */
  lookupForms(token: string): readonly string[]
}

/**
 * Make the scorer of a model.
 *
 * Takes a model and options; returns a scorer that keeps a bounded store of
 * the words it has scored, to save time on repeated words (the store never
 * changes results).
 */
export function createScorer(model: TaggerModel, options: TaggerOptions = {}): Scorer {
  const L = labelCount
  const P = windowOffsets.length
  const lookup = buildLookup(model)
  const table = lookup.table
  const cacheSize = options.cacheSize ?? 50_000
  const builtIn = tableGazetteer(model.gazetteer)

  // Add the weights of feature `id` into `into` at `at` (nothing when the model lacks it).
  const addFeature = (id: number, into: Float64Array, at: number): void => {
    const base = lookupWeights(lookup, id)
    if (base < 0) return
    for (let y = 0; y < L; y++) into[at + y] = (into[at + y] ?? 0) + (table[base + y] ?? 0)
  }
  // Scores that the features of a word (or of a hint) give at each window position: [position * L + label].
  const positionScores = (emit: (add: (position: number, id: number) => void) => void): Float64Array => {
    const scores = new Float64Array(P * L)
    emit((position, id) => addFeature(id, scores, position * L))
    return scores
  }
  const hintScores = Array.from({length: hintCount}, (_, hint) => positionScores((add) => hintFeatures(hint, add)))
  const registryScores = Array.from({length: registryCodeCount}, (_, code) => positionScores((add) => registryFeatures(code, add)))
  const coder = options.registry
  // Weights of the class pair features, in tables indexed by their classes.
  const classTable = (size: number, idOf: (index: number) => number | null): Float64Array => {
    const scores = new Float64Array(size * L)
    for (let index = 0; index < size; index++) {
      const id = idOf(index)
      if (id !== null) addFeature(id, scores, index * L)
    }
    return scores
  }
  const S = shapeCount
  const shapeTable = classTable(S * S * S, (i) => classPairFeatures.shapes(Math.floor(i / (S * S)), Math.floor(i / S) % S, i % S))
  const triggerTable = classTable(triggerCount * triggerCount, (i) => classPairFeatures.triggers(Math.floor(i / triggerCount), i % triggerCount))
  const hintAfterTable = classTable(hintCount * hintCount, (i) => classPairFeatures.hintAfter(Math.floor(i / hintCount), i % hintCount))
  const hintBeforeTable = classTable(hintCount * hintCount, (i) => classPairFeatures.hintBefore(Math.floor(i / hintCount), i % hintCount))

  const scoreWord = (info: WordInfo): ScoredWord => ({
    info,
    scores: positionScores((add) => wordFeatures(info, add)),
    builtInHint: hintOf(info.lookupForms, builtIn),
  })
  const padStart = scoreWord(padBefore)
  const padEnd = scoreWord(padAfter)

  // Words seen before (bounded); hints from an outside gazetteer are looked up at each call.
  let cache = new Map<string, ScoredWord>()
  const scored = (token: string): ScoredWord => {
    let word = cache.get(token)
    if (word === undefined) {
      word = scoreWord(describeWord(token))
      if (cache.size >= cacheSize) cache = new Map()
      if (cacheSize > 0) cache.set(token, word)
    }
    return word
  }
  // The gazetteer of the last call combined with the model's word list, reused while it is the same.
  let combinedFor: Gazetteer | undefined
  let combined: Gazetteer = builtIn

  const emissions = (tokens: readonly string[], callOptions: TagOptions = {}): Float64Array => {
    const outside = callOptions.gazetteer ?? options.gazetteer
    if (outside !== undefined && outside !== combinedFor) {
      combined = firstGazetteer(outside, builtIn)
      combinedFor = outside
    }
    const n = tokens.length
    const words: ScoredWord[] = []
    // Hints of the tokens, with a 0 of padding at both ends.
    const hints = new Int32Array(n + 2)
    for (let t = 0; t < n; t++) {
      const word = scored(tokens[t] ?? '')
      hints[t + 1] = outside === undefined ? word.builtInHint : hintOf(word.info.lookupForms, combined)
      words.push(word)
    }
    const at = (i: number): ScoredWord => (i < 0 ? padStart : i >= n ? padEnd : (words[i] ?? padEnd))
    const codes = coder?.(callOptions.keyed ?? tokens)
    const scores = new Float64Array(n * L)
    const addPair = (id: number): void => addFeature(id, scores, pairAt)
    let pairAt = 0
    for (let t = 0; t < n; t++) {
      const base = t * L
      scores[base] = model.outsideBias
      for (let k = 0; k < P; k++) {
        const i = t + (windowOffsets[k] ?? 0)
        const own = at(i).scores
        for (let y = 0; y < L; y++) scores[base + y] = (scores[base + y] ?? 0) + (own[k * L + y] ?? 0)
        const hint = hints[i + 1] ?? 0
        if (hint !== 0) {
          const fromHint = hintScores[hint] as Float64Array
          for (let y = 0; y < L; y++) scores[base + y] = (scores[base + y] ?? 0) + (fromHint[k * L + y] ?? 0)
        }
        const code = codes?.[i] ?? 0
        if (code !== 0) {
          const fromCode = registryScores[code] as Float64Array
          for (let y = 0; y < L; y++) scores[base + y] = (scores[base + y] ?? 0) + (fromCode[k * L + y] ?? 0)
        }
      }
      const previous = at(t - 1).info
      const word = at(t).info
      const next = at(t + 1).info
      pairAt = base
      wordPairFeatures(previous, word, next, addPair)
      if (codes !== undefined) registryPairFeatures(codes[t - 1] ?? 0, codes[t] ?? 0, codes[t + 1] ?? 0, word, addPair)
      const hintBefore = hints[t] ?? 0
      const hint = hints[t + 1] ?? 0
      const hintAfter = hints[t + 2] ?? 0
      const shapeAt = ((previous.shape * S + word.shape) * S + next.shape) * L
      const triggerAt = (previous.trigger * triggerCount + word.trigger) * L
      const afterAt = (hint * hintCount + hintAfter) * L
      const beforeAt = (hintBefore * hintCount + hint) * L
      for (let y = 0; y < L; y++) {
        scores[base + y] =
          (scores[base + y] ?? 0) +
          (shapeTable[shapeAt + y] ?? 0) +
          (triggerTable[triggerAt + y] ?? 0) +
          (hintAfterTable[afterAt + y] ?? 0) +
          (hintBeforeTable[beforeAt + y] ?? 0)
      }
    }
    return scores
  }

  return {emissions, lookupForms: (token) => scored(token).info.lookupForms}
}

/**
 * Make a tagger from a model.
 *
 * Takes a model and options; returns a tagger (its scorer keeps a bounded
 * store of scored words; results never depend on it).
 */
export function createTagger(model: TaggerModel, options: TaggerOptions = {}): Tagger {
  const scorer = createScorer(model, options)
  const transitions = Float64Array.from(model.transitions)
  const tagWords = (tokens: readonly string[], callOptions: TagOptions): Label[] => {
    const path = viterbi(scorer.emissions(tokens, callOptions), transitions, tokens.length)
    return Array.from(path, (id) => labels[id] ?? 'O')
  }
  return {
    model,
    lookupForms: (token) => scorer.lookupForms(token),
    tag(tokens, callOptions = {}) {
      if (!tokens.some(isCliticToken)) return tagWords(tokens, callOptions)
      const groups = groupClitics(tokens)
      if (groups.length === tokens.length) return tagWords(tokens, callOptions)
      // Segmented input ("و قال"): tag the words as running text writes them, then give each token its label.
      // The grouped words are other tokens than the ones keyed.
      const wordLabels = tagWords(
        groups.map((group) => group.text),
        {...callOptions, keyed: undefined},
      )
      const result: Label[] = []
      groups.forEach((group, index) => {
        const label = wordLabels[index] ?? 'O'
        const inside: Label = label === 'O' ? 'O' : (`I-${label.slice(2)}` as Label)
        // A proclitic inside a name ("كلية الاداب و العلوم") belongs to it; one before a name does not.
        for (let i = group.start; i < group.stem; i++) result.push(label.startsWith('I-') ? label : 'O')
        result.push(label)
        // A pronoun suffix belongs to a name only when the name goes on after it.
        const continues = wordLabels[index + 1] === inside && label !== 'O'
        for (let i = group.stem + 1; i < group.end; i++) result.push(continues ? inside : 'O')
      })
      return result
    },
  }
}

/** A word's description, the scores its own features give at each window position, and its hint in the model's word list. */
interface ScoredWord {
  info: WordInfo
  scores: Float64Array
  builtInHint: number
}
