/**
 * The search index in parts, so that adding an article does not mean indexing every page again,
 * and indexing every page does not mean holding all of them in memory at once.
 *
 * The main index (`pagefind/`) is built whole from time to time, in parts of at most `PART_PAGES`
 * pages: each part a Pagefind index of its own, of a range of dates (the first part the newest
 * pages, in `pagefind/` itself; part n in `pagefind/part-n/`). Pagefind holds every page of an index
 * in memory while it builds it: at 10,000 articles one index took 5 GB, two halves 2.6 GB each
 * (BENCHMARKS.md). A part's results sorted by date come after the previous part's, so the search
 * page lists them one part after the other (splitParts).
 *
 * Pagefind has no incremental mode: each run parses and indexes every page, about 40 s at 10,000
 * articles even when one page changed. So the main index is kept, and a build that changed few
 * article pages indexes only those into a second, small index, the delta (`pagefind/delta/`), with
 * the list of the main index's pages it supersedes (changed since, or gone). The search page
 * searches all of them and merges what they find (src/search/segments.ts). Once the pages changed
 * since the main index pass `DELTA_SHARE` of it, the main index is built whole again and the delta
 * dropped.
 *
 * What is compared is a page's indexed body: the element marked `data-pagefind-body`, which holds
 * everything Pagefind takes from an article page (text, title, filters, meta, sort key). Pages whose
 * body is the same byte for byte index the same.
 *
 * What the build keeps (`SearchIndexState`, in the ingest's cache folder): per page of the main
 * index, its body's hash, its part, its Pagefind page id and its date sort key. What the site gets:
 * `dossier-sort.json` in each part (its sort keys, which merging with a delta by date needs) and,
 * when there is a delta, `pagefind/delta/dossier-delta.json` (`DeltaDescriptor`), whose version
 * `pagefind/dossier-search.json` gives with the number of parts (src/build/pagefind.ts).
 */
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {gunzipSync, constants as zlib} from 'node:zlib'
import {recordOf, untouched, withChangeTime, type FileRecord} from '../file-records.ts'
import {DATE_SORT, DELTA_FILE, partFolder, SORT_FILE, UNKNOWN_DATE_SORT, type DeltaDescriptor, type SortKeyFile} from '../search/fields.ts'
import {payload, readEntry} from './pagefind-bundle.ts'

/** Share of the main index's pages a delta may replace or add before the main index is built whole again. */
export const DELTA_SHARE = 0.02

/**
 * The share a delta may reach: `DOSSIER_SEARCH_DELTA` (from 0, every build indexes every page, to
 * 1), or `DELTA_SHARE`.
 */
export function deltaShare(env: NodeJS.ProcessEnv = process.env): number {
  const value = env['DOSSIER_SEARCH_DELTA']
  if (value === undefined || value === '') return DELTA_SHARE
  const share = Number(value)
  if (!Number.isFinite(share) || share < 0 || share > 1) throw new Error(`DOSSIER_SEARCH_DELTA must be a number from 0 to 1, not "${value}"`)
  return share
}

/** Pages in a part of the main index at most (unless one date has more). */
export const PART_PAGES = 5000

/** The most pages of a main index part: `DOSSIER_SEARCH_PART_PAGES` (a whole number from 1), or `PART_PAGES`. */
export function partPages(env: NodeJS.ProcessEnv = process.env): number {
  const value = env['DOSSIER_SEARCH_PART_PAGES']
  if (value === undefined || value === '') return PART_PAGES
  const pages = Number(value)
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(pages) || pages < 1) {
    throw new Error(`DOSSIER_SEARCH_PART_PAGES must be a whole number of pages from 1, not "${value}"`)
  }
  return pages
}

/** Version of the files written here; another version is not read. */
const STATE_VERSION = 2

/** An article page of the built site, as the search index sees it. */
export interface ArticlePage {
  /** Its URL path as Pagefind records it (`/articles/SLUG/`). */
  url: string
  /** The HTML file, relative to the site folder. */
  file: string
  /** Hash of its indexed body; null when it has none (a duplicate: not searchable). */
  body: string | null
  /** Its date sort key (the `data-pagefind-sort` value); null without a body. */
  sortKey: string | null
}

/** A searchable page: one with an indexed body. */
export type SearchablePage = ArticlePage & {body: string; sortKey: string}

/** A page of the main index, as the state keeps it. */
interface IndexedPage {
  body: string
  /** Its part of the main index, from 0. */
  part: number
  id: string
  sortKey: string
}

/** What the build keeps about the main index between builds. */
export interface SearchIndexState {
  version: number
  /** The main index's parts' language hashes (`indexHash`): the state describes that index only. */
  index: string
  parts: number
  pages: Record<string, IndexedPage>
}

