/**
 * Quotes and their speakers.
 *
 * A quote is a passage in «», “”, "" or ″″. Its speaker is the subject of the
 * reporting verb before it in the same sentence (قال، أضاف، أكد …, or a
 * participle such as قائلاً / مضيفاً that refers back to the sentence's main
 * verb), or the source named right after it (… «»، وفق بيان للديوان الأميري).
 * A verb with no subject (وأضاف:) continues the previous speaker; so does a
 * bare role noun (المتحدث، الوزير) that refers back to him.
 * Single words in quotation marks are names or scare quotes, not quotes; short
 * passages count only when a speaker is found.
 */
import {normalizeArabic} from '../arabic/index.ts'
import type {Mention} from '../entities/extract.ts'

/** A quote as the frontmatter stores it. */
export interface Quote {
  /** Entity id of the speaker, when the speaker resolves to one. */
  speaker: string | null
  /** The speaker as written (or the entity's name), or null when unknown. */
  speakerName: string | null
  text: string
  /** Block index and offsets of the quoted text (without the marks). */
  block: number
  start: number
  end: number
}

/** What the quote finder needs to know about the entities. */
export interface QuoteContext {
  /** Resolved mentions of the article (ids filled), in text order. */
  mentions: readonly Mention[]
  /** Display name of an entity id. */
  nameOf: (id: string) => string | undefined
}

const pairs: Record<string, string> = {'«': '»', '“': '”', '"': '"', '″': '″', '„': '“'}

const norm = (words: readonly string[]) => new Set(words.map((w) => normalizeArabic(w)))

