/**
 * Training a tagger model from labelled sentences.
 *
 * Turns sentences into feature rows, trains the averaged perceptron (with
 * early stopping on development sentences, or for a fixed number of epochs),
 * quantises and prunes the weights and tunes the outside bias (how readily
 * the tagger calls something a name) on the development sentences.
 * Deterministic for the same inputs and options.
 */
import type {LabelledSentence} from './corpus.ts'
import {describeWords, sentenceFeatures} from './features.ts'
import type {FeatureSequence, Gazetteer, WordInfo} from './features.ts'
import {collectGazetteer, jackknifeGazetteers, tableGazetteer} from './gazetteer.ts'
import type {CollectOptions} from './gazetteer.ts'
import {labelCount, labelId, labels} from './labels.ts'
import {quantise} from './model.ts'
import type {TaggerModel} from './model.ts'
import {decode, trainPerceptron, viterbi} from './perceptron.ts'
import type {IndexedSentence, PerceptronWeights} from './perceptron.ts'
import type {RegistryCoder} from './registry-codes.ts'
import {scoreTags} from './scoring.ts'
import {createScorer} from './tagger.ts'

/** Options of `trainTagger`. */
export interface TrainTaggerOptions {
  /** Largest number of epochs with early stopping (default 25). */
  maxEpochs?: number
  /** Epochs without a better dev score before stopping (default 4). */
  patience?: number
  /** Train exactly this many epochs (per seed), without early stopping (default: early stopping). */
  epochs?: readonly number[]
  /** Shuffling seed (default 1). */
  seed?: number
  /** Train one perceptron per seed and average them (default: just `seed`). */
  seeds?: readonly number[]
  /** Drop features whose largest learned weight is at most this (default 1; see `quantise`). */
  minWeight?: number
  /** Learn a word list of names and use it as a gazetteer (default true). */
  wordList?: boolean
  /** How the word list is collected (default: `collectGazetteer` defaults). */
  wordListOptions?: CollectOptions
  /** Parts of the training data for the jackknifed word lists (default 5). */
  wordListParts?: number
  /** Outside bias in learned-weight units; default: the best on dev of `biasGrid`. */
  outsideBias?: number
  /** Outside-bias values tried on dev (default -6 … 1). */
  biasGrid?: readonly number[]
  /** Registry codes as features (default: none); the model is then to be used with the same coder. */
  registry?: RegistryCoder | undefined
  /** Progress messages (default: none). */
  log?: (message: string) => void
}

/** What training produced. */
export interface TrainedTagger {
  model: TaggerModel
  /** Epochs whose averaged weights were kept, per seed. */
  epochs: number[]
  /** Outside bias chosen, in learned-weight units. */
  outsideBias: number
  /** Overall dev F1 of the final model (NaN without dev sentences). */
  devF1: number
  /** Distinct features seen in training. */
  featuresSeen: number
}

/**
 * Train a tagger model.
 *
 * Takes training sentences, development sentences (early stopping and bias
 * tuning only; may be empty when `epochs` and `outsideBias` are given) and
 * options; returns the quantised model and how it was chosen.
 */
