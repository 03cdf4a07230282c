/**
 * The last build step: the Pagefind index of the built site.
 *
 * Only article pages are read and indexed (`ARTICLE_PAGES`; duplicates among them are
 * left out because they carry no `data-pagefind-body`), in Arabic, with the hidden search
 * forms and filters ArticleSearchMeta writes. A whole build indexes every page into the
 * bundle the last build left (pagefind-bundle.ts), in parts of at most `partPages` pages
 * (one Pagefind run each, so its memory stays bounded); a build that changed few pages
 * indexes only those, into a delta beside it (search-delta.ts). Pagefind's browser module
 * `pagefind.js` is minified: the search page loads it on every first search, and minified it
 * is a third smaller (47 KB → 32 KB before compression). A small loader module is written
 * beside it (`LOADER`, see `LOADER_SOURCE`), and Pagefind's own ready-made UIs, which the site
 * does not use, are left out.
 */
import {execFile} from 'node:child_process'
import {copyFileSync, linkSync, mkdirSync, readdirSync} from 'node:fs'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {transform} from 'esbuild'
import * as pagefind from 'pagefind'
import {DELTA_FOLDER, LOADER, STATE_FILE, type SearchState} from '../search/fields.ts'
import {readEntry, tidyBundle} from './pagefind-bundle.ts'
import {
  afterLinking,
  describeDelta,
  partBundle,
  PART_PAGES,
  planIndex,
  readArticlePages,
  readPageRecords,
  readState,
  recordMainIndex,
  splitParts,
  writeDescriptor,
  writePageRecords,
  type ArticlePage
} from './search-delta.ts'

/** The article pages, relative to the output folder (src/pages/articles/[slug].astro). */
const ARTICLE_PAGES = 'articles/*/index.html'

/** The article pages' records (search-delta.ts, `PageRecord`), in the folder of the search state. */
const PAGE_RECORDS = 'search-pages.json'

/** The language every page is indexed in: Arabic stemming and the Arabic wasm. */
const LANGUAGE = 'ar'

/** How `indexSite` is to keep the index between builds. */
export interface IndexOptions {
  /**
   * Where the build keeps what it knows of the main index (search-delta.ts). Without it
   * every build indexes every page and no delta is made.
   */
  stateFile?: string
  /** Share of the main index a delta may change before the index is built whole (default DELTA_SHARE). */
  deltaShare?: number
  /** Most pages in a part of the main index (default PART_PAGES). */
  partPages?: number
}

/** What indexing did. */
export interface IndexedSite {
  /** Pages searchable (duplicates, which carry no body, not counted). */
  pages: number
  /** `whole`: every page indexed into the main index; `delta`: only the changed pages, into the delta. */
  kind: 'whole' | 'delta'
  /** Pages in the delta index. */
  deltaPages: number
  /** Why the index was built whole, when a state was kept. */
  reason?: string
}

/**
 * Index the built article pages in `outDir` into `outDir/pagefind/`: the whole site, or only the
 * pages changed since the last whole build into `pagefind/delta/` (search-delta.ts).
 */
