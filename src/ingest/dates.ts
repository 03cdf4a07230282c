/**
 * Date expressions in Arabic news text.
 *
 * Finds explicit dates ("9 سبتمبر 2025", "16/9/2025", "15 رمضان 1446 هـ", "عام 2013"),
 * relative ones ("أمس", "الأسبوع الماضي", "يناير الماضي", "9 سبتمبر/ أيلول الجاري") and
 * weekdays ("اليوم الثلاثاء", "مساء الثلاثاء"), and resolves them against a reference date
 * (normally the article's own date) when one is known. Nothing is guessed: an expression whose
 * value the text and the reference do not fix gets `value: null`.
 *
 * How it works: the text is tokenised once by the project's Arabic module (src/arabic), whose
 * tokens carry their offsets into the original text and their matching form (diacritics and
 * tatweel dropped, hamza/yeh/teh-marbuta variants and Eastern digits unified); proclitics are
 * peeled by its clitic analysis, and the word tables are normalised by it at load. A small
 * hand-written parser walks the tokens left to right, so the cost is linear in the length of the text.
 */

import {candidateStems, normalizeArabic, tokenize, type Token as TextToken} from '../arabic/index.ts';

/** A date known to the year, the month or the day. */
export type PartialDate = {year: number; month?: number; day?: number};

/** How precisely a value is known. */
export type DatePrecision = 'day' | 'month' | 'year';

/** Words that shift a named day or month: الماضي (past), الجاري (current), المقبل (next). */
export type DateModifier = 'past' | 'current' | 'next';

/** One date expression found in a text. */
export type DateExpression = {
  /** Offsets into the original text; spans cover whole words ("لعام 2013" keeps its ل; the و of "و20" is a word of its own and stays out). */
  start: number;
  end: number;
  text: string;
  /** `explicit`: carries its own year; `relative`: needs the reference; `weekday`: a named day. */
  kind: 'explicit' | 'relative' | 'weekday';
  /** The calendar the expression is written in; `value` is always Gregorian. */
  calendar: 'gregorian' | 'hijri';
  /** 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY', or null when the text (and reference) do not fix it. */
  value: string | null;
  precision: DatePrecision | null;
  /** 0 = Sunday … 6 = Saturday, when a weekday is named. */
  weekday?: number;
  /** For unit-relative words: اليوم {day,0}, أمس {day,-1}, الأسبوع الماضي {week,-1}, العام المقبل {year,1}… */
  relative?: {unit: 'day' | 'week' | 'month' | 'year'; offset: number};
  /**
   * The month as written (in `calendar`) when the year is not written: "يناير الماضي" → 1. (With
   * "من العام نفسه" the year is taken from the previous expression that states one.)
   */
  month?: number;
  /** The day of the month as written when the year is not written: "9 سبتمبر الجاري" → 9. */
  day?: number;
  /** الماضي / الجاري / المقبل attached to a named day or month. */
  modifier?: DateModifier;
  /** The Hijri date as written, for Hijri expressions. */
  hijri?: PartialDate;
};

/** Options for {@link findDateExpressions}. */
export type FindDateOptions = {
  /**
   * The date the text was written (e.g. the article's publication date); relative expressions
   * are resolved against it as far as its precision allows. Default: null (nothing resolved).
   */
  reference?: PartialDate | null;
};

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic (UTC day numbers: days since 1970-01-01)

const MS_PER_DAY = 86_400_000;

/** Day number of a Gregorian date (proleptic; valid for every year this module produces). */
export function dayNumber(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** Gregorian {year, month, day} of a day number. */
export function fromDayNumber(n: number): {year: number; month: number; day: number} {
  const date = new Date(n * MS_PER_DAY);
  return {year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate()};
}

/** Weekday of a day number, 0 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** Number of days in a Gregorian month. */
export function daysInMonth(year: number, month: number): number {
  return dayNumber(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayNumber(year, month, 1);
}

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' for a partial date. */
export function formatPartialDate(date: PartialDate): string {
  const year = String(date.year).padStart(4, '0');
  if (date.month === undefined) return year;
  const month = String(date.month).padStart(2, '0');
  if (date.day === undefined) return `${year}-${month}`;
  return `${year}-${month}-${String(date.day).padStart(2, '0')}`;
}

/**
 * Parses 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (an ISO date-time is cut to its date) into a
 * partial date; returns null for anything else or for impossible dates such as 2025-02-31.
 */
export function parsePartialDate(value: string): PartialDate | null {
  const match = /^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?\s*$/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) return {year};
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return {year, month};
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return {year, month, day};
}

/** First and last day numbers covered by a partial date. */
export function partialDateRange(date: PartialDate): {first: number; last: number} {
  if (date.month === undefined) {
    return {first: dayNumber(date.year, 1, 1), last: dayNumber(date.year, 12, 31)};
  }
  if (date.day === undefined) {
    return {first: dayNumber(date.year, date.month, 1), last: dayNumber(date.year, date.month, daysInMonth(date.year, date.month))};
  }
  const n = dayNumber(date.year, date.month, date.day);
  return {first: n, last: n};
}

// Hijri (Umm al-Qura) via ICU: Intl formats a Gregorian instant in the islamic-umalqura calendar;
// converting the other way is a search around an arithmetic estimate.
const HIJRI_FORMAT = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});
/** 1 Muharram 1 AH = 16 July 622 (Julian) = 19 July 622 (proleptic Gregorian). */
const HIJRI_EPOCH = dayNumber(622, 7, 19);
const HIJRI_YEAR_DAYS = 10_631 / 30;
const HIJRI_MONTH_DAYS = 29.530_588;

/** The Umm al-Qura Hijri date of a day number. */
export function hijriOfDayNumber(n: number): {year: number; month: number; day: number} {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of HIJRI_FORMAT.formatToParts(new Date(n * MS_PER_DAY))) {
    if (part.type === 'year') year = Number.parseInt(part.value, 10);
    else if (part.type === 'month') month = Number.parseInt(part.value, 10);
    else if (part.type === 'day') day = Number.parseInt(part.value, 10);
  }
  return {year, month, day};
}

/** Day number of a Hijri (Umm al-Qura) date, or null when it does not exist (e.g. 30 of a 29-day month). */
export function hijriDayNumber(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || year < 1 || month < 1 || month > 12 || day < 1 || day > 30) return null;
  let guess = Math.round(HIJRI_EPOCH + (year - 1) * HIJRI_YEAR_DAYS + (month - 1) * HIJRI_MONTH_DAYS + (day - 1));
  // Coarse correction: the estimate drifts by a day or two from the observed calendar.
  for (let round = 0; round < 4; round++) {
    const h = hijriOfDayNumber(guess);
    const drift = (year - h.year) * HIJRI_YEAR_DAYS + (month - h.month) * HIJRI_MONTH_DAYS + (day - h.day);
    if (Math.abs(drift) < 1) break;
    guess += Math.round(drift);
  }
  // Exact search, day by day, around the estimate.
  for (const delta of [0, -1, 1, -2, 2, -3, 3, -4, 4]) {
    const h = hijriOfDayNumber(guess + delta);
    if (h.year === year && h.month === month && h.day === day) return guess + delta;
  }
  return null;
}

