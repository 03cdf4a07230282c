/**
 * What one ingest keeps for the next, beside the per-file cache:
 *
 * - `digests.jsonl`: every analysis's digest (digest.ts) by its cache key, one
 *   `KEY<TAB>JSON` line each after a first line naming the code's version. A
 *   digest's mention forms are numbers: each form is written once, on a line
 *   `@N<TAB>JSON` before the first digest that uses it, so a form that a
 *   thousand articles share is read once, not a thousand times. A build appends
 *   the forms and digests it made and rewrites the file only when a quarter of
 *   its lines are no longer used, so adding one article appends a few lines
 *   instead of writing every digest again. A later line for a key wins.
 * - `entries.json`: the entries the last run wrote, each with the key of its
 *   rendering and the file's size and time then.
 * - `sources.json`: each source's size, times, inode and a hash of its bytes
 *   when the last run read it (a sidecar's: its data), so that a file not
 *   touched since is not read and hashed (parsed) again, as git's index does.
 * - `duplicate-pairs.json`: the duplicate finder's comparisons of candidate
 *   pairs (`decideDossier`'s `knownPairs`), by the pair's shingle hashes.
 * - `inferred-dates.json`: the dates inferred from related articles
 *   (`decideDossier`'s `knownDates`), by a hash of what the inference read.
 *
 * Both are only ever a shortcut: from other code, missing or unreadable, they
 * count as empty (a line that does not parse, as missing) and the ingest reads
 * the per-file cache instead.
 */
import {appendFile, readFile, writeFile} from 'node:fs/promises'
import type {ArticleDigest, FormCount, MentionForm, RejectedDigest} from './digest.ts'
import type {FileRecord} from '../file-records.ts'

export type Digest = ArticleDigest | RejectedDigest

/** The digests read from the file, each with its line's text (written back as it is). */
export interface StoredDigests {
  digests: Map<string, {digest: Digest; text: string}>
  /** The mention forms by their number in the file. */
  forms: Map<number, MentionForm>
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
  const none: StoredDigests = {digests: new Map(), forms: new Map(), lines: 0, appendable: false}
  const text = await readText(file).catch(() => null)
  const lines = text?.split('\n') ?? []
  if (lines[0] !== JSON.stringify({version})) return none
  const digests: StoredDigests['digests'] = new Map()
  const forms: StoredDigests['forms'] = new Map()
  // The last element is what follows the final newline: empty unless a write was cut short.
  for (const line of lines.slice(1, -1)) {
    const tab = line.indexOf('\t')
    const head = line.slice(0, tab)
    const json = line.slice(tab + 1)
    try {
      if (head.startsWith('@')) {
        forms.set(Number(head.slice(1)), JSON.parse(json) as MentionForm)
        continue
      }
      const digest = JSON.parse(json) as Digest
      if (digest.ok) digest.mentions = formCounts(digest.mentions as unknown as number[], forms)
      digests.set(head, {digest, text: json})
    } catch {
      // A line cut short (with whatever was appended after it), or a digest naming a form that
      // was: as if its digests were not kept.
    }
  }
  return {digests, forms, lines: lines.length - 2, appendable: lines.at(-1) === ''}
}

