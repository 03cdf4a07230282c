/**
 * Running a parsed query against Pagefind's JS API: the same code in the
 * browser (search page) and in Node (the search quality test).
 *
 * The site's index may come in parts (src/build/search-delta.ts): each is
 * searched here on its own, the main index without the pages the delta
 * supersedes (`superseded`), and segments.ts merges what they find.
 *
 * Pagefind is asked for the query's keys (query.ts); all must match. Two
 * checks then keep only what the article really contains:
 *
 * - Pagefind matches each word as a prefix of indexed (stemmed) words and,
 *   when no indexed word starts with it, silently falls back to the longest
 *   indexed word that is a prefix of it (pagefind_web `find_word_extensions`):
 *   «بوليفيا», absent from every article, matched the one-letter fragment و of
 *   و"تسهل. So for every key that is not itself in the index (an exact search
 *   finds nothing), the results are confirmed against their text (match.ts).
 * - A quoted phrase is searched as its words, then confirmed word by word
 *   against the article's text and its entities' aliases.
 *
 * Confirming loads the results' fragments (what a result shows anyway), at
 * most `confirmLimit` of them; when more would be needed the outcome says
 * `truncated`.
 */
import {ALIAS_SEPARATOR, ALIASES_META, DATE_SORT, FORMS_META} from './fields.ts'
import {textsMatch, type MatchTexts} from './match.ts'
import type {ParsedQuery} from './query.ts'

/** Pagefind filter selection: key → value, or values that must all match. */
export type Filters = Record<string, string | string[]>

/** Counts of filter values: key → value → number of articles. */
export type FilterCounts = Record<string, Record<string, number>>

/** The parts of a Pagefind fragment (one article's stored data) the site reads. */
export interface Fragment {
  url: string
  content: string
  meta: Record<string, string | undefined>
  filters: Record<string, string[] | undefined>
}

/** One Pagefind result. */
export interface PagefindResult {
  id: string
  score: number
  data(): Promise<Fragment>
}

/** A Pagefind search response. */
export interface PagefindResponse {
  results: PagefindResult[]
  filters: FilterCounts
}

/** Search options passed through to Pagefind. */
export interface PagefindSearchOptions {
  filters?: Filters
  sort?: Record<string, 'asc' | 'desc'>
}

/** The part of Pagefind's JS API this module uses. */
export interface PagefindApi {
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse | null>
  /** Every filter value with its number of pages (to offer filters before any search). */
  filters?(): Promise<FilterCounts>
}

/** Filter values of one page: key → values. */
export type PageFilters = Record<string, string[] | undefined>

/** Options of `runSearch`. */
export interface RunOptions {
  /** Filter selection (default none). */
  filters?: Filters
  /** `date`: newest first (articles of unknown date last); `relevance`: Pagefind's ranking. Default `date`. */
  sort?: 'date' | 'relevance'
  /** Most fragments loaded to confirm results (default 60). */
  confirmLimit?: number
  /** Pages of the index a later index replaces or the site no longer has, with their filter values: never found, never counted. */
  superseded?: ReadonlyMap<string, PageFilters>
}

/** A confirmed result, best first. */
export interface Hit {
  id: string
  /** Pagefind's score (with a sort, its rank in its index). */
  score: number
  /** The article's fragment (loaded once). */
  data(): Promise<Fragment>
}

/** What a search found. */
export interface SearchOutcome {
  hits: Hit[]
  /** Filter value counts among the hits. */
  filters: FilterCounts
  /** True when more results needed confirming than `confirmLimit` allowed (the rest are left out). */
  truncated: boolean
}

/** An outcome with nothing found. */
const nothing = (): SearchOutcome => ({hits: [], filters: {}, truncated: false})

/** A hit whose fragment is fetched once, however often it is asked for. */
function toHit(result: PagefindResult): Hit {
  let loading: Promise<Fragment> | undefined
  return {id: result.id, score: result.score, data: () => (loading ??= result.data())}
}

