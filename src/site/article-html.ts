/**
 * Article bodies as HTML, kept out of Astro's data store.
 *
 * The collection's loader renders each entry's body once per file digest
 * (src/site/article-loader.ts) and writes the HTML here, one file per entry
 * and digest; the article page reads it back. Stored in the data store
 * instead, every body went through the store's serialisation, Vite's bundling
 * of the store into a module and that module's compilation on every build,
 * even when only one article changed (at 2,000 articles the store was 43 MB,
 * 40 % of it HTML). A body whose file is missing (a cleared cache, another
 * build's pruning) is rendered again from the entry.
 */
import {mkdir, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {renderMdxEntry} from './mdx-to-html.ts'

/** The folder of rendered bodies, beside Astro's own caches. */
export function articleHtmlDir(root: string): string {
  return path.join(root, 'node_modules', '.astro', 'dossier-article-html')
}

const fileName = (id: string, digest: string) => `${id}.${digest}.html`

/** Folders made by this process (one `mkdir` per folder, not one per entry). */
const made = new Map<string, Promise<unknown>>()

/** Store the body HTML of entry `id` at `digest`. */
export async function storeArticleHtml(root: string, id: string, digest: string, html: string): Promise<void> {
  const dir = articleHtmlDir(root)
  if (!made.has(dir)) made.set(dir, mkdir(dir, {recursive: true}))
  await made.get(dir)
  await writeFile(path.join(dir, fileName(id, digest)), html)
}

/** Remove the stored bodies of entries that are gone or have another digest now. */
export async function pruneArticleHtml(root: string, current: ReadonlyMap<string, string>): Promise<void> {
  const dir = articleHtmlDir(root)
  const keep = new Set([...current].map(([id, digest]) => fileName(id, digest)))
  const names = await readdir(dir).catch(() => [])
  await Promise.all(names.filter((name) => !keep.has(name)).map((name) => rm(path.join(dir, name), {force: true})))
}

/** The body HTML of an entry: stored, or rendered again from its file (`filePath` relative to `root`). */
export async function articleHtml(root: string, entry: {id: string; digest?: string | number | undefined; filePath?: string | undefined}): Promise<string> {
  if (entry.digest !== undefined) {
    const stored = await readFile(path.join(articleHtmlDir(root), fileName(entry.id, String(entry.digest))), 'utf8').catch(() => null)
    if (stored !== null) return stored
  }
  if (!entry.filePath) throw new Error(`article ${entry.id}: no stored body and no file to render it from`)
  const file = path.resolve(root, entry.filePath)
  return renderMdxEntry(await readFile(file, 'utf8'), file).html
}
