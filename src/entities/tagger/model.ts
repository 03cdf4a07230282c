/**
 * The committed tagger model: quantised weights stored by feature hash.
 *
 * File layout (little-endian):
 *   bytes 0–3   magic "ANER"
 *   4–7         format version (uint32, currently 1)
 *   8–11        label count (uint32)
 *   12–15       feature count F (uint32)
 *   16–23       scale (float64): a weight is its stored integer × scale
 *   24–27       outside bias (int32, same units as the weights)
 *   28–31       reserved (zero)
 *   32–         transitions: (labels + 1) × labels int32
 *   then        feature hashes: F uint32, ascending
 *   then        weights: F × labels int16, row by row
 *   then        word list: byte length (uint32), then UTF-8 lines "word<TAB>hint"
 *               (hint P, L, O or G for PER, LOC, ORG, GIVEN), sorted by word
 * Only features with at least one non-zero quantised weight are stored.
 */
import type {GazetteerHint} from './features.ts'
import type {GazetteerTable} from './gazetteer.ts'
import {labelCount} from './labels.ts'
import type {PerceptronWeights} from './perceptron.ts'

/** A loaded model, ready for lookups. */
export interface TaggerModel {
  /** Feature hashes, ascending. */
  keys: Uint32Array
  /** Quantised weights, `keys.length × labelCount`. */
  weights: Int16Array
  /** Quantised transitions, `(labelCount + 1) × labelCount` (row 0 = sentence start). */
  transitions: Int32Array
  /** Multiply stored integers by this to get the learned weight. */
  scale: number
  /**
   * Added to the score of `O` at every token (stored units). Negative values
   * make the tagger find more names; tuned on development data after training.
   */
  outsideBias: number
  /** Words that were mostly names in the training data (see gazetteer.ts). */
  gazetteer: GazetteerTable
}

const hintLetters: Readonly<Record<GazetteerHint, string>> = {PER: 'P', LOC: 'L', ORG: 'O', GIVEN: 'G'}
const letterHints: Readonly<Record<string, GazetteerHint>> = {P: 'PER', L: 'LOC', O: 'ORG', G: 'GIVEN'}

const magic = 0x52454e41 // "ANER" read as little-endian uint32
const version = 1
const headerBytes = 32

/** Options of `quantise`. */
export interface QuantiseOptions {
  /** Bits of the stored integers (default 16). */
  bits?: number
  /**
   * Drop features whose largest learned weight (in absolute value) is at
   * most this (default 0: keep every feature with a non-zero weight). In the
   * averaged perceptron a feature met once, in one mistake, ends near 1.
   */
  minWeight?: number
}

/**
 * Quantise learned weights into a model.
 *
 * Takes the learned weights, the feature hash of every weight row and
 * options; returns the model (with an empty word list and no outside bias),
 * keeping only features that pass `minWeight` and have a non-zero weight
 * after rounding.
 */
export function quantise(learned: PerceptronWeights, rowHashes: Uint32Array, options: QuantiseOptions = {}): TaggerModel {
  const L = labelCount
  const limit = 2 ** ((options.bits ?? 16) - 1) - 1
  const minWeight = options.minWeight ?? 0
  let largest = 0
  for (const value of learned.weights) largest = Math.max(largest, Math.abs(value))
  for (const value of learned.transitions) largest = Math.max(largest, Math.abs(value))
  const scale = largest === 0 ? 1 : largest / limit
  const rows: {hash: number; values: Int16Array}[] = []
  for (let row = 0; row < rowHashes.length; row++) {
    const values = new Int16Array(L)
    let any = false
    let strongest = 0
    for (let y = 0; y < L; y++) {
      const weight = learned.weights[row * L + y] ?? 0
      strongest = Math.max(strongest, Math.abs(weight))
      const q = Math.round(weight / scale)
      values[y] = q
      if (q !== 0) any = true
    }
    if (any && strongest > minWeight) rows.push({hash: rowHashes[row] ?? 0, values})
  }
  rows.sort((a, b) => a.hash - b.hash)
  const keys = new Uint32Array(rows.length)
  const weights = new Int16Array(rows.length * L)
  rows.forEach((row, index) => {
    keys[index] = row.hash
    weights.set(row.values, index * L)
  })
  const transitions = new Int32Array((L + 1) * L)
  for (let i = 0; i < transitions.length; i++) transitions[i] = Math.round((learned.transitions[i] ?? 0) / scale)
  return {keys, weights, transitions, scale, outsideBias: 0, gazetteer: new Map()}
}

/**
 * Write a model to bytes (the layout in this module's comment).
 *
 * Takes a model; returns the file contents. The same model always gives the same bytes.
 */
