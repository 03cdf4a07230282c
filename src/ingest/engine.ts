/**
 * Runs the per-file halves of the pipeline (`analyseSource`, `renderEntry`)
 * for a whole dossier, as cheaply as the situation allows:
 *
 * - from the cache in `.build/cache/` when nothing the result depends on has
 *   changed (the source bytes, its sidecar, the dossier's topics and entity
 *   corrections, and the ingest code and data themselves);
 * - otherwise in worker threads, one per core, when there are enough files to
 *   repay starting them; in this thread for small dossiers.
 *
 * Results come back in input order whatever the scheduling, so the output is
 * the same bytes however the work was split.
 *
 * What the dossier-wide pass reads of each analysis (its digest, digest.ts) is
 * kept for all articles in one file, with a record of each entry written
 * (state.ts); a build reads those, not every analysis, and reads an article's
 * analysis only when its entry must be rendered again.
 */
import {createHash, hash} from 'node:crypto'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {mkdir, readdir, readFile, rm} from 'node:fs/promises'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import {VFile} from 'vfile'
import type {Corrections} from '../entities/corrections.ts'
import type {Registry} from '../entities/registry/index.ts'
import type {ArticleData, Topic} from '../schema.ts'
import type {Analysis, DossierFacts, Rejected, SourceInput} from './pipeline.ts'
import {digestOf, MentionForms, type ArticleDigest, type MentionForm, type RejectedDigest} from './digest.ts'
import {readDigests, readEntryRecords, writeDigests, writeEntryRecords, type Digest, type EntryRecord} from './state.ts'
import {buildDayNumber, holdsOn, type BuildDays} from './publication-date.ts'
import {correctedRegistry, createSteps, type Steps} from './steps.ts'

/** What every per-file step depends on besides the file itself. */
export interface EngineSettings {
  topics: readonly Topic[]
  corrections: Corrections
  buildDate: string
  /** Folder of the cache (`.build/cache`). */
  cacheDir: string
  /** Worker threads to use for uncached work; default: one per core when there are 64 files or more. */
  workers?: number | undefined
}

/** A source to analyse, with its slug. */
export interface AnalyseTask extends SourceInput {
  slug: string
}

/**
 * A source as the ingest found it: a hash of its bytes, and its bytes when they were read; a
 * source unchanged since the last run (folder.ts) is read only if it must be analysed again.
 */
export interface SourceTask extends Omit<AnalyseTask, 'bytes'> {
  /** SHA-256 of its bytes, hex. */
  hash: string
  /** Its bytes, read now if they were not (`hash` checked). */
  load: () => Uint8Array
}

/** The dossier's decisions about one article, in a form that can cross to a worker. */
export interface RenderFacts extends Omit<DossierFacts, 'nameOf' | 'mentions'> {
  /** The article's mention forms (its digest's) and the id the dossier resolved for each, in their order. */
  forms: MentionForm[]
  ids: string[]
  /** Display names of the entities the article mentions. */
  names: Record<string, string>
}

/**
 * What a rendering is given: the facts, and the analysis itself or (in a worker, for an analysis
 * a worker made in this run and stored in the cache) its cache key, so that the analyses of a
 * whole dossier never pass through this thread.
 */
export type RenderInput = {facts: RenderFacts} & ({analysis: PlainAnalysis} | {analysisKey: string})

/** A VFile's content as it crosses threads and sits in the cache. */
export interface PlainFile {
  path: string
  messages: Array<{reason: string; line?: number; column?: number; endLine?: number; endColumn?: number; ruleId?: string; fatal?: boolean | null}>
  data: Record<string, unknown>
}

export type PlainAnalysis = Omit<Analysis, 'file'> & {file: PlainFile}
type PlainRejected = Omit<Rejected, 'file'> & {file: PlainFile}
type PlainResult = PlainAnalysis | PlainRejected

/** Counts of what came from where, for the build's summary line. */
export interface EngineStats {
  cached: number
  computed: number
  workers: number
}

const here = path.dirname(fileURLToPath(import.meta.url))
const srcDir = path.resolve(here, '..')

