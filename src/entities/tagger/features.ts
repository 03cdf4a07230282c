/**
 * Features of tokens for the entity tagger.
 *
 * Each token is described by the words in a window of ±2 around it: the
 * normalised word, its stem without clitics and article, its light stem, the
 * clitics, the first and last letters of the stem and the letter trigrams
 * inside it, its shape (Arabic, Latin, digits, punctuation), its length,
 * whether it is a trigger word (a title, the head of an organisation's name,
 * a place cue, a speech verb, a kinship word) and, when a gazetteer is given,
 * what the gazetteer knows about it; plus a few pairs of neighbouring words.
 *
 * Features are 32-bit hashes, never strings: the model stores weights by
 * hash. Everything is computed on `normalizeArabic` output, so training text
 * written without hamza ("اعلن") and real text written with it ("أعلن") give
 * the same features.
 *
 * The features of one word at one window position do not depend on the other
 * words (`wordFeatures`), so a tagger can add up their weights once per
 * distinct word; only `pairFeatures` look at two words at once.
 */
import {splitClitics, stripArticle} from '../../arabic/clitics.ts'
import {normalizeArabic} from '../../arabic/normalize.ts'
import {lightStem} from '../../arabic/stem.ts'
import {hashMore, hashStart} from './hash.ts'
import {buildTriggerTable} from './triggers.ts'
import type {TriggerClass} from './triggers.ts'

/** What a gazetteer (entity registry) knows about a normalised word. `GIVEN` is a given name. */
export type GazetteerHint = 'PER' | 'LOC' | 'ORG' | 'GIVEN'

/** A gazetteer: takes a normalised token, returns what it is known as, or null. */
export type Gazetteer = (normalisedToken: string) => GazetteerHint | null

/** Options of feature extraction. */
export interface FeatureOptions {
  /** Gazetteer consulted for every token (default: none). */
  gazetteer?: Gazetteer | undefined
}

/** Everything the features need to know about one word, computed once per distinct word. */
export interface WordInfo {
  /** The word after `normalizeArabic`, digits written 0. */
  norm: string
  /** Hashes of the normalised word, its stem (no clitics, no article), light stem and clitics. */
  normHash: number
  stemHash: number
  lightHash: number
  cliticHash: number
  /** Hashes of the stem's first 1–3 and last 1–3 letters, in that order. */
  affixHashes: readonly number[]
  /** Hashes of the letter trigrams of the stem marked ^…$ (Arabic stems of 4+ letters). */
  trigramHashes: readonly number[]
  /** Shape class (small integer, see `shapeOf`). */
  shape: number
  /** Length bucket of the stem, plus 16 when the word has the article. */
  lengthCode: number
  /** Trigger class id (0 = none). */
  trigger: number
  /** Gazetteer hint id (0 = none). */
  gazetteer: number
  /**
   * The forms a gazetteer is asked about, in order: the normalised word, then
   * (with clitics) the word without them; none for punctuation, numbers and
   * one-letter words.
   */
  lookupForms: readonly string[]
}

/** Features of a sentence: token i's feature hashes are `ids[offsets[i]] … ids[offsets[i+1]-1]`. */
export interface FeatureSequence {
  ids: Uint32Array
  offsets: Uint32Array
}

const triggerIds: Readonly<Record<TriggerClass, number>> = {title: 1, orgHead: 2, placeCue: 3, speech: 4, kin: 5}
const gazetteerIds: Readonly<Record<GazetteerHint, number>> = {PER: 1, LOC: 2, ORG: 3, GIVEN: 4}
const triggerTable = buildTriggerTable(normalizeArabic)

// Shapes: the kinds of characters a word is made of.
const shapeArabic = 1
const shapeLatinLower = 2
const shapeLatinCapital = 3
const shapeLatinUpper = 4
const shapeDigits = 5
const shapePunct = 6
const shapeMixed = 7
const shapeAlnum = 8
const shapePadding = 9 // below shapeCount

const arabicLetters = /^[\u0621-\u064A\u0671-\u06D3]+$/
const latinLetters = /^[A-Za-z\u00C0-\u024F]+$/
const digitsOnly = /^[0-9.,/:-]*[0-9][0-9.,/:-]*$/
const hasLetterOrDigit = /[\p{L}\p{N}]/u
const hasDigit = /[0-9]/
const allDigits = /[0-9]/g