// Reporting verbs (past, masculine/feminine/dual), in normalised form.
const verbStems = [
  'قال', 'اضاف', 'اكد', 'اوضح', 'صرح', 'تابع', 'واصل', 'اردف', 'اشار', 'لفت', 'ذكر', 'اعلن', 'وصف', 'اعتبر', 'شدد',
  'اجاب', 'علق', 'اعرب', 'نفي', 'كتب', 'غرد', 'دعا', 'اشاد', 'حذر', 'طالب', 'سئل', 'بحث'
]
const verbPattern = new RegExp(`^[وف]?(?:${verbStems.join('|')})(?:ت|ا|تا|وا)?$`, 'u')
// Participles refer back to the sentence's main verb: قائلاً، مضيفاً، مشيرة.
const participles = /^(?:قائل|مضيف|مشير|متابع|مبين|موكد|مؤكد|موضح|مشدد|لافت|واصف|معتبر|منوه)(?:ا|ه|ين)?$/u
// Attribution after a quote: "، وفق بيان للديوان الأميري" / "حسب الوثيقة".
const after = /^[\s،,.]*(?:وفق|وفقا|وفقاً|بحسب|حسب|نقلا عن|نقلاً عن)\s+(?:بيان\s+)?/u
// A subject that refers back to the last speaker (المتحدث، الوزير) or to the last statement (البيان).
const anaphora = norm(['المتحدث', 'الوزير', 'الرئيس', 'السفير', 'المسؤول', 'المبعوث', 'الأمير'])
const statement = norm(['البيان', 'للبيان', 'لبيان'])
// Words between a verb and its subject that are not the subject.
const skippable = norm(['اليوم', 'أمس', 'مساء', 'صباح', 'يوم', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد', 'أيضا', 'أيضاً', 'كذلك', 'مجددا', 'مجدداً', 'من', 'جانبه', 'جانبها', 'جهته', 'جهتها', 'في', 'هذا', 'السياق'])
// Words that end a subject, or show there is none (a preposition or pronoun right after the verb).
const subjectEnd = norm(['أن', 'أنه', 'أنها', 'إن', 'إنه', 'إنها', 'خلال', 'في', 'عبر', 'على', 'إلى', 'عن', 'لدى', 'بأن', 'بأنه', 'عليه', 'عليها', 'له', 'لها', 'به', 'بها', 'فيه', 'فيها', 'منه', 'الذي', 'التي', 'الذين'])
// A relative pronoun: the verb after it belongs to a relative clause, not to the sentence.
const relative = norm(['الذي', 'التي', 'الذين', 'اللذين', 'اللتين'])

interface Word {
  text: string
  norm: string
  start: number
  end: number
  /** Inside a quotation: never part of a subject. */
  quoted?: boolean
}

/** A speaker as found: an entity id where it resolves, and the name to show. */
interface Speaker {
  id: string | null
  name: string | null
}

/** A reporting verb or participle in a block, with the speakers it may stand for. */
interface Verb {
  end: number
  /** The subject written with the verb (or, for a participle, its main verb's). */
  explicit: Speaker | null
  /** The speaker carried from before, for a verb without a written subject. */
  inherited: Speaker | null
  /** Start of the verb's sentence, so a quote only takes a verb of its own sentence. */
  sentence: number
}

/**
 * Find the quotes of an article.
 *
 * Takes the blocks' texts and the resolved mentions; returns the quotes in
 * text order with their speakers.
 */
export function findQuotes(blocks: readonly string[], context: QuoteContext): Quote[] {
  const quotes: Quote[] = []
  // The last speaker established, carried from verb to verb and block to block:
  // "وأضاف:" with no subject continues him.
  let last: Speaker | null = null
  blocks.forEach((text, block) => {
    const spans = quotedSpans(text)
    const outside = (at: number) => !spans.some((q) => at >= q.start && at < q.end)
    const verbs: Verb[] = []
    const all = wordsOf(text, 0, text.length).map((w) => ({...w, quoted: !outside(w.start)}))
    const starts = sentenceStarts(text)
    const lastVerbOf = new Map<number, Verb>()
    for (let at = 0; at < all.length; at++) {
      const word = all[at] as (typeof all)[number]
      if (word.quoted) continue
      const isParticiple = participles.test(word.norm)
      if (!isParticiple && !verbPattern.test(word.norm)) continue
      const sentence = startOf(starts, word.start)
      // The words from the sentence start (or the word before the verb) to a few past it: all the subject search reads.
      const first = at > 0 && (all[at - 1] as Word).start >= sentence ? at - 1 : at
      const words = all.slice(first, at + 32)
      const index = at - first
      if (index > 0 && relative.has((words[index - 1] as Word).norm)) continue
      const main = lastVerbOf.get(sentence)
      const explicit = isParticiple ? (main?.explicit ?? null) : subjectOf(text, words, index, block, context, last)
      const inherited = isParticiple ? (main?.inherited ?? last) : last
      const verb = {end: word.end, explicit, inherited, sentence}
      verbs.push(verb)
      lastVerbOf.set(sentence, verb)
      last = explicit ?? inherited
    }
    for (const span of spans) {
      const inner = text.slice(span.start, span.end).trim()
      const words = inner.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length
      if (words < 2) continue
      const sentence = startOf(starts, span.start)
      const verb = verbs.filter((v) => v.end <= span.start && v.sentence === sentence).at(-1)
      // A source named right after the quote outranks a speaker carried over from before.
      const speaker = verb?.explicit ?? speakerAfter(text, block, span.end + 1, context, last) ?? verb?.inherited ?? null
      if (!speaker && words < 6) continue
      if (speaker) last = speaker
      const offset = text.indexOf(inner, span.start)
      quotes.push({speaker: speaker?.id ?? null, speakerName: speaker?.name ?? null, text: inner, block, start: offset, end: offset + inner.length})
    }
  })
  return quotes
}

/** Offsets of quoted passages (without the marks); an unclosed quote runs to the end of the block. */
export function quotedSpans(text: string): Array<{start: number; end: number}> {
  const spans: Array<{start: number; end: number}> = []
  let i = 0
  while (i < text.length) {
    const open = text[i] as string
    const close = pairs[open]
    // A straight quote right after a word with no word after it closes nothing that was opened: a stray.
    if (!close || (open === '"' && /\p{L}/u.test(text[i - 1] ?? '') && !/\p{L}/u.test(text[i + 1] ?? ''))) {
      i++
      continue
    }
    const end = text.indexOf(close, i + 1)
    const stop = end === -1 ? text.length : end
    if (stop > i + 1) spans.push({start: i + 1, end: stop})
    i = stop + 1
  }
  return spans
}

function wordsOf(text: string, from: number, to: number): Word[] {
  const out: Word[] = []
  const re = /[^\s،,:؛;.!?؟«»“”"″()]+|[:،,]/gu
  re.lastIndex = from
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    out.push({text: m[0], norm: normalizeArabic(m[0]), start: m.index, end: m.index + m[0].length})
  }
  return out
}

/** Offsets where sentences start in a text (0 first), ascending. */
function sentenceStarts(text: string): number[] {
  const starts = [0]
  for (const m of text.matchAll(/[.؟!] /gu)) starts.push(m.index + 2)
  return starts
}

/** The start of the sentence that contains `at`, from `sentenceStarts`. */
function startOf(starts: readonly number[], at: number): number {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((starts[mid] as number) <= at) lo = mid
    else hi = mid - 1
  }
  return starts[lo] as number
}

/**
 * The subject of the verb at `verb`: the words after it (verb–subject order,
 * "وقال وزير الخارجية"), or the entity right before it (subject–verb order
 * after أن: "أن الوزير روبيو أكد"). A person named in the subject is the
 * speaker ("متحدث وزارة الخارجية القطرية ماجد الأنصاري"); a bare role noun
 * refers back to the last speaker; otherwise the subject as written.
 */
function subjectOf(text: string, words: readonly Word[], verb: number, block: number, context: QuoteContext, last: Speaker | null): Speaker | null {
  let i = verb + 1
  while (i < words.length && skippable.has((words[i] as Word).norm)) i++
  const first = words[i]
  if (first && !first.quoted && !subjectEnd.has(first.norm) && !/^[:،,]$/.test(first.text) && !/^(?:بال|لل|وب|بـ)/u.test(first.norm)) {
    let stop = i
    while (stop < words.length && !(words[stop] as Word).quoted && !subjectEnd.has((words[stop] as Word).norm) && !/^[:،,]$/.test((words[stop] as Word).text) && stop - i < 8) stop++
    const from = first.start
    const to = (words[stop - 1] as Word).end
    const inSubject = context.mentions.filter((m) => m.block === block && m.start >= from && m.start < to && m.id)
    const chosen = inSubject.find((m) => m.type === 'person') ?? inSubject.find((m) => m.start === from)
    if (chosen?.id) return {id: chosen.id, name: context.nameOf(chosen.id) ?? chosen.text}
    if (anaphora.has(first.norm) && last) return last
    if (inSubject[0]?.id) return {id: inSubject[0].id, name: context.nameOf(inSubject[0].id) ?? inSubject[0].text}
    return {id: null, name: words.slice(i, Math.min(stop, i + 3)).map((w) => w.text).join(' ')}
  }
  const verbStart = (words[verb] as Word).start
  // Only white space may stand between the subject and its verb: "الوزير روبيو أكد", not "قطر، وبحثا".
  const before = context.mentions.filter((m) => m.block === block && m.id && m.end <= verbStart && /^\s+$/.test(text.slice(m.end, verbStart))).at(-1)
  if (before?.id && (before.type === 'person' || before.type === 'organization')) return {id: before.id, name: context.nameOf(before.id) ?? before.text}
  return null
}

function speakerAfter(text: string, block: number, from: number, context: QuoteContext, last: Speaker | null): Speaker | null {
  const rest = text.slice(from, from + 80)
  const cue = after.exec(rest)
  if (!cue) return null
  const at = from + cue[0].length
  const mention = context.mentions.find((m) => m.block === block && m.start >= at - 2 && m.start <= at + 2 && m.id)
  if (mention?.id) return {id: mention.id, name: context.nameOf(mention.id) ?? mention.text}
  const word = wordsOf(text, at, at + 40)[0]
  if (word && statement.has(word.norm) && last) return last
  return word ? {id: null, name: word.text} : null
}
