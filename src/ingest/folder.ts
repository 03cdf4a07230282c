/**
 * The ingest of a whole content folder: list the sources, run the pipeline on
 * each, write the entries that changed, remove the stale ones, and account for
 * every file: each source ends as an entry or as a named rejection.
 *
 * This module and the engine's cache (engine.ts) are the only ingest code that
 * touches the file system.
 */
import {createHash, hash} from 'node:crypto'
import {lstatSync, readFileSync, statSync, type Stats} from 'node:fs'
import {mkdir, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {noCorrections, parseCorrections, type Corrections} from '../entities/corrections.ts'
import type {DossierPaths} from '../paths.ts'
import {readConfig} from '../config.ts'
import type {ArticleData, DossierConfig, EntityIndexEntry, Rejection} from '../schema.ts'
import type {RemovedBlock} from './boilerplate.ts'
import {reject} from './decode.ts'
import type {ArticleDigest} from './digest.ts'
import {decideDossier, type ArticleDecision} from './dossier.ts'
import type {PublicationDate} from './publication-date.ts'
import {createEngine, fromPlainFile, startOf, type EngineStats, type PlainFile, type RenderFacts, type Rendered, type SourceTask} from './engine.ts'
import {parseSidecar, type Sidecar} from './sidecar.ts'
import {readKeptMap, readSourceRecords, writeKeptMap, writeSourceRecords, type EntryRecord, type SourceRecord} from './state.ts'
import {assignSlugs} from '../arabic/slug.ts'
import {recordOf, settledBy, untouched} from '../file-records.ts'

/** Source types the ingest reads. */
const sourceExtensions = new Set(['.txt'])
const sidecarSuffix = '.meta.yaml'

/** One line of the build report per source file. */
export interface ReportEntry {
  file: string
  slug: string | null
  messages: Array<{line: number | null; column: number | null; ruleId: string | null; reason: string; fatal: boolean | null}>
  /** Furniture removed from the article (not shown, not indexed), with the text, so nothing is silently lost. */
  removed: RemovedBlock[]
}

/** What the ingest of a folder produced. */
export interface IngestSummary {
  config: DossierConfig
  /** Each entry's slug, source file and frontmatter data (read when asked for, for an entry left unchanged). */
  articles: Array<{slug: string; file: string; readonly data: ArticleData}>
  entities: EntityIndexEntry[]
  rejected: Rejection[]
  report: ReportEntry[]
  /**
   * Each file's diagnostics, in the report's order: a VFile, or the plain form of one kept with an
   * article's cached analysis (`fromPlainFile` makes it a VFile; most are never shown).
   */
  files: Array<VFile | PlainFile>
  written: number
  unchanged: number
  removed: number
  /** How many files came from the cache, how many were computed, on how many threads. */
  engine: EngineStats
  /** Sources and sidecars whose bytes were read: the others were not touched since the last run read them. */
  sourcesRead: number
  /** Of those, how many were changed just before the run and read again at its end to be recorded (`settleRecords`). */
  sourcesSettled: number
}

/**
 * Ingest a content folder.
 *
 * Takes the dossier paths; writes `articles/*.mdx` and `.build/report.json`
 * and returns the summary. Throws only when the dossier itself is unusable
 * (no or invalid `dossier.yaml`) or when a source went unaccounted for.
 */
export async function ingestFolder(paths: DossierPaths, options: IngestOptions = {}): Promise<IngestSummary> {
  const config = await readConfig(paths.content)
  const corrections = await readCorrections(paths.content)
  const buildDate = options.buildDate ?? process.env['DOSSIER_BUILD_DATE'] ?? new Date().toISOString().slice(0, 10)
  const maxBytes = options.maxSourceBytes ?? maxSourceBytesFrom(process.env)
  const sourcesDir = path.join(paths.content, 'sources')
  const all = (await listFiles(sourcesDir)).map((p) => `sources/${p}`)
  const sidecars = new Set(all.filter((p) => p.endsWith(sidecarSuffix)))
  const sources = all.filter((p) => !sidecars.has(p))
  const slugs = assignSlugs(
    sources.filter((p) => sourceExtensions.has(path.extname(p).toLowerCase())),
    (p) => path.basename(p, path.extname(p))
  )

  const engine = await createEngine({topics: config.topics, corrections, buildDate, cacheDir: path.join(paths.buildData, 'cache'), workers: options.workers})
  const tasks: SourceTask[] = []
  const rejected: Rejection[] = []
  const files: Array<VFile | PlainFile> = []
  const sourcesFile = path.join(paths.buildData, 'cache', 'sources.json')
  const known = await readSourceRecords(sourcesFile, engine.version)
  // Kept only by a run that finishes: after one that stopped (a source found changed as it ran,
  // say), the next reads every source.
  await rm(sourcesFile, {force: true})
  const sourceRecords: Record<string, SourceRecord> = {}
  const now = options.now ?? Date.now
  const listed = now()
  const reads = {count: 0}
  // Sources and sidecars read but not recorded: changed too shortly before the listing.
  const unsettled: string[] = []

  for (const source of sources) {
    const slug = slugs.get(source)
    if (slug === undefined) {
      const file = new VFile({path: source})
      const reason = `unsupported file type "${path.extname(source) || '(none)'}": the ingest reads ${[...sourceExtensions].join(', ')}`
      file.message(reason, {ruleId: 'reject', source: 'dossier'}).fatal = true
      files.push(file)
      rejected.push({file: source, reason})
      continue
    }
    const sidecarPath = source.slice(0, -path.extname(source).length) + sidecarSuffix
    let sidecar: Sidecar | null = null
    if (sidecars.has(sidecarPath)) {
      const sidecarFile = new VFile({path: sidecarPath})
      const read = readSidecar(path.join(paths.content, sidecarPath), sidecarFile, maxBytes, known[sidecarPath], listed, reads)
      sidecar = read?.sidecar ?? null
      if (read?.record) sourceRecords[sidecarPath] = read.record
      else if (read) unsettled.push(sidecarPath)
      if (sidecar === null) {
        const problem = sidecarFile.messages[0]
        files.push(sidecarFile)
        rejected.push({file: source, reason: `its sidecar ${sidecarPath}${problem?.line ? `:${problem.line}` : ''} is unusable: ${problem?.reason ?? ''}`})
        continue
      }
    }
    const input = readSource(path.join(paths.content, source), maxBytes, known[source], listed, reads)
    if ('reason' in input) {
      const file = new VFile({path: source})
      reject(file, input.reason)
      files.push(file)
      rejected.push({file: source, reason: input.reason})
      continue
    }
    if (input.record) sourceRecords[source] = input.record
    else unsettled.push(source)
    tasks.push({path: source, sidecar, slug, hash: input.hash, load: input.load})
  }

  const digests: ArticleDigest[] = []
  // Each article's place in `files`: its diagnostics stay in their plain form unless a message is added.
  const fileAt = new Map<string, number>()
  const {dossier, rendered} = await engine.using(async () => {
    for (const digest of await engine.analyse(tasks)) {
      files.push(digest.file)
      if (digest.ok) {
        digests.push(digest)
        fileAt.set(digest.slug, files.length - 1)
      } else rejected.push({file: digest.file.path, reason: digest.reason})
    }
    const datesFile = path.join(paths.buildData, 'cache', 'inferred-dates.json')
    const pairsFile = path.join(paths.buildData, 'cache', 'duplicate-pairs.json')
    const dossier = decideDossier(digests, engine.registry(), corrections, buildDate, {
      knownDates: await readKeptMap<PublicationDate>(datesFile, engine.version, 'dates'),
      knownPairs: await readKeptMap<number>(pairsFile, engine.version, 'pairs'),
      paragraphsOf: (slug) => engine.analysisOf(slug).paragraphs,
      shinglesOf: (slug) => engine.analysisOf(slug).shingles.hashes
    })
    await mkdir(path.dirname(datesFile), {recursive: true})
    await writeKeptMap(datesFile, engine.version, 'dates', dossier.inferredDates)
    await writeKeptMap(pairsFile, engine.version, 'pairs', dossier.pairs)
    const names = new Map(dossier.entities.map((e) => [e.id, e.name]))
    // Each entity as it goes into the keys of the renderings that mention it: a short hash of its id
    // and name, made once, not once per mention (and ASCII: a key of names in Arabic letters takes
    // twice as long to hash).
    const entityKey = (id: string, name: string) => hash('sha256', JSON.stringify([id, name])).slice(0, 16)
    const keyed = new Map(dossier.entities.map((e) => [e.id, entityKey(e.id, e.name)]))
    const entries = digests.map((digest) => {
      const decision = dossier.decisions.get(digest.slug) as ArticleDecision
      // The article's own date is part of its analysis, which keys the rendering already: only a
      // date the dossier inferred from related articles is written into the key, with what the
      // dossier decided of duplicates and, in the order of the article's mention forms, their entities.
      const inferred = decision.date === digest.date ? null : decision.date
      const entities = decision.ids.map((id) => keyed.get(id) ?? entityKey(id, id)).join(',')
      const key = engine.renderKey(digest.slug, `${JSON.stringify([inferred, decision.duplicateOf])}${entities}`)
      // What the renderer needs besides the analysis: the ids of the article's mention forms.
      const facts = (): RenderFacts => ({
        date: decision.date,
        forms: digest.mentions.map(([form]) => form),
        ids: decision.ids,
        duplicateOf: decision.duplicateOf,
        names: Object.fromEntries([...new Set(decision.ids)].sort().map((id) => [id, names.get(id) ?? id]))
      })
      return {slug: digest.slug, file: digest.path, key, facts}
    })
    // An entry the last run wrote from the same rendering, and not touched since, is left as it is.
    const unchanged = entries.map(({slug, key}) => isWritten(paths.articles, `${slug}.mdx`, key, engine.entryRecord(`${slug}.mdx`)))
    const changed = entries.filter((_, i) => !unchanged[i])
    const renderings = await engine.render(changed.map(({slug, key, facts}) => ({slug, key, facts: facts()})))
    const bySlug = new Map(changed.map(({slug}, i) => [slug, renderings[i] as Rendered]))
    const rendered = entries.map((entry, i) => (unchanged[i] ? {...entry, unchanged: true as const} : {...entry, result: bySlug.get(entry.slug) as Rendered}))
    return {dossier, rendered}
  })
  const articles: IngestSummary['articles'] = []
  const outputs = new Map<string, EntryOutput>()
  for (const entry of rendered) {
    const name = `${entry.slug}.mdx`
    if ('unchanged' in entry) {
      // Its data is read only if asked for: an unchanged entry's rendering is not read at all.
      let data: ArticleData | undefined
      const dataOf = () => (data ??= (engine.renderedNow(entry.slug, entry.key, entry.facts) as {data: ArticleData}).data)
      articles.push({
        slug: entry.slug,
        file: entry.file,
        get data() {
          return dataOf()
        }
      })
      outputs.set(name, {key: entry.key, record: engine.entryRecord(name) as EntryRecord})
    } else if ('mdx' in entry.result) {
      articles.push({slug: entry.slug, file: entry.result.data.file, data: entry.result.data})
      outputs.set(name, {key: entry.key, mdx: entry.result.mdx})
    } else {
      const reason = `the article could not be written safely as MDX: ${entry.result.error}`
      const at = fileAt.get(entry.slug) as number
      const file = fromPlainFile(files[at] as PlainFile)
      file.message(reason, {ruleId: 'reject', source: 'dossier'}).fatal = true
      files[at] = file
      rejected.push({file: file.path, reason})
    }
  }
  // Sidecars whose source is missing are reported, not silently ignored.
  const owned = new Set(sources.map((s) => s.slice(0, -path.extname(s).length) + sidecarSuffix))
  for (const sidecarPath of sidecars) {
    if (!owned.has(sidecarPath)) rejected.push({file: sidecarPath, reason: 'a sidecar without its source file'})
  }

  // Every file of sources/ must end as an entry, a rejection, or the sidecar of one of those.
  const accounted = new Set([...articles.map((a) => a.file), ...rejected.map((r) => r.file)])
  const lost = all.filter((p) => !accounted.has(p) && !(sidecars.has(p) && owned.has(p)))
  if (lost.length > 0) throw new Error(`the ingest lost track of ${lost.length} file(s): ${lost.join(', ')}`)
  // ...and its own entry: two sources with one slug would write one page over the other.
  if (outputs.size !== articles.length) {
    const sharing = articles.filter((a) => articles.some((b) => b !== a && b.slug === a.slug))
    throw new Error(`sources would share one page: ${sharing.map((a) => `${a.file} → ${a.slug}`).join(', ')}`)
  }

  const {written, unchanged, removed, records} = await syncEntries(paths.articles, outputs)
  await engine.finish(records)
  const sourcesSettled = settleRecords(paths.content, unsettled, now(), maxBytes, sourceRecords)
  await writeSourceRecords(sourcesFile, engine.version, sourceRecords)
  const report = files.map((f) => toReportEntry(f, slugs.get(f.path) ?? null))
  rejected.sort((a, b) => a.file.localeCompare(b.file, 'en'))
  await mkdir(paths.buildData, {recursive: true})
  await writeFile(
    path.join(paths.buildData, 'report.json'),
    `${JSON.stringify({rejected, files: report}, null, 2)}\n`
  )
  // Not indented, unlike the report, which people read: 10 MB against 7 at 10,000 articles, and written in half the time.
  await writeFile(path.join(paths.buildData, 'entities.json'), `${JSON.stringify(dossier.entities)}\n`)
  return {
    config,
    articles,
    entities: dossier.entities,
    rejected,
    report,
    files,
    written,
    unchanged,
    removed,
    engine: engine.stats,
    sourcesRead: reads.count,
    sourcesSettled
  }
}

/** Options of a folder ingest. */
export interface IngestOptions {
  /** The build's "today" (`YYYY-MM-DD`); default $DOSSIER_BUILD_DATE or the current UTC date. */
  buildDate?: string
  /** Largest source or sidecar read, in bytes; larger ones are rejected. Default $DOSSIER_MAX_SOURCE_BYTES or 8 MiB. */
  maxSourceBytes?: number
  /** Worker threads for uncached files; default one per core for 64 files or more, 0 = this thread only. */
  workers?: number
  /** The clock, in milliseconds since the epoch (default `Date.now`): when files count as settled (`settleRecords`). */
  now?: () => number
}

/** Read `entities.yaml` when there is one; an unusable one stops the ingest. */
async function readCorrections(contentDir: string): Promise<Corrections> {
  const file = path.join(contentDir, 'entities.yaml')
  const text = await readFile(file, 'utf8').catch(() => null)
  if (text === null) return noCorrections
  const vfile = new VFile({path: file})
  const corrections = parseCorrections(text, vfile)
  if (corrections === null) {
    const message = vfile.messages[0]
    throw new Error(`${file}${message?.line ? `:${message.line}` : ''}: ${message?.reason ?? 'unusable'}`)
  }
  return corrections
}

/**
 * Everything below a folder but the folders themselves, as sorted relative
 * POSIX paths: symbolic links, FIFOs and the like are listed too, so that they
 * are accounted for (and rejected by `inspectInput`), never silently skipped.
 */
async function listFiles(dir: string): Promise<string[]> {
  const files: string[] = []
  // Folder by folder, each path made from its folder's (a third of the time of a recursive
  // listing turned into relative paths, at 10,000 sources).
  const walk = async (folder: string): Promise<void> => {
    // No sources folder is an empty dossier; a folder that cannot be read stops the ingest, naming
    // it, rather than its sources silently going missing (and their entries with them).
    const entries = await readdir(folder === '' ? dir : path.join(dir, folder), {withFileTypes: true}).catch((error: NodeJS.ErrnoException) => {
      if (folder === '' && error.code === 'ENOENT') return []
      throw new Error(`the folder sources/${folder} could not be read (${error.code ?? error.message})`)
    })
    for (const entry of entries) {
      const name = folder === '' ? entry.name : `${folder}/${entry.name}`
      if (entry.isDirectory()) await walk(name)
      else files.push(name)
    }
  }
  await walk('')
  return files.sort()
}

/** Default largest source or sidecar, in bytes: 8 MiB (a long news article is under 100 KB; a 2 MB one passes). */
export const defaultMaxSourceBytes = 8 * 1024 * 1024

/**
 * The size limit from an environment: `DOSSIER_MAX_SOURCE_BYTES` (a whole
 * number of bytes) or the default. Throws on any other value, so a typo does
 * not silently lift or tighten the limit.
 */
export function maxSourceBytesFrom(env: NodeJS.ProcessEnv): number {
  const raw = env['DOSSIER_MAX_SOURCE_BYTES']
  if (raw === undefined || raw.trim() === '') return defaultMaxSourceBytes
  const value = Number(raw)
  if (!/^\s*\d+\s*$/.test(raw) || !Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`DOSSIER_MAX_SOURCE_BYTES="${raw}" is not a positive whole number of bytes`)
  }
  return value
}

