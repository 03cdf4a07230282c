/**
 * The content loader of the article collection: reads `content/articles/*.mdx`
 * and stores each entry's frontmatter, keyed by a digest of the file, but for
 * its lists (src/site/article-parts.ts); its body is rendered to HTML
 * (src/site/mdx-to-html.ts) at the same time, and HTML, lists and its part of
 * dossier.json are kept beside the store (src/site/article-files.ts), where
 * the site reads them.
 *
 * Astro's glob loader makes every `.mdx` entry a JavaScript module that is
 * bundled and rendered on every build. Here an entry is rendered once, and a
 * later build whose file is unchanged (same digest) keeps it without parsing
 * it again; a file whose size, times and inode are those recorded when its
 * entry was stored is not even read again (at 10,000 articles the entries are
 * 257 MB, and reading and hashing them took some 3.5 s of every build).
 * Rendering at load time also refuses, with file and line, an entry that would
 * need MDX's runtime, before any page is built.
 */
import {readdir, readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Loader, LoaderContext} from 'astro/loaders'
import {pruneArticleFiles, storeArticleFiles} from './article-files.ts'
import {joinArticle, parseArticleDetails, type StoredArticleData} from './article-parts.ts'
import {articlePart} from './dossier-json.ts'
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
      for (const id of stale) {
        context.store.delete(id)
        context.meta.delete(statKey(id))
      }
      const digests = new Map(context.store.entries().map(([id, entry]): [string, string] => [id, String(entry.digest ?? '')]))
      await pruneArticleFiles(fileURLToPath(context.config.root), digests)
      watchEntries(context, directory)
    }
  }
}

/** The entry id: the file name without `.mdx`, as the glob loader made it (the ingest writes lowercase ASCII slugs). */
const idOf = (name: string) => name.slice(0, -extension.length)

/**
 * The key of an entry's file record in the loader's meta store: kept in the
 * data store, so it is cleared with the entries (a changed config, `--force`).
 */
const statKey = (id: string) => `file:${id}`

/**
 * What tells that a file was not written since it was last read: its size,
 * modification and change times (a change time cannot be set back) and inode.
 */
async function fileRecord(file: string): Promise<string> {
  const {size, mtimeMs, ctimeMs, ino} = await stat(file)
  return `${size} ${mtimeMs} ${ctimeMs} ${ino}`
}

/**
 * Store one entry unless its file is unchanged since its entry was stored
 * (same record) or the stored entry has the same digest; returns its id.
 */
async function syncEntry({store, meta, parseData, generateDigest, config}: LoaderContext, directory: string, name: string): Promise<string> {
  const id = idOf(name)
  const file = path.join(directory, name)
  const record = await fileRecord(file)
  if (store.has(id) && meta.get(statKey(id)) === record) return id
  const contents = await readFile(file, 'utf8')
  const digest = generateDigest(contents)
  if (store.get(id)?.digest === digest) {
    meta.set(statKey(id), record)
    return id
  }
  const {data, html} = renderMdxEntry(contents, file)
  const root = fileURLToPath(config.root)
  const filePath = path.relative(root, file).split(path.sep).join('/')
  const details = parseArticleDetails(data, file)
  // The collection's schema keeps what the store holds and drops the lists.
  const stored = await parseData({id, data, filePath: file})
  const dossierPart = articlePart(joinArticle(stored as StoredArticleData, details))
  await storeArticleFiles(root, id, digest, {html, details, dossierPart})
  store.set({id, data: stored, filePath, digest})
  meta.set(statKey(id), record)
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
    if (!isEntry(file)) return
    store.delete(idOf(path.basename(file)))
    context.meta.delete(statKey(idOf(path.basename(file))))
  })
}