/** Gregorian {year, month, day} of a Hijri (Umm al-Qura) date, or null when it does not exist. */
export function hijriToGregorian(year: number, month: number, day: number): {year: number; month: number; day: number} | null {
  const n = hijriDayNumber(year, month, day);
  return n === null ? null : fromDayNumber(n);
}

/** First and last Gregorian day numbers of a Hijri month (or of a whole Hijri year without month). */
function hijriRange(year: number, month?: number): {first: number; last: number} | null {
  const first = hijriDayNumber(year, month ?? 1, 1);
  const next = month === undefined || month === 12 ? hijriDayNumber(year + 1, 1, 1) : hijriDayNumber(year, month + 1, 1);
  return first === null || next === null ? null : {first, last: next - 1};
}

/**
 * The most precise Gregorian value that contains a whole range of days: a day, a month, a year,
 * or nothing when the range straddles a year boundary (e.g. the Hijri year 1446 = Jul 2024–Jun 2025).
 */
function valueOfRange(first: number, last: number): {value: string; precision: DatePrecision} | null {
  const a = fromDayNumber(first);
  const b = fromDayNumber(last);
  if (first === last) return {value: formatPartialDate(a), precision: 'day'};
  if (a.year === b.year && a.month === b.month) return {value: formatPartialDate({year: a.year, month: a.month}), precision: 'month'};
  if (a.year === b.year) return {value: formatPartialDate({year: a.year}), precision: 'year'};
  return null;
}

// ---------------------------------------------------------------------------------------------
// Tokens: the project's tokeniser (src/arabic), adapted to what the parser needs.

type Token = {
  type: 'word' | 'num' | 'punct';
  /** Matching form (`normalizeArabic`): no diacritics or tatweel, one alef, ى→ي, ة→ه, digits 0-9. */
  form: string;
  /** Offsets into the original text. */
  start: number;
  end: number;
  /** Whitespace precedes the token (false: glued to the previous token, as in "16/9/2025"). */
  spaced: boolean;
  /** A line break precedes it: date expressions never cross one. */
  broken: boolean;
  /** Proclitic-free forms of a word (see {@link cliticForms}); empty for other tokens. Filled on first use. */
  cachedForms?: Array<{form: string; light: boolean}>;
};

/** Separators the shared tokeniser keeps inside a number ("16.9.2025", "1,000", "٣٫٥"). */
const NUMBER_SEPARATORS = /([.,\u066B\u066C])/u;

/**
 * The parser's tokens: the shared {@link tokenize} tokens (Latin words count as words), with
 * numbers split at their inner separators so "16.9.2025" reads as day, month and year. Whether
 * whitespace or a line break separates two tokens is read from the original text between them.
 */
function dateTokens(text: string, textTokens: readonly TextToken[]): Token[] {
  const tokens: Token[] = [];
  let previousEnd = -1;
  for (const token of textTokens) {
    // The first token counts as preceded by a line break, like one at the start of a line.
    const {spaced, broken} = previousEnd < 0 ? LINE_BREAK_GAP : gapBetween(text, previousEnd, token.start);
    previousEnd = token.end;
    if (token.kind === 'number' && NUMBER_SEPARATORS.test(token.text)) {
      // Digit runs and separators alternate: "16.9.2025" → 16 . 9 . 2025, glued together.
      let start = token.start;
      for (const [index, part] of token.text.split(NUMBER_SEPARATORS).entries()) {
        const first = start === token.start;
        tokens.push({type: index % 2 === 0 ? 'num' : 'punct', form: normalizeArabic(part), start, end: start + part.length, spaced: first && spaced, broken: first && broken});
        start += part.length;
      }
      continue;
    }
    // A punctuation mark whose matching form is empty keeps its own text, so it never compares equal to ''.
    const form = token.norm === '' ? token.text : token.norm;
    const type = token.kind === 'number' ? 'num' : token.kind === 'punct' ? 'punct' : 'word';
    tokens.push({type, form, start: token.start, end: token.end, spaced, broken});
  }
  return tokens;
}

/**
 * Whether the text between two tokens holds whitespace, and a line break. The gap holds only
 * what the tokeniser skips: whitespace, invisible characters (U+FEFF among them, which is no
 * space here) and stray marks.
 */
function gapBetween(text: string, from: number, to: number): {spaced: boolean; broken: boolean} {
  let spaced = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return LINE_BREAK_GAP;
    if (!spaced && (c === 0x20 || (c !== 0xfeff && WHITESPACE.test(text.charAt(i))))) spaced = true;
  }
  return spaced ? SPACE_GAP : NO_GAP;
}

const WHITESPACE = /^\s$/u;
const NO_GAP = {spaced: false, broken: false} as const;
const SPACE_GAP = {spaced: true, broken: false} as const;
const LINE_BREAK_GAP = {spaced: true, broken: true} as const;

/** The proclitic-free forms of a word token, computed once. */
function formsOf(token: Token): Array<{form: string; light: boolean}> {
  if (token.type !== 'word') return [];
  token.cachedForms ??= CLITIC_KEYS.has(token.form) ? cliticForms(token.form) : [{form: token.form, light: true}];
  return token.cachedForms;
}

/** What may be peeled off a date word: a conjunction و/ف, then a preposition ب/ل/ك. */
const PROCLITICS = /^[وف]?[بلك]?$/u;

/**
 * Forms of a word with its proclitics peeled, as the shared clitic analysis ({@link candidateStems})
 * reads it: "وفي" → في; "لعام" → عام; "للعام" → العام; "بالثلاثاء" → الثلاثاء; "وزير" stays whole.
 * The article stays on (the tables spell it where it belongs). `light` marks the word itself and
 * forms where only و/ف was removed (the only clitics peeled from month names: "باب" is no ب + آب).
 */
function cliticForms(word: string): Array<{form: string; light: boolean}> {
  const forms: Array<{form: string; light: boolean}> = [];
  for (const stem of candidateStems(word)) {
    const prefix = removedPrefix(word, stem);
    if (prefix !== null && PROCLITICS.test(prefix)) forms.push({form: stem, light: !/[بلك]/u.test(prefix)});
  }
  // The shared analysis keeps a two-letter stem only for a word its lexicon knows (و + في); the
  // two-letter date words are not listed there, so "وآب" and "وذي الحجة" get their و/ف peeled here.
  const rest = word.slice(1);
  if (word.length === 3 && /^[وف]/u.test(word) && TWO_LETTER_DATE_WORDS.has(rest) && !forms.some(({form}) => form === rest)) {
    forms.push({form: rest, light: true});
  }
  return forms;
}

