/**
 * An article's digest: the part of its analysis the dossier-wide pass and the
 * build report read. Small (a few KB against some 30 KB of analysis), so the
 * digests of a whole dossier are kept in one file (engine.ts) and a build that
 * adds one article reads that file instead of every article's analysis; the
 * full analysis is read only for the articles whose entry must be written.
 */
import {createHash} from 'node:crypto'
import type {Mention} from '../entities/extract.ts'
import type {PlainFile} from './engine.ts'
import {bandKeys} from './duplicates.ts'
import type {Analysis} from './pipeline.ts'
import {paragraphDates, timelineCandidates, type BuildDays, type PublicationDate, type RelatedDate} from './publication-date.ts'

/**
 * A distinct mention as entity resolution reads it (`resolveForms` looks at nothing else):
 * `[type, key, id, text]`. A build keeps one object per form (`MentionForms`), shared by every
 * article that has it, so the dossier-wide pass resolves each form once.
 */
export type MentionForm = readonly [type: Mention['type'], key: string, id: string | null, text: string]

/** A mention form and how often an article has it. */
export type FormCount = readonly [form: MentionForm, count: number]

/** What the dossier-wide pass and the report need of an accepted article. */
export interface ArticleDigest {
  ok: true
  slug: string
  path: string
  date: PublicationDate
  buildDays: BuildDays
  /** A hash of its paragraphs: all the date inference reads of the article itself. */
  paragraphsHash: string
  /** The full dates it states, with their sentences: the related dates it offers other articles. */
  fullDates: RelatedDate[]
  /** Month and day (`MM-DD`) of the dates it gives without a year, when its own date is unknown. */
  anchors: string[]
  mentions: FormCount[]
  /**
   * What its duplicate finder reads: its word count, its signature's band keys (the shingle hashes
   * and the signature stay in the analysis) and a hash of its shingle hashes.
   */
  words: number
  bandKeys: number[]
  shinglesKey: string
  file: PlainFile
}

/** What the report needs of a rejected source. */
export interface RejectedDigest {
  ok: false
  reason: string
  file: PlainFile
}

/** The key of a mention form, for finding a mention's form again. */
export function formKey(type: string, key: string, id: string | null, text: string): string {
  return `${type}\u0000${key}\u0000${id ?? ''}\u0000${text}`
}

/**
 * The mention forms of one build, one object per distinct form: digests read from the state
 * share their forms already; a digest made in this run has its forms replaced by the build's.
 */
export class MentionForms {
  readonly #read: Iterable<MentionForm>
  // Made on the first digest to intern: a build that adds no article keys none of the forms read.
  #byKey: Map<string, MentionForm> | undefined

  constructor(read: Iterable<MentionForm> = []) {
    this.#read = read
  }

  /** The build's object for this form. */
  intern(form: MentionForm): MentionForm {
    this.#byKey ??= new Map([...this.#read].map((known) => [formKey(...known), known]))
    const key = formKey(...form)
    const known = this.#byKey.get(key)
    if (known) return known
    this.#byKey.set(key, form)
    return form
  }

  /** The digest with its forms replaced by the build's. */
  internDigest(digest: ArticleDigest): ArticleDigest {
    return {...digest, mentions: digest.mentions.map(([form, count]) => [this.intern(form), count] as const)}
  }
}

/** An article's mentions with the ids the dossier resolved for their forms (`ids`, in the order of `forms`). */
export function withIds(mentions: readonly Mention[], forms: readonly MentionForm[], ids: readonly string[]): Mention[] {
  const idOf = new Map(forms.map((form, i) => [formKey(...form), ids[i] as string]))
  return mentions.map((m) => ({...m, id: idOf.get(formKey(m.type, m.key, m.id, m.text)) as string}))
}

/** The digest of an analysis whose file is already in its plain form. */
export function digestOf(analysis: Omit<Analysis, 'file'>, file: PlainFile): ArticleDigest {
  const forms = new Map<string, [MentionForm, number]>()
  for (const m of analysis.mentions) {
    const key = formKey(m.type, m.key, m.id, m.text)
    const form = forms.get(key)
    if (form) form[1]++
    else forms.set(key, [[m.type, m.key, m.id, m.text], 1])
  }
  const undated = analysis.date.date === null && analysis.date.basis === null
  return {
    ok: true,
    slug: analysis.slug,
    path: analysis.path,
    date: analysis.date,
    buildDays: analysis.buildDays,
    paragraphsHash: createHash('sha256').update(JSON.stringify(analysis.paragraphs)).digest('hex'),
    fullDates: timelineCandidates(analysis.paragraphs, null)
      .filter((item) => item.precision === 'day')
      .map((item) => ({date: item.date, text: item.text})),
    anchors: undated ? yearlessAnchors(analysis.paragraphs) : [],
    mentions: [...forms.values()],
    words: analysis.shingles.words,
    bandKeys: bandKeys(analysis.shingles.signature),
    shinglesKey: createHash('sha256').update(Uint32Array.from(analysis.shingles.hashes)).digest('hex'),
    file
  }
}

/** Month and day (`MM-DD`) of the dates the paragraphs give without a year ("9 سبتمبر الجاري"). */
function yearlessAnchors(paragraphs: Analysis['paragraphs']): string[] {
  const keys = new Set<string>()
  for (const paragraph of paragraphs) {
    for (const e of paragraphDates(paragraph, null)) {
      if (e.value === null && e.month !== undefined && e.day !== undefined) {
        keys.add(`${String(e.month).padStart(2, '0')}-${String(e.day).padStart(2, '0')}`)
      }
    }
  }
  return [...keys]
}
