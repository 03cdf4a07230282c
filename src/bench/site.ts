/**
 * What a built site costs its readers: the size of `dist/`, the bytes an
 * article page transfers, and the bytes a first search downloads.
 *
 * "Transferred" means what a static host sends with compression on: text
 * files (HTML, CSS, JS, JSON) gzip-compressed at zlib's default level 6;
 * Pagefind's index, fragment, filter, meta and wasm files as they are (Pagefind
 * writes them gzip-compressed already); fonts as they are (woff2 is compressed).
 */
import {readdir, readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {gzipSync} from 'node:zlib'
import type {PagefindApi} from '../search/engine.ts'
import {parseQuery} from '../search/query.ts'
import {filterTotals, openSegments, searchSegments} from '../search/segments.ts'

/** Bytes and number of files under a folder. */
export async function directorySize(dir: string): Promise<{bytes: number; files: number}> {
  let bytes = 0
  let files = 0
  for (const entry of await readdir(dir, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size
    files++
  }
  return {bytes, files}
}

/** Gzip size of some bytes at zlib's default level (what a typical static host sends). */
export function gzipSize(bytes: Uint8Array): number {
  return gzipSync(bytes, {level: 6}).length
}

/** The stylesheets and scripts an HTML page links (`href`/`src` as written). */
export function linkedAssets(html: string): {styles: string[]; scripts: string[]} {
  const styles: string[] = []
  const scripts: string[] = []
  for (const match of html.matchAll(/<link\b[^>]*>/giu)) {
    const tag = match[0]
    if (!/\brel=["']?stylesheet\b/iu.test(tag)) continue
    const href = /\bhref=["']?([^"'\s>]+)/iu.exec(tag)?.[1]
    if (href) styles.push(href)
  }
  for (const match of html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/giu)) scripts.push(match[1] as string)
  return {styles, scripts}
}

/** The file of the site a root-relative URL under `base` names (null for other URLs). */
function fileOf(outDir: string, base: string, url: string): string | null {
  if (!url.startsWith(base)) return null
  const relative = decodeURIComponent(url.slice(base.length).split(/[?#]/u)[0] as string)
  return path.join(outDir, relative.endsWith('/') || relative === '' ? path.join(relative, 'index.html') : relative)
}

/** What one page transfers. */
export interface PageTransfer {
  /** URL path of the page. */
  path: string
  htmlBytes: number
  htmlGzip: number
  /** Gzip bytes of the stylesheets it links. */
  cssGzip: number
  /** Gzip bytes of the scripts it loads (reported, not in `total`). */
  jsGzip: number
  /** HTML + CSS, gzip: what the page budget counts. */
  total: number
}

async function pageTransfer(outDir: string, base: string, file: string, cache: Map<string, number>): Promise<PageTransfer> {
  const html = await readFile(file)
  const {styles, scripts} = linkedAssets(html.toString('utf8'))
  const assetGzip = async (urls: string[]) => {
    let sum = 0
    for (const url of urls) {
      const asset = fileOf(outDir, base, url)
      if (asset === null) continue
      let size = cache.get(asset)
      if (size === undefined) {
        size = gzipSize(await readFile(asset))
        cache.set(asset, size)
      }
      sum += size
    }
    return sum
  }
  const htmlGzip = gzipSize(html)
  const cssGzip = await assetGzip(styles)
  const jsGzip = await assetGzip(scripts)
  const relative = path.relative(outDir, path.dirname(file)).split(path.sep).join('/')
  return {path: `${base}${relative}/`, htmlBytes: html.length, htmlGzip, cssGzip, jsGzip, total: htmlGzip + cssGzip}
}

/** The article pages' transfers: the median page (by HTML + CSS gzip), the largest, and how many. */
export async function articlePageTransfers(outDir: string, base = '/'): Promise<{count: number; median: PageTransfer | null; largest: PageTransfer | null}> {
  const articlesDir = path.join(outDir, 'articles')
  const cache = new Map<string, number>()
  const pages: PageTransfer[] = []
  for (const entry of await readdir(articlesDir, {withFileTypes: true}).catch(() => [])) {
    if (!entry.isDirectory()) continue
    const file = path.join(articlesDir, entry.name, 'index.html')
    if (await stat(file).catch(() => null)) pages.push(await pageTransfer(outDir, base, file, cache))
  }
  pages.sort((a, b) => a.total - b.total || (a.path < b.path ? -1 : 1))
  return {count: pages.length, median: pages[Math.floor((pages.length - 1) / 2)] ?? null, largest: pages[pages.length - 1] ?? null}
}

/** The font files the site's stylesheets reference (woff2 only: what a current browser fetches), with their sizes. */
export async function fonts(outDir: string): Promise<{files: number; bytes: number}> {
  const seen = new Set<string>()
  let bytes = 0
  for (const entry of await readdir(outDir, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || !entry.name.endsWith('.css') || entry.parentPath.includes(`${path.sep}pagefind`)) continue
    const css = await readFile(path.join(entry.parentPath, entry.name), 'utf8')
    for (const match of css.matchAll(/url\(\s*["']?([^"')]+\.woff2)["']?\s*\)/giu)) {
      const url = match[1] as string
      const file = url.startsWith('/') ? path.join(outDir, url) : path.join(entry.parentPath, url)
      if (seen.has(file)) continue
      seen.add(file)
      bytes += (await stat(file).catch(() => ({size: 0}))).size
    }
  }
  return {files: seen.size, bytes}
}

/** What a first search downloads, by kind of file. */
export interface SearchDownload {
  query: string
  /** Results the search found (confirmed, as the search page lists them). */
  results: number
  /** Transferred bytes by kind: js, entry, meta, wasm, index, filter, fragment. */
  bytes: Record<string, number>
  /** Files fetched by kind. */
  files: Record<string, number>
  total: number
  /** The search page itself (HTML + CSS + JS, gzip), fetched before the search. */
  searchPage: number
}

interface PagefindModule extends PagefindApi {
  options(options: Record<string, unknown>): Promise<void>
  init(): Promise<void>
  createInstance(options: Record<string, unknown>): PagefindApi & {init(): Promise<void>}
  destroy?(): Promise<void>
}

function kindOf(file: string): string {
  if (file.endsWith('.pf_index')) return 'index'
  if (file.endsWith('.pf_fragment')) return 'fragment'
  if (file.endsWith('.pf_filter')) return 'filter'
  if (file.endsWith('.pf_meta')) return 'meta'
  if (file.includes('wasm.')) return 'wasm'
  if (file.endsWith('.json')) return 'entry'
  return 'other'
}

/**
 * Run a first search as the search page does (src/scripts/search-page.ts), in
 * this process, and count the bytes it fetches: the loader and `pagefind.js`,
 * the index's state file, each part's entry file, language meta and wasm, the
 * filters (the page shows filter counts), the index chunks its query needs, the
 * fragments it confirms results against and those of the first `shown` results.
 * Each file counts once (the browser caches it).
 */
export async function firstSearch(outDir: string, query: string, options: {shown?: number; base?: string} = {}): Promise<SearchDownload> {
  const shown = options.shown ?? 10
  const base = options.base ?? '/'
  const bundle = path.join(outDir, 'pagefind')
  const bytes: Record<string, number> = {}
  const files: Record<string, number> = {}
  const fetched = new Set<string>()
  const count = (kind: string, size: number) => {
    bytes[kind] = (bytes[kind] ?? 0) + size
    files[kind] = (files[kind] ?? 0) + 1
  }
  for (const name of ['dossier-loader.js', 'pagefind.js']) {
    const file = await readFile(path.join(bundle, name)).catch(() => null)
    if (file) count('js', gzipSize(file))
  }

  const networkFetch = globalThis.fetch
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (!url.startsWith('file:')) return networkFetch(input, init)
    const file = fileURLToPath(url.split('?')[0] as string)
    const body = await readFile(file)
    if (!fetched.has(file)) {
      fetched.add(file)
      const kind = kindOf(file)
      count(kind, kind === 'entry' ? gzipSize(body) : body.length)
    }
    return new Response(body)
  }
  let results = 0
  try {
    // A fresh module instance per call (the query string), so nothing is cached from an earlier search.
    const module = (await import(`${pathToFileURL(path.join(bundle, 'pagefind.js')).href}?bench=${Date.now()}`)) as PagefindModule
    const bundleUrl = `${pathToFileURL(bundle).href}/`
    await module.options({basePath: bundleUrl, baseUrl: '/', noWorker: true})
    await module.init()
    const segments = await openSegments({
      bundle: bundleUrl,
      main: module,
      openIndex: async (basePath) => {
        const index = module.createInstance({basePath, baseUrl: '/', noWorker: true})
        await index.init()
        return index
      }
    })
    await filterTotals(segments)
    const outcome = await searchSegments(segments, parseQuery(query))
    results = outcome.hits.length
    await Promise.all(outcome.hits.slice(0, shown).map((hit) => hit.data()))
    await module.destroy?.()
  } finally {
    globalThis.fetch = networkFetch
  }

  const searchHtml = await readFile(path.join(outDir, 'search', 'index.html')).catch(() => null)
  let searchPage = 0
  if (searchHtml) {
    searchPage = gzipSize(searchHtml)
    const {styles, scripts} = linkedAssets(searchHtml.toString('utf8'))
    for (const url of [...styles, ...scripts]) {
      const file = fileOf(outDir, base, url)
      // Pagefind's own files are counted above.
      if (file === null || file.startsWith(bundle)) continue
      const asset = await readFile(file).catch(() => null)
      if (asset) searchPage += gzipSize(asset)
    }
  }
  const total = Object.values(bytes).reduce((a, b) => a + b, 0)
  return {query, results, bytes, files, total, searchPage}
}