/** What `word` has before `stem` ("للعام" has ل before العام, whose alef it drops); null if not a prefix. */
function removedPrefix(word: string, stem: string): string | null {
  if (word.endsWith(stem)) return word.slice(0, word.length - stem.length);
  if (stem.startsWith('ال') && word.endsWith(`ل${stem.slice(2)}`)) return word.slice(0, word.length - stem.length + 1);
  return null;
}

/** Every spelling of `words` with the proclitics {@link cliticForms} can peel ("للعام" for العام). */
function withProclitics(words: Iterable<string>): Set<string> {
  const keys = new Set<string>();
  for (const word of words) {
    for (const conjunction of ['', 'و', 'ف']) {
      for (const preposition of ['', 'ب', 'ل', 'ك']) keys.add(conjunction + preposition + word);
      if (word.startsWith('ال')) keys.add(`${conjunction}لل${word.slice(2)}`);
    }
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------
// Word tables, written as printed and compared in matching form (normalised once at load)

/** A table keyed by the matching forms of the words as printed. */
function table<T>(entries: ReadonlyArray<readonly [string, T]>): Map<string, T> {
  return new Map(entries.map(([word, value]) => [normalizeArabic(word), value]));
}

/** A set of the matching forms of the words as printed. */
function wordSet(words: readonly string[]): Set<string> {
  return new Set(words.map((word) => normalizeArabic(word)));
}

/** Gregorian month names in the Egyptian/Gulf, Levantine/Iraqi, Maghrebi and Moroccan sets. */
const GREGORIAN_MONTHS = table([
  ['يناير', 1], ['جانفي', 1], ['جانفييه', 1],
  ['فبراير', 2], ['فيفري', 2], ['شباط', 2],
  ['مارس', 3], ['آذار', 3],
  ['أبريل', 4], ['أفريل', 4], ['نيسان', 4],
  ['مايو', 5], ['ماي', 5], ['أيار', 5],
  ['يونيو', 6], ['يونيه', 6], ['جوان', 6], ['حزيران', 6],
  ['يوليو', 7], ['يوليه', 7], ['يوليوز', 7], ['جويلية', 7], ['تموز', 7],
  ['أغسطس', 8], ['غشت', 8], ['أوت', 8], ['آب', 8],
  ['سبتمبر', 9], ['شتنبر', 9], ['أيلول', 9],
  ['أكتوبر', 10],
  ['نوفمبر', 11], ['نونبر', 11],
  ['ديسمبر', 12], ['دجنبر', 12],
]);

/*
 * Several month words are also ordinary words: مارس "practised", آب/أب "father", ماي, أيار, نيسان
 * (the car maker), جوان (a name), أوت, آذار (a name); Hijri ones are names or words (صفر "zero",
 * رجب, شعبان). So a month name counts only next to a day number, a year, الماضي/الجاري/المقبل,
 * "من العام …", or after a preposition such as في/منذ/خلال/شهر — the same rule for every month,
 * which also keeps "حرب أكتوبر" (the 1973 war) from being read as last October. Hijri months
 * need a day or a year.
 */

/** Levantine two-word months: كانون الثاني, تشرين الأول… */
const GREGORIAN_TWO_WORD = table([
  ['كانون', table([['الثاني', 1], ['ثاني', 1], ['الأول', 12], ['أول', 12]])],
  ['تشرين', table([['الأول', 10], ['أول', 10], ['الثاني', 11], ['ثاني', 11]])],
]);

/** Hijri months written as one word. All double as names or common words (صفر "zero"). */
const HIJRI_MONTHS = table([
  ['محرم', 1], ['المحرم', 1], ['صفر', 2], ['رجب', 7], ['شعبان', 8], ['رمضان', 9], ['شوال', 10],
]);

const HIJRI_TWO_WORD = table([
  ['ربيع', table([['الأول', 3], ['أول', 3], ['الآخر', 4], ['الثاني', 4], ['ثاني', 4], ['آخر', 4]])],
  ['جمادى', table([['الأولى', 5], ['الأول', 5], ['أولى', 5], ['الآخرة', 6], ['الآخر', 6], ['الثانية', 6], ['الثاني', 6], ['آخرة', 6]])],
  ['ذو', table([['القعدة', 11], ['الحجة', 12]])],
  ['ذي', table([['القعدة', 11], ['الحجة', 12]])],
  ['ذا', table([['القعدة', 11], ['الحجة', 12]])],
]);

const WEEKDAYS = table([
  ['الأحد', 0], ['الاثنين', 1], ['الاتنين', 1], ['الثلاثاء', 2], ['الثلاثا', 2],
  ['الأربعاء', 3], ['الأربعا', 3], ['الخميس', 4], ['الجمعة', 5], ['السبت', 6],
]);

const MODIFIERS = table<DateModifier>([
  ['الماضي', 'past'], ['الماضية', 'past'], ['المنصرم', 'past'], ['المنصرمة', 'past'],
  ['الفائت', 'past'], ['الفائتة', 'past'], ['السابق', 'past'], ['السابقة', 'past'],
  ['الجاري', 'current'], ['الجارية', 'current'], ['الحالي', 'current'], ['الحالية', 'current'],
  ['المقبل', 'next'], ['المقبلة', 'next'], ['القادم', 'next'], ['القادمة', 'next'],
]);

const MODIFIER_OFFSET: Record<DateModifier, number> = {past: -1, current: 0, next: 1};

const UNIT_NOUNS = table<'week' | 'month' | 'year'>([
  ['الأسبوع', 'week'], ['الشهر', 'month'], ['العام', 'year'], ['السنة', 'year'],
]);

/** Times of day that may precede a day word: "مساء الثلاثاء", "صباح اليوم". */
const TIMES_OF_DAY = wordSet(['صباح', 'مساء', 'ظهر', 'عصر', 'ليل', 'ليلة', 'فجر', 'ظهيرة', 'صبيحة', 'عشية', 'منتصف']);

type DayWord = 'today' | 'day' | 'yesterday' | 'tomorrow' | 'first' | 'theFirst' | 'after' | 'this';

/** Words that open a day expression: اليوم, يوم (الثلاثاء/غد), أمس, غداً, أول (أمس), الأول من (أمس), بعد (غد), هذا (الأسبوع). */
const DAY_WORDS = table<DayWord>([
  ['اليوم', 'today'], ['يوم', 'day'], ['أمس', 'yesterday'], ['الأمس', 'yesterday'], ['غداً', 'tomorrow'],
  ['أول', 'first'], ['الأول', 'theFirst'], ['بعد', 'after'], ['هذا', 'this'], ['هذه', 'this'],
]);

const FROM = wordSet(['من']);
const THAT = wordSet(['ذلك', 'تلك']);
const SAME = wordSet(['نفس', 'ذات', 'ذلك', 'تلك']);
const SAME_AFTER = wordSet(['نفسه', 'ذاته', 'نفسها', 'ذاتها']);
const THIS = wordSet(['هذا', 'هذه']);
const YEAR_NOUNS = wordSet(['العام', 'السنة']);
const IN = wordSet(['في']);
/** "بين الاثنين", "كلا الاثنين": the two, not Monday. */
const NUMERAL_CONTEXT = wordSet(['بين', 'كلا']);

/** Nouns that turn a yearless day and month into the name of an event. */
const EVENT_NAMES = wordSet(['هجمات', 'أحداث', 'ثورة', 'حرب', 'قوى', 'تيار', 'حركة', 'تحالف', 'انتفاضة', 'مجزرة', 'اتفاق', 'اتفاقية', 'ذكرى']);

/** Words before a bare month name that make it a month: "في مارس", "منذ مايو", "شهر آب". */
const MONTH_CONTEXT = wordSet(['في', 'خلال', 'منذ', 'حتى', 'مطلع', 'أوائل', 'أواخر', 'أواسط', 'منتصف', 'نهاية', 'بداية', 'شهر', 'شهري']);

/** Year keywords: عام 2013, العام 1992, سنة 2020. */
const YEAR_WORDS = wordSet(['عام', 'العام', 'سنة', 'السنة']);

const HIJRI_MARKERS = wordSet(['هـ', 'هجري', 'هجرية', 'للهجرة']);
const GREGORIAN_MARKERS = wordSet(['م', 'ميلادي', 'ميلادية', 'للميلاد']);

/** The two-letter words of the tables that a conjunction may precede: "وآب", "وذي القعدة". */
const TWO_LETTER_DATE_WORDS = wordSet(['آب', 'ذو', 'ذي', 'ذا']);

/** Every word an expression can start with. */
const OPENING_WORDS = new Set<string>([
  ...GREGORIAN_MONTHS.keys(), ...GREGORIAN_TWO_WORD.keys(), ...HIJRI_MONTHS.keys(), ...HIJRI_TWO_WORD.keys(),
  ...WEEKDAYS.keys(), ...DAY_WORDS.keys(), ...UNIT_NOUNS.keys(), ...TIMES_OF_DAY, ...YEAR_WORDS,
]);

/** {@link OPENING_WORDS} in every spelling with proclitics: a cheap test that skips most tokens. */
const OPENING_KEYS = withProclitics(OPENING_WORDS);

/**
 * Every table word in every spelling with proclitics. Only these words go through the clitic
 * analysis: any other word cannot reach a table entry by losing its proclitics.
 */
const CLITIC_KEYS = withProclitics([
  ...OPENING_WORDS, ...FROM, ...THAT, ...SAME, ...SAME_AFTER, ...THIS, ...IN, ...NUMERAL_CONTEXT, ...EVENT_NAMES, ...MONTH_CONTEXT,
  ...MODIFIERS.keys(), ...HIJRI_MARKERS, ...GREGORIAN_MARKERS,
]);

// ---------------------------------------------------------------------------------------------
// Parsing

/** What the parser read, before resolution against the reference. */
type Reading = {
  first: number;
  last: number;
  calendar: 'gregorian' | 'hijri';
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
  relative?: {unit: 'day' | 'week' | 'month' | 'year'; offset: number};
  modifier?: DateModifier;
  /** "سبتمبر من العام الماضي": the year relative to the reference's. */
  yearOffset?: number;
  /** "سبتمبر من العام نفسه": the year of the previous dated expression in the text. */
  sameYear?: boolean;
  /** An impossible date ("30 فبراير 2024"): its tokens are skipped, nothing is reported. */
  invalid?: boolean;
};

type MonthMatch = {month: number; calendar: 'gregorian' | 'hijri'; last: number};

/** Reads the date expressions of a token list, one expression at a time (see {@link Reader.at}). */
class Reader {
  readonly tokens: Token[];
  /** Index of the token the current expression starts at. */
  origin = 0;
  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  /** The token at i when it belongs to the current expression's line (no line break since its start). */
  next(i: number): Token | undefined {
    const token = this.tokens[i];
    return token && (i <= this.origin || !token.broken) ? token : undefined;
  }

  /** The table value of the word at i (continuing the line), trying proclitic-free forms. */
  lookup<T>(i: number, table: ReadonlyMap<string, T>, options: {lightOnly?: boolean; exact?: boolean} = {}): T | undefined {
    const token = this.next(i);
    if (!token || token.type !== 'word') return undefined;
    if (options.exact) return table.get(token.form);
    for (const {form, light} of formsOf(token)) {
      if (options.lightOnly && !light) continue;
      const value = table.get(form);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  has(i: number, set: ReadonlySet<string>, exact = false): boolean {
    const token = this.next(i);
    if (!token || token.type !== 'word') return false;
    if (exact) return set.has(token.form);
    return formsOf(token).some(({form}) => set.has(form));
  }

  /** The token at i (same line) is the word `word` (as printed; compared in matching form). */
  isWord(i: number, word: string): boolean {
    const token = this.next(i);
    return token !== undefined && token.type === 'word' && token.form === normalizeArabic(word);
  }


  isPunct(i: number, chars: string): boolean {
    const token = this.next(i);
    return token !== undefined && token.type === 'punct' && chars.includes(token.form);
  }

  /** The word before i on the same line is in `set`, with و/ف peeled (and ب/ل/ك unless `lightOnly`). */
  precededBy(i: number, set: ReadonlySet<string>, lightOnly = true): boolean {
    const here = this.tokens[i];
    const before = this.tokens[i - 1];
    if (!here || here.broken || !before || before.type !== 'word') return false;
    return formsOf(before).some(({form, light}) => (light || !lightOnly) && set.has(form));
  }

  /** A number token that is not part of a larger numeric run such as 16/9/2025 or 10:30. */
  standaloneNumber(i: number): number | null {
    const token = this.next(i);
    if (!token || token.type !== 'num') return null;
    const before = this.tokens[i - 1];
    if (!token.spaced && before && (before.type === 'num' || (before.type === 'punct' && '/-.:,'.includes(before.form)))) return null;
    const after = this.tokens[i + 1];
    const afterNext = this.tokens[i + 2];
    if (after && !after.spaced && after.type === 'punct' && '/-.:,'.includes(after.form) && afterNext && !afterNext.spaced && afterNext.type === 'num') return null;
    return Number.parseInt(token.form, 10);
  }

  /** A month name (one or two words) at i, with an optional paired name: "سبتمبر/ أيلول", "أيلول (سبتمبر)". */
  month(i: number): MonthMatch | null {
    const single = this.singleMonth(i);
    if (!single) return null;
    if (single.calendar === 'gregorian') {
      let j = single.last + 1;
      if (this.isPunct(j, '/(')) {
        const open = this.tokens[j]?.form === '(';
        const pair = this.singleMonth(j + 1);
        if (pair && pair.calendar === 'gregorian' && pair.month === single.month) {
          j = pair.last;
          if (open) {
            if (!this.isPunct(j + 1, ')')) return single;
            j += 1;
          }
          return {month: single.month, calendar: 'gregorian', last: j};
        }
      }
      // Agency style without the slash: "أغسطس آب 2000".
      const pair = this.singleMonth(j);
      if (pair && pair.calendar === 'gregorian' && pair.month === single.month && this.tokens[j]?.form !== this.tokens[single.last]?.form) {
        return {month: single.month, calendar: 'gregorian', last: pair.last};
      }
    }
    return single;
  }

  singleMonth(i: number): MonthMatch | null {
    const token = this.next(i);
    if (!token || token.type !== 'word') return null;
    // Only و/ف are peeled from month names: "باب" (door) must not read as ب + آب.
    const gregorian = this.lookup(i, GREGORIAN_MONTHS, {lightOnly: true});
    if (gregorian !== undefined) return {month: gregorian, calendar: 'gregorian', last: i};
    for (const [table, calendar] of [[GREGORIAN_TWO_WORD, 'gregorian'], [HIJRI_TWO_WORD, 'hijri']] as const) {
      const second = this.lookup(i, table, {lightOnly: true});
      const next = this.next(i + 1);
      if (second && next && next.type === 'word') {
        const month = second.get(next.form);
        if (month !== undefined) return {month, calendar, last: i + 1};
      }
    }
    const hijri = this.lookup(i, HIJRI_MONTHS, {lightOnly: true});
    if (hijri !== undefined) return {month: hijri, calendar: 'hijri', last: i};
    return null;
  }

  /**
   * A year after a month or a year word: "2025", "، 2025", "عام 2025", "من العام 2025",
   * with an optional era mark (م / هـ). Returns the year, its last token and the era if marked.
   */
  year(i: number, calendar: 'gregorian' | 'hijri'): {year: number; last: number; era?: 'gregorian' | 'hijri'} | null {
    let j = i;
    if (this.isPunct(j, ',،')) j++;
    if (this.has(j, FROM) && this.has(j + 1, YEAR_WORDS)) j += 2;
    else if (this.has(j, YEAR_WORDS)) j++;
    const year = this.yearNumber(j, calendar);
    if (year === null) return null;
    const era = this.era(j + 1);
    if (era) return {year, last: j + 1, era};
    return {year, last: j};
  }

  /** A four-digit year in range, or a shorter one marked with its era ("273 هـ", "767 م"). */
  yearNumber(i: number, calendar: 'gregorian' | 'hijri'): number | null {
    const token = this.next(i);
    if (!token || token.type !== 'num' || token.form.length > 4) return null;
    const value = this.standaloneNumber(i);
    if (value === null) return null;
    if (token.form.length < 4) return value >= 1 && this.era(i + 1) === calendar ? value : null;
    const [low, high] = calendar === 'hijri' ? [1000, 1600] : [1000, 2199];
    return value >= low && value <= high ? value : null;
  }

  era(i: number): 'gregorian' | 'hijri' | undefined {
    if (this.has(i, HIJRI_MARKERS, true)) return 'hijri';
    if (this.has(i, GREGORIAN_MARKERS, true)) return 'gregorian';
    return undefined;
  }

  modifierAt(i: number): {modifier: DateModifier; last: number} | null {
    const modifier = this.lookup(i, MODIFIERS, {exact: true});
    return modifier ? {modifier, last: i} : null;
  }

  /** "16/9/2025", "16-09-2025", "2025-09-16", "16.9.2025" (day first, as Arabic news writes them). */
  numericDate(i: number): Reading | null {
    const parts: number[] = [];
    const t = this.tokens;
    const first = t[i];
    if (!first || first.type !== 'num' || (i > this.origin && first.broken)) return null;
    const previous = t[i - 1];
    if (!first.spaced && previous && (previous.type === 'num' || (previous.type === 'punct' && '/-.'.includes(previous.form)))) return null;
    const separator = t[i + 1];
    if (!separator || separator.spaced || separator.type !== 'punct' || !'/-.'.includes(separator.form)) return null;
    for (let k = 0; k < 5; k++) {
      const token = t[i + k];
      if (!token || (k > 0 && (token.spaced || token.broken))) return null;
      if (k % 2 === 0) {
        if (token.type !== 'num') return null;
        parts.push(Number.parseInt(token.form, 10));
      } else if (token.type !== 'punct' || token.form !== separator.form) return null;
    }
    const after = t[i + 5];
    const afterNext = t[i + 6];
    if (after && !after.spaced && (after.type === 'num' || (after.type === 'punct' && '/-.'.includes(after.form) && afterNext && !afterNext.spaced && afterNext.type === 'num'))) return null;
    const [a = 0, b = 0, c = 0] = parts;
    const lengths = [t[i]?.form.length, t[i + 2]?.form.length, t[i + 4]?.form.length];
    let year: number;
    let month: number;
    let day: number;
    if (lengths[0] === 4 && (lengths[1] ?? 3) <= 2 && (lengths[2] ?? 3) <= 2) [year, month, day] = [a, b, c];
    else if (lengths[2] === 4 && (lengths[0] ?? 3) <= 2 && (lengths[1] ?? 3) <= 2) [day, month, year] = [a, b, c];
    else return null;
    if (year < 1000 || year > 2199 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
    let last = i + 4;
    const era = this.era(last + 1);
    if (era === 'gregorian') last += 1;
    return {first: i, last, calendar: 'gregorian', year, month, day};
  }

  /** "9 سبتمبر 2025", "9 من سبتمبر", "9 سبتمبر/ أيلول الجاري", "15 رمضان 1446 هـ". */
  dayMonth(i: number): Reading | null {
    const token = this.next(i);
    if (!token || token.type !== 'num' || token.form.length > 2) return null;
    const day = this.standaloneNumber(i);
    if (day === null || day < 1 || day > 31) return null;
    let j = i + 1;
    if (this.has(j, FROM) && this.month(j + 1)) j++;
    const month = this.month(j);
    if (!month) return null;
    const reading: Reading = {first: i, last: month.last, calendar: month.calendar, month: month.month, day};
    const year = this.year(month.last + 1, month.calendar);
    if (year && !(year.era && year.era !== month.calendar)) {
      reading.year = year.year;
      reading.last = year.last;
      const limit = month.calendar === 'hijri' ? 30 : daysInMonth(year.year, month.month);
      // "31 فبراير 2025" is no date at all, not February 2025: consume it and report nothing.
      if (day > limit) reading.invalid = true;
      return reading;
    }
    // "فاز 3 صفر" is a score: صفر needs its year or هـ.
    if (month.calendar === 'hijri' && month.month === 2) return null;
    // "هجمات 11 سبتمبر", "قوى 14 آذار", "ثورة 25 يناير": names of events, not dates of this text.
    if (this.precededBy(i, EVENT_NAMES, false)) return null;
    const limit = month.calendar === 'hijri' ? 30 : month.month === 2 ? 29 : daysInMonth(2001, month.month);
    if (day > limit) return null;
    const modifier = this.modifierAt(month.last + 1);
    if (modifier) {
      reading.modifier = modifier.modifier;
      reading.last = modifier.last;
    } else {
      this.relativeYear(month.last + 1, reading);
    }
    return reading;
  }

  /** "… من العام الماضي" / "… من هذا العام" after a month: sets the year relative to the reference. */
  relativeYear(i: number, reading: Reading): void {
    if (!this.has(i, FROM, true)) return;
    if (this.has(i + 1, YEAR_NOUNS, true)) {
      const modifier = this.modifierAt(i + 2);
      if (modifier) {
        reading.yearOffset = MODIFIER_OFFSET[modifier.modifier];
        reading.last = modifier.last;
      }
    } else if (this.has(i + 1, THIS, true) && this.has(i + 2, YEAR_NOUNS, true)) {
      reading.yearOffset = 0;
      reading.last = i + 2;
    }
    // "من نفس العام", "من العام نفسه", "من ذلك العام": the year of the previous date in the text.
    if (this.has(i + 1, SAME, true) && this.has(i + 2, YEAR_NOUNS, true)) {
      reading.sameYear = true;
      reading.last = i + 2;
    } else if (this.has(i + 1, YEAR_NOUNS, true) && this.has(i + 2, SAME_AFTER, true)) {
      reading.sameYear = true;
      reading.last = i + 2;
    }
  }

  /** "سبتمبر 2025", "يونيو/ حزيران 1992", "يناير الماضي", "في مارس", "رمضان 1446 هـ". */
  monthFirst(i: number): Reading | null {
    const month = this.month(i);
    if (!month) return null;
    const reading: Reading = {first: i, last: month.last, calendar: month.calendar, month: month.month};
    const year = this.year(month.last + 1, month.calendar);
    if (year && !(year.era && year.era !== month.calendar)) {
      reading.year = year.year;
      reading.last = year.last;
      return reading;
    }
    // Hijri month names are also names and words (صفر "zero"): only with a day or a year.
    if (month.calendar === 'hijri') return null;
    const modifier = this.modifierAt(month.last + 1);
    if (modifier) {
      reading.modifier = modifier.modifier;
      reading.last = modifier.last;
      return reading;
    }
    this.relativeYear(month.last + 1, reading);
    if (reading.yearOffset !== undefined || reading.sameYear) return reading;
    return this.precededBy(i, MONTH_CONTEXT) ? reading : null;
  }

  /** "عام 2013", "لعام 2013", "العام 1992", "في 2024", "1446 هـ". */
  yearForm(i: number): Reading | null {
    const token = this.next(i);
    if (!token) return null;
    if (token.type === 'word' && this.has(i, YEAR_WORDS)) {
      const hijri = this.yearNumber(i + 1, 'hijri');
      if (hijri !== null && this.era(i + 2) === 'hijri') return {first: i, last: i + 2, calendar: 'hijri', year: hijri};
      const year = this.yearNumber(i + 1, 'gregorian');
      if (year === null) return null;
      const last = this.era(i + 2) === 'gregorian' ? i + 2 : i + 1;
      return {first: i, last, calendar: 'gregorian', year};
    }
    if (token.type !== 'num') return null;
    const hijri = this.yearNumber(i, 'hijri');
    if (hijri !== null && this.era(i + 1) === 'hijri') return {first: i, last: i + 1, calendar: 'hijri', year: hijri};
    const year = this.yearNumber(i, 'gregorian');
    // A bare number is a year only after في and only in the modern range (not "في 1500 موقع").
    if (year === null || year < 1900 || year > 2099 || !this.precededBy(i, IN)) return null;
    const last = this.era(i + 1) === 'gregorian' ? i + 1 : i;
    return {first: i, last, calendar: 'gregorian', year};
  }

  /** Weekday at i, unless it is a number word ("الأحد عشر" eleven, "بين الاثنين" the two). */
  weekdayAt(i: number): number | undefined {
    const weekday = this.lookup(i, WEEKDAYS);
    if (weekday === undefined) return undefined;
    if (weekday === 0 && this.isWord(i + 1, 'عشر')) return undefined;
    if (weekday === 1 && this.precededBy(i, NUMERAL_CONTEXT)) return undefined;
    return weekday;
  }

  /** A weekday at i, or in parentheses "(الاثنين)": returns it with its last token. */
  weekdayOrParenthesised(i: number): {weekday: number; last: number} | null {
    const plain = this.weekdayAt(i);
    if (plain !== undefined) return {weekday: plain, last: i};
    if (this.isPunct(i, '(')) {
      const inner = this.weekdayAt(i + 1);
      if (inner !== undefined && this.isPunct(i + 2, ')')) return {weekday: inner, last: i + 2};
    }
    return null;
  }

  /**
   * Day words: "اليوم", "أمس", "أول أمس", "غداً", "بعد غد", weekdays with their prefixes
   * ("اليوم الثلاثاء", "مساء الثلاثاء", "يوم الثلاثاء المقبل", "أمس (الاثنين)"), a weekday
   * followed by its date ("الثلاثاء 16 سبتمبر 2025"), and unit words ("الأسبوع الماضي").
   */
  dayWords(i: number): Reading | null {
    let j = i;
    if (this.has(j, TIMES_OF_DAY)) j++;
    const prefixed = j > i;
    const word = this.lookup(j, DAY_WORDS);
    let offset: number | undefined;
    let cursor = j;
    switch (word) {
      case 'today':
        offset = 0;
        break;
      case 'yesterday':
        offset = -1;
        if (this.isWord(j + 1, 'الأول')) {
          offset = -2;
          cursor = j + 1;
        }
        break;
      case 'tomorrow': {
        // "غدا" is also the verb "became" ("غدا الوضع أسوأ"): not before a definite noun or من.
        const next = this.next(j + 1);
        if (this.weekdayOrParenthesised(j + 1) === null && next && next.type === 'word' && (next.form.startsWith('ال') || next.form === 'من')) return null;
        offset = 1;
        break;
      }
      case 'first':
      case 'theFirst':
        if (word === 'first' && this.isWord(j + 1, 'أمس')) cursor = j + 1;
        else if (this.isWord(j + 1, 'من') && this.isWord(j + 2, 'أمس')) cursor = j + 2;
        else return null;
        offset = -2;
        break;
      case 'after':
        if (!this.isWord(j + 1, 'غد')) return null;
        offset = 2;
        cursor = j + 1;
        break;
      case 'this': {
        const unit = this.lookup(j + 1, UNIT_NOUNS, {exact: true});
        if (prefixed || !unit) return null;
        return {first: i, last: j + 1, calendar: 'gregorian', relative: {unit, offset: 0}};
      }
      case 'day':
        // "يوم غد" is tomorrow.
        if (this.isWord(j + 1, 'غد')) {
          offset = 1;
          cursor = j + 1;
        }
        break;
      case undefined:
        cursor = j - 1;
        break;
    }

    // A weekday after the day word: "اليوم الثلاثاء", "أمس (الاثنين)", "يوم الثلاثاء".
    const weekday = this.weekdayOrParenthesised(cursor + 1);
    if (weekday) {
      const reading: Reading = {first: i, last: weekday.last, calendar: 'gregorian', weekday: weekday.weekday};
      if (offset !== undefined) reading.relative = {unit: 'day', offset};
      const modifier = offset === undefined ? this.modifierAt(weekday.last + 1) : null;
      if (modifier) {
        reading.modifier = modifier.modifier;
        reading.last = modifier.last;
        return reading;
      }
      if (offset === undefined || offset === 0) this.attachDate(weekday.last + 1, reading);
      return reading;
    }
    if (word === undefined && !prefixed) return this.unitRelative(i);
    if (offset === undefined) return null;
    if (word === 'today') {
      // "ذلك اليوم" (that day), "اليوم التالي" (the next day), "اليوم الوطني", "في اليوم نفسه": not today.
      if (!prefixed && this.precededBy(j, THAT)) return null;
      const next = this.next(cursor + 1);
      if (next && next.type === 'word' && ((next.form.startsWith('ال') && !MODIFIERS.has(next.form)) || next.form === 'نفسه' || next.form === 'ذاته')) return null;
    }
    return {first: i, last: cursor, calendar: 'gregorian', relative: {unit: 'day', offset}};
  }

  /** "الأسبوع الماضي", "الشهر الجاري", "العام المقبل", "الأسبوع قبل الماضي". */
  unitRelative(i: number): Reading | null {
    const unit = this.lookup(i, UNIT_NOUNS);
    if (!unit) return null;
    if (this.isWord(i + 1, 'قبل')) {
      const modifier = this.modifierAt(i + 2);
      if (modifier?.modifier === 'past') return {first: i, last: i + 2, calendar: 'gregorian', relative: {unit, offset: -2}};
      return null;
    }
    const modifier = this.modifierAt(i + 1);
    if (!modifier) return null;
    return {first: i, last: i + 1, calendar: 'gregorian', relative: {unit, offset: MODIFIER_OFFSET[modifier.modifier]}};
  }

  /** Merges a date written after a weekday: "الثلاثاء 16 سبتمبر 2025", "الثلاثاء، الموافق 16/9/2025". */
  attachDate(i: number, reading: Reading): void {
    let j = i;
    if (this.isPunct(j, ',،-')) j++;
    const open = this.isPunct(j, '(');
    if (open) j++;
    if (this.isWord(j, 'الموافق')) j++;
    const date = this.numericDate(j) ?? this.dayMonth(j);
    if (!date) return;
    let last = date.last;
    if (open) {
      if (!this.isPunct(last + 1, ')')) return;
      last += 1;
    }
    reading.last = last;
    reading.calendar = date.calendar;
    if (date.invalid) reading.invalid = true;
    if (date.year !== undefined) reading.year = date.year;
    if (date.month !== undefined) reading.month = date.month;
    if (date.day !== undefined) reading.day = date.day;
    if (date.modifier !== undefined) reading.modifier = date.modifier;
  }

  /** The expression starting at token i, if any. */
  at(i: number): Reading | null {
    this.origin = i;
    return this.numericDate(i) ?? this.dayMonth(i) ?? this.yearForm(i) ?? this.monthFirst(i) ?? this.dayWords(i);
  }
}

// ---------------------------------------------------------------------------------------------
// Resolution against the reference

type Resolved = {value: string | null; precision: DatePrecision | null};

const UNRESOLVED: Resolved = {value: null, precision: null};

function resolveReading(reading: DateReading, reference: PartialDate | null, contextYear: number | undefined): Resolved {
  const {month, day} = reading;
  if (reading.calendar === 'hijri') return resolveHijri(reading, reference);
  const year = reading.sameYear ? contextYear : reading.year;
  if (reading.sameYear && year === undefined) return UNRESOLVED;
  if (year !== undefined) {
    if (month === undefined) return {value: formatPartialDate({year}), precision: 'year'};
    if (day === undefined) return {value: formatPartialDate({year, month}), precision: 'month'};
    return {value: formatPartialDate({year, month, day}), precision: 'day'};
  }
  if (!reference) return UNRESOLVED;
  const refDay = reference.month !== undefined && reference.day !== undefined ? dayNumber(reference.year, reference.month, reference.day) : null;

  if (month !== undefined) {
    const resolvedYear = yearOfNamedMonth(reading, month, reference);
    if (resolvedYear === null) return UNRESOLVED;
    if (day === undefined) return {value: formatPartialDate({year: resolvedYear, month}), precision: 'month'};
    if (day > daysInMonth(resolvedYear, month)) return UNRESOLVED;
    return {value: formatPartialDate({year: resolvedYear, month, day}), precision: 'day'};
  }

  if (reading.weekday !== undefined) {
    if (refDay === null) return UNRESOLVED;
    if (reading.relative) return dayValue(refDay + reading.relative.offset);
    const back = (weekdayOf(refDay) - reading.weekday + 7) % 7;
    if (reading.modifier === 'past') return dayValue(refDay - (back === 0 ? 7 : back));
    if (reading.modifier === 'next') {
      const ahead = (reading.weekday - weekdayOf(refDay) + 7) % 7;
      return dayValue(refDay + (ahead === 0 ? 7 : ahead));
    }
    return dayValue(refDay - back);
  }

  const relative = reading.relative;
  if (!relative) return UNRESOLVED;
  switch (relative.unit) {
    case 'day':
      return refDay === null ? UNRESOLVED : dayValue(refDay + relative.offset);
    case 'week':
      // A week is not a value the schema can hold; the relative info stays on the expression.
      return UNRESOLVED;
    case 'month': {
      if (reference.month === undefined) return UNRESOLVED;
      const index = reference.year * 12 + (reference.month - 1) + relative.offset;
      return {value: formatPartialDate({year: Math.floor(index / 12), month: (index % 12) + 1}), precision: 'month'};
    }
    case 'year':
      return {value: formatPartialDate({year: reference.year + relative.offset}), precision: 'year'};
  }
}

function dayValue(n: number): Resolved {
  return {value: formatPartialDate(fromDayNumber(n)), precision: 'day'};
}

/**
 * The year of a named Gregorian month without a year: الماضي → the latest such month strictly
 * before the reference month; المقبل → the next strictly after; الجاري → the reference month
 * itself (null if the reference is in another month); bare → the latest on or before the reference.
 */
function yearOfNamedMonth(reading: DateReading, month: number, reference: PartialDate): number | null {
  if (reading.yearOffset !== undefined) return reference.year + reading.yearOffset;
  const refMonth = reference.month;
  if (reading.modifier === 'current') return refMonth === undefined || refMonth === month ? reference.year : null;
  if (refMonth === undefined) return null;
  if (reading.modifier === 'past') return month < refMonth ? reference.year : reference.year - 1;
  if (reading.modifier === 'next') return month > refMonth ? reference.year : reference.year + 1;
  if (month < refMonth) return reference.year;
  if (month > refMonth) return reference.year - 1;
  if (reading.day === undefined || reference.day === undefined) return reference.year;
  return reading.day <= reference.day ? reference.year : reference.year - 1;
}

function resolveHijri(reading: DateReading, reference: PartialDate | null): Resolved {
  const {month, day} = reading;
  let year = reading.year;
  if (year === undefined) {
    // Yearless Hijri dates ("15 رمضان") take their year from the reference's Hijri date.
    if (!reference || reference.month === undefined || reference.day === undefined || month === undefined) return UNRESOLVED;
    const refDay = dayNumber(reference.year, reference.month, reference.day);
    const refHijri = hijriOfDayNumber(refDay);
    year = refHijri.year;
    if (reading.modifier === 'past') year = month < refHijri.month ? year : year - 1;
    else if (reading.modifier === 'next') year = month > refHijri.month ? year : year + 1;
    else if (reading.modifier === 'current') {
      if (month !== refHijri.month) return UNRESOLVED;
    } else if (month > refHijri.month || (month === refHijri.month && (day ?? 1) > refHijri.day)) year -= 1;
  }
  if (month !== undefined && day !== undefined) {
    const n = hijriDayNumber(year, month, day);
    return n === null ? UNRESOLVED : dayValue(n);
  }
  // A Hijri month or year straddles Gregorian months: only what the whole span shares.
  const range = hijriRange(year, month);
  return (range && valueOfRange(range.first, range.last)) ?? UNRESOLVED;
}

// ---------------------------------------------------------------------------------------------

/**
 * A date expression as the words state it, before resolution against a reference (offsets into
 * the text it was read from). Plain data: an article's readings are kept with its paragraphs and
 * resolved again once its date is known ({@link resolveDateExpressions}), without reading the
 * text again.
 */
export type DateReading = Omit<Reading, 'first' | 'last' | 'invalid'> & {start: number; end: number};

/**
 * Reads the date expressions of `text`, left to right, without overlaps, unresolved.
 *
 * @param textTokens `tokenize(text)`, when the caller has it already.
 * @returns One {@link DateReading} per expression (impossible dates such as "30 فبراير 2024" are
 *   skipped), for {@link resolveDateExpressions}.
 */
export function readDateExpressions(text: string, textTokens: readonly TextToken[] = tokenize(text)): DateReading[] {
  const tokens = dateTokens(text, textTokens);
  const reader = new Reader(tokens);
  const found: DateReading[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    // Every expression opens with a number or one of a few hundred words: skip the rest cheaply.
    if (!token || token.type === 'punct' || (token.type === 'word' && !OPENING_KEYS.has(token.form))) continue;
    const reading = reader.at(i);
    if (!reading) continue;
    if (!reading.invalid) {
      const {first, last, invalid: _invalid, ...words} = reading;
      const start = tokens[first]?.start ?? 0;
      found.push({...words, start, end: tokens[last]?.end ?? start});
    }
    i = reading.last;
  }
  return found;
}

/**
 * Resolves the readings of `text` ({@link readDateExpressions}) against a reference.
 *
 * @param options `reference`: the date the text was written, used to resolve relative
 *   expressions as far as its precision allows (default: null, leaving them unresolved).
 * @returns One {@link DateExpression} per reading; `value` is null when not fixed.
 */
export function resolveDateExpressions(text: string, readings: readonly DateReading[], options: FindDateOptions = {}): DateExpression[] {
  const reference = options.reference ?? null;
  const found: DateExpression[] = [];
  // The Gregorian year of the latest expression that states one, for "من العام نفسه".
  let contextYear: number | undefined;
  for (const reading of readings) {
    const expression = toExpression(text, reading, reference, contextYear);
    found.push(expression);
    if (expression.kind === 'explicit' && expression.value !== null) contextYear = Number(expression.value.slice(0, 4));
  }
  return found;
}

/**
 * Finds the date expressions of `text`, left to right, without overlaps.
 *
 * @param text Any text (a paragraph or a whole article); offsets refer to it unchanged.
 * @param options `reference`: the date the text was written, used to resolve relative
 *   expressions as far as its precision allows (default: null, leaving them unresolved).
 * @returns One {@link DateExpression} per expression; `value` is null when not fixed.
 */
export function findDateExpressions(text: string, options: FindDateOptions = {}): DateExpression[] {
  return resolveDateExpressions(text, readDateExpressions(text), options);
}

function toExpression(text: string, reading: DateReading, reference: PartialDate | null, contextYear: number | undefined): DateExpression {
  const {start, end} = reading;
  const {value, precision} = resolveReading(reading, reference, contextYear);
  const hasYear = reading.year !== undefined;
  // A named weekday is its own kind unless it also carries a date or a shift ("أمس (الاثنين)").
  const namedDayOnly = reading.weekday !== undefined && reading.month === undefined && (reading.relative?.offset ?? 0) === 0;
  const kind = hasYear ? 'explicit' : namedDayOnly ? 'weekday' : 'relative';
  const expression: DateExpression = {start, end, text: text.slice(start, end), kind, calendar: reading.calendar, value, precision};
  if (reading.weekday !== undefined) expression.weekday = reading.weekday;
  if (reading.relative) expression.relative = reading.relative;
  else if (reading.yearOffset !== undefined) expression.relative = {unit: 'year', offset: reading.yearOffset};
  if (!hasYear && reading.month !== undefined) expression.month = reading.month;
  if (!hasYear && reading.day !== undefined) expression.day = reading.day;
  if (reading.modifier) expression.modifier = reading.modifier;
  if (reading.calendar === 'hijri') {
    const hijri: PartialDate = {year: reading.year ?? 0};
    if (reading.month !== undefined) hijri.month = reading.month;
    if (reading.day !== undefined) hijri.day = reading.day;
    if (hasYear) expression.hijri = hijri;
  }
  return expression;
}
