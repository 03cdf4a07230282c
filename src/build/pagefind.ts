/**
 * The last build step: the Pagefind index of the built site.
 *
 * Only article pages are read and indexed (`ARTICLE_PAGES`; duplicates among them are
 * left out because they carry no `data-pagefind-body`), in Arabic, with the hidden search
 * forms and filters ArticleSearchMeta writes. A whole build indexes every page into the
 * bundle the last build left (pagefind-bundle.ts); a build that changed few pages indexes
 * only those, into a delta beside it (search-delta.ts). Pagefind's browser module
 * `pagefind.js` is minified: the search page loads it on every first search, and minified it
 * is a third smaller (47 KB → 32 KB before compression). A small loader module is written
 * beside it (`LOADER`, see `LOADER_SOURCE`), and Pagefind's own ready-made UIs, which the site
 * does not use, are left out.
 */
import {execFile} from 'node:child_process'
import {copyFile, mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {transform} from 'esbuild'
import * as pagefind from 'pagefind'
import {DELTA_FOLDER, LOADER, STATE_FILE, type SearchState} from '../search/fields.ts'
import {readEntry, tidyBundle} from './pagefind-bundle.ts'
import {describeDelta, planIndex, readArticlePages, readState, recordMainIndex, writeDescriptor, type ArticlePage} from './search-delta.ts'

/** The article pages, relative to the output folder (src/pages/articles/[slug].astro). */
const ARTICLE_PAGES = 'articles/*/index.html'

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
  const pages = readArticlePages(outDir)
  await rm(deltaBundle, {recursive: true, force: true})
  let indexed: IndexedSite
  let deltaVersion: string | null = null
  if (!pages.some((page) => page.body !== null)) {
    // No searchable page (a dossier whose every source was rejected): the command line would refuse.
    await rm(bundle, {recursive: true, force: true})
    await writeEmptyIndex(bundle)
    await finishMainBundle(bundle)
    indexed = {pages: 0, kind: 'whole', deltaPages: 0}
  } else {
    const plan = planIndex(pages, options.stateFile ? readState(options.stateFile, bundle) : null, options.deltaShare)
    if (plan.kind === 'whole') {
      await indexWhole(outDir, bundle)
      await finishMainBundle(bundle)
      if (options.stateFile) recordMainIndex(bundle, pages, options.stateFile)
      indexed = {pages: pagesIndexed(bundle), kind: 'whole', deltaPages: 0, ...(options.stateFile ? {reason: plan.reason} : {})}
    } else {
      let deltaPages = 0
      if (plan.changed.length > 0 || plan.superseded.length > 0) {
        await indexDelta(outDir, deltaBundle, plan.changed)
        const descriptor = describeDelta(bundle, deltaBundle, plan)
        deltaVersion = writeDescriptor(deltaBundle, descriptor)
        deltaPages = descriptor.pages
      }
      indexed = {pages: pagesIndexed(bundle) - plan.superseded.length + deltaPages, kind: 'delta', deltaPages}
    }
  }
  const state: SearchState = {version: 1, delta: deltaVersion}
  await writeFile(path.join(bundle, STATE_FILE), JSON.stringify(state))
  await writeFile(path.join(bundle, LOADER), LOADER_SOURCE)
  return indexed
}

/**
 * Index every article page into the main bundle. The site folder, and with it the last build's
 * bundle, is kept between builds (src/build/astro-site.ts): Pagefind writes only the index files
 * that changed (pagefind-bundle.ts).
 */
async function indexWhole(outDir: string, bundle: string): Promise<void> {
  const writtenSince = Date.now()
  await runPagefind(outDir, bundle)
  const tidy = tidyBundle(bundle, writtenSince)
  if (tidy.problems.length > 0) {
    console.warn(`pagefind: writing the index afresh: ${tidy.problems.join('; ')}`)
    await rm(bundle, {recursive: true, force: true})
    await runPagefind(outDir, bundle)
  }
}

/**
 * Index only `changed` into a fresh delta bundle: the pages are copied into a folder of their own,
 * at the same paths, so Pagefind gives them the same URLs. The delta keeps Pagefind's index files
 * and its wasm (the search page opens the delta as an instance of its own, which loads the wasm
 * from the delta's folder); the script files are the main bundle's.
 */
async function indexDelta(outDir: string, deltaBundle: string, changed: readonly ArticlePage[]): Promise<void> {
  await mkdir(deltaBundle, {recursive: true})
  // Only pages gone: the delta is its descriptor alone (the pages the main index must not show).
  if (changed.length === 0) return
  const site = await mkdtemp(path.join(tmpdir(), 'dossier-delta-'))
  try {
    for (const page of changed) {
      await mkdir(path.dirname(path.join(site, page.file)), {recursive: true})
      await copyFile(path.join(outDir, page.file), path.join(site, page.file))
    }
    await runPagefind(site, deltaBundle)
  } finally {
    await rm(site, {recursive: true, force: true})
  }
  await Promise.all([...UNUSED_UI, ...NOT_IN_DELTA].map((file) => rm(path.join(deltaBundle, file), {force: true})))
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

/** The number of pages in the bundle's index, from its entry file. */
function pagesIndexed(bundle: string): number {
  return Object.values(readEntry(bundle).languages).reduce((sum, language) => sum + language.page_count, 0)
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

/** Files a delta bundle does not need: the main bundle's scripts are used, and its language is always Arabic. */
const NOT_IN_DELTA = ['pagefind.js', 'pagefind-worker.js', 'wasm.unknown.pagefind']

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