/** What a result is confirmed against: its content, alternate forms and aliases. */
export function fragmentTexts(fragment: Fragment): MatchTexts {
  const aliases = fragment.meta[ALIASES_META]
  return {content: fragment.content, forms: fragment.meta[FORMS_META] ?? '', aliases: aliases ? aliases.split(ALIAS_SEPARATOR.trim()) : []}
}

/** Count the filter values of fragments. */
function countFilters(fragments: readonly Fragment[]): FilterCounts {
  const counts: FilterCounts = {}
  for (const fragment of fragments) {
    for (const [key, values] of Object.entries(fragment.filters)) {
      const forKey = (counts[key] ??= {})
      for (const value of values ?? []) forKey[value] = (forKey[value] ?? 0) + 1
    }
  }
  return counts
}

/**
 * Run `query` (see module doc) over one index. An unsearchable query with
 * filters lists the filtered articles; with no filters it finds nothing.
 */
export async function runSearch(api: PagefindApi, query: ParsedQuery, options: RunOptions = {}): Promise<SearchOutcome> {
  const filters = options.filters ?? {}
  const sort = (options.sort ?? 'date') === 'date' ? {[DATE_SORT]: 'desc' as const} : undefined
  const searchOptions: PagefindSearchOptions = sort ? {filters, sort} : {filters}
  const superseded = options.superseded ?? new Map<string, PageFilters>()
  /** A response without the superseded pages, its counts without theirs. */
  const current = (response: PagefindResponse): PagefindResponse => {
    const dropped: PageFilters[] = []
    for (const result of response.results) {
      const page = superseded.get(result.id)
      if (page) dropped.push(page)
    }
    if (dropped.length === 0) return response
    return {results: response.results.filter((result) => !superseded.has(result.id)), filters: withoutPages(response.filters, dropped)}
  }

  if (!query.searchable) {
    if (Object.keys(filters).length === 0) return nothing()
    const found = await api.search(null, searchOptions)
    if (!found) return nothing()
    const listed = current(found)
    return {hits: listed.results.map(toHit), filters: listed.filters, truncated: false}
  }

  // Which keys are words of the index (an exact search finds them)?
  const [found, ...exact] = await Promise.all([api.search(query.keys.join(' '), searchOptions), ...query.keys.map((key) => api.search(`"${key}"`))])
  if (!found) return nothing()
  const response = current(found)
  const unconfirmed = query.keys.filter((_, index) => (exact[index]?.results.length ?? 0) === 0)
  if (unconfirmed.length === 0 && query.phrases.length === 0) {
    return {hits: response.results.map(toHit), filters: response.filters, truncated: false}
  }

  const limit = options.confirmLimit ?? 60
  const candidates = response.results.slice(0, limit).map(toHit)
  const fragments = await Promise.all(candidates.map((hit) => hit.data()))
  const kept: Hit[] = []
  const keptFragments: Fragment[] = []
  candidates.forEach((hit, index) => {
    const fragment = fragments[index]
    if (fragment && textsMatch(fragmentTexts(fragment), query, unconfirmed)) {
      kept.push(hit)
      keptFragments.push(fragment)
    }
  })
  return {hits: kept, filters: countFilters(keptFragments), truncated: response.results.length > limit}
}

/** `counts` without the filter values of the given pages. */
export function withoutPages(counts: FilterCounts, pages: readonly PageFilters[]): FilterCounts {
  if (pages.length === 0) return counts
  const result: FilterCounts = {}
  for (const [key, values] of Object.entries(counts)) result[key] = {...values}
  for (const page of pages) {
    for (const [key, values] of Object.entries(page)) {
      const forKey = result[key]
      for (const value of values ?? []) if (forKey?.[value] !== undefined) forKey[value] = Math.max(0, forKey[value] - 1)
    }
  }
  return result
}