/** Keep this run's digests (`current`, by key) for the next run: appended when that is enough. */
export async function writeDigests(file: string, version: string, stored: StoredDigests, current: ReadonlyMap<string, Digest>): Promise<void> {
  const numbers = new Map<MentionForm, number>()
  let next = 0
  for (const [n, form] of stored.forms) {
    numbers.set(form, n)
    next = Math.max(next, n + 1)
  }
  // The lines of the forms to write, by number: new forms, and (written again) the kept ones in use.
  const formLines = new Map<number, string>()
  const formLine = (form: MentionForm, n: number) => formLines.has(n) || formLines.set(n, `@${n}\t${JSON.stringify(form)}\n`)
  const numbered = (form: MentionForm) => {
    let n = numbers.get(form)
    if (n === undefined) {
      numbers.set(form, (n = next++))
      formLine(form, n)
    }
    return n
  }
  const lineOf = (key: string, digest: Digest) => {
    const kept = stored.digests.get(key)
    if (kept?.digest === digest) return `${key}\t${kept.text}\n`
    return `${key}\t${JSON.stringify(digest.ok ? {...digest, mentions: digest.mentions.flatMap(([form, count]) => [numbered(form), count])} : digest)}\n`
  }
  const added = [...current].filter(([key, digest]) => stored.digests.get(key)?.digest !== digest)
  const unused = stored.lines - stored.forms.size - (current.size - added.length)
  if (stored.appendable && unused <= current.size / 4) {
    const lines = added.map(([key, digest]) => lineOf(key, digest)).join('')
    if (added.length > 0) await appendFile(file, [...formLines.values()].join('') + lines)
    return
  }
  // Written again: the forms the kept lines use (by their numbers) and those of the new ones.
  const lines = [...current].map(([key, digest]) => lineOf(key, digest)).join('')
  for (const digest of current.values()) if (digest.ok) for (const [form] of digest.mentions) formLine(form, numbered(form))
  const forms = [...formLines].sort((a, b) => a[0] - b[0]).map(([, line]) => line)
  await writeFile(file, `${JSON.stringify({version})}\n${forms.join('')}${lines}`)
}

/** A digest's mention forms from their numbers in the file (`[n, count, n, count, …]`); throws on a number not read. */
function formCounts(numbers: readonly number[], forms: ReadonlyMap<number, MentionForm>): FormCount[] {
  const counts: FormCount[] = []
  for (let i = 0; i < numbers.length; i += 2) {
    const form = forms.get(numbers[i] as number)
    if (form === undefined) throw new Error(`no mention form ${numbers[i]}`)
    counts.push([form, numbers[i + 1] as number])
  }
  return counts
}

/** The entries the last run of this code wrote, by file name. */
export async function readEntryRecords(file: string, version: string): Promise<Record<string, EntryRecord>> {
  return (await readVersioned<Record<string, EntryRecord>>(file, version, 'entries')) ?? {}
}

export async function writeEntryRecords(file: string, version: string, entries: Record<string, EntryRecord>): Promise<void> {
  await writeFile(file, JSON.stringify({version, entries}))
}

/**
 * A source file as the last run read it (src/file-records.ts), where what was taken is the SHA-256
 * of a source's bytes, or a sidecar's data as JSON.
 */
export type SourceRecord = FileRecord<string>

/** The sources the last run of this code read, by path. */
export async function readSourceRecords(file: string, version: string): Promise<Record<string, SourceRecord>> {
  return (await readVersioned<Record<string, SourceRecord>>(file, version, 'sources')) ?? {}
}

export async function writeSourceRecords(file: string, version: string, sources: Record<string, SourceRecord>): Promise<void> {
  await writeFile(file, JSON.stringify({version, sources}))
}

/**
 * A map the last run of this code kept by key (`field` of the file): the dates inferred from
 * related articles (`inferred-dates.json`, field `dates`) and the duplicate finder's similarities
 * (`duplicate-pairs.json`, field `pairs`), each by a hash of its inputs.
 */
export async function readKeptMap<T>(file: string, version: string, field: string): Promise<Map<string, T>> {
  return new Map(Object.entries((await readVersioned<Record<string, T>>(file, version, field)) ?? {}))
}

export async function writeKeptMap<T>(file: string, version: string, field: string, map: ReadonlyMap<string, T>): Promise<void> {
  await writeFile(file, JSON.stringify({version, [field]: Object.fromEntries(map)}))
}

/** The `field` of a JSON file `{version, field}` written by this code's version; undefined otherwise. */
async function readVersioned<T>(file: string, version: string, field: string): Promise<T | undefined> {
  try {
    const stored = JSON.parse(await readText(file)) as Record<string, unknown>
    return stored['version'] === version && stored[field] ? (stored[field] as T) : undefined
  } catch {
    return undefined
  }
}

/**
 * A UTF-8 file's text. Read as bytes and decoded in one go: `readFile(file, 'utf8')` decodes
 * chunk by chunk, twice as slow for the 23 MB of digests of a 10,000-article dossier (87 → 42 ms).
 */
async function readText(file: string): Promise<string> {
  return (await readFile(file)).toString('utf8')
}