/**
 * An input file's status, refusing what must not be read: anything but a regular file (a
 * symbolic link may point outside the content folder, a FIFO would block the build) and files
 * over `maxBytes`; `readBytes` then refuses files the system will not let us read. Reasons are
 * in words. Synchronous: a dossier's thousands of small files are read one after another faster
 * than through as many round trips to the thread pool.
 */
function inspectInput(file: string, maxBytes: number): Stats | {reason: string} {
  try {
    const stats = lstatSync(file)
    if (!stats.isFile()) {
      const kind = stats.isSymbolicLink() ? 'a symbolic link' : stats.isFIFO() ? 'a named pipe' : stats.isSocket() ? 'a socket' : 'a device or other special file'
      return {reason: `the file is ${kind}, not a regular file: the ingest does not follow or read it`}
    }
    return stats.size > maxBytes ? tooBig(stats.size, maxBytes) : stats
  } catch (error) {
    return unreadable(error)
  }
}

function readBytes(file: string, maxBytes: number): {bytes: Uint8Array} | {reason: string} {
  try {
    const bytes = readFileSync(file)
    return bytes.length > maxBytes ? tooBig(bytes.length, maxBytes) : {bytes}
  } catch (error) {
    return unreadable(error)
  }
}

const tooBig = (size: number, maxBytes: number) => ({reason: `the file is ${size} bytes, over the limit of ${maxBytes} bytes (DOSSIER_MAX_SOURCE_BYTES)`})
const unreadable = (error: unknown) => ({reason: `the file could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`})

