/**
 * The names the article pages write into the Pagefind index and the search
 * page reads back: one place, so writer and reader cannot drift apart.
 */

/** Meta field holding an article's alternate forms (index-terms.ts), space-separated. */
export const FORMS_META = 'alt'
/** Meta field holding an article's aliases (as query keys), joined by ALIAS_SEPARATOR. */
export const ALIASES_META = 'aliases'
export const ALIAS_SEPARATOR = ' | '
/** Meta field of the known publication date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); absent when unknown. */
export const DATE_META = 'date'

/** Sort key of every article page. */
export const DATE_SORT = 'date'
/**
 * Sort value of an article whose date is unknown. Pagefind drops a page that
 * lacks the sort key from sorted results (pagefind_web `search`: results are
 * retained only if the sort lists them), so every page gets one; this value
 * sorts before every real date, hence last when newest come first. It is a
 * sort key only: the date meta stays absent and no date is shown.
 */
export const UNKNOWN_DATE_SORT = '0000'

/** Filters, in the order the search page shows them. */
export const FILTER_KEYS = ['topic', 'person', 'organization', 'place', 'outlet', 'year'] as const
export type FilterKey = (typeof FILTER_KEYS)[number]

/** Entity types that get a filter (entities of type `other` do not). */
export const ENTITY_FILTERS = ['person', 'organization', 'place'] as const

/** File the build writes beside `pagefind.js` to load it for the search page (src/build/pagefind.ts). */
export const LOADER = 'dossier-loader.js'

/**
 * The parts of the search index (src/build/search-delta.ts): the folder of the delta index inside
 * the main bundle, its descriptor, each main part's sort keys file, and the folder of main part
 * `n` (from 2: the first part is the main bundle itself).
 */
export const DELTA_FOLDER = 'delta/'
export const DELTA_FILE = 'dossier-delta.json'
export const SORT_FILE = 'dossier-sort.json'
export const partFolder = (n: number) => `part-${n}/`
/** Written beside `pagefind.js` on every build: the main index's parts and whether there is a delta (`SearchState`). */
export const STATE_FILE = 'dossier-search.json'

/** Fetched afresh by every search page. */
export interface SearchState {
  version: number
  /**
   * Parts of the main index, each a Pagefind index of a range of dates, newest first (none before
   * `parts` was written: one). The search page opens them all.
   */
  parts?: number
  /** Whether the index has a delta: its descriptor's version, or null. */
  delta: string | null
}

/** Date sort keys of an index's pages: key → page ids. */
export interface SortKeyFile {
  version: number
  keys: Record<string, string[]>
}

/** What the search page needs to know of a delta index beside Pagefind's own files. */
export interface DeltaDescriptor {
  version: number
  /** The main index it was made against (its language hash). */
  index: string
  /** Pages in the delta. */
  pages: number
  /**
   * Main index pages the delta replaces or the site no longer has, with the filter values each was
   * indexed with, by main part (the first part's first).
   */
  superseded: Array<Record<string, Record<string, string[]>>>
  /** The delta's pages' date sort keys (key → page ids). */
  sort: Record<string, string[]>
}
