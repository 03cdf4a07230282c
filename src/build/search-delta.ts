/**
 * The search index in two parts, so that adding an article does not mean indexing every page again.
 *
 * Pagefind has no incremental mode: each run parses and indexes every page, about 40 s at 10,000
 * articles even when one page changed (BENCHMARKS.md). So the index of the last whole build, the
 * main index (`pagefind/`), is kept, and a build that changed few article pages indexes only those
 * into a second, small index, the delta (`pagefind/delta/`), with the list of the main index's pages
 * it supersedes (changed since, or gone). The search page searches both and merges what they find
 * (src/search/segments.ts). Once the pages changed since the main index pass `DELTA_SHARE` of it, the
 * main index is built whole again and the delta dropped.
 *
 * What is compared is a page's indexed body: the element marked `data-pagefind-body`, which holds
 * everything Pagefind takes from an article page (text, title, filters, meta, sort key). Pages whose
 * body is the same byte for byte index the same.
 *
 * What the build keeps (`SearchIndexState`, in the ingest's cache folder): per page of the main
 * index, its body's hash, its Pagefind page id and its date sort key. What the site gets:
 * `pagefind/dossier-sort.json` (the main index's sort keys, which merging by date needs) and, when
 * there is a delta, `pagefind/delta/dossier-delta.json` (`DeltaDescriptor`), whose version
 * `pagefind/dossier-search.json` gives (src/build/pagefind.ts).
 */
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {gunzipSync, constants as zlib} from 'node:zlib'
import {DATE_SORT, DELTA_FILE, SORT_FILE, UNKNOWN_DATE_SORT, type DeltaDescriptor, type SortKeyFile} from '../search/fields.ts'
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

/** Version of the files written here; another version is not read. */
const STATE_VERSION = 1

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

/** A page of the main index, as the state keeps it. */
interface IndexedPage {
  body: string
  id: string
  sortKey: string
}

/** What the build keeps about the main index between builds. */
export interface SearchIndexState {
  version: number
  /** The main index's language hash (`pagefind-entry.json`): the state describes that index only. */
  index: string
  pages: Record<string, IndexedPage>
}

/** What to do with the search index this build. */
export type IndexPlan = {kind: 'whole'; reason: string} | {kind: 'delta'; changed: ArticlePage[]; superseded: string[]}

/** The article pages of the site in `outDir` (`articles/SLUG/index.html`), in name order. */
export function readArticlePages(outDir: string): ArticlePage[] {
  const names = (() => {
    try {
      return readdirSync(path.join(outDir, 'articles'), {withFileTypes: true})
    } catch {
      return []
    }
  })()
  const pages: ArticlePage[] = []
  for (const entry of names
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()) {
    const file = path.join('articles', entry, 'index.html')
    let html: string
    try {
      // Read as Latin-1, one character a byte: the markup looked for is ASCII, the hash is of the
      // same bytes, and not decoding UTF-8 saves most of the time (1.6 s → 0.2 s for 212 MB at 10,000 articles).
      html = readFileSync(path.join(outDir, file)).toString('latin1')
    } catch {
      continue
    }
    const body = indexedBody(html)
    pages.push({
      url: `/articles/${entry}/`,
      file,
      body: body === null ? null : createHash('sha256').update(body, 'latin1').digest('base64url'),
      sortKey: body === null ? null : (SORT_ATTRIBUTE.exec(body)?.[1] ?? UNKNOWN_DATE_SORT)
    })
  }
  return pages
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
    if (state.version !== STATE_VERSION || mainIndexHash(bundle) !== state.index) return null
    if (!existsSync(path.join(bundle, SORT_FILE))) return null
    return state
  } catch {
    return null
  }
}

/** The language hash of the index in `bundle` (one language: the site indexes Arabic only). */
export function mainIndexHash(bundle: string): string | null {
  try {
    const hashes = Object.values(readEntry(bundle).languages).map((language) => language.hash)
    return hashes.length === 1 ? (hashes[0] ?? null) : null
  } catch {
    return null
  }
}

/**
 * Compare the site's article pages with the main index: the pages to index into a delta (new or
 * changed bodies) and the main index's pages to leave out (changed or gone), or a whole build
 * when there is no usable state or the change is too large.
 */
export function planIndex(pages: readonly ArticlePage[], state: SearchIndexState | null, share = DELTA_SHARE): IndexPlan {
  if (!state) return {kind: 'whole', reason: 'no index of an earlier build to add to'}
  const changed: ArticlePage[] = []
  const superseded: string[] = []
  const seen = new Set<string>()
  for (const page of pages) {
    seen.add(page.url)
    const indexed = state.pages[page.url]
    if (indexed?.body === page.body) continue
    if (page.body !== null) changed.push(page)
    if (indexed) superseded.push(indexed.id)
  }
  for (const [url, indexed] of Object.entries(state.pages)) if (!seen.has(url)) superseded.push(indexed.id)
  const limit = Math.floor(Object.keys(state.pages).length * share)
  const size = Math.max(changed.length, superseded.length)
  if (size > limit) return {kind: 'whole', reason: `${size} pages changed since the main index, more than ${limit} (${share * 100} % of it)`}
  superseded.sort()
  return {kind: 'delta', changed, superseded}
}

/**
 * After a whole build: the state of the new main index and its sort keys file. Every indexed
 * page's id is read from the start of its fragment (the URL comes first).
 */
export function recordMainIndex(bundle: string, pages: readonly ArticlePage[], stateFile: string): void {
  const ids = fragmentIds(path.join(bundle, 'fragment'))
  const state: SearchIndexState = {version: STATE_VERSION, index: mainIndexHash(bundle) ?? '', pages: {}}
  for (const page of pages) {
    const id = ids.get(page.url)
    if (page.body !== null && page.sortKey !== null && id) state.pages[page.url] = {body: page.body, id, sortKey: page.sortKey}
  }
  writeFileSync(path.join(bundle, SORT_FILE), JSON.stringify(sortKeyFile(Object.values(state.pages))))
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
  const superseded: DeltaDescriptor['superseded'] = {}
  for (const id of plan.superseded) {
    const fragment = JSON.parse(payload(readFileSync(path.join(mainBundle, 'fragment', `${id}.pf_fragment`))).toString('utf8')) as {
      filters?: Record<string, string[]>
    }
    superseded[id] = fragment.filters ?? {}
  }
  return {version: STATE_VERSION, index: mainIndexHash(mainBundle) ?? '', pages: pages.length, superseded, sort: sortKeyFile(pages).keys}
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