export function encodeModel(model: TaggerModel): Uint8Array {
  const L = labelCount
  const count = model.keys.length
  const transitionBytes = (L + 1) * L * 4
  const words = [...model.gazetteer.keys()].sort()
  const wordList = new TextEncoder().encode(words.map((word) => `${word}\t${hintLetters[model.gazetteer.get(word) ?? 'PER']}\n`).join(''))
  const size = headerBytes + transitionBytes + count * 4 + count * L * 2 + 4 + wordList.byteLength
  const bytes = new Uint8Array(size)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, magic, true)
  view.setUint32(4, version, true)
  view.setUint32(8, L, true)
  view.setUint32(12, count, true)
  view.setFloat64(16, model.scale, true)
  view.setInt32(24, model.outsideBias, true)
  let offset = headerBytes
  for (const value of model.transitions) {
    view.setInt32(offset, value, true)
    offset += 4
  }
  for (const key of model.keys) {
    view.setUint32(offset, key, true)
    offset += 4
  }
  for (const value of model.weights) {
    view.setInt16(offset, value, true)
    offset += 2
  }
  view.setUint32(offset, wordList.byteLength, true)
  bytes.set(wordList, offset + 4)
  return bytes
}

/**
 * Read a model from bytes.
 *
 * Takes the file contents; returns the model. Throws when the bytes are not a
 * model of this format or were made for a different label set.
 */
export function decodeModel(bytes: Uint8Array): TaggerModel {
  const L = labelCount
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.byteLength < headerBytes || view.getUint32(0, true) !== magic) throw new Error('decodeModel: not an ANER tagger model')
  if (view.getUint32(4, true) !== version) throw new Error(`decodeModel: unsupported model version ${view.getUint32(4, true)}`)
  if (view.getUint32(8, true) !== L) throw new Error(`decodeModel: model has ${view.getUint32(8, true)} labels, tagger has ${L}`)
  const count = view.getUint32(12, true)
  const scale = view.getFloat64(16, true)
  const outsideBias = view.getInt32(24, true)
  const transitionCount = (L + 1) * L
  const wordListAt = headerBytes + transitionCount * 4 + count * 4 + count * L * 2
  if (bytes.byteLength < wordListAt + 4) throw new Error('decodeModel: model file is truncated')
  const wordListBytes = view.getUint32(wordListAt, true)
  if (bytes.byteLength !== wordListAt + 4 + wordListBytes) throw new Error(`decodeModel: expected ${wordListAt + 4 + wordListBytes} bytes, got ${bytes.byteLength}`)
  let offset = headerBytes
  const transitions = new Int32Array(transitionCount)
  for (let i = 0; i < transitionCount; i++, offset += 4) transitions[i] = view.getInt32(offset, true)
  const keys = new Uint32Array(count)
  for (let i = 0; i < count; i++, offset += 4) keys[i] = view.getUint32(offset, true)
  const weights = new Int16Array(count * L)
  for (let i = 0; i < weights.length; i++, offset += 2) weights[i] = view.getInt16(offset, true)
  const gazetteer = new Map<string, GazetteerHint>()
  const text = new TextDecoder().decode(bytes.subarray(wordListAt + 4))
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t')
    const hint = letterHints[line.slice(tab + 1)]
    if (tab > 0 && hint !== undefined) gazetteer.set(line.slice(0, tab), hint)
  }
  return {keys, weights, transitions, scale, outsideBias, gazetteer}
}

/**
 * Open-addressing table from feature hash to weights, built once per loaded
 * model. Each slot holds the hash and the label weights side by side
 * (`slotWidth` int32 values), so a lookup touches one cache line; the table
 * is kept at most half full, so a feature the model lacks is found missing
 * after one or two probes.
 */
export interface FeatureLookup {
  /** Slots: `[hash, weight of label 0, …, weight of label L-1, unused]`. */
  table: Int32Array
  /** Number of slots − 1 (a power of two minus one). */
  mask: number
  /** Weights of the feature whose hash is 0 (0 marks an empty slot), if the model has one. */
  zeroKeyAt: number
}

/** Int32 values per slot of a `FeatureLookup` table: the hash and 7 label weights. */
export const slotWidth = 8

/**
 * Build the lookup table of a model.
 *
 * Takes a model; returns its table.
 */
export function buildLookup(model: TaggerModel): FeatureLookup {
  const L = labelCount
  let size = 1024
  while (size < model.keys.length * 2) size *= 2
  // One extra slot at the end holds the weights of a hash-0 feature.
  const table = new Int32Array((size + 1) * slotWidth)
  const mask = size - 1
  let zeroKeyAt = -1
  for (let row = 0; row < model.keys.length; row++) {
    const key = model.keys[row] ?? 0
    let at: number
    if (key === 0) {
      at = size * slotWidth
      zeroKeyAt = at + 1
    } else {
      let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask
      while (table[slot * slotWidth] !== 0) slot = (slot + 1) & mask
      at = slot * slotWidth
      table[at] = key | 0
    }
    for (let y = 0; y < L; y++) table[at + 1 + y] = model.weights[row * L + y] ?? 0
  }
  return {table, mask, zeroKeyAt}
}

/**
 * Find the weights of a feature hash.
 *
 * Takes the table and a hash; returns the index in `lookup.table` of the
 * feature's first label weight, or -1 when the model has no such feature.
 */
export function lookupWeights(lookup: FeatureLookup, key: number): number {
  if (key === 0) return lookup.zeroKeyAt
  const wanted = key | 0
  const {table, mask} = lookup
  let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask
  for (;;) {
    const found = table[slot * slotWidth] ?? 0
    if (found === wanted) return slot * slotWidth + 1
    if (found === 0) return -1
    slot = (slot + 1) & mask
  }
}
