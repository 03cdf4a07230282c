/**
 * Duplicate articles: the same text published twice, byte for byte or with
 * small edits (a changed word, a dropped sentence, different punctuation).
 *
 * Each text becomes a set of shingles: runs of five consecutive words in their
 * matching form (`wordForms` from the Arabic module: diacritics, hamza and alef
 * forms, ta marbuta and digits do not matter). Two texts are duplicates when
 * their shingle sets overlap enough (Jaccard similarity ≥ `threshold`).
 *
 * Comparing every pair is quadratic, so candidates come from MinHash with LSH
 * banding: each text gets a signature of `bands × rows` minimum hashes; texts
 * that agree on all `rows` values of any band land in the same bucket and only
 * those pairs are compared exactly. Texts whose matching forms are identical
 * (including very short ones) have identical signatures and always meet.
 *
 * Pure and deterministic: hashes are seeded constants, and the result does not
 * depend on the order of the input.
 */
import {wordForms} from '../arabic/index.ts'

/**
 * One article as the duplicate finder sees it: its text (title and body, as
 * displayed), or the same already read (`readShingles`, with the default
 * shingle size) where the articles are analysed, so the dossier-wide pass
 * does not tokenise every text again.
 */
export type DuplicateCandidate = {
  /** Unique id of the article (its slug). */
  slug: string
  /** Its date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), or null when unknown. */
  date: string | null
} & ({text: string} | {shingles: TextShingles | LazyShingles})

/**
 * Shingles whose hashes are fetched only if the text is compared with another: most texts share
 * no band with any other, so a dossier's pass need not hold every text's hashes.
 */
export interface LazyShingles {
  words: number
  hashes: () => ArrayLike<number>
  /** Its band keys (`bandKeys` of its signature, default bands and rows): all the banding reads of a text. */
  bandKeys: number[]
  /** A hash of the shingle hashes, which names the pairs it is in for `FindDuplicatesOptions.pairs`. */
  key?: string
}

/**
 * A text as the duplicate finder compares it: its shingles' hashes (distinct, sorted), its
 * number of words and its MinHash signature (`bands × rows` values; the seeds depend only on
 * that number).
 */
export interface TextShingles {
  hashes: number[]
  words: number
  signature: number[]
}

/**
 * Read a text's matching word forms (`wordForms`) for `findDuplicates`, signature included:
 * where articles are analysed one by one (and cached), so that the dossier-wide pass neither
 * tokenises every text again nor hashes every shingle 128 times on each build.
 */
export function readShingles(forms: readonly string[], shingleSize = defaults.shingleSize): TextShingles {
  const hashes = shingleHashes(forms, shingleSize)
  const signature = hashes.length === 0 ? [] : Array.from(minHashes(hashes, hashSeeds(defaults.bands * defaults.rows)))
  return {hashes: Array.from(hashes), words: forms.length, signature}
}

/** How to compare. */
export interface FindDuplicatesOptions {
  /** Minimum Jaccard similarity of the shingle sets; default 0.7. */
  threshold?: number
  /** Words per shingle; default 5. */
  shingleSize?: number
  /** LSH bands; default 32. */
  bands?: number
  /** Hashes per band; default 4 (so 128 hashes: pairs at similarity 0.7 become candidates with probability > 0.999). */
  rows?: number
  /**
   * Exact comparisons (Jaccard similarities) of candidate pairs with keyed shingles
   * (`LazyShingles.key`): those made by an earlier pass (`known`, by `pairKey`), and (`used`) those
   * this pass made or took from `known`, so that a dossier's next pass need not read the pair's
   * shingles. A similarity does not depend on the options, so `known` holds for any threshold.
   */
  pairs?: {known: ReadonlyMap<string, number>; used: Map<string, number>}
}

/**
 * The LSH band keys of a MinHash signature: each band's `rows` hashes folded into one number (a
 * rare collision only adds a pair to compare), seeded by the band's number.
 */
export function bandKeys(signature: ArrayLike<number>, bands = defaults.bands, rows = defaults.rows): number[] {
  const keys: number[] = []
  if (signature.length < bands * rows) return keys
  for (let band = 0; band < bands; band++) {
    let key = mix32(band + 1)
    for (let r = band * rows; r < band * rows + rows; r++) key = mix32(key ^ (signature[r] as number))
    keys.push(key)
  }
  return keys
}