/**
 * The modules outside src/arabic, src/ingest and src/entities that the ingest imports (the
 * frontmatter's writer, the file records, the schema, the settings): part of its code version
 * (tests/unit/ingest/engine.test.ts checks the list against the imports).
 */
export const SHARED_MODULES = ['config.ts', 'file-records.ts', 'frontmatter-yaml.ts', 'paths.ts', 'schema.ts'] as const

/**
 * A fingerprint of the code and data the per-file steps run: a change to any
 * of them invalidates the whole cache.
 */
export async function codeVersion(): Promise<string> {
  const fingerprint = createHash('sha256')
  for (const file of SHARED_MODULES) fingerprint.update(file).update(await readFile(path.join(srcDir, file)))
  for (const dir of ['arabic', 'ingest', 'entities']) {
    const entries = await readdir(path.join(srcDir, dir), {recursive: true, withFileTypes: true})
    const files = entries
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .sort()
    for (const file of files) fingerprint.update(file.slice(srcDir.length)).update(await readFile(file))
  }
  return fingerprint.digest('hex')
}

/**
 * The per-file engine for one ingest run.
 *
 * Takes the settings; returns functions that analyse and render lists of
 * files, and the statistics of what was cached.
 */
export async function createEngine(settings: EngineSettings) {
  const version = await codeVersion()
  const dossierKey = createHash('sha256')
    .update(version)
    .update(JSON.stringify(settings.topics))
    .update(JSON.stringify(settings.corrections))
    .digest('hex')
  const stats: EngineStats = {cached: 0, computed: 0, workers: 0}
  const buildDay = buildDayNumber(settings.buildDate)
  const used = new Set<string>()
  let local: Steps | undefined
  const steps = () => (local ??= createSteps(settings))

  // One call per source, not a Hash object (as `renderKey`); no path or slug holds a NUL, and JSON escapes one.
  const keyOf = (task: SourceTask) => hash('sha256', `${dossierKey}\0${task.path}\0${task.slug}\0${JSON.stringify(task.sidecar ?? null)}\0${task.hash}`)
  const loaded = ({load, hash, ...task}: SourceTask): AnalyseTask => ({...task, bytes: load()})
  const digestsFile = path.join(settings.cacheDir, 'digests.jsonl')
  const entriesFile = path.join(settings.cacheDir, 'entries.json')
  const [stored, records] = await Promise.all([readDigests(digestsFile, version), readEntryRecords(entriesFile, version)])
  // This run's digests by analysis key, and what each accepted article's analysis is.
  const digests = new Map<string, Digest>()
  // Digests made in this run share the mention forms of those read.
  const forms = new MentionForms(stored.forms.values())
  // `stored`: made by a worker in this run, which wrote it to the cache (only its digest came back).
  const articles = new Map<string, {task: SourceTask; key: string; id: string; analysis?: PlainAnalysis; stored?: true}>()

  /** Analyse sources; digests in task order. An analysis read or made here is kept for rendering. */
  async function analyse(tasks: readonly SourceTask[]): Promise<Array<ArticleDigest | RejectedDigest>> {
    const keys = tasks.map(keyOf)
    for (const key of keys) used.add(key)
    // An article's date may depend on the build day (what lies after it is left out): an
    // analysis that does not hold for this build day is made again.
    const holds = (result: {ok: boolean; buildDays?: BuildDays} | undefined) => result !== undefined && (!result.ok || holdsOn(result.buildDays, buildDay))
    const results: Array<ArticleDigest | RejectedDigest | PlainResult | undefined> = keys.map((key) => {
      const digest = stored.digests.get(key)?.digest
      return holds(digest) ? digest : undefined
    })
    const read = keys.map((key, i) => (results[i] ? undefined : readCache<PlainResult>(settings.cacheDir, 'analysis', key)))
    read.forEach((hit, i) => {
      if (holds(hit)) results[i] = hit
    })
    const missing = tasks.map((task, i) => ({task, i})).filter(({i}) => results[i] === undefined)
    stats.cached += tasks.length - missing.length
    stats.computed += missing.length
    // In this thread a full analysis comes back; from a worker only its digest (the analysis is in the cache).
    const computed = await run<AnalyseTask, PlainResult | Digest>(
      'analyse',
      missing.map((m) => loaded(m.task)),
      missing.map((m) => keys[m.i] as string),
      (task) => toPlainResult(steps().analyse(task))
    )
    const inCache = new Set<number>()
    missing.forEach(({i}, j) => {
      results[i] = computed[j]
      if (computed[j] && 'paragraphsHash' in (computed[j] as Digest)) inCache.add(i)
    })
    return results.map((result, i) => {
      const key = keys[i] as string
      const task = tasks[i] as SourceTask
      // A full analysis made here is kept: its entry is rendered next.
      const plain = result !== undefined && !('paragraphsHash' in result) && result.ok ? (result as PlainAnalysis) : undefined
      const made = digestFrom(result as ArticleDigest | RejectedDigest | PlainResult)
      const digest = made.ok && made !== stored.digests.get(key)?.digest ? forms.internDigest(made) : made
      digests.set(key, digest)
      if (digest.ok) {
        const id = `${key}:${digest.buildDays.from}-${digest.buildDays.to}`
        articles.set(digest.slug, {task, key, id, ...(plain ? {analysis: plain} : {}), ...(inCache.has(i) ? {stored: true as const} : {})})
      }
      return digest
    })
  }

  /**
   * An accepted article's full analysis: the one this run read or made, else the cached one,
   * else (missing or unreadable) made again here.
   */
  function analysisOf(slug: string): PlainAnalysis {
    const article = articles.get(slug)
    if (article === undefined) throw new Error(`no analysis of ${slug} in this run`)
    if (article.analysis) return article.analysis
    const cached = readCache<PlainResult>(settings.cacheDir, 'analysis', article.key)
    const usable = cached?.ok && holdsOn(cached.buildDays, buildDay) ? cached : undefined
    const analysis = usable ?? (toPlainResult(steps().analyse(loaded(article.task))) as PlainAnalysis)
    if (usable === undefined) writeCache(settings.cacheDir, 'analysis', article.key, analysis)
    article.analysis = analysis
    return analysis
  }

  /**
   * The key of an entry's rendering: what the rendering depends on, which is the article's
   * analysis (by its own key) and what the dossier decided about it (`decision`, as text).
   */
  function renderKey(slug: string, decision: string): string {
    const article = articles.get(slug)
    if (article === undefined) throw new Error(`no analysis of ${slug} in this run`)
    // One call, not a Hash object per entry: ten thousand keys are made on every run.
    const key = hash('sha256', `${dossierKey}analysis:${article.id}${decision}`)
    used.add(key)
    return key
  }

  /** Render entries (keys from `renderKey`); results in input order. Throws (per entry) become `{error}`. */
  async function render(items: ReadonlyArray<{slug: string; key: string; facts: RenderFacts}>): Promise<Rendered[]> {
    const results = items.map(({key}) => readCache<Rendered>(settings.cacheDir, 'render', key))
    const missing = items.map((item, i) => ({item, i})).filter(({i}) => results[i] === undefined)
    const inputOf = (slug: string, facts: RenderFacts): RenderInput & {slug: string} => {
      const article = articles.get(slug)
      if (article?.stored && !article.analysis) return {slug, analysisKey: article.key, facts}
      return {slug, analysis: analysisOf(slug), facts}
    }
    const computed = await run(
      'render',
      missing.map(({item}) => inputOf(item.slug, item.facts)),
      missing.map(({item}) => item.key),
      (input) => steps().render('analysis' in input ? input.analysis : analysisOf(input.slug), input.facts)
    )
    missing.forEach(({i}, j) => (results[i] = computed[j]))
    return results as Rendered[]
  }

  /** An entry's rendering, here and now: the cached one, else rendered again (its facts asked for then). */
  function renderedNow(slug: string, key: string, facts: () => RenderFacts): Rendered {
    const cached = readCache<Rendered>(settings.cacheDir, 'render', key)
    if (cached !== undefined) return cached
    const rendered = steps().render(analysisOf(slug), facts())
    writeCache(settings.cacheDir, 'render', key, rendered)
    return rendered
  }

  // Worker threads are started once and kept for both steps: each one loads the registry, the
  // word lists and the tagger, and its compiled code warms up over the analyses, so the
  // rendering reuses all of that instead of paying it again in fresh threads.
  const pool: PooledWorker[] = []

  /**
   * Run a step over inputs and store each result in the cache under its key: in workers when
   * there are many (each stores its own results, so serialising them for the cache is shared
   * out too), here otherwise; results in input order.
   */
  async function run<I, O>(kind: 'analyse' | 'render', inputs: readonly I[], keys: readonly string[], inThisThread: (input: I) => O): Promise<O[]> {
    const count = settings.workers ?? (inputs.length >= 64 ? Math.min(availableParallelism(), 8) : 0)
    if (count <= 1 || inputs.length === 0) {
      const outputs = inputs.map(inThisThread)
      outputs.forEach((output, i) => writeCache(settings.cacheDir, cacheKind[kind], keys[i] as string, output))
      return outputs
    }
    stats.workers = Math.max(stats.workers, count)
    while (pool.length < count) pool.push(startWorker(settings))
    // Work is handed out in small batches to whichever thread is free, so a thread slowed by a
    // long article (or by other work on the machine) does not hold the others up.
    const outputs: O[] = new Array<O>(inputs.length)
    let next = 0
    await Promise.all(
      pool.slice(0, count).map(async (worker) => {
        while (next < inputs.length) {
          const from = next
          next = Math.min(inputs.length, from + batchSize)
          const batch = await worker.run<I, O>(kind, inputs.slice(from, next), keys.slice(from, next))
          batch.forEach((output, j) => (outputs[from + j] = output))
        }
      })
    )
    return outputs
  }

  /** Run `work` (which analyses and renders), then stop the worker threads however it ends. */
  async function using<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } finally {
      await Promise.all(pool.splice(0).map((worker) => worker.stop()))
    }
  }

  /** The record of an entry as the last run wrote it, if it did. */
  const entryRecord = (name: string): EntryRecord | undefined => records[name]

  /**
   * Keep this run's digests and entry records for the next run, and remove the cache entries
   * this run did not use (sources deleted or changed since).
   */
  async function finish(entries: Record<string, EntryRecord>): Promise<void> {
    await mkdir(settings.cacheDir, {recursive: true})
    await Promise.all([writeDigests(digestsFile, version, stored, digests), writeEntryRecords(entriesFile, version, entries)])
    for (const kind of ['analysis', 'render']) {
      const dir = path.join(settings.cacheDir, kind)
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        if (!used.has(name)) await rm(path.join(dir, name), {force: true})
      }
    }
  }

  // The dossier-wide pass needs only the registry: when the steps ran in workers, this thread
  // builds just that, not the word lists and the tagger too.
  let registry: Registry | undefined
  return {analyse, analysisOf, renderKey, render, renderedNow, entryRecord, finish, using, stats, version, registry: () => (registry ??= local?.registry ?? correctedRegistry(settings.corrections))}
}

