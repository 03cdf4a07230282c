/**
 * The publication date of a pasted article, established only as far as the evidence goes.
 *
 * Order of evidence: sidecar metadata → a dateline in the text → an inference that combines the
 * weekday of the report ("اليوم الثلاثاء"), an explicit date of a recent event ("9 سبتمبر 2025")
 * and a relative link between them ("الأسبوع الماضي"). When that does not fix a day the result is
 * the month or the year that every remaining candidate shares, or nothing, with the reason why.
 * Boilerplate paragraphs are never read, and no date after the build date is ever returned.
 */

import {foldVariants, lightStem, normalizeArabic, normalizeDigits, splitClitics, stripArticle, tokenize} from '../arabic/index.ts';
import {memoizeWord} from '../arabic/memo.ts';
import {dayNumber, findDateExpressions, formatPartialDate, fromDayNumber, parsePartialDate, partialDateRange, readDateExpressions, resolveDateExpressions, weekdayOf} from './dates.ts';
import type {DateExpression, DatePrecision, DateReading, PartialDate} from './dates.ts';

/**
 * A paragraph of the source with its 1-based line number, and the date expressions read from its
 * text ({@link readDateExpressions}) when they have been: the article's date, the dossier's
 * related dates and the timeline all resolve the same readings, so the text is read once.
 */
export type SourceParagraph = {text: string; line: number; boilerplate?: boolean; dates?: DateReading[]};

/** The date expressions of a paragraph, resolved against `reference` (its readings when it has them). */
export function paragraphDates(paragraph: SourceParagraph, reference: PartialDate | null): DateExpression[] {
  return resolveDateExpressions(paragraph.text, paragraph.dates ?? readDateExpressions(paragraph.text), {reference});
}

/**
 * A full date stated in another article of the same dossier (for example a
 * {@link timelineCandidates} entry of an article about the same story), with its sentence.
 */
export type RelatedDate = {date: string; text: string; source?: string};

/** Input of {@link inferPublicationDate}. */
export type PublicationDateInput = {
  /** The `date` of the sidecar NAME.meta.yaml, if any ('YYYY-MM-DD', 'YYYY-MM', 'YYYY' or an Arabic date). */
  sidecarDate?: string | null;
  paragraphs: SourceParagraph[];
  /** 'YYYY-MM-DD': the build's "today"; nothing later is ever returned. */
  buildDate: string;
  /**
   * Optional: full dates from other articles of the same dossier. Used for one thing only: to
   * supply the year of a yearless anchor ("9 سبتمبر الجاري") when exactly one related date has
   * the same day and month and its sentence describes the same event. Default: none.
   */
  relatedDates?: RelatedDate[];
};

/** One line of evidence for the build report. */
export type DateEvidence = {line: number; text: string};

/** Result of {@link inferPublicationDate}. */
export type PublicationDate = {
  /** 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY' | null. */
  date: string | null;
  precision: DatePrecision | null;
  /** How the date was established (one of {@link DATE_BASIS}); null when unknown. */
  basis: string | null;
  /** Why, in English, for the build report. */
  reason: string;
  evidence?: DateEvidence[];
};

/** The `basis` strings written to the public JSON (`dateBasis`). */
export const DATE_BASIS = {
  sidecar: 'sidecar',
  dateline: 'dateline',
  weekdayAndExplicitDate: 'weekday+explicit date in text',
  explicitDate: 'explicit date in text',
  weekdayAndRelatedYear: 'weekday+explicit date in text+year from related article',
  relatedYear: 'explicit date in text+year from related article',
} as const;

/** A sentence of a paragraph; offsets into the paragraph's text. */
export type Sentence = {start: number; end: number; text: string};

/** A sentence that ties an event to a date, for the dossier timeline. */
export type TimelineCandidate = {
  date: string;
  precision: DatePrecision;
  /** The sentence, trimmed. */
  text: string;
  line: number;
  /** Offsets of the sentence in its paragraph. */
  start: number;
  end: number;
  expression: DateExpression;
};

// ---------------------------------------------------------------------------------------------

