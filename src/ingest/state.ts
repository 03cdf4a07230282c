/**
 * What one ingest keeps for the next, beside the per-file cache:
 *
 * - `digests.jsonl`: every analysis's digest (digest.ts) by its cache key, one
 *   `KEY<TAB>JSON` line each after a first line naming the code's version. A
 *   build appends the digests it made and rewrites the file only when a
 *   quarter of its lines are no longer used, so adding one article appends one
 *   line instead of writing every digest again. A later line for a key wins.
 * - `entries.json`: the entries the last run wrote, each with the key of its
 *   rendering and the file's size and time then.
 * - `inferred-dates.json`: the dates inferred from related articles
 *   (`decideDossier`'s `knownDates`), by a hash of what the inference read.
 *
 * Both are only ever a shortcut: from other code, missing or unreadable, they
 * count as empty (a line that does not parse, as missing) and the ingest reads
 * the per-file cache instead.
 */
import {appendFile, readFile, writeFile} from 'node:fs/promises'
import type {ArticleDigest, RejectedDigest} from './digest.ts'
import type {PublicationDate} from './publication-date.ts'

export type Digest = ArticleDigest | RejectedDigest

/** The digests read from the file, each with its line's text (written back as it is). */
export interface StoredDigests {
  digests: Map<string, {digest: Digest; text: string}>
  /** Lines in the file after the first, and whether new lines can be appended to it. */
  lines: number
  appendable: boolean
}

/** An entry as the last run wrote it. */
export interface EntryRecord {
  renderKey: string
  size: number
  mtimeMs: number
}

/** Read the digests the last runs of this code kept. */
export async function readDigests(file: string, version: string): Promise<StoredDigests> {
  const none: StoredDigests = {digests: new Map(), lines: 0, appendable: false}
  const text = await readFile(file, 'utf8').catch(() => null)
  const lines = text?.split('\n') ?? []
  if (lines[0] !== JSON.stringify({version})) return none
  const digests: StoredDigests['digests'] = new Map()
  // The last element is what follows the final newline: empty unless a write was cut short.
  for (const line of lines.slice(1, -1)) {
    const tab = line.indexOf('\t')
    const json = line.slice(tab + 1)
    try {
      digests.set(line.slice(0, tab), {digest: JSON.parse(json) as Digest, text: json})
    } catch {
      // A line cut short (with whatever was appended after it): as if its digests were not kept.
    }
  }
  return {digests, lines: lines.length - 2, appendable: lines.at(-1) === ''}
}

/** Keep this run's digests (`current`, by key) for the next run: appended when that is enough. */
export async function writeDigests(file: string, version: string, stored: StoredDigests, current: ReadonlyMap<string, Digest>): Promise<void> {
  const lineOf = (key: string, digest: Digest) => {
    const kept = stored.digests.get(key)
    return `${key}\t${kept?.digest === digest ? kept.text : JSON.stringify(digest)}\n`
  }
  const added = [...current].filter(([key, digest]) => stored.digests.get(key)?.digest !== digest)
  const unused = stored.lines - (current.size - added.length)
  if (stored.appendable && unused <= current.size / 4) {
    if (added.length > 0) await appendFile(file, added.map(([key, digest]) => lineOf(key, digest)).join(''))
    return
  }
  await writeFile(file, `${JSON.stringify({version})}\n${[...current].map(([key, digest]) => lineOf(key, digest)).join('')}`)
}

/** The entries the last run of this code wrote, by file name. */
export async function readEntryRecords(file: string, version: string): Promise<Record<string, EntryRecord>> {
  return (await readVersioned<Record<string, EntryRecord>>(file, version, 'entries')) ?? {}
}

export async function writeEntryRecords(file: string, version: string, entries: Record<string, EntryRecord>): Promise<void> {
  await writeFile(file, JSON.stringify({version, entries}))
}

/** The dates the last run of this code inferred from related articles, by the hash of their inputs. */
export async function readInferredDates(file: string, version: string): Promise<Map<string, PublicationDate>> {
  return new Map(Object.entries((await readVersioned<Record<string, PublicationDate>>(file, version, 'dates')) ?? {}))
}

export async function writeInferredDates(file: string, version: string, dates: ReadonlyMap<string, PublicationDate>): Promise<void> {
  await writeFile(file, JSON.stringify({version, dates: Object.fromEntries(dates)}))
}

/** The `field` of a JSON file `{version, field}` written by this code's version; undefined otherwise. */
async function readVersioned<T>(file: string, version: string, field: string): Promise<T | undefined> {
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    return stored['version'] === version && stored[field] ? (stored[field] as T) : undefined
  } catch {
    return undefined
  }
}