/** Inputs per message to a worker: small enough to balance the threads, large enough that messages cost nothing. */
const batchSize = 16

/** A worker thread of the engine: runs batches of one step, one batch at a time, and caches their results. */
interface PooledWorker {
  run<I, O>(kind: 'analyse' | 'render', inputs: readonly I[], keys: readonly string[]): Promise<O[]>
  stop(): Promise<void>
}

/** Start a worker thread for the per-file steps (worker.ts). */
function startWorker(settings: EngineSettings): PooledWorker {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), {
    workerData: {settings: {topics: settings.topics, corrections: settings.corrections, buildDate: settings.buildDate}, cacheDir: settings.cacheDir}
  })
  // An idle worker does not keep the process alive.
  worker.unref()
  let pending: {resolve: (outputs: never[]) => void; reject: (error: Error) => void} | undefined
  let failure: Error | undefined
  const fail = (error: Error) => {
    failure = error
    pending?.reject(error)
    pending = undefined
  }
  worker.on('message', (outputs: never[]) => {
    pending?.resolve(outputs)
    pending = undefined
    worker.unref()
  })
  worker.on('error', fail)
  worker.on('exit', (code) => fail(new Error(`ingest worker exited with code ${code}`)))
  return {
    run<I, O>(kind: 'analyse' | 'render', inputs: readonly I[], keys: readonly string[]): Promise<O[]> {
      if (failure) return Promise.reject(failure)
      return new Promise<O[]>((resolve, reject) => {
        pending = {resolve: resolve as (outputs: never[]) => void, reject}
        worker.ref()
        worker.postMessage({kind, inputs, keys})
      })
    },
    async stop() {
      worker.removeAllListeners('exit')
      await worker.terminate()
    }
  }
}