/** The key of a pair of shingle keys, the same in either order. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`
}

const defaults = {threshold: 0.7, shingleSize: 5, bands: 32, rows: 4}

/**
 * Find duplicate articles.
 *
 * Takes the articles and options; returns a map from each duplicate's slug to
 * its original's slug (originals are not keys). Within a group of duplicates
 * (connected by similarity, so A≈B and B≈C put A, B, C together) the original
 * is chosen by, in order:
 *
 * 1. the earliest known date (compared as text, so `2025-09` counts before
 *    `2025-09-16`; unknown dates come after all known ones);
 * 2. the most words (the fullest version of the story; spelling, diacritics
 *    and punctuation do not count);
 * 3. the smallest slug (code-unit order).
 */
export function findDuplicates(docs: readonly DuplicateCandidate[], options: FindDuplicatesOptions = {}): Map<string, string> {
  const {threshold, shingleSize, bands, rows} = {...defaults, ...options}
  const sorted = [...docs].sort((a, b) => compareText(a.slug, b.slug))
  const words: number[] = []
  // Each text's band keys when they were read or made beforehand (an empty text has none).
  const banded: Array<readonly number[] | undefined> = []
  const keys = sorted.map((d) => ('shingles' in d && 'key' in d.shingles ? d.shingles.key : undefined))
  const defaultBands = bands === defaults.bands && rows === defaults.rows
  // Each text's shingle hashes, or how to get them: only texts in a shared bucket are read.
  const sources = sorted.map((d): Uint32Array | (() => ArrayLike<number>) => {
    if ('shingles' in d) {
      const shingles = d.shingles
      words.push(shingles.words)
      if ('bandKeys' in shingles) banded.push(defaultBands && shingles.bandKeys.length === bands ? shingles.bandKeys : undefined)
      else banded.push(shingles.signature.length === bands * rows ? bandKeys(shingles.signature, bands, rows) : undefined)
      const {hashes} = shingles
      return typeof hashes === 'function' ? hashes : Uint32Array.from(hashes)
    }
    const forms = wordForms(d.text)
    words.push(forms.length)
    banded.push(undefined)
    return shingleHashes(forms, shingleSize)
  })
  const shinglesOf = (i: number): Uint32Array => {
    const source = sources[i] as Uint32Array | (() => ArrayLike<number>)
    if (source instanceof Uint32Array) return source
    const hashes = Uint32Array.from(source())
    sources[i] = hashes
    return hashes
  }
  // A text with band keys has shingles (`readShingles` gives an empty text an empty signature).
  const isEmpty = (i: number) => banded[i] === undefined && shinglesOf(i).length === 0
  const groups = new DisjointSets(sorted.length)

  // MinHash + LSH: only texts that share a whole band become candidate pairs. Identical
  // matching forms give identical signatures, so they always meet, however short.
  const seeds = hashSeeds(bands * rows)
  const buckets = new Map<number, number[]>()
  sorted.forEach((_, i) => {
    if (isEmpty(i)) return
    for (const key of banded[i] ?? bandKeys(minHashes(shinglesOf(i), seeds), bands, rows)) {
      const bucket = buckets.get(key)
      if (bucket) bucket.push(i)
      else buckets.set(key, [i])
    }
  })
  const similar = (a: number, b: number): boolean => {
    const [keyA, keyB] = [keys[a], keys[b]]
    const key = options.pairs && keyA !== undefined && keyB !== undefined ? pairKey(keyA, keyB) : undefined
    const similarity = (key === undefined ? undefined : options.pairs?.known.get(key)) ?? jaccard(shinglesOf(a), shinglesOf(b))
    if (key !== undefined) options.pairs?.used.set(key, similarity)
    return similarity >= threshold
  }
  // In each bucket a text is compared with one representative per group found so far, not
  // with every member, so a bucket of n copies of one text costs n comparisons, not n².
  const compared = new Set<string>()
  for (const bucket of buckets.values()) {
    const representatives: number[] = []
    for (const member of bucket) {
      let joined = false
      for (const rep of representatives) {
        if (groups.find(rep) === groups.find(member)) {
          joined = true
          continue
        }
        const pair = `${rep},${member}`
        if (compared.has(pair)) continue
        compared.add(pair)
        if (similar(rep, member)) {
          groups.union(rep, member)
          joined = true
        }
      }
      if (!joined) representatives.push(member)
    }
  }

  const members = new Map<number, number[]>()
  sorted.forEach((_, i) => {
    const root = groups.find(i)
    const list = members.get(root)
    if (list) list.push(i)
    else members.set(root, [i])
  })
  const result = new Map<string, string>()
  for (const list of members.values()) {
    if (list.length < 2) continue
    const ranked = [...list].sort((a, b) => originalFirst(sorted[a] as DuplicateCandidate, sorted[b] as DuplicateCandidate, words[a] ?? 0, words[b] ?? 0))
    const original = sorted[ranked[0] as number] as DuplicateCandidate
    for (const i of ranked.slice(1)) result.set((sorted[i] as DuplicateCandidate).slug, original.slug)
  }
  return result
}