export async function indexSite(outDir: string, options: IndexOptions = {}): Promise<IndexedSite> {
  const bundle = path.join(outDir, 'pagefind')
  const deltaBundle = path.join(bundle, DELTA_FOLDER)
  // The page records are kept beside the state, and only with it: without a state every page is read.
  const recordsFile = options.stateFile && path.join(path.dirname(options.stateFile), PAGE_RECORDS)
  const {pages, records} = readArticlePages(outDir, recordsFile ? readPageRecords(recordsFile) : {})
  // Pages linked into a folder of their own for Pagefind (withPages), by URL.
  const linked = new Set<string>()
  await rm(deltaBundle, {recursive: true, force: true})
  let indexed: IndexedSite
  let deltaVersion: string | null = null
  let parts = 1
  if (!pages.some((page) => page.body !== null)) {
    // No searchable page (a dossier whose every source was rejected): the command line would refuse.
    await rm(bundle, {recursive: true, force: true})
    await writeEmptyIndex(bundle)
    await finishMainBundle(bundle)
    indexed = {pages: 0, kind: 'whole', deltaPages: 0}
  } else {
    const state = options.stateFile ? readState(options.stateFile, bundle) : null
    const plan = planIndex(pages, state, options.deltaShare)
    if (plan.kind === 'whole') {
      const split = splitParts(pages, options.partPages ?? PART_PAGES)
      parts = split.length
      await indexWhole(outDir, bundle, split, linked)
      await finishMainBundle(bundle)
      if (options.stateFile) recordMainIndex(bundle, split, options.stateFile)
      indexed = {pages: pagesIndexed(bundle, parts), kind: 'whole', deltaPages: 0, ...(options.stateFile ? {reason: plan.reason} : {})}
    } else {
      parts = plan.parts
      let deltaPages = 0
      if (plan.changed.length > 0 || plan.superseded.length > 0) {
        await indexDelta(outDir, deltaBundle, plan.changed, linked)
        const descriptor = describeDelta(bundle, deltaBundle, plan)
        deltaVersion = writeDescriptor(deltaBundle, descriptor)
        deltaPages = descriptor.pages
      }
      indexed = {pages: pagesIndexed(bundle, parts) - plan.superseded.length + deltaPages, kind: 'delta', deltaPages}
    }
  }
  await removeParts(bundle, parts)
  const state: SearchState = {version: 1, parts, delta: deltaVersion}
  await writeFile(path.join(bundle, STATE_FILE), JSON.stringify(state))
  await writeFile(path.join(bundle, LOADER), LOADER_SOURCE)
  if (recordsFile) {
    // Only a cache: without it the next build reads every page again.
    try {
      writePageRecords(recordsFile, afterLinking(outDir, records, linked))
    } catch (error) {
      console.warn(`pagefind: the article pages' records could not be kept (${(error as Error).message}): the next build reads every page`)
    }
  }
  return indexed
}

/**
 * Index every article page into the main index, part by part (`parts`, from splitParts). The
 * site folder, and with it the last build's bundles, is kept between builds (src/build/astro-site.ts):
 * Pagefind writes only the index files that changed (pagefind-bundle.ts). A dossier of one part is
 * indexed from the site folder itself; each of several parts from a folder of its own pages.
 */
async function indexWhole(outDir: string, bundle: string, parts: ReadonlyArray<readonly ArticlePage[]>, linked: Set<string>): Promise<void> {
  for (const [part, pages] of parts.entries()) {
    const target = partBundle(bundle, part)
    if (parts.length === 1) await indexInto(outDir, target)
    else await withPages(outDir, pages, (site) => indexInto(site, target), linked)
    if (part > 0) await Promise.all([...UNUSED_UI, ...NOT_IN_PART].map((file) => rm(path.join(target, file), {force: true})))
  }
}

/** Index the article pages of `site` into `target`, reusing what an earlier build left there. */
async function indexInto(site: string, target: string): Promise<void> {
  const writtenSince = Date.now()
  await runPagefind(site, target)
  const tidy = tidyBundle(target, writtenSince)
  if (tidy.problems.length > 0) {
    console.warn(`pagefind: writing the index afresh: ${tidy.problems.join('; ')}`)
    await rm(target, {recursive: true, force: true})
    await runPagefind(site, target)
  }
}

/** Remove the main index's part folders past its `parts` parts, left by an earlier build. */
async function removeParts(bundle: string, parts: number): Promise<void> {
  const names = readdirSync(bundle).filter((name) => /^part-\d+$/.test(name) && Number(name.slice('part-'.length)) > parts)
  await Promise.all(names.map((name) => rm(path.join(bundle, name), {recursive: true, force: true})))
}

/**
 * Run `index` over a temporary site folder holding only `pages`, at their paths (so Pagefind gives
 * them the same URLs): hard links to the site's files where the file system allows, copies elsewhere.
 */
async function withPages(outDir: string, pages: readonly ArticlePage[], index: (site: string) => Promise<void>, linked: Set<string>): Promise<void> {
  const site = await mkdtemp(path.join(tmpdir(), 'dossier-pages-'))
  try {
    for (const page of pages) {
      const target = path.join(site, page.file)
      mkdirSync(path.dirname(target), {recursive: true})
      try {
        linkSync(path.join(outDir, page.file), target)
        linked.add(page.url)
      } catch {
        copyFileSync(path.join(outDir, page.file), target)
      }
    }
    await index(site)
  } finally {
    await rm(site, {recursive: true, force: true})
  }
}

/**
 * Index only `changed` into a fresh delta bundle. The delta keeps Pagefind's index files and its
 * wasm (the search page opens the delta as an instance of its own, which loads the wasm from the
 * delta's folder); the script files are the main bundle's.
 */
