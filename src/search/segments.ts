/**
 * Searching the site's index, which the build leaves in parts
 * (src/build/search-delta.ts): the main index, itself in one or more parts of
 * successive date ranges (newest first), and possibly the delta of the pages
 * changed since, which supersedes some of the main index's pages. Each part is
 * searched on its own (engine.ts), superseded pages are neither found nor
 * counted, and the parts' results are merged: by date, the main parts' one
 * after the other (each holds older pages than the one before) and the
 * delta's merged in by date key; by relevance, by Pagefind's score (as
 * Pagefind merges indexes itself). A main index of one part with no delta is
 * searched as it is. The same code in the browser (search page) and in Node
 * (node.ts), which differ only in how an index is opened.
 */
import {runSearch, withoutPages, type FilterCounts, type Hit, type PageFilters, type PagefindApi, type RunOptions, type SearchOutcome} from './engine.ts'
import {
  DELTA_FILE,
  DELTA_FOLDER,
  partFolder,
  SORT_FILE,
  STATE_FILE,
  UNKNOWN_DATE_SORT,
  type DeltaDescriptor,
  type SearchState,
  type SortKeyFile
} from './fields.ts'
import type {ParsedQuery} from './query.ts'

/** One part of the site's index. */
export interface SearchSegment {
  api: PagefindApi
  /** A part of the main index (its pages sort after those of the main part before it), or the delta. */
  kind: 'main' | 'delta'
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
 * The parts of the site's index: the main index's parts, each with what the delta supersedes in
 * it, and (unless there is none, or it only removes pages) the delta itself. The build's state
 * file says how many parts there are and whether there is a delta; it is fetched afresh (`ts`, as
 * Pagefind fetches its entry file). A delta that cannot be opened leaves the main index alone
 * searched, with a warning: a search that misses the latest changes rather than none.
 */
export async function openSegments(source: SegmentSource): Promise<SearchSegment[]> {
  const state = await fetchJson<SearchState>(new URL(`${STATE_FILE}?ts=${Date.now()}`, source.bundle).href)
  const bases = Array.from({length: state.parts ?? 1}, (_, part) => (part === 0 ? source.bundle : new URL(partFolder(part + 1), source.bundle).href))
  // Pagefind's instances share one WebAssembly instance, loaded by the first that needs it, and an
  // opened instance may still be loading it (without a worker its `init` does not wait for that).
  // One created meanwhile loads a second, which then serves every instance, and the main index's
  // data is left in the first: its next call fails ("unreachable"). An empty search returns once
  // the main index is loaded, and loads nothing else.
  if (bases.length > 1 || state.delta !== null) await source.main.search('')
  const apis = await Promise.all(bases.map((base, part) => (part === 0 ? source.main : source.openIndex(base))))
  const main = (superseded?: DeltaDescriptor['superseded'], version?: string) =>
    apis.map((api, part): SearchSegment => {
      if (!superseded || !version) return {api, kind: 'main'}
      let keys: Promise<ReadonlyMap<string, string>> | undefined
      return {
        api,
        kind: 'main',
        superseded: new Map<string, PageFilters>(Object.entries(superseded[part] ?? {})),
        // Fetched once, and only when results of the delta and this part are merged by date.
        sortKeys: () =>
          (keys ??= fetchJson<SortKeyFile>(new URL(`${SORT_FILE}?v=${encodeURIComponent(version)}`, bases[part]).href).then((file) => keysById(file.keys)))
      }
    })
  if (state.delta === null) return main()
  try {
    const deltaBase = new URL(DELTA_FOLDER, source.bundle).href
    const descriptor = await fetchJson<DeltaDescriptor>(new URL(`${DELTA_FILE}?v=${encodeURIComponent(state.delta)}`, deltaBase).href)
    const parts = main(descriptor.superseded, descriptor.index)
    if (descriptor.pages === 0) return parts
    return [...parts, {api: await source.openIndex(deltaBase), kind: 'delta', sortKeys: async () => keysById(descriptor.sort)}]
  } catch (error) {
    console.warn(`search: the index of the latest changes could not be opened (${String(error)}); searching the rest`)
    return main()
  }
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
 * The parts' hits as one list. By relevance: by score. By date: each part's hits come newest
 * first, and each main part's after the main part's before it, so the main parts' hits are
 * listed one part after the other; the delta's are merged in by their sort keys (a key not known
 * sorts last), the main index's hit first on equal keys.
 */
async function mergeHits(segments: readonly SearchSegment[], outcomes: readonly SearchOutcome[], sort: 'date' | 'relevance'): Promise<Hit[]> {
  const lists = outcomes.map((outcome) => outcome.hits)
  const nonEmpty = lists.filter((hits) => hits.length > 0)
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? []
  if (sort === 'relevance') return lists.flat().sort((a, b) => b.score - a.score)
  const found = segments.map((segment, index) => ({segment, hits: lists[index] ?? []})).filter(({hits}) => hits.length > 0)
  const main = found.filter(({segment}) => segment.kind === 'main')
  const mainHits = main.flatMap(({hits}) => hits)
  const delta = found.find(({segment}) => segment.kind === 'delta')
  if (!delta || main.length === 0) return delta ? delta.hits : mainHits
  const keysOf = async (parts: typeof found) => {
    const keys = new Map<string, string>()
    for (const part of await Promise.all(parts.map(({segment}) => segment.sortKeys?.() ?? new Map<string, string>())))
      for (const [id, key] of part) keys.set(id, key)
    return keys
  }
  const [mainKeys, deltaKeys] = await Promise.all([keysOf(main), keysOf([delta])])
  const merged: Hit[] = []
  let m = 0
  let d = 0
  while (m < mainHits.length || d < delta.hits.length) {
    const fromMain = mainHits[m]
    const fromDelta = delta.hits[d]
    const takeMain =
      fromDelta === undefined ||
      (fromMain !== undefined && (mainKeys.get(fromMain.id) ?? UNKNOWN_DATE_SORT) >= (deltaKeys.get(fromDelta.id) ?? UNKNOWN_DATE_SORT))
    if (takeMain) merged.push(mainHits[m++] as Hit)
    else merged.push(delta.hits[d++] as Hit)
  }
  return merged
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