/** Order of preference for the original of a group (see `findDuplicates`); `aWords`/`bWords` are their word counts. */
function originalFirst(a: DuplicateCandidate, b: DuplicateCandidate, aWords: number, bWords: number): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1
    if (b.date === null) return -1
    return compareText(a.date, b.date)
  }
  if (aWords !== bWords) return bWords - aWords
  return compareText(a.slug, b.slug)
}

/** Code-unit order: the same on every machine, unlike locale comparison. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The distinct hashes of a text's shingles, sorted (for a linear-time Jaccard).
 * Each word is hashed once and a shingle's hash folds its words' hashes in
 * order. A text shorter than one shingle is one shingle of all its words.
 */
function shingleHashes(forms: readonly string[], size: number): Uint32Array {
  if (forms.length === 0) return new Uint32Array(0)
  const words = forms.map(hashString)
  const count = Math.max(1, words.length - size + 1)
  const hashes = new Uint32Array(count)
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5
    for (let j = i; j < Math.min(i + size, words.length); j++) h = mix32(h ^ (words[j] as number))
    hashes[i] = h
  }
  hashes.sort()
  let unique = 0
  for (let i = 0; i < hashes.length; i++) {
    if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[unique++] = hashes[i] as number
  }
  return hashes.slice(0, unique)
}

/** Jaccard similarity of two sorted sets of distinct hashes. */
function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0
  let j = 0
  let common = 0
  while (i < a.length && j < b.length) {
    const x = a[i] as number
    const y = b[j] as number
    if (x === y) {
      common++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  const union = a.length + b.length - common
  return union === 0 ? 1 : common / union
}

/**
 * The MinHash signature: for each seed, the least value of `mix(h XOR seed)`
 * over the shingle hashes. `mix` is a bijection on 32-bit integers, so each
 * seed gives a different permutation of the hash space.
 */
function minHashes(set: Uint32Array, seeds: Uint32Array): Uint32Array {
  const signature = new Uint32Array(seeds.length).fill(0xffffffff)
  for (const h of set) {
    for (let k = 0; k < seeds.length; k++) {
      const v = mix32(h ^ (seeds[k] as number))
      if (v < (signature[k] as number)) signature[k] = v
    }
  }
  return signature
}

/** Fixed seeds for the MinHash permutations, derived from a constant (so every build agrees). */
function hashSeeds(count: number): Uint32Array {
  const seeds = new Uint32Array(count)
  let state = 0x9e3779b9
  for (let i = 0; i < count; i++) {
    state = (state + 0x9e3779b9) >>> 0
    seeds[i] = mix32(state)
  }
  return seeds
}

/** MurmurHash3's 32-bit finaliser: a fast bijective mix of all input bits. */
function mix32(value: number): number {
  let h = value >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** FNV-1a over UTF-16 code units, finished with `mix32`. */
function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return mix32(h)
}

/** Union–find with path halving; the smaller index becomes the root, so results do not depend on union order. */
class DisjointSets {
  readonly #parent: number[]

  constructor(size: number) {
    this.#parent = Array.from({length: size}, (_, i) => i)
  }

  find(i: number): number {
    let x = i
    while (this.#parent[x] !== x) {
      const grand = this.#parent[this.#parent[x] as number] as number
      this.#parent[x] = grand
      x = grand
    }
    return x
  }

  union(a: number, b: number): void {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra === rb) return
    if (ra < rb) this.#parent[rb] = ra
    else this.#parent[ra] = rb
  }
}
