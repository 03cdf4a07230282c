/**
 * The built-in entity registry: hand-reviewed people, organisations and
 * places of Middle-East news, looked up by longest match over tokens.
 *
 * `loadRegistry()` reads the data files (data/*.json) and builds a trie over
 * the token keys of every surface form (keys.ts explains the keys). Build it
 * once per process and pass it around: the function keeps no cache.
 */
import {normalizeForOffsets, tokenize, type Token} from '../../arabic/index.ts'
import {periodCovers, surfaceForms} from './forms.ts'
import type {RolePeriod, SurfaceForm} from './forms.ts'
import {keyTokens, phraseKeysOfAll, spacingVariants, type KeyedTokens} from './keys.ts'
import {readEntries} from './load.ts'
import {createTrie, longestMatch, nodeFor, trieEntries} from './trie.ts'
import type {TrieNode} from './trie.ts'
import type {RegistryEntityType, RegistryEntry} from './types.ts'

export type {AliasSpec, PartialDate, RegistryEntityType, RegistryEntry, RegistryKind, RoleSpan} from './types.ts'
export type {RolePeriod, SurfaceForm} from './forms.ts'
export {periodCovers, periodsOverlap, surfaceForms} from './forms.ts'
export {firstTokenForms, inflectNisba, keyTokens, phraseKeys, sliceKeyed, phraseKeysOfAll, spacingVariants, tokenKey} from './keys.ts'
export type {KeyedTokens} from './keys.ts'
export {loadLexicons} from './lexicons.ts'
export {checkRegistry, idPattern} from './check.ts'
export {parseEntry, readEntries} from './load.ts'
export type {Lexicon, LexiconMatch, Lexicons} from './lexicons.ts'

/** One entity a matched phrase may refer to, and how the phrase names it. */
export interface RegistryCandidate {
  id: string
  type: RegistryEntityType
  /** The data form that produced the match (first one when several forms share the key). */
  alias: string
  /** Nationality adjective/demonym: a mention of the country, not a named mention. */
  adjective: boolean
  /** A title or description (أمير قطر): refers to whoever held it at the time, see `periods`. */
  role: boolean
  /** Common word or very common name: accept only with support from context. */
  requiresContext: boolean
  /** Marked as knowingly shared with another entity. */
  ambiguous: boolean
  /** Role titles: the periods the title designated this entity (`{}` = undated); empty otherwise. */
  periods: RolePeriod[]
}

/** Longest registry phrase at a token position. */
export interface PhraseMatch {
  /** Token index of the first token. */
  start: number
  /** Token index after the last token (exclusive). */
  end: number
  /** Proclitics split off the first token (و، ب، ل، وب …; '' when none). */
  prefix: string
  /**
   * The entities it may refer to, best first: plain names, then role titles
   * (latest holder first), then adjectives, then forms that require context;
   * data order within a rank.
   * More than one id means the phrase is ambiguous.
   */
  candidates: RegistryCandidate[]
}

/** A phrase found by `scan`, with offsets into the scanned text. */
export interface TextMatch extends PhraseMatch {
  /** Offset (UTF-16) of the phrase in the text, after any proclitic (but the whole word for لل = ل + ال). */
  from: number
  /** Offset after the phrase. */
  to: number
  /** The phrase as written (`text.slice(from, to)`). */
  text: string
}

/** Which candidates a lookup returns. */
export interface LookupOptions {
  /**
   * Date of the text (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`): role titles then
   * only match people who held them on that date (undated roles always
   * match). Default: no date, every holder is a candidate.
   */
  date?: string
  /** Match role titles (default true). */
  roles?: boolean
  /** Match nationality adjectives (default true). */
  adjectives?: boolean
  /** Match forms that require context (default true). */
  contextual?: boolean
}

/** The loaded registry. */
export interface Registry {
  /** All entries, in data order (countries, places, organisations, movements, media, persons). */
  readonly entries: readonly RegistryEntry[]
  /** The trie of token keys (read-only; for checks and statistics). */
  readonly index: TrieNode<RegistryCandidate>
  /** The entry with this id, or undefined. */
  byId(id: string): RegistryEntry | undefined
  /**
   * Longest registry phrase starting at token `i` of `tokens` (token texts,
   * normalised or not, or the same keyed once with `keyTokens` when a text is
   * looked up at many positions; punctuation tokens simply never match).
   * Proclitics on the first token are tolerated (والولايات المتحدة، للدوحة).
   * Returns undefined when no phrase starts there or no candidate passes `options`.
   */
  lookupPhrase(tokens: readonly string[] | KeyedTokens, i: number, options?: LookupOptions): PhraseMatch | undefined
  /**
   * All phrases of a text, greedy left to right (a match is skipped over).
   * Takes the text, options, and when the caller has them its tokens and
   * their keys (`keyedTextTokens`).
   */
  scan(text: string, options?: LookupOptions, tokens?: readonly Token[], keyed?: KeyedTokens): TextMatch[]
}

/** Rank of a candidate: lower is better (plain name first). */
function rank(candidate: RegistryCandidate): number {
  return (candidate.requiresContext ? 8 : 0) + (candidate.adjective ? 4 : 0) + (candidate.role ? 2 : 0) + (candidate.ambiguous ? 1 : 0)
}

/** Latest start of a role candidate's periods ('' when undated). */
function latestStart(candidate: RegistryCandidate): string {
  return candidate.periods.reduce((latest, period) => (period.from !== undefined && period.from > latest ? period.from : latest), '')
}

/**
 * Order of candidates: by rank; role titles of the same rank latest holder
 * first; otherwise data order (the sort is stable).
 */
