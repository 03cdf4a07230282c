/**
 * The last build step: the Pagefind index of the built site.
 *
 * Only article pages are read and indexed (`ARTICLE_PAGES`; duplicates among them are
 * left out because they carry no `data-pagefind-body`), in Arabic
 * (stemming and the Arabic wasm), with the hidden search forms and filters
 * ArticleSearchMeta writes. Pagefind's browser module `pagefind.js` is then
 * minified: the search page loads it on every first search, and minified it
 * is a third smaller (47 KB → 32 KB before compression). A small loader module
 * is written beside it (`LOADER`, see `LOADER_SOURCE`), and Pagefind's own
 * ready-made UIs, which the site does not use, are left out.
 */
import {readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {transform} from 'esbuild'
import * as pagefind from 'pagefind'
import {LOADER} from '../search/fields.ts'

/** The article pages, relative to the output folder (src/pages/articles/[slug].astro). */
const ARTICLE_PAGES = 'articles/*/index.html'

/** Index the built article pages in `outDir` into `outDir/pagefind/`; returns the number of pages indexed. */
export async function indexSite(outDir: string): Promise<number> {
  const {index, errors} = await pagefind.createIndex({forceLanguage: 'ar'})
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`)
  // Only article pages are searchable, so only they are read: the other pages (entity, outlet,
  // topic pages, the timeline: about 60 % of the site's HTML) carry no data-pagefind-body and
  // would be parsed only to be dropped.
  const added = await index.addDirectory({path: outDir, glob: ARTICLE_PAGES})
  if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`)
  const bundle = path.join(outDir, 'pagefind')
  // The site folder is kept between builds (src/build/astro-site.ts): no fragment of an older index stays.
  await rm(bundle, {recursive: true, force: true})
  const written = await index.writeFiles({outputPath: bundle})
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`)
  await pagefind.close()
  // The site has its own search UI (src/scripts/search-page.ts): Pagefind's ready-made UIs are not served.
  await Promise.all(UNUSED_UI.map((file) => rm(path.join(bundle, file), {force: true})))
  await minifyModule(path.join(bundle, 'pagefind.js'))
  await writeFile(path.join(bundle, LOADER), LOADER_SOURCE)
  return added.page_count
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
