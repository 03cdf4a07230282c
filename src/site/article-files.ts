/**
 * What an entry holds beyond Astro's data store: its body as HTML and its
 * lists (entities, quotes, timeline: src/site/article-parts.ts).
 *
 * The collection's loader renders each entry once per file digest
 * (src/site/article-loader.ts) and writes both here, one file each per entry
 * and digest; the site data and the article page read them back. Kept in the
 * data store instead, they went through the store's serialisation, Vite's
 * bundling of the store into a module and that module's compilation on every
 * build, even when only one article changed (at 10,000 articles the store was
 * 94 MB of frontmatter alone; at 2,000, with the HTML, 43 MB, 40 % of it HTML).
 * An entry whose files are missing (a cleared cache, another build's pruning)
 * is rendered again from its file.
 */
import {mkdir, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {parseArticleDetails, type ArticleDetails} from './article-parts.ts'
import {renderMdxEntry} from './mdx-to-html.ts'

/** The folder of entries' files, beside Astro's own caches. */
export function articleFilesDir(root: string): string {
  return path.join(root, 'node_modules', '.astro', 'dossier-article-files')
}

const htmlName = (id: string, digest: string) => `${id}.${digest}.html`
const detailsName = (id: string, digest: string) => `${id}.${digest}.json`

/** An entry as the data store has it: where its files are found, and its source to render them again. */
export interface StoredEntry {
  id: string
  digest?: string | number | undefined
  filePath?: string | undefined
}

/** Folders made by this process (one `mkdir` per folder, not one per entry). */
const made = new Map<string, Promise<unknown>>()

/** Store the body HTML and the lists of entry `id` at `digest`. */
export async function storeArticleFiles(root: string, id: string, digest: string, files: {html: string; details: ArticleDetails}): Promise<void> {
  const dir = articleFilesDir(root)
  if (!made.has(dir)) made.set(dir, mkdir(dir, {recursive: true}))
  await made.get(dir)
  await Promise.all([writeFile(path.join(dir, htmlName(id, digest)), files.html), writeFile(path.join(dir, detailsName(id, digest)), JSON.stringify(files.details))])
}

/** Remove the stored files of entries that are gone or have another digest now. */
export async function pruneArticleFiles(root: string, current: ReadonlyMap<string, string>): Promise<void> {
  const dir = articleFilesDir(root)
  const keep = new Set([...current].flatMap(([id, digest]) => [htmlName(id, digest), detailsName(id, digest)]))
  const names = await readdir(dir).catch(() => [])
  await Promise.all(names.filter((name) => !keep.has(name)).map((name) => rm(path.join(dir, name), {force: true})))
}

/** The body HTML of an entry: stored, or rendered again from its file (`filePath` relative to `root`). */
export async function articleHtml(root: string, entry: StoredEntry): Promise<string> {
  const stored = await readStored(root, entry, htmlName)
  return stored ?? (await renderAgain(root, entry)).html
}

/** The lists of an entry: stored, or read again from its file. */
export async function articleDetails(root: string, entry: StoredEntry): Promise<ArticleDetails> {
  const stored = await readStored(root, entry, detailsName)
  // Written by storeArticleFiles from validated data, for this very digest.
  if (stored !== null) return JSON.parse(stored) as ArticleDetails
  const {data, file} = await renderAgain(root, entry)
  return parseArticleDetails(data, file)
}

async function readStored(root: string, entry: StoredEntry, name: (id: string, digest: string) => string): Promise<string | null> {
  if (entry.digest === undefined) return null
  return readFile(path.join(articleFilesDir(root), name(entry.id, String(entry.digest))), 'utf8').catch(() => null)
}

async function renderAgain(root: string, entry: StoredEntry): Promise<{data: Record<string, unknown>; html: string; file: string}> {
  if (!entry.filePath) throw new Error(`article ${entry.id}: no stored files and no entry to render them from`)
  const file = path.resolve(root, entry.filePath)
  return {...renderMdxEntry(await readFile(file, 'utf8'), file), file}
}
