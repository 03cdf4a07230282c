/**
 * The ingest pipeline for one source file:
 * decode → clean → boilerplate → structure → language → topics → frontmatter → MDX.
 *
 * Pure: it takes the bytes and what the dossier knows, and returns the entry
 * (or the reason there is none) with every diagnostic on the file's vfile.
 * Reading and writing files is the caller's job (`scripts/ingest.ts`).
 */
import {createHash} from 'node:crypto'
import {VFile} from 'vfile'
import {detectLang, latinRuns} from '../arabic/index.ts'
import {articleSchema, type ArticleData, type Topic} from '../schema.ts'
import {separateBoilerplate, type RemovedBlock} from './boilerplate.ts'
import {classifyTopics} from './classify.ts'
import {cleanText} from './clean.ts'
import {decode, reject} from './decode.ts'
import type {Sidecar} from './sidecar.ts'
import {findStructure} from './structure.ts'
import {toMdx} from './to-mdx.ts'

/** One source file as the ingest sees it. */
export interface SourceInput {
  /** Path relative to the content folder, with forward slashes, e.g. `sources/a.txt`. */
  path: string
  bytes: Uint8Array
  /** Its parsed sidecar, when there is one. */
  sidecar?: Sidecar | null
}

/** What the dossier contributes to every article. */
export interface IngestContext {
  slug: string
  topics: readonly Topic[]
}

/** The outcome for one file: an entry, or a rejection; `file.messages` says why. */
export type IngestResult =
  | {ok: true; slug: string; data: ArticleData; mdx: string; file: VFile}
  | {ok: false; reason: string; file: VFile}

/**
 * Run the ingest on one source.
 *
 * Takes the source and the dossier context; returns the entry (frontmatter and
 * MDX text) or a rejection with its reason.
 */
export function ingestSource(source: SourceInput, context: IngestContext): IngestResult {
  const file = new VFile({path: source.path})
  const rejected = (reason: string): IngestResult => ({ok: false, reason, file})

  const decoded = decode(source.bytes, file)
  if (decoded.text === null) return rejected(fatalReason(file))

  const lines = cleanText(decoded.text)
  if (lines.length === 0) {
    reject(file, source.bytes.length === 0 ? 'the file is empty' : 'the file has no text (only white space or invisible characters)')
    return rejected(fatalReason(file))
  }

  const furniture = separateBoilerplate(lines)
  for (const block of furniture.removed) {
    file.info(`removed ${block.reason}`, {
      place: {start: {line: block.fromLine, column: 1}, end: {line: block.toLine, column: 1}},
      ruleId: 'boilerplate',
      source: 'dossier'
    })
  }
  file.data['removed'] = furniture.removed satisfies RemovedBlock[]

  const structure = findStructure(furniture.lines)
  const sidecar = source.sidecar ?? {}
  const bodyText = structure.blocks.map((b) => b.text).join('\n')
  const detected = detectLang(bodyText)
  const lang = sidecar.lang ?? detected.lang
  const dir = sidecar.lang ? (/^(ar|fa|ur|he|ps|ckb)\b/.test(sidecar.lang) ? 'rtl' : 'ltr') : detected.dir
  const paragraphs = structure.blocks.filter((b) => b.kind === 'paragraph')

  const topics = classifyTopics([structure.title, structure.subtitle ?? '', bodyText], context.topics)
  for (const slug of sidecar.topics ?? []) if (!topics.includes(slug)) topics.push(slug)

  const candidate: ArticleData = {
    title: sidecar.title ?? structure.title,
    titleDerived: sidecar.title ? false : structure.titleDerived,
    subtitle: structure.subtitle,
    file: source.path,
    lang,
    dir,
    date: sidecar.date ?? null,
    datePrecision: sidecar.date ? precisionOf(sidecar.date) : null,
    dateBasis: sidecar.date ? 'sidecar' : null,
    dateReason: sidecar.date ? 'given in the sidecar metadata' : 'not yet extracted from the text',
    outlet: sidecar.outlet ?? null,
    cites: [],
    keywords: [],
    topics,
    entities: [],
    quotes: [],
    timeline: [],
    duplicateOf: null,
    story: null,
    paragraphs: paragraphs.length,
    words: bodyText.split(/\s+/).filter(Boolean).length,
    sourceHash: createHash('sha256').update(source.bytes).digest('hex')
  }
  const data = articleSchema.parse(candidate)
  try {
    const mdx = toMdx(data, structure.blocks, {isolate: dir === 'rtl' ? latinRuns : undefined})
    return {ok: true, slug: context.slug, data, mdx, file}
  } catch (error) {
    reject(file, `the article could not be written safely as MDX: ${(error as Error).message}`)
    return rejected(fatalReason(file))
  }
}

function precisionOf(date: string): 'day' | 'month' | 'year' {
  return date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year'
}

function fatalReason(file: VFile): string {
  return file.messages.find((m) => m.fatal)?.reason ?? 'rejected'
}
