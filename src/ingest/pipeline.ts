/**
 * The ingest pipeline for one source file, in two halves:
 *
 * - `analyseSource`: decode → clean → boilerplate → structure → language →
 *   publication date → outlet, cited sources, keywords → entity mentions →
 *   topics. Everything one file establishes on its own.
 * - `renderEntry`: once the dossier has resolved what needs all articles
 *   (entity ids across spellings, dates from related articles, duplicates),
 *   quotes and timeline → frontmatter → MDX.
 *
 * Both are pure: bytes and context in, data out, diagnostics on the file's
 * vfile. Reading and writing files is `folder.ts`'s job.
 */
import {createHash} from 'node:crypto'
import {VFile} from 'vfile'
import {detectLang, latinRuns, tokenForms, tokenize} from '../arabic/index.ts'
import {extractMentions, type Mention, type SpanTagger} from '../entities/extract.ts'
import type {Lexicons, Registry} from '../entities/registry/index.ts'
import {articleSchema, type ArticleData} from '../schema.ts'
import {findCitations, readSourceLines, type Attribution} from './attribution.ts'
import {separateBoilerplate, type RemovedBlock} from './boilerplate.ts'
import {classifyTopics, type TopicTerms} from './classify.ts'
import {cleanText} from './clean.ts'
import {readDateExpressions} from './dates.ts'
import {decode, reject} from './decode.ts'
import {readShingles, type TextShingles} from './duplicates.ts'
import {splitKeywords} from './keywords.ts'
import {inferWithBuildDays, timelineCandidates, type BuildDays, type PublicationDate, type SourceParagraph} from './publication-date.ts'
import {findQuotes} from './quotes.ts'
import type {Sidecar} from './sidecar.ts'
import {findStructure, type Block} from './structure.ts'
import {toMdx, type Link} from './to-mdx.ts'

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
  /** The dossier's topics, read once for classifying (`topicTerms`). */
  topics: TopicTerms
  registry: Registry
  lexicons: Lexicons
  tagger?: SpanTagger | undefined
  /** Names never to tag (entities.yaml `block`), as comparison keys. */
  blocked?: ReadonlySet<string> | undefined
  /** The build's "today" (`YYYY-MM-DD`): no date may be later. */
  buildDate: string
}

/** What one file establishes on its own. */
export interface Analysis {
  ok: true
  slug: string
  file: VFile
  path: string
  sourceHash: string
  title: string
  titleDerived: boolean
  subtitle: string | null
  blocks: Block[]
  lang: string
  dir: 'rtl' | 'ltr'
  paragraphs: SourceParagraph[]
  date: PublicationDate
  /** The build days this analysis holds for: only its date depends on the build day. */
  buildDays: BuildDays
  attribution: Attribution
  keywords: string[]
  /** Entity mentions in the body blocks (ids set for registry entities only). */
  mentions: Mention[]
  topics: string[]
  words: number
  /** The title and body as the duplicate finder compares them. */
  shingles: TextShingles
}

/** A file that became no entry, and why (`file.messages` says more). */
export interface Rejected {
  ok: false
  reason: string
  file: VFile
}

/** What the dossier decided about one article. */
export interface DossierFacts {
  date: PublicationDate
  /** Mentions with every id resolved. */
  mentions: Mention[]
  /** Display name of an entity id. */
  nameOf: (id: string) => string | undefined
  duplicateOf: string | null
}

/**
 * Analyse one source.
 *
 * Takes the source and the dossier context; returns its analysis or a
 * rejection with its reason.
 */