/**
 * Splits a paragraph into sentences at . ! ? ؟ ۔ … and line breaks (not at the dot of "2.5" or
 * "16.9.2025"). Returns trimmed sentences with offsets into `text`; empty ones are dropped.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let from = 0;
  const push = (to: number): void => {
    let start = from;
    let end = to;
    while (start < end && /\s/.test(text.charAt(start))) start++;
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    if (end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end))) sentences.push({start, end, text: text.slice(start, end)});
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '\n' || c === '\r') {
      push(i);
      from = i + 1;
    } else if ('.!?؟۔…'.includes(c)) {
      if (c === '.' && isDigit(text.charAt(i - 1)) && isDigit(text.charAt(i + 1))) continue;
      let end = i + 1;
      while (end < text.length && '.!?؟۔…'.includes(text.charAt(end))) end++;
      push(end);
      from = end;
      i = end - 1;
    }
  }
  push(text.length);
  return sentences;
}

/**
 * The sentences of the non-boilerplate paragraphs that tie an event to a date: explicit dates,
 * and relative ones when `reference` resolves them. One entry per date expression, in text order.
 */
export function timelineCandidates(paragraphs: SourceParagraph[], reference: PartialDate | null): TimelineCandidate[] {
  const candidates: TimelineCandidate[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph.boilerplate) continue;
    // Most paragraphs state no date: their sentences are only split when one does.
    let sentences: Sentence[] | undefined;
    for (const expression of paragraphDates(paragraph, reference)) {
      if (expression.value === null || expression.precision === null) continue;
      sentences ??= splitSentences(paragraph.text);
      const sentence = sentenceOf(sentences, expression);
      candidates.push({
        date: expression.value,
        precision: expression.precision,
        text: sentence.text,
        line: paragraph.line,
        start: sentence.start,
        end: sentence.end,
        expression,
      });
    }
  }
  return candidates;
}

/** An ASCII, Arabic-Indic or Persian digit. */
function isDigit(character: string): boolean {
  return /^\d$/.test(normalizeDigits(character));
}

function sentenceOf(sentences: Sentence[], expression: DateExpression): Sentence {
  return sentences.find((s) => expression.start >= s.start && expression.start < s.end) ?? {start: expression.start, end: expression.end, text: expression.text};
}

// ---------------------------------------------------------------------------------------------

/** A date expression found in the article, with where it was found. */
type Mention = {expression: DateExpression; line: number; index: number; sentence: Sentence; paragraph: string};

/**
 * Establishes the publication date of an article from its sidecar, a dateline, or the weekday,
 * explicit dates and relative links in its text (in that order), never later than `buildDate`.
 *
 * @returns The date with only the precision the evidence supports, its basis, an English
 *   reason and the evidence lines; `date: null` with a reason when the evidence does not fix it.
 * @throws RangeError when `buildDate` is not a valid 'YYYY-MM-DD'.
 */
export function inferPublicationDate(input: PublicationDateInput): PublicationDate {
  return inferWithBuildDays(input).date;
}

/**
 * Build days for which an inference gives the same result: from `from` (the build day it ran
 * with) to `to` (day numbers, `dayNumber`), `to` null when no later build day would change it.
 * The inference compares dates with the build day only to leave out what lies after it, so the
 * result stands while no date it left out comes within the build day.
 */
export type BuildDays = {from: number; to: number | null};

/** The day number (`dayNumber`) of a `YYYY-MM-DD` build date. */
export function buildDayNumber(buildDate: string): number {
  const build = parsePartialDate(buildDate);
  if (!build || build.day === undefined) throw new RangeError(`buildDate must be YYYY-MM-DD, got ${JSON.stringify(buildDate)}`);
  return partialDateRange(build).first;
}

/** Does a result that holds for `days` (absent: not known) hold on build day number `day`? */
export function holdsOn(days: BuildDays | undefined, day: number): boolean {
  return days !== undefined && day >= days.from && (days.to === null || day <= days.to);
}

/** {@link inferPublicationDate}, and the build days its result holds for (see {@link BuildDays}). */
export function inferWithBuildDays(input: PublicationDateInput): {date: PublicationDate; buildDays: BuildDays} {
  const buildDay = new BuildDay(buildDayNumber(input.buildDate));
  const notes: string[] = [];
  const date = ((): PublicationDate => {
    const sidecar = fromSidecar(input.sidecarDate, buildDay, notes);
    if (sidecar) return sidecar;

    const paragraphs = input.paragraphs.filter((p) => !p.boilerplate);
    const mentions: Mention[] = [];
    paragraphs.forEach((paragraph, index) => {
      let sentences: Sentence[] | undefined;
      for (const expression of paragraphDates(paragraph, null)) {
        sentences ??= splitSentences(paragraph.text);
        mentions.push({expression, line: paragraph.line, index, sentence: sentenceOf(sentences, expression), paragraph: paragraph.text});
      }
    });

    const dateline = fromDateline(mentions, paragraphs.length, buildDay, notes);
    if (dateline) return withNotes(dateline, notes);

    return withNotes(fromInference(mentions, paragraphs, input.relatedDates ?? [], buildDay), notes);
  })();
  return {date, buildDays: {from: buildDay.from, to: buildDay.to}};
}