/** Shape class of a normalised word (Latin case read from `written`, as normalisation lower-cases). */
function shapeOf(norm: string, written: string): number {
  if (arabicLetters.test(norm)) return shapeArabic
  if (latinLetters.test(norm)) {
    if (written === norm || written === written.toLowerCase()) return shapeLatinLower
    if (written === written.toUpperCase()) return shapeLatinUpper
    return shapeLatinCapital
  }
  if (digitsOnly.test(norm)) return shapeDigits
  if (!hasLetterOrDigit.test(norm)) return shapePunct
  return hasDigit.test(norm) ? shapeAlnum : shapeMixed
}

function lengthBucket(length: number): number {
  return length <= 5 ? length : length <= 7 ? 6 : 7
}

/** FNV-1a hash of `text.slice(from, to)` without making the slice. */
function hashRange(text: string, from: number, to: number): number {
  let h = hashStart
  for (let i = Math.max(0, from); i < to && i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/**
 * Describe one word for the features.
 *
 * Takes a token as written and the options; returns its `WordInfo`. Pure:
 * the same token and gazetteer always give the same result.
 */
export function describeWord(token: string, options: FeatureOptions = {}): WordInfo {
  const normalised = normalizeArabic(token)
  const norm = hasDigit.test(normalised) ? normalised.replace(allDigits, '0') : normalised
  const shape = shapeOf(norm, token)
  const arabic = shape === shapeArabic
  // Conjunction/preposition come off with splitClitics (which keeps the article), then the article.
  const split = arabic ? splitClitics(norm) : {prefix: '', stem: norm}
  const stem = arabic ? stripArticle(split.stem) : norm
  const hasArticle = stem !== split.stem
  const n = stem.length
  const trigramHashes: number[] = []
  if (arabic && n > 3) {
    // Trigrams of "^stem$": the edge marks are hashed as code points outside the Arabic block.
    trigramHashes.push(Math.imul(hashRange(stem, 0, 2) ^ 0x5e, 0x01000193) >>> 0)
    for (let i = 0; i + 3 <= n; i++) trigramHashes.push(hashRange(stem, i, i + 3))
    trigramHashes.push(Math.imul(hashRange(stem, n - 2, n) ^ 0x24, 0x01000193) >>> 0)
  }
  const trigger = triggerTable.get(norm) ?? triggerTable.get(split.stem) ?? triggerTable.get(stem)
  // "وقطر", "بالدوحة": a gazetteer is asked again without the conjunction/preposition (keeping
  // the article). Punctuation, numbers and one-letter words are never names.
  const lookupForms = shape === shapePunct || shape === shapeDigits || norm.length < 2 ? [] : split.prefix === '' ? [norm] : [norm, split.stem]
  return {
    norm,
    normHash: hashRange(norm, 0, norm.length),
    stemHash: hashRange(stem, 0, n),
    lightHash: arabic ? hashMore(hashStart, lightStem(norm)) : hashRange(norm, 0, norm.length),
    cliticHash: hashMore(hashStart, hasArticle ? `${split.prefix}ال` : split.prefix),
    affixHashes: [hashRange(stem, 0, 1), hashRange(stem, 0, 2), hashRange(stem, 0, 3), hashRange(stem, n - 1, n), hashRange(stem, n - 2, n), hashRange(stem, n - 3, n)],
    trigramHashes,
    shape,
    lengthCode: lengthBucket(n) | (hasArticle ? 16 : 0),
    trigger: trigger === undefined ? 0 : triggerIds[trigger],
    gazetteer: hintOf(lookupForms, options.gazetteer),
    lookupForms,
  }
}

/**
 * The gazetteer hint id of a word.
 *
 * Takes the word's lookup forms (`WordInfo.lookupForms`) and a gazetteer;
 * returns the id of the first answer (0 when there is no gazetteer or no answer).
 */
export function hintOf(lookupForms: readonly string[], gazetteer: Gazetteer | undefined): number {
  if (gazetteer === undefined) return 0
  for (const form of lookupForms) {
    const hint = gazetteer(form)
    if (hint !== null) return gazetteerIds[hint]
  }
  return 0
}

/** Number of gazetteer hint ids, 0 (none) included. */
export const hintCount = 5

/**
 * Describe the words of a sentence, reusing descriptions from `cache`.
 *
 * Takes tokens as written, the options and a cache owned by the caller (a
 * Map from token to description, for one gazetteer only; pass a fresh Map for
 * none); returns one `WordInfo` per token. The cache only saves time.
 */
export function describeWords(tokens: readonly string[], options: FeatureOptions, cache: Map<string, WordInfo>): WordInfo[] {
  const words: WordInfo[] = []
  for (const token of tokens) {
    let info = cache.get(token)
    if (info === undefined) {
      info = describeWord(token, options)
      cache.set(token, info)
    }
    words.push(info)
  }
  return words
}

function padding(marker: string): WordInfo {
  const h = hashMore(hashStart, marker)
  return {norm: marker, normHash: h, stemHash: h, lightHash: h, cliticHash: h, affixHashes: [h, h, h, h, h, h], trigramHashes: [], shape: shapePadding, lengthCode: 0, trigger: 6, gazetteer: 0, lookupForms: []}
}

/** The padding word before the first token of a sentence. */
export const padBefore: WordInfo = padding('<s>')
/** The padding word after the last token of a sentence. */
export const padAfter: WordInfo = padding('</s>')

/** Mix a value into a running feature hash (FNV step plus a finaliser, so nearby values spread). */
function mix(h: number, value: number): number {
  let x = Math.imul((h ^ value) >>> 0, 0x01000193)
  x ^= x >>> 15
  x = Math.imul(x, 0x85ebca6b)
  x ^= x >>> 13
  return x >>> 0
}

// One seed per feature template, so equal values in different templates never share a weight.
const templateNames = [
  'bias', 'w0', 's0', 'l0', 'c0', 'p1', 'p2', 'p3', 'x1', 'x2', 'x3', 'sh0', 'len0', 'sh0len0', 'tri0', 'c0x2', 't0', 'g0',
  'w-1', 's-1', 'l-1', 't-1', 'g-1', 'w+1', 's+1', 'l+1', 't+1', 'g+1', 'w-2', 's-2', 't-2', 'w+2', 's+2',
  'w-1w0', 'w0w+1', 's-1s0', 's0s+1', 'sh-1sh0sh+1', 'x2-1x20', 't-1t0', 't-1s0', 'g0g+1', 'g-1g0',
  'x2-1', 'x2+1', 'c-1', 'c+1', 'len-1', 'len+1', 'g-2', 'g+2',
  'r-2', 'r-1', 'r0', 'r+1', 'r+2', 'r-1r0', 'r0r+1', 'r0s0',
] as const
type TemplateName = (typeof templateNames)[number]
const seeds = Object.fromEntries(templateNames.map((name) => [name, hashMore(hashStart, `tpl:${name}`)])) as Record<TemplateName, number>

/** Relative positions in the window; `wordFeatures` reports a position by its index here. */
export const windowOffsets: readonly number[] = [-2, -1, 0, 1, 2]

/**
 * The features a word gives by itself, at every position of the window,
 * apart from its gazetteer hint (see `hintFeatures`).
 *
 * Takes a word and a callback; calls `add(position, hash)` for each feature
 * the word gives when it stands at `windowOffsets[position]` relative to the
 * token being tagged (position 2 is the token itself).
 */
export function wordFeatures(word: WordInfo, add: (position: number, id: number) => void): void {
  const a = word.affixHashes
  // Two tokens before the tagged one.
  add(0, mix(seeds['w-2'], word.normHash))
  add(0, mix(seeds['s-2'], word.stemHash))
  add(0, mix(seeds['t-2'], word.trigger))
  // Right before it.
  add(1, mix(seeds['w-1'], word.normHash))
  add(1, mix(seeds['s-1'], word.stemHash))
  add(1, mix(seeds['l-1'], word.lightHash))
  add(1, mix(seeds['t-1'], word.trigger))
  add(1, mix(seeds['x2-1'], a[4] ?? 0))
  add(1, mix(seeds['c-1'], word.cliticHash))
  add(1, mix(seeds['len-1'], word.shape * 32 + word.lengthCode))
  // The tagged token itself.
  add(2, seeds.bias)
  add(2, mix(seeds.w0, word.normHash))
  add(2, mix(seeds.s0, word.stemHash))
  add(2, mix(seeds.l0, word.lightHash))
  add(2, mix(seeds.c0, word.cliticHash))
  add(2, mix(seeds.p1, a[0] ?? 0))
  add(2, mix(seeds.p2, a[1] ?? 0))
  add(2, mix(seeds.p3, a[2] ?? 0))
  add(2, mix(seeds.x1, a[3] ?? 0))
  add(2, mix(seeds.x2, a[4] ?? 0))
  add(2, mix(seeds.x3, a[5] ?? 0))
  add(2, mix(seeds.sh0, word.shape))
  add(2, mix(seeds.len0, word.lengthCode))
  add(2, mix(seeds.sh0len0, word.shape * 32 + word.lengthCode))
  add(2, mix(mix(seeds.c0x2, word.cliticHash), a[4] ?? 0))
  add(2, mix(seeds.t0, word.trigger))
  for (const trigram of word.trigramHashes) add(2, mix(seeds.tri0, trigram))
  // Right after it.
  add(3, mix(seeds['w+1'], word.normHash))
  add(3, mix(seeds['s+1'], word.stemHash))
  add(3, mix(seeds['l+1'], word.lightHash))
  add(3, mix(seeds['t+1'], word.trigger))
  add(3, mix(seeds['x2+1'], a[4] ?? 0))
  add(3, mix(seeds['c+1'], word.cliticHash))
  add(3, mix(seeds['len+1'], word.shape * 32 + word.lengthCode))
  // Two tokens after it.
  add(4, mix(seeds['w+2'], word.normHash))
  add(4, mix(seeds['s+2'], word.stemHash))
}

/**
 * The features a word's gazetteer hint gives, at every position of the window.
 *
 * Takes a hint id (0 gives no features) and a callback; calls `add(position,
 * hash)` as `wordFeatures` does. They depend on the hint alone, so a tagger
 * can keep their weights once for all words.
 */
export function hintFeatures(hint: number, add: (position: number, id: number) => void): void {
  valueAtWindow(hintSeeds, hint, add)
}

/**
 * The features a registry code gives at every position of the window (see
 * registry-codes.ts).
 *
 * Takes a code (0 gives no features) and a callback; calls `add(position,
 * hash)` as `wordFeatures` does.
 */
export function registryFeatures(code: number, add: (position: number, id: number) => void): void {
  valueAtWindow(registrySeeds, code, add)
}

const hintSeeds = [seeds['g-2'], seeds['g-1'], seeds.g0, seeds['g+1'], seeds['g+2']]
const registrySeeds = [seeds['r-2'], seeds['r-1'], seeds.r0, seeds['r+1'], seeds['r+2']]

/** A value's feature at each window position, one template seed per position; 0 gives none. */
function valueAtWindow(windowSeeds: readonly number[], value: number, add: (position: number, id: number) => void): void {
  if (value === 0) return
  windowSeeds.forEach((seed, position) => add(position, mix(seed, value)))
}

/**
 * The features of a token made of its registry code with its neighbours'
 * codes or with its own stem (a registry place that the corpora annotate
 * otherwise, a word that is a name only in some phrases).
 *
 * Takes the codes of the previous token, the token and the next token, the
 * token's word, and a callback receiving each feature hash; nothing when all
 * three codes are 0.
 */
export function registryPairFeatures(before: number, code: number, after: number, word: WordInfo, add: (id: number) => void): void {
  if (before === 0 && code === 0 && after === 0) return
  add(mix(seeds['r-1r0'], before * 16 + code))
  add(mix(seeds['r0r+1'], code * 16 + after))
  if (code !== 0) add(mix(mix(seeds.r0s0, code), word.stemHash))
}

/**
 * The features of a token that depend on two or more words, apart from
 * those of `classPairFeatures`.
 *
 * Takes the token's word and its neighbours (padding past the edges) and a
 * callback receiving each feature hash.
 */
export function wordPairFeatures(previous: WordInfo, word: WordInfo, next: WordInfo, add: (id: number) => void): void {
  add(mix(mix(seeds['w-1w0'], previous.normHash), word.normHash))
  add(mix(mix(seeds['w0w+1'], word.normHash), next.normHash))
  add(mix(mix(seeds['s-1s0'], previous.stemHash), word.stemHash))
  add(mix(mix(seeds['s0s+1'], word.stemHash), next.stemHash))
  add(mix(mix(seeds['x2-1x20'], previous.affixHashes[4] ?? 0), word.affixHashes[4] ?? 0))
  if (previous.trigger !== 0) add(mix(mix(seeds['t-1s0'], previous.trigger), word.stemHash))
}

/** Largest shape id + 1, trigger id + 1 and hint id + 1: the ranges of the class pair features. */
export const shapeCount = 10
export const triggerCount = 7

/**
 * The pair features made of small classes: the shapes of the three words,
 * the trigger classes of the previous word and the word, the gazetteer hints
 * of the word and each neighbour. They take few values, so a tagger can keep
 * their weights in small tables, indexed as `classPairKeys` says.
 */
export const classPairFeatures = {
  /** Shapes of previous word, word, next word (each below `shapeCount`). */
  shapes: (before: number, shape: number, after: number): number => mix(seeds['sh-1sh0sh+1'], before * 100 + shape * 10 + after),
  /** Trigger classes of previous word and word (each below `triggerCount`). */
  triggers: (before: number, trigger: number): number => mix(seeds['t-1t0'], before * 8 + trigger),
  /** Hints of word and next word; no feature (null) when both are 0. */
  hintAfter: (hint: number, after: number): number | null => (hint !== 0 || after !== 0 ? mix(seeds['g0g+1'], hint * 8 + after) : null),
  /** Hints of previous word and word; no feature (null) when both are 0. */
  hintBefore: (before: number, hint: number): number | null => (hint !== 0 || before !== 0 ? mix(seeds['g-1g0'], before * 8 + hint) : null),
}

/**
 * All features of a token that depend on two or more words.
 *
 * Takes the token's word and its neighbours (padding past the edges) and a
 * callback receiving each feature hash; hints are the words' `gazetteer` fields.
 */
export function pairFeatures(previous: WordInfo, word: WordInfo, next: WordInfo, add: (id: number) => void): void {
  wordPairFeatures(previous, word, next, add)
  add(classPairFeatures.shapes(previous.shape, word.shape, next.shape))
  add(classPairFeatures.triggers(previous.trigger, word.trigger))
  const after = classPairFeatures.hintAfter(word.gazetteer, next.gazetteer)
  if (after !== null) add(after)
  const before = classPairFeatures.hintBefore(previous.gazetteer, word.gazetteer)
  if (before !== null) add(before)
}

/**
 * Compute the features of every token of a sentence.
 *
 * Takes the sentence's words (from `describeWord`) and, when a registry is
 * used, their registry codes; returns their feature hashes: for token i, what
 * words i-2 … i+2, their gazetteer hints and registry codes give at their
 * positions (padding past the edges), then the pair features.
 */
export function sentenceFeatures(words: readonly WordInfo[], codes?: Uint8Array): FeatureSequence {
  const n = words.length
  const at = (i: number): WordInfo => (i < 0 ? padBefore : i >= n ? padAfter : (words[i] ?? padAfter))
  // Each word's features, grouped by position.
  const byPosition = (word: WordInfo): number[][] => {
    const groups: number[][] = windowOffsets.map(() => [])
    const add = (position: number, id: number): void => {
      groups[position]?.push(id)
    }
    wordFeatures(word, add)
    hintFeatures(word.gazetteer, add)
    return groups
  }
  const groups = new Map<WordInfo, number[][]>()
  const groupsOf = (word: WordInfo): number[][] => {
    let found = groups.get(word)
    if (found === undefined) {
      found = byPosition(word)
      groups.set(word, found)
    }
    return found
  }
  const ids: number[] = []
  const offsets = new Uint32Array(n + 1)
  const add = (id: number): void => {
    ids.push(id)
  }
  for (let i = 0; i < n; i++) {
    offsets[i] = ids.length
    windowOffsets.forEach((offset, position) => {
      for (const id of groupsOf(at(i + offset))[position] ?? []) ids.push(id)
      registryFeatures(codes?.[i + offset] ?? 0, (p, id) => {
        if (p === position) ids.push(id)
      })
    })
    pairFeatures(at(i - 1), at(i), at(i + 1), add)
    registryPairFeatures(codes?.[i - 1] ?? 0, codes?.[i] ?? 0, codes?.[i + 1] ?? 0, at(i), add)
  }
  offsets[n] = ids.length
  return {ids: Uint32Array.from(ids), offsets}
}
