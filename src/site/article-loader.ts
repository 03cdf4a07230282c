/**
 * The content loader of the article collection: reads `content/articles/*.mdx`
 * and stores each entry's frontmatter and its body already rendered to HTML
 * (src/site/mdx-to-html.ts), keyed by a digest of the file.
 *
 * This is how Astro's glob loader treats `.md` files, and what it does not do
 * for `.mdx`: there every entry becomes a JavaScript module that is bundled
 * and rendered on every build. Here an entry is rendered once, and a later
 * build whose file is unchanged (same digest) keeps the stored HTML without
 * parsing it again. `render(entry)` gives a component that outputs the
 * stored HTML.
 */
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Loader, LoaderContext} from 'astro/loaders'
import {renderMdxEntry} from './mdx-to-html.ts'

const extension = '.mdx'

/** A loader of the `.mdx` entries in `directory` (absolute). */
export function articleLoader(directory: string): Loader {
  return {
    name: 'dossier-article-loader',
    load: async (context) => {
      const names = (await readdir(directory).catch(() => [])).filter((name) => name.endsWith(extension)).sort()
      const stale = new Set(context.store.keys())
      for (const name of names) {
        stale.delete(await syncEntry(context, directory, name))
      }
      for (const id of stale) context.store.delete(id)
      watchEntries(context, directory)
    }
  }
}

/** The entry id: the file name without `.mdx`, as the glob loader made it (the ingest writes lowercase ASCII slugs). */
const idOf = (name: string) => name.slice(0, -extension.length)

/** Store one entry unless the stored one has the same digest; returns its id. */
async function syncEntry({store, parseData, generateDigest, config}: LoaderContext, directory: string, name: string): Promise<string> {
  const id = idOf(name)
  const file = path.join(directory, name)
  const contents = await readFile(file, 'utf8')
  const digest = generateDigest(contents)
  if (store.get(id)?.digest === digest) return id
  const {data, html, headings} = renderMdxEntry(contents, file)
  const filePath = path.relative(fileURLToPath(config.root), file).split(path.sep).join('/')
  store.set({id, data: await parseData({id, data, filePath: file}), filePath, digest, rendered: {html, metadata: {headings}}})
  return id
}

/** In the dev server, follow entries the ingest adds, rewrites or removes. */
function watchEntries(context: LoaderContext, directory: string): void {
  const {watcher, logger, store} = context
  if (!watcher) return
  watcher.add(directory)
  const isEntry = (file: string) => path.dirname(file) === directory && file.endsWith(extension)
  const update = (file: string) => {
    if (!isEntry(file)) return
    syncEntry(context, directory, path.basename(file)).catch((error: Error) => logger.error(error.message))
  }
  watcher.on('add', update)
  watcher.on('change', update)
  watcher.on('unlink', (file) => {
    if (isEntry(file)) store.delete(idOf(path.basename(file)))
  })
}