/**
 * A source's hash and how to get its bytes. A regular file whose size, times and inode are those
 * `known` recorded is not read: its bytes are read only if it must be analysed again, and must
 * then still have the recorded hash. Any other file is read and hashed now, and its record
 * returned for the next run unless it changed within two seconds of `listed` (a later write in
 * the same tick of a coarse clock would leave the same times: such a file is read again next time).
 */
function readSource(
  file: string,
  maxBytes: number,
  known: SourceRecord | undefined,
  listed: number,
  reads: {count: number}
): {hash: string; load: () => Uint8Array; record?: SourceRecord} | {reason: string} {
  const stats = inspectInput(file, maxBytes)
  if ('reason' in stats) return stats
  if (untouched(stats, known, listed)) {
    const hash = known[4]
    const load = () => {
      reads.count++
      const input = readBytes(file, maxBytes)
      if ('reason' in input || sha256(input.bytes) !== hash) throw new Error(`${file} changed while the ingest ran: run it again`)
      return input.bytes
    }
    return {hash, load, record: known}
  }
  reads.count++
  const input = readBytes(file, maxBytes)
  if ('reason' in input) return input
  const hash = sha256(input.bytes)
  return {hash, load: () => input.bytes, ...recordOf(stats, hash, listed)}
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/**
 * Read and parse a sidecar; returns its metadata (and its record, as `readSource` does: a sidecar
 * not touched since the last run is not read again), or null with a fatal message on `file`
 * (unreadable, not UTF-8, not YAML, failing the schema, or a YAML alias bomb, which the parser
 * refuses by throwing).
 */
function readSidecar(
  absolute: string,
  file: VFile,
  maxBytes: number,
  known: SourceRecord | undefined,
  listed: number,
  reads: {count: number}
): {sidecar: Sidecar; record?: SourceRecord} | null {
  const stats = inspectInput(absolute, maxBytes)
  // Not touched since the last run read it: its data as it was then.
  if (!('reason' in stats) && untouched(stats, known, listed)) return {sidecar: JSON.parse(known[4]) as Sidecar, record: known}
  reads.count++
  const input = 'reason' in stats ? stats : readBytes(absolute, maxBytes)
  if ('reason' in input) {
    reject(file, input.reason)
    return null
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(input.bytes)
  } catch {
    reject(file, 'the sidecar is not UTF-8 text')
    return null
  }
  try {
    const sidecar = parseSidecar(text, file)
    return sidecar === null ? null : {sidecar, ...recordOf(stats as Stats, JSON.stringify(sidecar), listed)}
  } catch (error) {
    reject(file, `the sidecar could not be read as YAML: ${(error as Error).message}`)
    return null
  }
}

/**
 * Record the sources and sidecars (by path) that this run read but could not record, as changed
 * too shortly before it listed them (src/file-records.ts), once they have settled: each is read
 * again, as a run starting `now` would, and recorded with what it holds now. A dossier built just
 * after its sources were written (a folder copied in, the bench's corpus) is then not read again
 * by the next run: at 10,000 articles that was some 9,000 sources read and hashed (0.5 s) when one
 * article was added. A file read again here may have changed since this run read it; its record
 * then holds the new bytes' hash (a sidecar's new data), which the next run analyses again.
 * Returns how many were recorded.
 */
function settleRecords(content: string, unsettled: readonly string[], now: number, maxBytes: number, records: Record<string, SourceRecord>): number {
  let settled = 0
  const reads = {count: 0}
  for (const relative of unsettled) {
    const file = path.join(content, relative)
    // Only those whose change is old enough by now are worth reading again.
    const stats = lstatSync(file, {throwIfNoEntry: false})
    if (stats === undefined || !settledBy(stats, now)) continue
    const again = relative.endsWith(sidecarSuffix)
      ? readSidecar(file, new VFile({path: relative}), maxBytes, undefined, now, reads)
      : readSource(file, maxBytes, undefined, now, reads)
    if (again !== null && 'record' in again && again.record !== undefined) {
      records[relative] = again.record
      settled++
    }
  }
  return settled
}

/**
 * An entry to keep: its rendering's key and its text, or, for an entry the last run wrote and
 * nobody touched since (`isWritten`), that run's record of it instead.
 */
type EntryOutput = {key: string; mdx: string; record?: undefined} | {key: string; mdx?: undefined; record: EntryRecord}

/**
 * Write entries whose text changed, leave the others untouched, delete stale ones; returns the
 * counts and each entry's record (its rendering's key, size and time) for the next run.
 */
async function syncEntries(dir: string, outputs: Map<string, EntryOutput>) {
  await mkdir(dir, {recursive: true})
  let written = 0
  let unchanged = 0
  let removed = 0
  const records: Record<string, EntryRecord> = {}
  for (const [name, {key, mdx, record}] of outputs) {
    if (record !== undefined) {
      unchanged++
      records[name] = record
      continue
    }
    const target = path.join(dir, name)
    if ((await readFile(target, 'utf8').catch(() => null)) !== mdx) {
      await writeFile(target, mdx)
      written++
    } else unchanged++
    const {size, mtimeMs} = statSync(target)
    records[name] = {renderKey: key, size, mtimeMs}
  }
  for (const name of await readdir(dir)) {
    if (name.endsWith('.mdx') && !outputs.has(name)) {
      await rm(path.join(dir, name))
      removed++
    }
  }
  return {written, unchanged, removed, records}
}

/** Whether the entry file is the one the last run wrote from the rendering `key` (same size and time since). */
function isWritten(dir: string, name: string, key: string, record: EntryRecord | undefined): boolean {
  if (record?.renderKey !== key) return false
  const stats = statSync(path.join(dir, name), {throwIfNoEntry: false})
  return stats !== undefined && stats.size === record.size && stats.mtimeMs === record.mtimeMs
}

function toReportEntry(file: VFile | PlainFile, slug: string | null): ReportEntry {
  // A plain file's message as `fromPlainFile` would make it.
  const messages =
    file instanceof VFile
      ? file.messages.map((m) => ({line: m.line ?? null, column: m.column ?? null, ruleId: m.ruleId ?? null, reason: m.reason, fatal: m.fatal ?? null}))
      : file.messages.map((m) => {
          const start = startOf(m)
          return {line: start?.line ?? null, column: start?.column ?? null, ruleId: m.ruleId || null, reason: m.reason, fatal: m.fatal ?? null}
        })
  return {file: file.path, slug, messages, removed: (file.data['removed'] as RemovedBlock[] | undefined) ?? []}
}
