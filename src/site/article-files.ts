/**
 * What an entry holds beyond Astro's data store: its body as HTML, its lists
 * (entities, quotes, timeline: src/site/article-parts.ts) and its part of
 * dossier.json (src/site/dossier-json.ts).
 *
 * The collection's loader renders each entry once per file digest
 * (src/site/article-loader.ts) and writes them here, one file each per entry
 * and digest; the site data, the article page and dossier.json read them back. Kept in the
 * data store instead, they went through the store's serialisation, Vite's
 * bundling of the store into a module and that module's compilation on every
 * build, even when only one article changed (at 10,000 articles the store was
 * 94 MB of frontmatter alone; at 2,000, with the HTML, 43 MB, 40 % of it HTML).
 * An entry whose files are missing (a cleared cache, another build's pruning)
 * is rendered again from its file.
 */
import {readFileSync} from 'node:fs'
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
const dossierPartName = (id: string, digest: string) => `${id}.${digest}.dossier`

/** An entry as the data store has it: where its files are found, and its source to render them again. */
export interface StoredEntry {
  id: string
  digest?: string | number | undefined
  filePath?: string | undefined
}

/** Folders made by this process (one `mkdir` per folder, not one per entry). */
const made = new Map<string, Promise<unknown>>()

/** Store the body HTML, the lists and the dossier.json part of entry `id` at `digest`. */
export async function storeArticleFiles(
  root: string,
  id: string,
  digest: string,
  files: {html: string; details: ArticleDetails; dossierPart: Uint8Array}
): Promise<void> {
  const dir = articleFilesDir(root)
  if (!made.has(dir)) made.set(dir, mkdir(dir, {recursive: true}))
  await made.get(dir)
  await Promise.all([
    writeFile(path.join(dir, htmlName(id, digest)), files.html),
    writeFile(path.join(dir, detailsName(id, digest)), JSON.stringify(files.details)),
    writeFile(path.join(dir, dossierPartName(id, digest)), files.dossierPart)
  ])
}

/** Remove the stored files of entries that are gone or have another digest now. */
export async function pruneArticleFiles(root: string, current: ReadonlyMap<string, string>): Promise<void> {
  const dir = articleFilesDir(root)
  const keep = new Set([...current].flatMap(([id, digest]) => [htmlName(id, digest), detailsName(id, digest), dossierPartName(id, digest)]))
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

/**
 * The stored dossier.json part of an entry, or null (not stored: the caller makes it). Read
 * synchronously: ten thousand small reads one after another are faster than through the thread pool.
 */
export function storedDossierPart(root: string, entry: StoredEntry): Buffer | null {
  if (entry.digest === undefined) return null
  try {
    return readFileSync(path.join(articleFilesDir(root), dossierPartName(entry.id, String(entry.digest))))
  } catch {
    return null
  }
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