export function trainTagger(
  train: readonly LabelledSentence[],
  dev: readonly LabelledSentence[],
  options: TrainTaggerOptions = {},
): TrainedTagger {
  const log = options.log ?? ((): void => {})
  // The word list the model will carry; each training sentence sees one built without its own part.
  const useWordList = options.wordList ?? true
  const wordList = useWordList ? collectGazetteer(train, options.wordListOptions) : new Map<string, never>()
  const trainGazetteers = useWordList ? jackknifeGazetteers(train, options.wordListParts ?? 5, options.wordListOptions) : []
  const devGazetteer = useWordList ? tableGazetteer(wordList) : undefined
  log(`word list: ${wordList.size} words`)

  const caches = new Map<Gazetteer | undefined, Map<string, WordInfo>>()
  const featuresOf = (sentence: LabelledSentence, gazetteer: Gazetteer | undefined): FeatureSequence => {
    let cache = caches.get(gazetteer)
    if (cache === undefined) {
      cache = new Map()
      caches.set(gazetteer, cache)
    }
    return sentenceFeatures(describeWords(sentence.tokens, {gazetteer}, cache), options.registry?.(sentence.tokens))
  }
  const trainFeatures = train.map((sentence, index) => featuresOf(sentence, trainGazetteers[index]))

  // Weight rows: every feature hash seen in training, in first-seen order.
  const rowOf = new Map<number, number>()
  for (const {ids} of trainFeatures) for (const id of ids) if (!rowOf.has(id)) rowOf.set(id, rowOf.size)
  const rowHashes = Uint32Array.from(rowOf.keys())
  log(`${rowOf.size} distinct features in training`)

  const indexSentence = (features: FeatureSequence, sentence: LabelledSentence): IndexedSentence => {
    const rows: number[] = []
    const n = sentence.tokens.length
    const offsets = new Uint32Array(n + 1)
    for (let t = 0; t < n; t++) {
      offsets[t] = rows.length
      for (let k = features.offsets[t] ?? 0; k < (features.offsets[t + 1] ?? 0); k++) {
        const row = rowOf.get(features.ids[k] ?? 0)
        if (row !== undefined) rows.push(row)
      }
    }
    offsets[n] = rows.length
    return {rows: Int32Array.from(rows), offsets, gold: Int32Array.from(sentence.labels, labelId)}
  }
  const trainIndexed = train.map((sentence, index) => indexSentence(trainFeatures[index] as FeatureSequence, sentence))
  const devIndexed = dev.map((sentence) => indexSentence(featuresOf(sentence, devGazetteer), sentence))
  const devGold = dev.map((sentence) => sentence.labels)

  const evaluate = (weights: PerceptronWeights): number => {
    const predicted = devIndexed.map((sentence) => Array.from(decode(sentence, weights), (id) => labels[id] ?? 'O'))
    return scoreTags(devGold, predicted).overall.f1
  }
  // One perceptron per seed (they differ in sentence order); their weights are averaged.
  const seeds = options.seeds ?? [options.seed ?? 1]
  const epochs: number[] = []
  let weights: PerceptronWeights | undefined
  seeds.forEach((seed, index) => {
    const fixed = options.epochs?.[index] ?? options.epochs?.[0]
    const result = trainPerceptron(trainIndexed, {
      rowCount: rowOf.size,
      maxEpochs: fixed ?? options.maxEpochs ?? 25,
      patience: fixed === undefined ? (options.patience ?? 4) : Infinity,
      seed,
      ...(fixed !== undefined || dev.length === 0 ? {} : {evaluate}),
      log,
    })
    log(`seed ${seed}: kept the average after epoch ${result.epoch}`)
    epochs.push(result.epoch)
    if (weights === undefined) {
      weights = result.weights
    } else {
      for (let i = 0; i < weights.weights.length; i++) weights.weights[i] = (weights.weights[i] ?? 0) + (result.weights.weights[i] ?? 0)
      for (let i = 0; i < weights.transitions.length; i++) weights.transitions[i] = (weights.transitions[i] ?? 0) + (result.weights.transitions[i] ?? 0)
    }
  })
  if (weights === undefined) throw new Error('trainTagger: no seeds')
  for (let i = 0; i < weights.weights.length; i++) weights.weights[i] = (weights.weights[i] ?? 0) / seeds.length
  for (let i = 0; i < weights.transitions.length; i++) weights.transitions[i] = (weights.transitions[i] ?? 0) / seeds.length

  const base: TaggerModel = {...quantise(weights, rowHashes, {minWeight: options.minWeight ?? 1}), gazetteer: wordList}
  log(`${base.keys.length} features kept in the model`)

  // Outside bias: a constant added to the score of O, in learned-weight units. Scores of the dev
  // sentences are computed once; each bias only shifts them before Viterbi.
  const withBias = (bias: number): TaggerModel => ({...base, outsideBias: Math.round(bias / base.scale)})
  const devEmissions = dev.length === 0 ? [] : ((scorer) => dev.map((sentence) => scorer.emissions(sentence.tokens)))(createScorer(base, {registry: options.registry}))
  const transitions = Float64Array.from(base.transitions)
  const devF1 = (model: TaggerModel): number => {
    if (dev.length === 0) return Number.NaN
    const predicted = devEmissions.map((scores, index) => {
      const shifted = Float64Array.from(scores)
      for (let i = 0; i < shifted.length; i += labelCount) shifted[i] = (shifted[i] ?? 0) + model.outsideBias
      return Array.from(viterbi(shifted, transitions, dev[index]?.tokens.length ?? 0), (id) => labels[id] ?? 'O')
    })
    return scoreTags(devGold, predicted).overall.f1
  }
  let outsideBias = options.outsideBias ?? 0
  if (options.outsideBias === undefined && dev.length > 0) {
    let best = -1
    for (const bias of options.biasGrid ?? [-6, -4, -3, -2, -1, 0, 1]) {
      const f1 = devF1(withBias(bias))
      log(`outside bias ${bias}: dev F1 ${f1.toFixed(2)}`)
      if (f1 > best) {
        best = f1
        outsideBias = bias
      }
    }
  }
  const model = withBias(outsideBias)
  return {model, epochs, outsideBias, devF1: devF1(model), featuresSeen: rowOf.size}
}