/** The build day, recording the earliest date it left out (see {@link BuildDays}). */
class BuildDay {
  readonly day: number;
  readonly from: number;
  to: number | null = null;
  constructor(day: number) {
    this.day = day;
    this.from = day;
  }
  /** Is day number `day` on or before the build day? */
  notAfter(day: number): boolean {
    if (day <= this.day) return true;
    this.to = this.to === null ? day - 1 : Math.min(this.to, day - 1);
    return false;
  }
}

function withNotes(result: PublicationDate, notes: string[]): PublicationDate {
  return notes.length === 0 ? result : {...result, reason: `${notes.join(' ')} ${result.reason}`};
}

function fromSidecar(sidecarDate: string | null | undefined, buildDay: BuildDay, notes: string[]): PublicationDate | null {
  if (sidecarDate === undefined || sidecarDate === null || sidecarDate.trim() === '') return null;
  let date = parsePartialDate(sidecarDate);
  if (!date) {
    const written = findDateExpressions(sidecarDate).find((e) => e.kind === 'explicit' && e.value !== null);
    date = written?.value ? parsePartialDate(written.value) : null;
  }
  if (!date) {
    notes.push(`Sidecar date ${JSON.stringify(sidecarDate)} is not a date; ignored.`);
    return null;
  }
  const value = formatPartialDate(date);
  if (!buildDay.notAfter(partialDateRange(date).first)) {
    notes.push(`Sidecar date ${value} is after the build date; ignored.`);
    return null;
  }
  return {date: value, precision: precisionOf(date), basis: DATE_BASIS.sidecar, reason: `Date ${value} from the sidecar metadata.`};
}

function precisionOf(date: PartialDate): DatePrecision {
  return date.day !== undefined ? 'day' : date.month !== undefined ? 'month' : 'year';
}

// ---------------------------------------------------------------------------------------------
// Datelines

/*
 * The patterns below read text in matching form (`normalizeArabic`: no diacritics or tatweel, one
 * alef, ى→ي, ة→ه, whitespace runs collapsed), so their Arabic is written in that form ("اخر" = آخر).
 */

