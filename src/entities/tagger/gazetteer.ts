/**
 * Word lists of names learned from labelled text, and gazetteer helpers.
 *
 * The model carries a list of words that were mostly part of a name in its
 * training data ("قطر" → LOC, "محمد" → GIVEN, "روبيو" → PER). The tagger
 * consults it like an outside gazetteer, so a name seen in one context is
 * recognised in a new one. During training each sentence sees a list built
 * from the other parts of the training data only (jackknifing), which teaches
 * the tagger how far such a list can be trusted for words it has not seen
 * with their context.
 */
import {splitClitics} from '../../arabic/clitics.ts'
import {normalizeArabic} from '../../arabic/normalize.ts'
import type {LabelledSentence} from './corpus.ts'
import type {Label} from './labels.ts'
import type {Gazetteer, GazetteerHint} from './features.ts'

/** A word list: normalised word → hint. */
export type GazetteerTable = ReadonlyMap<string, GazetteerHint>

/** Options of `collectGazetteer`. */
export interface CollectOptions {
  /** Least number of times a word must be inside a name (default 1). */
  minNameCount?: number
  /** Least share of its occurrences a word must be inside a name (default 0.5). */
  minNameShare?: number
  /** The table keys of a token (default: its normalised form and, with clitics, the form without them). */
  keysOf?: (token: string) => readonly string[]
}

interface WordCounts {
  total: number
  PER: number
  LOC: number
  ORG: number
  /** Times the word opened a person's name of two or more words. */
  given: number
}

/**
 * Collect the words that are mostly names in labelled sentences.
 *
 * Takes sentences and options; returns normalised word → hint, where the hint
 * is the word's most frequent type, or GIVEN for a person word that mostly
 * opens a longer name. Words with clitics are also counted without them
 * ("وقطر" counts for "قطر", "بالدوحة" for "الدوحة").
 */
export function collectGazetteer(sentences: ReadonlyArray<{readonly tokens: readonly string[]; readonly labels: readonly Label[]}>, options: CollectOptions = {}): Map<string, GazetteerHint> {
  const minNameCount = options.minNameCount ?? 1
  const minNameShare = options.minNameShare ?? 0.5
  const keysOfToken = options.keysOf ?? keysOf
  const counts = new Map<string, WordCounts>()
  const countsOf = (key: string): WordCounts => {
    let entry = counts.get(key)
    if (entry === undefined) {
      entry = {total: 0, PER: 0, LOC: 0, ORG: 0, given: 0}
      counts.set(key, entry)
    }
    return entry
  }
  // First the words inside names, then how often those words occur at all: most words are never
  // inside a name, and counting only the others keeps this fast on long documents.
  sentences.forEach(({tokens, labels}) => {
    labels.forEach((label, i) => {
      if (label === 'O') return
      const type = label.slice(2) as 'PER' | 'LOC' | 'ORG'
      for (const key of keysOfToken(tokens[i] ?? '')) {
        const entry = countsOf(key)
        entry[type]++
        if (type === 'PER' && label === 'B-PER' && labels[i + 1] === 'I-PER') entry.given++
      }
    })
  })
  for (const {tokens} of sentences) {
    for (const token of tokens) {
      for (const key of keysOfToken(token)) {
        const entry = counts.get(key)
        if (entry !== undefined) entry.total++
      }
    }
  }
  const table = new Map<string, GazetteerHint>()
  for (const key of [...counts.keys()].sort()) {
    const entry = counts.get(key)
    if (entry === undefined) continue
    const names = entry.PER + entry.LOC + entry.ORG
    if (names < minNameCount || names < minNameShare * entry.total) continue
    const type = entry.PER >= entry.LOC && entry.PER >= entry.ORG ? 'PER' : entry.LOC >= entry.ORG ? 'LOC' : 'ORG'
    table.set(key, type === 'PER' && entry.given * 2 > entry.PER ? 'GIVEN' : type)
  }
  return table
}

/** The lookup keys of a token: its normalised form and, with clitics, the form without them (keeping the article). */
function keysOf(token: string): string[] {
  const norm = normalizeArabic(token)
  if (norm.length < 2) return []
  const {prefix, stem} = splitClitics(norm)
  return prefix === '' || stem === norm ? [norm] : [norm, stem]
}

/**
 * Make a gazetteer function from a table.
 *
 * Takes a table; returns a function giving the hint of a normalised token or null.
 */
export function tableGazetteer(table: GazetteerTable): Gazetteer {
  return (normalisedToken) => table.get(normalisedToken) ?? null
}

/**
 * Combine gazetteers: the first that knows a word answers.
 *
 * Takes gazetteers in order of trust (undefined entries are skipped); returns one gazetteer.
 */
export function firstGazetteer(...gazetteers: readonly (Gazetteer | undefined)[]): Gazetteer {
  const present = gazetteers.filter((g): g is Gazetteer => g !== undefined)
  return (normalisedToken) => {
    for (const gazetteer of present) {
      const hint = gazetteer(normalisedToken)
      if (hint !== null) return hint
    }
    return null
  }
}

/**
 * Give every sentence a gazetteer built from the other parts of the data.
 *
 * Takes sentences, the number of parts (default 5) and collect options;
 * returns, for each sentence, a gazetteer collected from the sentences of the
 * other parts. Parts are runs of 50 consecutive sentences dealt round-robin,
 * so a story's repeated names do not leak into its own list.
 */
export function jackknifeGazetteers(sentences: readonly LabelledSentence[], parts = 5, options: CollectOptions = {}): Gazetteer[] {
  const partOf = (index: number): number => Math.floor(index / 50) % parts
  const gazetteers: Gazetteer[] = []
  for (let part = 0; part < parts; part++) {
    gazetteers.push(tableGazetteer(collectGazetteer(sentences.filter((_, index) => partOf(index) !== part), options)))
  }
  return sentences.map((_, index) => gazetteers[partOf(index)] as Gazetteer)
}