async function indexDelta(outDir: string, deltaBundle: string, changed: readonly ArticlePage[], linked: Set<string>): Promise<void> {
  mkdirSync(deltaBundle, {recursive: true})
  // Only pages gone: the delta is its descriptor alone (the pages the main index must not show).
  if (changed.length === 0) return
  await withPages(outDir, changed, (site) => runPagefind(site, deltaBundle), linked)
  await Promise.all([...UNUSED_UI, ...NOT_IN_PART].map((file) => rm(path.join(deltaBundle, file), {force: true})))
}

/** The main bundle after Pagefind wrote it: without the UIs the site does not use, its module minified. */
async function finishMainBundle(bundle: string): Promise<void> {
  // The site has its own search UI (src/scripts/search-page.ts): Pagefind's ready-made UIs are not served.
  await Promise.all(UNUSED_UI.map((file) => rm(path.join(bundle, file), {force: true})))
  await minifyModule(path.join(bundle, 'pagefind.js'))
}

/**
 * Run Pagefind's command-line indexer over the article pages. Only article pages are
 * searchable, so only they are read: the other pages (about 60 % of the site's HTML) carry
 * no data-pagefind-body and would be parsed only to be dropped. The command line, not the
 * Node API: the API's service builds and writes the same index about 10 s slower at 10,000
 * articles (BENCHMARKS.md).
 */
async function runPagefind(site: string, bundle: string): Promise<void> {
  const args = ['--site', site, '--glob', ARTICLE_PAGES, '--force-language', LANGUAGE, '--output-path', bundle, '--quiet']
  await promisify(execFile)(await pagefindBinary(), args, {maxBuffer: 64 * 1024 * 1024}).catch((error: Error & {stderr?: string; stdout?: string}) => {
    throw new Error(`pagefind: ${[error.stderr, error.stdout].filter(Boolean).join('\n').trim() || error.message}`)
  })
}

/** The Pagefind executable of the installed `pagefind` package (found as its own npm wrapper finds it). */
async function pagefindBinary(): Promise<string> {
  const {resolveBinaryPath} = (await import(new URL('./resolveBinary.js', import.meta.resolve('pagefind')).href)) as {
    resolveBinaryPath(names: string[]): string
  }
  return resolveBinaryPath(['pagefind_extended', 'pagefind'])
}

/** An index of no page (the command line refuses to write one), so the search page still loads. */
async function writeEmptyIndex(bundle: string): Promise<void> {
  const {index, errors} = await pagefind.createIndex({forceLanguage: LANGUAGE})
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`)
  const written = await index.writeFiles({outputPath: bundle})
  await pagefind.close()
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`)
}

/** The number of pages in the main index's `parts` parts, from their entry files. */
function pagesIndexed(bundle: string, parts: number): number {
  let pages = 0
  for (let part = 0; part < parts; part++) {
    pages += Object.values(readEntry(partBundle(bundle, part)).languages).reduce((sum, language) => sum + language.page_count, 0)
  }
  return pages
}

/**
 * A small module beside `pagefind.js` that starts importing it, leaves the
 * promise on `window.dossierPagefind` for the search page's script and says
 * so with a `dossier:pagefind` event. The page loads it as a file (the
 * Content-Security-Policy allows no inline script); importing Pagefind from
 * the bundled script instead would make the bundler wrap the import in its
 * 2 KB preload helper. It is the same on every build: what changes between
 * builds (whether there is a delta) is in `STATE_FILE`, which the page fetches
 * afresh, as Pagefind fetches its entry file, so a cached loader never points
 * at a delta that is gone.
 */
const LOADER_SOURCE = `// Written by the dossier build (src/build/pagefind.ts).
window.dossierPagefind = import('./pagefind.js')
window.dispatchEvent(new Event('dossier:pagefind'))
`

/** Files a part or delta bundle does not need: the main bundle's scripts are used, and its language is always Arabic. */
const NOT_IN_PART = ['pagefind.js', 'pagefind-worker.js', 'wasm.unknown.pagefind']

/** Pagefind's ready-made search UIs, written with every index. */
const UNUSED_UI = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js'
]

/** Minify an ES module in place (whitespace, names, syntax; behaviour unchanged). */
async function minifyModule(file: string): Promise<void> {
  const source = await readFile(file, 'utf8')
  const {code} = await transform(source, {minify: true, format: 'esm', loader: 'js', legalComments: 'inline'})
  await writeFile(file, code)
}