/** A publication label opening the paragraph right before the date: "نُشر في", "تاريخ النشر:", "آخر تحديث:". */
const PUBLICATION_LABEL = /^\s*[(\[|]?\s*(?:نشر|نشرت|تم النشر|تاريخ النشر|النشر|بتاريخ|اخر تحديث|تحديث|محدث)\s*(?:في|بتاريخ)?\s*[:\-–—]?\s*$/;
/** A place dateline before the date: "الدوحة - ", "(الدوحة) ", "واشنطن في ". */
const PLACE_PREFIX = /^\s*[(\[«]?\s*(?:[\u0621-\u064A]+\s+){0,2}[\u0621-\u064A]+\s*[)\]»]?\s*(?:[-–—:،(|]|\sفي)\s*$/;
/** What may follow a dated dateline: a dash, colon, bracket, bar, slash ("/أ ش أ/") or the end of the paragraph. */
const DATELINE_AFTER = /^\s*(?:[-–—:|)\]»(/]|$)/;
/** Words a date-only line may carry besides the date: times, zones, labels. */
const DATE_LINE_WORDS = wordSet(['ص', 'م', 'صباحاً', 'مساء', 'مساءا', 'ظهراً', 'الساعة', 'بتوقيت', 'غرينتش', 'مكة', 'المكرمة', 'GMT', 'AM', 'PM', 'نشر', 'تحديث', 'آخر', 'تاريخ', 'بتاريخ', 'النشر', 'في', 'تم', 'محدث']);

/** A set of the matching forms of the words as printed. */
function wordSet(words: readonly string[]): Set<string> {
  return new Set(words.map((word) => normalizeArabic(word)));
}

function fromDateline(mentions: Mention[], count: number, buildDay: BuildDay, notes: string[]): PublicationDate | null {
  // Datelines sit in the first or the last few paragraphs.
  const edge = (index: number): boolean => index < 3 || index >= count - 3;
  for (const mention of [...mentions].sort((a, b) => rankEdge(a.index, count) - rankEdge(b.index, count) || a.expression.start - b.expression.start)) {
    const {expression} = mention;
    if (!edge(mention.index) || expression.kind !== 'explicit' || expression.value === null || expression.precision === null) continue;
    const before = normalizeArabic(mention.paragraph.slice(0, expression.start));
    const after = mention.paragraph.slice(expression.end);
    // A label, then the date, then at most a time ("نُشر في 16 سبتمبر 2025 - 10:30 ص").
    const labelled = PUBLICATION_LABEL.test(before) && (DATELINE_AFTER.test(after) || after.trim().length <= 20);
    const placed = PLACE_PREFIX.test(before) && DATELINE_AFTER.test(after);
    const alone = isDateOnlyLine(mention.paragraph, expression);
    if (!labelled && !placed && !alone) continue;
    const date = parsePartialDate(expression.value);
    if (!date) continue;
    if (!buildDay.notAfter(partialDateRange(date).first)) {
      notes.push(`Dateline ${expression.value} (line ${mention.line}) is after the build date; ignored.`);
      continue;
    }
    const how = labelled ? 'publication label' : placed ? 'place dateline' : 'date-only line';
    return {
      date: expression.value,
      precision: expression.precision,
      basis: DATE_BASIS.dateline,
      reason: `Date ${expression.value} from a ${how} on line ${mention.line}: "${expression.text}".`,
      evidence: [{line: mention.line, text: mention.paragraph.trim()}],
    };
  }
  return null;
}

/** First paragraphs first, then the last ones (a closing "نُشر في …"), then the rest. */
function rankEdge(index: number, count: number): number {
  if (index < 3) return index;
  if (index >= count - 3) return 3 + (count - 1 - index);
  return 6 + index;
}

/** The paragraph is a day-precision date plus at most a time, a zone or a label. */
function isDateOnlyLine(paragraph: string, expression: DateExpression): boolean {
  if (expression.precision !== 'day' || paragraph.trim().length > 80) return false;
  const words = tokenize(`${paragraph.slice(0, expression.start)} ${paragraph.slice(expression.end)}`).filter((token) => token.kind === 'word' || token.kind === 'latin');
  return words.length <= 4 && words.every((token) => DATE_LINE_WORDS.has(token.norm));
}

// ---------------------------------------------------------------------------------------------
// Inference: weekday of the report + explicit date of a recent event + a relative link

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** Weeks start on Saturday (Gulf, Egypt), Sunday (Levant) or Monday (Maghreb): "last week" allows all three. */
const WEEK_STARTS = [6, 0, 1];

type Anchor = {mention: Mention; first: number; last: number; date: PartialDate; related?: RelatedDate};

function fromInference(mentions: Mention[], paragraphs: SourceParagraph[], related: RelatedDate[], buildDay: BuildDay): PublicationDate {
  if (mentions.length === 0) return unknown('No date expressions in the text.');

  const report = reportWeekday(mentions);
  const links = mentions.filter(({expression: e}) => e.relative && e.relative.unit !== 'day' && e.relative.offset === -1 && e.month === undefined);
  const explicit = mentions.filter(({expression: e}) => e.kind === 'explicit' && e.value !== null);
  const yearless = mentions.filter(({expression: e}) => e.calendar === 'gregorian' && e.kind === 'relative' && e.month !== undefined && e.day !== undefined && (e.modifier === undefined || e.modifier === 'current'));
  const latest = explicit
    .map((m) => ({m, range: partialDateRange(parsePartialDate(m.expression.value ?? '') ?? {year: 0})}))
    .filter(({range}) => buildDay.notAfter(range.first))
    .sort((a, b) => b.range.first - a.range.first)[0];
  const weekdayNote = report ? `The report's day is a ${WEEKDAY_NAMES[report.weekday]} ("${report.mention.expression.text}", line ${report.mention.line}).` : 'No weekday of the report is named.';

  if (links.length === 0) {
    const bound = latest ? ` The latest explicit date (${latest.m.expression.value}, line ${latest.m.line}) only bounds it from below.` : '';
    return unknown(`${weekdayNote} No relative link (e.g. "الأسبوع الماضي") ties the report to an explicit date, so the text does not fix the date.${bound}`);
  }
  // The same sentences are compared many times: their stems are computed once per inference,
  // and only here, when a link needs its event compared (most articles have no link).
  const frequent = frequentStems(paragraphs);

  // Anchors: explicit dates, latest first, then yearless ones completed from related articles.
  const anchors: Anchor[] = [];
  for (const mention of explicit) {
    const date = parsePartialDate(mention.expression.value ?? '');
    if (!date) continue;
    const range = partialDateRange(date);
    if (buildDay.notAfter(range.first)) anchors.push({mention, ...range, date});
  }
  const unresolvedYearless: Mention[] = [];
  for (const mention of yearless) {
    const completed = completeYear(mention, related, buildDay);
    if (completed) anchors.push(completed);
    else unresolvedYearless.push(mention);
  }
  anchors.sort((a, b) => b.first - a.first);

  // A yearless date of the linked event ("9 سبتمبر الجاري") is the most recent one in the text;
  // without its year, an older explicit date must not stand in for it.
  const pending = unresolvedYearless.find((m) => links.some((link) => sameEvent(link.sentence.text, m.sentence.text, frequent)));
  if (pending) {
    return unknown(`${weekdayNote} The event of "${links[0]?.expression.text}" is dated "${pending.expression.text}" (line ${pending.line}) without a year, and no related article supplies it, so the text does not fix the year.`, [evidenceOf(pending)]);
  }

  // "Last week/month/year" points at a recent event: only the latest date precise enough for
  // the link is considered, and only if its sentence describes the same event.
  for (const link of links) {
    const unit = link.expression.relative?.unit;
    const usable = anchors.filter((a) => (unit === 'week' ? a.date.day !== undefined : unit === 'month' ? a.date.month !== undefined : true));
    const latestFirst = usable[0]?.first;
    for (const anchor of usable.filter((a) => a.first === latestFirst)) {
      if (sameEvent(link.sentence.text, anchor.mention.sentence.text, frequent)) return decide(anchor, link, report, buildDay, weekdayNote);
    }
  }

  const link = links[0];
  if (anchors.length === 0) {
    return unknown(`${weekdayNote} "${link?.expression.text}" (line ${link?.line}) places an event relative to the report, but the text has no explicit date to anchor it, so it does not fix the date.`);
  }
  return unknown(`${weekdayNote} "${link?.expression.text}" (line ${link?.line}) is not tied to any explicit date of the same event, so the text does not fix the date.`);
}

function unknown(reason: string, evidence?: DateEvidence[]): PublicationDate {
  return evidence ? {date: null, precision: null, basis: null, reason, evidence} : {date: null, precision: null, basis: null, reason};
}

function evidenceOf(mention: Mention): DateEvidence {
  return {line: mention.line, text: mention.sentence.text};
}

/**
 * The weekday the report is dated: an "اليوم الثلاثاء" anywhere in the lead wins, else the first
 * unshifted weekday of the first three paragraphs ("الثلاثاء", "مساء الثلاثاء"); "أمس (الاثنين)"
 * implies the day after.
 */
function reportWeekday(mentions: Mention[]): {weekday: number; mention: Mention} | null {
  const named = mentions.filter(({expression: e, index}) => index < 3 && e.weekday !== undefined && e.modifier === undefined && e.kind !== 'explicit' && e.month === undefined);
  const today = named.find(({expression: e}) => e.relative?.offset === 0);
  const chosen = today ?? named[0];
  if (!chosen || chosen.expression.weekday === undefined) return null;
  const offset = chosen.expression.relative?.offset ?? 0;
  return {weekday: (((chosen.expression.weekday - offset) % 7) + 7) % 7, mention: chosen};
}

function decide(anchor: Anchor, link: Mention, report: {weekday: number; mention: Mention} | null, buildDay: BuildDay, weekdayNote: string): PublicationDate {
  const unit = link.expression.relative?.unit ?? 'week';
  let days = windowAfter(anchor, unit);
  if (anchor.mention.expression.modifier === 'current') {
    // "9 سبتمبر الجاري": the report is in the anchor's month, on or after it.
    const month = partialDateRange({year: anchor.date.year, month: anchor.date.month ?? 1});
    days = days.filter((d) => d >= anchor.first && d >= month.first && d <= month.last);
  }
  if (report) days = days.filter((d) => weekdayOf(d) === report.weekday);
  const before = days.length;
  days = days.filter((d) => buildDay.notAfter(d));
  const future = days.length < before;

  const evidence: DateEvidence[] = [];
  if (report) evidence.push(evidenceOf(report.mention));
  for (const m of [link, anchor.mention]) if (!evidence.some((e) => e.line === m.line && e.text === m.sentence.text)) evidence.push(evidenceOf(m));

  const anchorText = `"${anchor.mention.expression.text}" (line ${anchor.mention.line}${anchor.related ? `; year from ${anchor.related.source ?? 'a related article'}: "${anchor.related.text}"` : ''})`;
  const story = `${weekdayNote} "${link.expression.text}" (line ${link.line}) refers to the event dated ${anchorText}, ${formatPartialDate(anchor.date)}.`;
  const first = days[0];
  const last = days[days.length - 1];
  if (first === undefined || last === undefined) {
    return unknown(`${story} No day satisfies all of these${future ? ' on or before the build date' : ''}.`, evidence);
  }
  const a = fromDayNumber(first);
  const b = fromDayNumber(last);
  let date: PartialDate | null = null;
  if (first === last) date = a;
  else if (a.year === b.year && a.month === b.month) date = {year: a.year, month: a.month};
  else if (a.year === b.year) date = {year: a.year};
  const candidates = days.length === 1 ? 'the only day' : `${days.length} candidate days (${formatPartialDate(a)} … ${formatPartialDate(b)})`;
  if (!date) return unknown(`${story} That leaves ${candidates}, which share no month or year.`, evidence);
  const basis = report
    ? anchor.related ? DATE_BASIS.weekdayAndRelatedYear : DATE_BASIS.weekdayAndExplicitDate
    : anchor.related ? DATE_BASIS.relatedYear : DATE_BASIS.explicitDate;
  const value = formatPartialDate(date);
  return {date: value, precision: precisionOf(date), basis, reason: `${story} That leaves ${candidates}: ${value}. Assumes the article is dated the day of its lead event.`, evidence};
}

/** Days in which the report can fall, given that the anchor happened in the previous `unit`. */
function windowAfter(anchor: Anchor, unit: 'day' | 'week' | 'month' | 'year'): number[] {
  const days = new Set<number>();
  if (unit === 'week') {
    for (const start of WEEK_STARTS) {
      const weekStart = anchor.first - ((weekdayOf(anchor.first) - start + 7) % 7);
      for (let d = weekStart + 7; d < weekStart + 14; d++) days.add(d);
    }
  } else if (unit === 'month') {
    const month = anchor.date.month ?? 1;
    const next = month === 12 ? {year: anchor.date.year + 1, month: 1} : {year: anchor.date.year, month: month + 1};
    const range = partialDateRange(next);
    for (let d = range.first; d <= range.last; d++) days.add(d);
  } else if (unit === 'year') {
    const range = partialDateRange({year: anchor.date.year + 1});
    for (let d = range.first; d <= range.last; d++) days.add(d);
  }
  return [...days].sort((x, y) => x - y);
}

/** Gives a yearless "9 سبتمبر الجاري" the year of the one related date of the same event and day. */
function completeYear(mention: Mention, related: RelatedDate[], buildDay: BuildDay): Anchor | null {
  const {month, day} = mention.expression;
  if (month === undefined || day === undefined) return null;
  const matches = related.filter((r) => {
    const date = parsePartialDate(r.date);
    return date?.month === month && date.day === day && buildDay.notAfter(dayNumber(date.year, month, day)) && sameEvent(mention.sentence.text, r.text, new Set());
  });
  const years = new Set(matches.map((r) => r.date.slice(0, 4)));
  const match = matches[0];
  if (years.size !== 1 || !match) return null;
  const date = parsePartialDate(match.date);
  if (!date || date.month === undefined || date.day === undefined) return null;
  const n = dayNumber(date.year, date.month, date.day);
  return {mention, first: n, last: n, date, related: match};
}

// ---------------------------------------------------------------------------------------------
// "Same event": the two sentences share at least two content words (light stems); words spread
// over the whole article (e.g. "قطر" in an article about Qatar) count for half.

/** Function words and date words, which say nothing about the event. Written as printed. */
const STOPWORDS = wordSet([
  'في', 'من', 'إلى', 'على', 'عن', 'أن', 'أو', 'ثم', 'مع', 'قد', 'لا', 'ما', 'لم', 'لن', 'هذا', 'هذه', 'ذلك', 'تلك',
  'التي', 'الذي', 'الذين', 'هو', 'هي', 'هم', 'كان', 'كانت', 'قال', 'أكد', 'بعد', 'قبل', 'خلال', 'منذ', 'بين', 'حول',
  'عند', 'حيث', 'كما', 'أيضا', 'كل', 'غير', 'إذا', 'لكن', 'بل', 'نحو', 'لدى', 'عليه', 'فيه', 'وفق', 'بحسب', 'حسب',
  'يوم', 'اليوم', 'أمس', 'أسبوع', 'الأسبوع', 'شهر', 'الشهر', 'عام', 'العام', 'سنة', 'الماضي', 'الجاري', 'المقبل',
  'أول', 'الأول', 'الثاني', 'وقت', 'مساء', 'صباح',
]);

/** Month and weekday names: shared dates, not shared events. */
const DATE_WORDS = wordSet([
  'يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يونيه', 'يوليو', 'يوليه', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر',
  'ديسمبر', 'أيلول', 'حزيران', 'تموز', 'آب', 'أيار', 'نيسان', 'آذار', 'شباط', 'كانون', 'تشرين',
  'الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت',
]);

function isFunctionOrDateWord(norm: string): boolean {
  return STOPWORDS.has(norm) || DATE_WORDS.has(norm);
}

/** A stem shorter than this is too ambiguous to tie two sentences together. */
const MIN_STEM_LENGTH = 3;

/**
 * The content words of a sentence as stems, with the analyses of src/arabic: spelling variants
 * folded (أميركي → أمريكي), proclitics split off and the article removed ("وبالدوحة" → دوحه), then
 * the inflection suffixes (→ دوح); function and date words are left out. Remembered per sentence
 * across inferences (bounded): the related dates' sentences come up again for every article
 * they might date.
 */
const stemsOf = memoizeWord((sentence: string): ReadonlySet<string> => {
  const stems = new Set<string>();
  for (const token of tokenize(sentence)) {
    if (token.kind !== 'word') continue;
    const stem = contentStem(token.norm);
    if (stem !== null) stems.add(stem);
  }
  return stems;
}, 20_000);

/**
 * The stem of a normalised word for {@link stemsOf}, or null for a function or date word or a
 * stem too short. Pure, and news text repeats its words, so it is worked out once per word.
 */
const contentStem = memoizeWord((norm: string): string | null => {
  if (isFunctionOrDateWord(norm)) return null;
  const bare = splitClitics(foldVariants(norm)).stem;
  if (isFunctionOrDateWord(bare)) return null;
  const stem = suffixStem(stripArticle(bare));
  return stem.length >= MIN_STEM_LENGTH && !isFunctionOrDateWord(stem) ? stem : null;
});

/**
 * A word without proclitics or article, without its inflection suffixes: its light10 stem
 * (`lightStem`) when that removes only suffixes and leaves {@link MIN_STEM_LENGTH} letters, else
 * the word ("الجوي" → جوي, not جو). The alef of the indefinite accusative ("هجوماً" → هجوما),
 * which light10 keeps, is removed first so that هجوماً and الهجوم share a stem.
 */
function suffixStem(word: string): string {
  const base = word.length > MIN_STEM_LENGTH && word.endsWith('ا') ? word.slice(0, -1) : word;
  const stem = lightStem(base);
  return stem.length >= MIN_STEM_LENGTH && base.startsWith(stem) ? stem : base;
}

/** Stems that occur in more than a third of the article's sentences (articles of 6+ sentences). */
function frequentStems(paragraphs: SourceParagraph[]): Set<string> {
  const sentences = paragraphs.flatMap((p) => splitSentences(p.text));
  const counts = new Map<string, number>();
  for (const sentence of sentences) for (const stem of stemsOf(sentence.text)) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  const frequent = new Set<string>();
  if (sentences.length < 6) return frequent;
  for (const [stem, count] of counts) if (count * 3 > sentences.length) frequent.add(stem);
  return frequent;
}

/** Shared stems weigh 1, or ½ when they are frequent in the article (its topic words). */
function sameEvent(a: string, b: string, frequent: ReadonlySet<string>): boolean {
  const left = stemsOf(a);
  let shared = 0;
  for (const stem of stemsOf(b)) if (left.has(stem)) shared += frequent.has(stem) ? 0.5 : 1;
  return shared >= 2;
}
