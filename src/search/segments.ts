/**
 * Searching the site's index when the build left it in two parts
 * (src/build/search-delta.ts): the main index, and the delta of the pages
 * changed since, which supersedes some of the main index's pages. Each part is
 * searched on its own (engine.ts), superseded pages are neither found nor
 * counted, and the parts' results are merged: by date key (newest first, as
 * each part sorts them) or by Pagefind's score (as Pagefind merges indexes
 * itself). With no delta the main index is the one part and nothing is merged.
 * The same code in the browser (search page) and in Node (node.ts), which
 * differ only in how an index is opened.
 */
import {runSearch, withoutPages, type FilterCounts, type Hit, type PageFilters, type PagefindApi, type RunOptions, type SearchOutcome} from './engine.ts'
import {DELTA_FILE, DELTA_FOLDER, SORT_FILE, STATE_FILE, UNKNOWN_DATE_SORT, type DeltaDescriptor, type SearchState, type SortKeyFile} from './fields.ts'
import type {ParsedQuery} from './query.ts'

/** One part of the site's index. */
export interface SearchSegment {
  api: PagefindApi
  /** Pages of this index a later one replaces or the site no longer has, with their filter values. */
  superseded?: ReadonlyMap<string, PageFilters>
  /** Each page's date sort key (id → key); asked for only to merge several parts' results by date. */
  sortKeys?: () => Promise<ReadonlyMap<string, string>>
}

/** How to open the site's index. */
export interface SegmentSource {
  /** The main bundle's URL, ending in `/`. */
  bundle: string
  /** The main index, opened. */
  main: PagefindApi
  /** Open the index whose bundle is at `basePath` with the main bundle's Pagefind module. */
  openIndex(basePath: string): Promise<PagefindApi>
}

/**
 * The parts of the site's index: the main index alone, or with what the delta supersedes in it
 * and (unless the delta only removes pages) the delta itself. The build's state file says whether
 * there is a delta; it is fetched afresh (`ts`, as Pagefind fetches its entry file). A delta that
 * cannot be opened leaves the main index alone searched, with a warning: a search that misses the
 * latest changes rather than none.
 */
export async function openSegments(source: SegmentSource): Promise<SearchSegment[]> {
  const state = await fetchJson<SearchState>(new URL(`${STATE_FILE}?ts=${Date.now()}`, source.bundle).href)
  if (state.delta === null) return [{api: source.main}]
  try {
    return await openDelta(source, state.delta)
  } catch (error) {
    console.warn(`search: the index of the latest changes could not be opened (${String(error)}); searching the rest`)
    return [{api: source.main}]
  }
}

async function openDelta(source: SegmentSource, version: string): Promise<SearchSegment[]> {
  const deltaBase = new URL(DELTA_FOLDER, source.bundle).href
  const descriptor = await fetchJson<DeltaDescriptor>(new URL(`${DELTA_FILE}?v=${encodeURIComponent(version)}`, deltaBase).href)
  let mainKeys: Promise<ReadonlyMap<string, string>> | undefined
  const main: SearchSegment = {
    api: source.main,
    superseded: new Map<string, PageFilters>(Object.entries(descriptor.superseded)),
    // Fetched once, and only when results of both parts are merged by date.
    sortKeys: () =>
      (mainKeys ??= fetchJson<SortKeyFile>(new URL(`${SORT_FILE}?v=${encodeURIComponent(descriptor.index)}`, source.bundle).href).then((file) =>
        keysById(file.keys)
      ))
  }
  if (descriptor.pages === 0) return [main]
  return [main, {api: await source.openIndex(deltaBase), sortKeys: async () => keysById(descriptor.sort)}]
}

/** Run `query` over every part and merge what they find. */
export async function searchSegments(segments: readonly SearchSegment[], query: ParsedQuery, options: RunOptions = {}): Promise<SearchOutcome> {
  const outcomes = await Promise.all(
    segments.map((segment) => runSearch(segment.api, query, segment.superseded ? {...options, superseded: segment.superseded} : options))
  )
  return {
    hits: await mergeHits(segments, outcomes, options.sort ?? 'date'),
    filters: sumCounts(outcomes.map((outcome) => outcome.filters)),
    truncated: outcomes.some((outcome) => outcome.truncated)
  }
}

/** Every filter value with its number of searchable pages, over every part. */
export async function filterTotals(segments: readonly SearchSegment[]): Promise<FilterCounts> {
  const counts = await Promise.all(
    segments.map(async (segment) => withoutPages((await segment.api.filters?.()) ?? {}, [...(segment.superseded?.values() ?? [])]))
  )
  // A value only superseded pages had is not offered at all.
  const totals = sumCounts(counts)
  for (const values of Object.values(totals)) for (const [value, count] of Object.entries(values)) if (count === 0) delete values[value]
  return totals
}

/** The sum of several parts' counts. */
function sumCounts(all: readonly FilterCounts[]): FilterCounts {
  const sum: FilterCounts = {}
  for (const counts of all) {
    for (const [key, values] of Object.entries(counts)) {
      const forKey = (sum[key] ??= {})
      for (const [value, count] of Object.entries(values)) forKey[value] = (forKey[value] ?? 0) + count
    }
  }
  return sum
}

/**
 * The parts' hits as one list. By relevance: by score. By date: each part's
 * hits come newest first; they are merged by their sort keys (a key not known
 * sorts last), the earlier part's hit first on equal keys.
 */
async function mergeHits(segments: readonly SearchSegment[], outcomes: readonly SearchOutcome[], sort: 'date' | 'relevance'): Promise<Hit[]> {
  const lists = outcomes.map((outcome) => outcome.hits)
  const nonEmpty = lists.filter((hits) => hits.length > 0)
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? []
  if (sort === 'relevance') return lists.flat().sort((a, b) => b.score - a.score)
  const keys = await Promise.all(
    segments.map((segment, index) => ((lists[index]?.length ?? 0) > 0 && segment.sortKeys ? segment.sortKeys() : new Map<string, string>()))
  )
  const positions = lists.map(() => 0)
  const merged: Hit[] = []
  for (;;) {
    let best = -1
    let bestKey = ''
    lists.forEach((hits, index) => {
      const hit = hits[positions[index] ?? 0]
      if (!hit) return
      const key = keys[index]?.get(hit.id) ?? UNKNOWN_DATE_SORT
      if (best < 0 || key > bestKey) {
        best = index
        bestKey = key
      }
    })
    const hit = lists[best]?.[positions[best] ?? 0]
    if (!hit) return merged
    merged.push(hit)
    positions[best] = (positions[best] ?? 0) + 1
  }
}

/** Page id → sort key, from key → page ids. */
function keysById(byKey: Record<string, string[]>): Map<string, string> {
  const keys = new Map<string, string>()
  for (const [key, ids] of Object.entries(byKey)) for (const id of ids) keys.set(id, key)
  return keys
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${response.status} fetching ${url}`)
  return (await response.json()) as T
}