function compareCandidates(a: RegistryCandidate, b: RegistryCandidate): number {
  const byRank = rank(a) - rank(b)
  if (byRank !== 0 || !a.role || !b.role) return byRank
  const [startA, startB] = [latestStart(a), latestStart(b)]
  return startA === startB ? 0 : startA > startB ? -1 : 1
}

/**
 * Add one form's candidate to a trie node. The same entity reached twice
 * under one key (a name that is also an adjective, a title of two terms)
 * becomes one candidate: a name beats a role or adjective reading, role
 * periods are merged.
 */
function addCandidate(values: RegistryCandidate[], candidate: RegistryCandidate): void {
  const existing = values.find((value) => value.id === candidate.id)
  if (existing === undefined) {
    values.push(candidate)
    return
  }
  if (existing.role && candidate.role) {
    existing.periods.push(...candidate.periods)
    return
  }
  if (rank(candidate) < rank(existing)) Object.assign(existing, candidate)
}

function accepts(options: LookupOptions): (candidate: RegistryCandidate) => boolean {
  const {date, roles = true, adjectives = true, contextual = true} = options
  return (candidate) => {
    if (candidate.role && !roles) return false
    if (candidate.adjective && !adjectives) return false
    if (candidate.requiresContext && !contextual) return false
    if (candidate.role && date !== undefined) return candidate.periods.some((period) => periodCovers(period, date))
    return true
  }
}

/** A text's tokens keyed for lookups (`keyTokens`): punctuation as empty tokens, which never match. */
export function keyedTextTokens(tokens: readonly Token[]): KeyedTokens {
  return keyTokens(tokens.map((token) => (token.kind === 'punct' ? '' : token.norm)))
}

/**
 * Length, in the token as written, of the proclitics before a match: the
 * match then starts after them (والولايات → الولايات). When the article was
 * restored (للدوحة = ل + الدوحة, one ل written) the letters cannot be split
 * and the whole word is kept (0).
 */
function procliticLength(written: string, norm: string, prefix: string, firstKey: string): number {
  if (prefix === '') return 0
  if (firstKey.startsWith('ال') && !norm.slice(prefix.length).startsWith('ال')) return 0
  return normalizeForOffsets(written).map[prefix.length] ?? 0
}

/**
 * Load the registry from its data files and build the lookup trie.
 * Returns the entries and lookup functions; throws on malformed data.
 */
export function loadRegistry(): Registry {
  return buildRegistry(readEntries())
}

/**
 * Build a registry from entries (the data files' entries, or others in tests).
 * Takes entries as `parseEntry` returns them; throws on a duplicate id.
 */
export function buildRegistry(entries: readonly RegistryEntry[]): Registry {
  const byId = new Map<string, RegistryEntry>()
  const root = createTrie<RegistryCandidate>()
  const indexed: Array<{entry: RegistryEntry; form: SurfaceForm}> = []
  for (const entry of entries) {
    if (byId.has(entry.id)) throw new Error(`registry: duplicate id "${entry.id}"`)
    byId.set(entry.id, entry)
    for (const form of surfaceForms(entry)) indexed.push({entry, form})
  }
  const keysOfForms = phraseKeysOfAll(indexed.map(({form}) => form.text))
  indexed.forEach(({entry, form}, position) => {
    const keys = keysOfForms[position] ?? []
    if (keys.length > 0) {
      for (const variant of [keys, ...spacingVariants(keys)]) {
        addCandidate(nodeFor(root, variant).values, {
          id: entry.id,
          type: entry.type,
          alias: form.text,
          adjective: form.adjective,
          role: form.role,
          requiresContext: form.requiresContext,
          ambiguous: form.ambiguous,
          periods: form.periods.map((period) => ({...period}))
        })
      }
    }
  })
  for (const {values} of trieEntries(root)) values.sort(compareCandidates)

  // The first token's reading is kept for `scan`'s offsets, not returned.
  const lookup = (tokens: KeyedTokens, i: number, options: LookupOptions): (PhraseMatch & {firstKey: string}) | undefined => {
    const match = longestMatch(root, tokens, i, accepts(options))
    if (match === undefined) return undefined
    return {start: i, end: match.end, prefix: match.prefix, candidates: match.values, firstKey: match.firstKey}
  }

  const lookupPhrase = (tokens: readonly string[] | KeyedTokens, i: number, options: LookupOptions = {}): PhraseMatch | undefined => {
    const hit = lookup('firstForms' in tokens ? tokens : keyTokens(tokens), i, options)
    if (hit === undefined) return undefined
    const {firstKey: _firstKey, ...match} = hit
    return match
  }

  const scan = (text: string, options: LookupOptions = {}, given?: readonly Token[], keyed?: KeyedTokens): TextMatch[] => {
    const tokens = given ?? tokenize(text)
    const keys = given !== undefined && keyed !== undefined ? keyed : keyedTextTokens(tokens)
    const found: TextMatch[] = []
    for (let i = 0; i < tokens.length; i++) {
      const hit = lookup(keys, i, options)
      const first = tokens[i]
      const last = tokens[(hit?.end ?? 0) - 1]
      if (hit === undefined || first === undefined || last === undefined) continue
      const {firstKey, ...match} = hit
      const from = first.start + procliticLength(first.text, first.norm, match.prefix, firstKey)
      found.push({...match, from, to: last.end, text: text.slice(from, last.end)})
      i = match.end - 1
    }
    return found
  }

  return {entries, index: root, byId: (id) => byId.get(id), lookupPhrase, scan}
}
