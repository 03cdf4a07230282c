/**
 * The ingest of a whole content folder: list the sources, run the pipeline on
 * each, write the entries that changed, remove the stale ones, and account for
 * every file: each source ends as an entry or as a named rejection.
 *
 * This is the only ingest module that touches the file system.
 */
import {mkdir, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import YAML from 'yaml'
import {dossierConfigSchema, type ArticleData, type DossierConfig, type Rejection} from '../schema.ts'
import type {DossierPaths} from '../paths.ts'
import type {RemovedBlock} from './boilerplate.ts'
import {ingestSource} from './pipeline.ts'
import {parseSidecar, type Sidecar} from './sidecar.ts'
import {assignSlugs} from './slug.ts'

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
  articles: Array<{slug: string; data: ArticleData}>
  rejected: Rejection[]
  report: ReportEntry[]
  files: VFile[]
  written: number
  unchanged: number
  removed: number
}

/**
 * Ingest a content folder.
 *
 * Takes the dossier paths; writes `articles/*.mdx` and `.build/report.json`
 * and returns the summary. Throws only when the dossier itself is unusable
 * (no or invalid `dossier.yaml`) or when a source went unaccounted for.
 */
export async function ingestFolder(paths: DossierPaths): Promise<IngestSummary> {
  const config = await readConfig(paths.content)
  const sourcesDir = path.join(paths.content, 'sources')
  const all = (await listFiles(sourcesDir)).map((p) => `sources/${p}`)
  const sidecars = new Set(all.filter((p) => p.endsWith(sidecarSuffix)))
  const sources = all.filter((p) => !sidecars.has(p))
  const slugs = assignSlugs(
    sources.filter((p) => sourceExtensions.has(path.extname(p).toLowerCase())),
    (p) => path.basename(p, path.extname(p))
  )

  const articles: IngestSummary['articles'] = []
  const rejected: Rejection[] = []
  const files: VFile[] = []
  const outputs = new Map<string, string>()

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
      sidecar = parseSidecar(await readFile(path.join(paths.content, sidecarPath), 'utf8'), sidecarFile)
      if (sidecar === null) {
        files.push(sidecarFile)
        rejected.push({file: source, reason: `its sidecar ${sidecarPath} is unusable: ${sidecarFile.messages[0]?.reason ?? ''}`})
        continue
      }
    }
    const bytes = await readFile(path.join(paths.content, source))
    const result = ingestSource({path: source, bytes, sidecar}, {slug, topics: config.topics})
    files.push(result.file)
    if (result.ok) {
      articles.push({slug, data: result.data})
      outputs.set(`${slug}.mdx`, result.mdx)
    } else {
      rejected.push({file: source, reason: result.reason})
    }
  }
  // Sidecars whose source is missing are reported, not silently ignored.
  const owned = new Set(sources.map((s) => s.slice(0, -path.extname(s).length) + sidecarSuffix))
  for (const sidecarPath of sidecars) {
    if (!owned.has(sidecarPath)) rejected.push({file: sidecarPath, reason: 'a sidecar without its source file'})
  }

  // Every file of sources/ must end as an entry, a rejection, or the sidecar of one of those.
  const accounted = new Set([...articles.map((a) => a.data.file), ...rejected.map((r) => r.file)])
  const lost = all.filter((p) => !accounted.has(p) && !(sidecars.has(p) && owned.has(p)))
  if (lost.length > 0) throw new Error(`the ingest lost track of ${lost.length} file(s): ${lost.join(', ')}`)

  const {written, unchanged, removed} = await syncEntries(paths.articles, outputs)
  const report = files.map((f) => toReportEntry(f, slugs.get(f.path) ?? null))
  rejected.sort((a, b) => a.file.localeCompare(b.file, 'en'))
  await mkdir(paths.buildData, {recursive: true})
  await writeFile(
    path.join(paths.buildData, 'report.json'),
    `${JSON.stringify({rejected, files: report}, null, 2)}\n`
  )
  return {config, articles, rejected, report, files, written, unchanged, removed}
}

/** Read and validate `dossier.yaml`. */
export async function readConfig(contentDir: string): Promise<DossierConfig> {
  const file = path.join(contentDir, 'dossier.yaml')
  const text = await readFile(file, 'utf8')
  const parsed = dossierConfigSchema.safeParse(YAML.parse(text))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`${file}: field "${issue?.path.join('.') ?? ''}": ${issue?.message ?? 'invalid'}`)
  }
  return parsed.data
}

/** Every file below a folder, as sorted relative POSIX paths. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true}).catch(() => [])
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort()
}

/** Write entries whose text changed, leave the others untouched, delete stale ones. */
async function syncEntries(dir: string, outputs: Map<string, string>) {
  await mkdir(dir, {recursive: true})
  let written = 0
  let unchanged = 0
  let removed = 0
  for (const [name, text] of outputs) {
    const target = path.join(dir, name)
    const current = await readFile(target, 'utf8').catch(() => null)
    if (current === text) {
      unchanged++
      continue
    }
    await writeFile(target, text)
    written++
  }
  for (const name of await readdir(dir)) {
    if (name.endsWith('.mdx') && !outputs.has(name)) {
      await rm(path.join(dir, name))
      removed++
    }
  }
  return {written, unchanged, removed}
}

function toReportEntry(file: VFile, slug: string | null): ReportEntry {
  return {
    file: file.path,
    slug,
    messages: file.messages.map((m) => ({
      line: m.line ?? null,
      column: m.column ?? null,
      ruleId: m.ruleId ?? null,
      reason: m.reason,
      fatal: m.fatal ?? null
    })),
    removed: (file.data['removed'] as RemovedBlock[] | undefined) ?? []
  }
}
