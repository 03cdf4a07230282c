/**
 * The last build step: the Pagefind index of the built site.
 *
 * Only article pages are read and indexed (`ARTICLE_PAGES`; duplicates among them are
 * left out because they carry no `data-pagefind-body`), in Arabic, into the
 * bundle the last build left (pagefind-bundle.ts), with the hidden search forms and filters
 * ArticleSearchMeta writes. Pagefind's browser module `pagefind.js` is then
 * minified: the search page loads it on every first search, and minified it
 * is a third smaller (47 KB → 32 KB before compression). A small loader module
 * is written beside it (`LOADER`, see `LOADER_SOURCE`), and Pagefind's own
 * ready-made UIs, which the site does not use, are left out.
 */
import {execFile} from 'node:child_process'
import {readdir, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {transform} from 'esbuild'
import * as pagefind from 'pagefind'
import {LOADER} from '../search/fields.ts'
import {tidyBundle} from './pagefind-bundle.ts'

/** The article pages, relative to the output folder (src/pages/articles/[slug].astro). */
const ARTICLE_PAGES = 'articles/*/index.html'

/** The language every page is indexed in: Arabic stemming and the Arabic wasm. */
const LANGUAGE = 'ar'

/**
 * Index the built article pages in `outDir` into `outDir/pagefind/`; returns
 * the number of pages indexed (duplicates, which carry no body, not counted).
 */
export async function indexSite(outDir: string): Promise<number> {
  const bundle = path.join(outDir, 'pagefind')
  if (await hasArticlePages(outDir)) {
    // The site folder, and with it the last build's bundle, is kept between builds
    // (src/build/astro-site.ts): Pagefind writes only the index files that changed.
    const writtenSince = Date.now()
    await runPagefind(outDir, bundle)
    const tidy = tidyBundle(bundle, writtenSince)
    if (tidy.problems.length > 0) {
      console.warn(`pagefind: writing the index afresh: ${tidy.problems.join('; ')}`)
      await rm(bundle, {recursive: true, force: true})
      await runPagefind(outDir, bundle)
    }
  } else {
    await rm(bundle, {recursive: true, force: true})
    await writeEmptyIndex(bundle)
  }
  // The site has its own search UI (src/scripts/search-page.ts): Pagefind's ready-made UIs are not served.
  await Promise.all(UNUSED_UI.map((file) => rm(path.join(bundle, file), {force: true})))
  await minifyModule(path.join(bundle, 'pagefind.js'))
  await writeFile(path.join(bundle, LOADER), LOADER_SOURCE)
  return pagesIndexed(bundle)
}

/** Does the site have an article page? (A dossier whose every source was rejected has none.) */
async function hasArticlePages(outDir: string): Promise<boolean> {
  const articles = await readdir(path.join(outDir, 'articles'), {withFileTypes: true}).catch(() => [])
  return articles.some((entry) => entry.isDirectory())
}

/**
 * Run Pagefind's command-line indexer over the article pages. Only article pages are
 * searchable, so only they are read: the other pages (about 60 % of the site's HTML) carry
 * no data-pagefind-body and would be parsed only to be dropped. The command line, not the
 * Node API: the API's service builds and writes the same index about 10 s slower at 10,000
 * articles (BENCHMARKS.md).
 */
async function runPagefind(outDir: string, bundle: string): Promise<void> {
  const args = ['--site', outDir, '--glob', ARTICLE_PAGES, '--force-language', LANGUAGE, '--output-path', bundle, '--quiet']
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
async function pagesIndexed(bundle: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as {languages: Record<string, {page_count: number}>}
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)
}

/**
 * A small module beside `pagefind.js` that starts importing it, leaves the
 * promise on `window.dossierPagefind` for the search page's script and says
 * so with a `dossier:pagefind` event. The page loads it as a file (the
 * Content-Security-Policy allows no inline script); importing Pagefind from
 * the bundled script instead would make the bundler wrap the import in its
 * 2 KB preload helper.
 */
const LOADER_SOURCE = `// Written by the dossier build (src/build/pagefind.ts).
window.dossierPagefind = import('./pagefind.js')
window.dispatchEvent(new Event('dossier:pagefind'))
`

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