/** The cache folder of each step's results. */
export const cacheKind = {analyse: 'analysis', render: 'render'} as const

/**
 * Store one result in the cache. Synchronous: a worker stores its batch before it answers (it
 * may be stopped after), and this thread, without workers, has nothing else to do meanwhile.
 */
export function writeCache(dir: string, kind: string, key: string, value: unknown): void {
  mkdirSync(path.join(dir, kind), {recursive: true})
  writeFileSync(path.join(dir, kind, key), JSON.stringify(value))
}

export function toPlainFile(file: VFile): PlainFile {
  return {
    path: file.path,
    messages: file.messages.map((m) => ({
      reason: m.reason,
      ...(m.place && 'start' in m.place
        ? {line: m.place.start.line, column: m.place.start.column, endLine: m.place.end.line, endColumn: m.place.end.column}
        : m.line !== undefined
          ? {line: m.line, column: m.column ?? 1}
          : {}),
      ...(m.ruleId ? {ruleId: m.ruleId} : {}),
      fatal: m.fatal ?? null
    })),
    data: {...file.data}
  }
}

/** Where a plain message starts, as its VFile message has it (column 1 when none is given); undefined without a line. */
export function startOf(message: PlainFile['messages'][number]): {line: number; column: number} | undefined {
  return message.line === undefined ? undefined : {line: message.line, column: message.column ?? 1}
}