export function analyseSource(source: SourceInput, context: IngestContext): Analysis | Rejected {
  const file = new VFile({path: source.path})
  const rejected = (): Rejected => ({ok: false, reason: fatalReason(file), file})

  const decoded = decode(source.bytes, file)
  if (decoded.text === null) return rejected()
  const lines = cleanText(decoded.text)
  if (lines.length === 0) {
    reject(file, source.bytes.length === 0 ? 'the file is empty' : 'the file has no text (only white space or invisible characters)')
    return rejected()
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
  // A sidecar title replaces the article's own headline as the title; the headline stays on the page.
  const headlineInBody = Boolean(sidecar.title && !structure.titleDerived && structure.title !== sidecar.title)
  if (headlineInBody) {
    const line = furniture.lines.find((l) => l.text === structure.title)?.line ?? 1
    structure.blocks.unshift({kind: 'heading', text: structure.title, line})
  }
  if (structure.blocks.length === 0 && structure.title === '') {
    reject(file, 'the file has no article text: everything in it is page furniture (links, share buttons, tags)')
    return rejected()
  }
  const texts = structure.blocks.map((b) => b.text)
  const bodyText = texts.join('\n')
  const detected = detectLang(bodyText || structure.title)
  const lang = sidecar.lang ?? detected.lang
  const dir = sidecar.lang ? (/^(ar|fa|ur|he|ps|ckb)\b/.test(sidecar.lang) ? 'rtl' : 'ltr') : detected.dir

  // Each text is tokenised once: dates, entities and topics all read these tokens.
  const titleTokens = tokenize(structure.title)
  const blockTokens = texts.map((text) => tokenize(text))
  // Each paragraph's date expressions are read once here; the dossier and the timeline resolve them again.
  const paragraphs: SourceParagraph[] = [
    ...(structure.titleDerived || headlineInBody
      ? []
      : [{text: structure.title, line: furniture.lines.find((l) => l.text === structure.title)?.line ?? 1, dates: readDateExpressions(structure.title, titleTokens)}]),
    ...structure.blocks.map((b, i) => ({text: b.text, line: b.line, dates: readDateExpressions(b.text, blockTokens[i])}))
  ]
  const {date, buildDays} = inferWithBuildDays({sidecarDate: sidecar.date ?? null, paragraphs, buildDate: context.buildDate})

  const extraction = {registry: context.registry, lexicons: context.lexicons, tagger: context.tagger, date: date.date, blocked: context.blocked}
  const mentions = extractMentions(texts, extraction, blockTokens)

  const fromLines = readSourceLines(furniture.sourceLines.map((l) => l.text), context.registry)
  const attribution: Attribution = {
    outlet: sidecar.outlet ?? fromLines.outlet,
    outletId: sidecar.outlet ? null : fromLines.outletId,
    cites: [...new Set([...fromLines.cites, ...findCitations(texts, mentions, context.registry)])]
  }
  const keywords = furniture.keywordLine ? splitKeywords(furniture.keywordLine.text, context.registry) : []

  const topics = classifyTopics([...titleTokens, ...tokenize(structure.subtitle ?? ''), ...blockTokens.flat()], mentions, context.topics)
  const known = new Set(context.topics.topics.map((t) => t.slug))
  for (const slug of sidecar.topics ?? []) {
    if (!known.has(slug)) {
      file.message(`the sidecar names topic "${slug}", which dossier.yaml does not define; ignored`, {ruleId: 'sidecar', source: 'dossier'}).fatal = false
    } else if (!topics.includes(slug)) topics.push(slug)
  }

  return {
    ok: true,
    slug: context.slug,
    file,
    path: source.path,
    sourceHash: createHash('sha256').update(source.bytes).digest('hex'),
    title: sidecar.title ?? structure.title,
    titleDerived: sidecar.title ? false : structure.titleDerived,
    subtitle: structure.subtitle,
    blocks: structure.blocks,
    lang,
    dir,
    paragraphs,
    date,
    buildDays,
    attribution,
    keywords,
    mentions,
    topics,
    words: bodyText.split(/\s+/).filter(Boolean).length,
    shingles: readShingles([sidecar.title === undefined ? titleTokens : tokenize(sidecar.title), ...blockTokens].flatMap(tokenForms))
  }
}

/**
 * Write one article's entry.
 *
 * Takes its analysis and what the dossier decided; returns the validated
 * frontmatter and the MDX text, or throws when the MDX would not read back
 * as the article's text (the caller rejects the file then).
 */
export function renderEntry(analysis: Analysis, facts: DossierFacts): {data: ArticleData; mdx: string} {
  const {blocks} = analysis
  const texts = blocks.map((b) => b.text)
  const anchor = (block: number) => `L${blocks[block]?.line ?? 0}`

  const counts = new Map<string, {count: number; first: Mention}>()
  for (const m of facts.mentions) {
    if (!m.id) continue
    const seen = counts.get(m.id)
    counts.set(m.id, {count: (seen?.count ?? 0) + 1, first: seen?.first ?? m})
  }
  const entities = [...counts]
    .map(([id, {count, first}]) => ({
      id,
      name: facts.nameOf(id) ?? first.text,
      type: first.type,
      count,
      sentence: sentenceAround(texts[first.block] ?? '', first.start),
      anchor: anchor(first.block)
    }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))

  const quotes = findQuotes(texts, {mentions: facts.mentions, nameOf: facts.nameOf}).map((q) => ({
    speaker: q.speaker,
    speakerName: q.speakerName,
    text: q.text,
    anchor: anchor(q.block)
  }))

  const reference = facts.date.date ? toPartial(facts.date.date) : null
  // Dates the text states: full dates, and a named month placed by the publication date
  // ("9 سبتمبر الجاري", "يونيو الماضي"); a bare weekday or "last week" is not an event's date.
  const timeline = timelineCandidates(analysis.paragraphs, reference)
    .filter((item) => item.expression.kind === 'explicit' || item.expression.month !== undefined)
    .map((item) => ({
    date: item.date,
    precision: item.precision,
    text: item.text,
    anchor: `L${item.line}`
  }))

  const data = articleSchema.parse({
    title: analysis.title,
    titleDerived: analysis.titleDerived,
    subtitle: analysis.subtitle,
    file: analysis.path,
    lang: analysis.lang,
    dir: analysis.dir,
    date: facts.date.date,
    datePrecision: facts.date.precision,
    dateBasis: facts.date.basis,
    dateReason: facts.date.reason,
    outlet: analysis.attribution.outlet,
    outletId: analysis.attribution.outletId,
    cites: analysis.attribution.cites,
    keywords: analysis.keywords,
    topics: analysis.topics,
    entities,
    quotes,
    timeline,
    duplicateOf: facts.duplicateOf,
    story: null,
    paragraphs: blocks.filter((b) => b.kind === 'paragraph').length,
    words: analysis.words,
    sourceHash: analysis.sourceHash
  } satisfies ArticleData)

  const links: Link[] = facts.mentions
    .filter((m) => m.id)
    .map((m) => ({block: m.block, start: m.start, end: m.end, href: `../../entities/${m.id}/`, kind: m.type}))
  const mdx = toMdx(data, blocks, {isolate: analysis.dir === 'rtl' ? latinRuns : undefined, links})
  return {data, mdx}
}

/** The sentence of a block around an offset (for "first mentioned in …"). */
function sentenceAround(text: string, at: number, reach = 300): string {
  const from = Math.max(0, at - reach)
  const before = text.slice(from, at)
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('؟ '), before.lastIndexOf('! '))
  const start = cut === -1 ? from : from + cut + 1
  const rest = text.slice(at, at + reach)
  const stop = rest.search(/[.!؟](\s|$)/u)
  return text.slice(start, stop === -1 ? at + rest.length : at + stop + 1).trim()
}

function toPartial(date: string): {year: number; month?: number; day?: number} {
  const [year, month, day] = date.split('-').map(Number)
  return {year: year as number, ...(month ? {month} : {}), ...(day ? {day} : {})}
}

function fatalReason(file: VFile): string {
  return file.messages.find((m) => m.fatal)?.reason ?? 'rejected'
}