/** A page of the main index a delta supersedes. */
export interface SupersededPage {
  id: string
  part: number
}

/** What to do with the search index this build. */
export type IndexPlan = {kind: 'whole'; reason: string} | {kind: 'delta'; parts: number; changed: ArticlePage[]; superseded: SupersededPage[]}

/** The bundle of main part `part` (from 0) of the index whose first part is `bundle`. */
export function partBundle(bundle: string, part: number): string {
  return part === 0 ? bundle : path.join(bundle, partFolder(part + 1))
}

/**
 * The searchable pages in the main index's parts: successive ranges of sort keys, newest first
 * (undated last), as few parts as `maxPages` allows, of equal size. So every page of a part sorts
 * at or after every page of the part before it, and a part's results sorted by date follow the
 * previous part's. Pages of one date may fall in two parts: then those of the earlier part come
 * first (a whole index orders them by score); undated pages, the most common, are often split so.
 */
export function splitParts(pages: readonly ArticlePage[], maxPages: number): SearchablePage[][] {
  const searchable = pages
    .filter((page): page is SearchablePage => page.body !== null && page.sortKey !== null)
    .sort((a, b) => (a.sortKey > b.sortKey ? -1 : a.sortKey < b.sortKey ? 1 : a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
  const size = Math.ceil(searchable.length / Math.max(1, Math.ceil(searchable.length / maxPages)))
  const parts: SearchablePage[][] = []
  for (let start = 0; start < searchable.length || parts.length === 0; start += size) parts.push(searchable.slice(start, start + size))
  return parts
}

/** What the index takes from an article page, kept with the page file's status (src/file-records.ts). */
export type PageRecord = FileRecord<[body: string | null, sortKey: string | null]>

/** Version of the page records file; another version is not read. */
const RECORDS_VERSION = 1

/** The page records of the last build, from `file` (none if it is missing, unreadable, of another version or not records). */
export function readPageRecords(file: string): Record<string, PageRecord> {
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as {version?: unknown; pages?: unknown}
    if (kept.version !== RECORDS_VERSION || typeof kept.pages !== 'object' || kept.pages === null) return {}
    return Object.fromEntries(Object.entries(kept.pages).filter((entry): entry is [string, PageRecord] => isPageRecord(entry[1])))
  } catch {
    return {}
  }
}

function isPageRecord(value: unknown): value is PageRecord {
  if (!Array.isArray(value) || value.length !== 5 || !value.slice(0, 4).every((n) => typeof n === 'number')) return false
  const taken: unknown = value[4]
  return Array.isArray(taken) && taken.length === 2 && taken.every((v) => v === null || typeof v === 'string')
}

/** Keep the page records for the next build. */
export function writePageRecords(file: string, pages: Record<string, PageRecord>): void {
  mkdirSync(path.dirname(file), {recursive: true})
  writeFileSync(file, JSON.stringify({version: RECORDS_VERSION, pages}))
}

/**
 * The article pages of the site in `outDir` (`articles/SLUG/index.html`), in name order, and
 * their records for the next build. A page whose file has the status `known` records (Astro
 * leaves a page it did not render again untouched) is not read: reading and hashing every page
 * took most of an add-one build's indexing step (0.8 s of 1 s at 10,000 articles).
 */
export function readArticlePages(
  outDir: string,
  known: Readonly<Record<string, PageRecord>> = {}
): {pages: ArticlePage[]; records: Record<string, PageRecord>} {
  const names = (() => {
    try {
      return readdirSync(path.join(outDir, 'articles'), {withFileTypes: true})
    } catch {
      return []
    }
  })()
  const listed = Date.now()
  const pages: ArticlePage[] = []
  const records: Record<string, PageRecord> = {}
  for (const entry of names
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()) {
    const file = path.join('articles', entry, 'index.html')
    const url = `/articles/${entry}/`
    const stats = statSync(path.join(outDir, file), {throwIfNoEntry: false})
    if (!stats?.isFile()) continue
    const record = known[url]
    if (untouched(stats, record, listed)) {
      const [body, sortKey] = record[4]
      pages.push({url, file, body, sortKey})
      records[url] = record
      continue
    }
    let html: string
    try {
      // Read as Latin-1, one character a byte: the markup looked for is ASCII, the hash is of the
      // same bytes, and not decoding UTF-8 saves most of the time (1.6 s → 0.2 s for 212 MB at 10,000 articles).
      html = readFileSync(path.join(outDir, file)).toString('latin1')
    } catch {
      continue
    }
    const indexed = indexedBody(html)
    const body = indexed === null ? null : createHash('sha256').update(indexed, 'latin1').digest('base64url')
    const sortKey = indexed === null ? null : (SORT_ATTRIBUTE.exec(indexed)?.[1] ?? UNKNOWN_DATE_SORT)
    pages.push({url, file, body, sortKey})
    const made = recordOf(stats, [body, sortKey] as [string | null, string | null], listed).record
    if (made) records[url] = made
  }
  return {pages, records}
}

/**
 * The records again after indexing: linking a page into a folder of its own for Pagefind
 * (pagefind.ts) changes its change time, as its link count changed, so each page of `linked` (by
 * URL) that kept its size, modification time and inode is recorded with the change time it has
 * now. Without this, every page was read again by the build after a whole index in parts.
 */
export function afterLinking(outDir: string, records: Readonly<Record<string, PageRecord>>, linked: ReadonlySet<string>): Record<string, PageRecord> {
  const kept: Record<string, PageRecord> = {}
  for (const [url, record] of Object.entries(records)) {
    if (!linked.has(url)) {
      kept[url] = record
      continue
    }
    const relinked = withChangeTime(statSync(path.join(outDir, `${url.slice(1)}index.html`), {throwIfNoEntry: false}), record)
    if (relinked) kept[url] = relinked
  }
  return kept
}

const SORT_ATTRIBUTE = new RegExp(`data-pagefind-sort="${DATE_SORT}:([^"]*)"`, 'u')

/** A start tag with its attributes (values quoted or not), anchored where it is tried. */
const START_TAG = /<([a-zA-Z][\w-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/y

/**
 * The element of `html` marked `data-pagefind-body`, start tag to matching end tag, or null when
 * there is none. Only a real attribute counts: article text that spells the marker out is text
 * (its `<` would be escaped), and an attribute value that contains it is not the attribute.
 */
export function indexedBody(html: string): string | null {
  for (let at = html.indexOf('data-pagefind-body'); at >= 0; at = html.indexOf('data-pagefind-body', at + 1)) {
    const open = html.lastIndexOf('<', at)
    if (open < 0) continue
    START_TAG.lastIndex = open
    const tag = START_TAG.exec(html)
    if (!tag || START_TAG.lastIndex <= at) continue
    const attributes = tag[2] ?? ''
    if (!/(?:^|\s)data-pagefind-body(?=[\s=]|$)/u.test(attributes.replace(/"[^"]*"|'[^']*'/gu, '""'))) continue
    const name = (tag[1] ?? '').toLowerCase()
    const tags = new RegExp(`<(/?)${name}(?=[\\s>/])`, 'giu')
    tags.lastIndex = START_TAG.lastIndex
    let depth = 1
    for (let match = tags.exec(html); match; match = tags.exec(html)) {
      depth += match[1] ? -1 : 1
      if (depth === 0) {
        const end = html.indexOf('>', match.index)
        return html.slice(open, end < 0 ? html.length : end + 1)
      }
    }
    return html.slice(open)
  }
  return null
}

/** The state in `file` if it describes the main index now in `bundle`; null otherwise. */
export function readState(file: string, bundle: string): SearchIndexState | null {
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as SearchIndexState
    if (state.version !== STATE_VERSION || indexHash(bundle, state.parts) !== state.index) return null
    for (let part = 0; part < state.parts; part++) if (!existsSync(path.join(partBundle(bundle, part), SORT_FILE))) return null
    return state
  } catch {
    return null
  }
}

/**
 * The language hashes of the main index's `parts` parts (one language each: the site indexes
 * Arabic only), or null when a part is missing or unreadable.
 */
export function indexHash(bundle: string, parts: number): string | null {
  const hashes: string[] = []
  for (let part = 0; part < parts; part++) {
    try {
      const languages = Object.values(readEntry(partBundle(bundle, part)).languages)
      if (languages.length !== 1) return null
      hashes.push((languages[0] as {hash: string}).hash)
    } catch {
      return null
    }
  }
  return hashes.length > 0 ? hashes.join(' ') : null
}

/**
 * Compare the site's article pages with the main index: the pages to index into a delta (new or
 * changed bodies) and the main index's pages to leave out (changed or gone), or a whole build
 * when there is no usable state or the change is too large.
 */
export function planIndex(pages: readonly ArticlePage[], state: SearchIndexState | null, share = DELTA_SHARE): IndexPlan {
  if (!state) return {kind: 'whole', reason: 'no index of an earlier build to add to'}
  const changed: ArticlePage[] = []
  const superseded: SupersededPage[] = []
  const seen = new Set<string>()
  for (const page of pages) {
    seen.add(page.url)
    const indexed = state.pages[page.url]
    if (indexed?.body === page.body) continue
    if (page.body !== null) changed.push(page)
    if (indexed) superseded.push({id: indexed.id, part: indexed.part})
  }
  for (const [url, indexed] of Object.entries(state.pages)) if (!seen.has(url)) superseded.push({id: indexed.id, part: indexed.part})
  const limit = Math.floor(Object.keys(state.pages).length * share)
  const size = Math.max(changed.length, superseded.length)
  if (size > limit) return {kind: 'whole', reason: `${size} pages changed since the main index, more than ${limit} (${share * 100} % of it)`}
  superseded.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return {kind: 'delta', parts: state.parts, changed, superseded}
}

/**
 * After a whole build: the state of the new main index and each part's sort keys file. Every
 * indexed page's id is read from the start of its fragment (the URL comes first).
 */
export function recordMainIndex(bundle: string, parts: ReadonlyArray<readonly SearchablePage[]>, stateFile: string): void {
  const state: SearchIndexState = {version: STATE_VERSION, index: indexHash(bundle, parts.length) ?? '', parts: parts.length, pages: {}}
  parts.forEach((pages, part) => {
    const ids = fragmentIds(path.join(partBundle(bundle, part), 'fragment'))
    const indexed: IndexedPage[] = []
    for (const page of pages) {
      const id = ids.get(page.url)
      if (id) indexed.push((state.pages[page.url] = {body: page.body, part, id, sortKey: page.sortKey}))
    }
    writeFileSync(path.join(partBundle(bundle, part), SORT_FILE), JSON.stringify(sortKeyFile(indexed)))
  })
  mkdirSync(path.dirname(stateFile), {recursive: true})
  writeFileSync(stateFile, JSON.stringify(state))
}

/** Sort keys grouped by key, keys and ids in order (same pages, same bytes). */
function sortKeyFile(pages: ReadonlyArray<{id: string; sortKey: string}>): SortKeyFile {
  const byKey: Record<string, string[]> = {}
  for (const page of [...pages].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : 1))) {
    ;(byKey[page.sortKey] ??= []).push(page.id)
  }
  return {version: STATE_VERSION, keys: byKey}
}

/**
 * The descriptor of a delta just written into `deltaBundle`: its pages' sort keys and, for each
 * main page it supersedes, the filter values that page was indexed with (read from its fragment).
 */
export function describeDelta(mainBundle: string, deltaBundle: string, plan: Extract<IndexPlan, {kind: 'delta'}>): DeltaDescriptor {
  const ids = fragmentIds(path.join(deltaBundle, 'fragment'))
  const pages = plan.changed.flatMap((page) => {
    const id = ids.get(page.url)
    return id && page.sortKey !== null ? [{id, sortKey: page.sortKey}] : []
  })
  const superseded: DeltaDescriptor['superseded'] = Array.from({length: plan.parts}, () => ({}))
  for (const {id, part} of plan.superseded) {
    const file = path.join(partBundle(mainBundle, part), 'fragment', `${id}.pf_fragment`)
    const fragment = JSON.parse(payload(readFileSync(file)).toString('utf8')) as {filters?: Record<string, string[]>}
    ;(superseded[part] as Record<string, Record<string, string[]>>)[id] = fragment.filters ?? {}
  }
  return {version: STATE_VERSION, index: indexHash(mainBundle, plan.parts) ?? '', pages: pages.length, superseded, sort: sortKeyFile(pages).keys}
}

/** Write the descriptor; returns its version string (a hash of its bytes) for the search state file. */
export function writeDescriptor(deltaBundle: string, descriptor: DeltaDescriptor): string {
  const bytes = JSON.stringify(descriptor)
  writeFileSync(path.join(deltaBundle, DELTA_FILE), bytes)
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 16)
}

/** URL → page id of every fragment in `folder`, from the first bytes of each (`{"url":"…"`). */
function fragmentIds(folder: string): Map<string, string> {
  const ids = new Map<string, string>()
  let files: string[]
  try {
    files = readdirSync(folder)
  } catch {
    return ids
  }
  for (const file of files) {
    if (!file.endsWith('.pf_fragment')) continue
    const start = gunzipSync(readFileSync(path.join(folder, file)).subarray(0, 1024), {finishFlush: zlib.Z_SYNC_FLUSH})
    const url = /^pagefind_dcd\{"url":("(?:[^"\\]|\\.)*")/u.exec(start.toString('utf8'))?.[1]
    if (url) ids.set(JSON.parse(url) as string, file.slice(0, -'.pf_fragment'.length))
  }
  return ids
}