export function fromPlainFile(plain: PlainFile): VFile {
  const file = new VFile({path: plain.path})
  // A message is an Error, which captures a stack trace when made; the message then drops it. An
  // ingest at 10,000 articles remakes some 30,000 messages from the cache: 0.14 s with the traces,
  // 0.02 s without.
  const traceLimit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    for (const m of plain.messages) {
      const start = startOf(m)
      const place = start && m.endLine !== undefined ? {start, end: {line: m.endLine, column: m.endColumn ?? 1}} : start
      const message = file.message(m.reason, {source: 'dossier', ...(m.ruleId ? {ruleId: m.ruleId} : {}), ...(place ? {place} : {})})
      message.fatal = m.fatal === null ? undefined : m.fatal
    }
  } finally {
    Error.stackTraceLimit = traceLimit
  }
  Object.assign(file.data, plain.data)
  return file
}

function toPlainResult(result: Analysis | Rejected): PlainResult {
  return {...result, file: toPlainFile(result.file)} as PlainResult
}

/** A rendering: the entry's frontmatter data and MDX, or why it could not be written. */
export type Rendered = {data: ArticleData; mdx: string} | {error: string}

/** A digest as it is, or made from a full result. */
export function digestFrom(result: ArticleDigest | RejectedDigest | PlainResult): ArticleDigest | RejectedDigest {
  if (!result.ok) return {ok: false, reason: result.reason, file: result.file as PlainFile}
  return 'paragraphsHash' in result ? result : digestOf(result, result.file)
}

/**
 * A cached step result, or undefined when missing or unreadable. Synchronous: a build reads
 * thousands of small cache files, faster one after another than through the thread pool.
 */
export function readCache<T>(dir: string, kind: string, key: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, kind, key), 'utf8')) as T
  } catch {
    return undefined
  }
}
