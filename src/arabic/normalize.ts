/**
 * Arabic matching normalisation.
 *
 * Everything in the project that *compares* text (entity matching, dedup,
 * search alternates, topics, slugs) goes through `normalizeArabic`; displayed
 * text is never altered.  The matching form is:
 *
 * - NFKC per character (presentation forms → base letters: ﻻ → لا, ﷲ → الله,
 *   fullwidth → ASCII, NBSP → space);
 * - harakat, tanwin, shadda, sukun, hamza/madda marks (U+064B–U+065F),
 *   superscript alef (U+0670), Quranic marks (U+06D6–U+06ED), honorific signs
 *   (U+0610–U+061A), extended marks (U+08CA–U+08FF) and tatweel (U+0640) removed;
 * - alef forms أ إ آ ٱ ٲ ٳ ٵ → ا; ى → ي; ة → ه;
 * - Persian/Urdu/Kurdish letters folded to their Arabic look-alikes:
 *   ی ې ے → ي, ک ڪ → ك, ە ۀ ہ ھ ۃ → ه, ۆ ۇ ۈ ۋ → و;
 * - hamza carriers ؤ and ئ are KEPT (as Lucene's ArabicNormalizer does):
 *   folding them (ؤ→و, ئ→ي) merges distinct words and does not even unify the
 *   common spelling pair مسؤول/مسئول; a decomposed و/ي/ى + U+0654 is composed
 *   to ؤ/ئ so NFD input matches NFC input;
 * - Arabic-Indic (٠-٩) and Persian (۰-۹) digits → 0-9; Arabic decimal ٫ → '.',
 *   thousands ٬ → ',', percent ٪ → '%';
 * - zero-width characters (U+200B–U+200F, U+2060–U+2064, U+FEFF), soft hyphen
 *   and bidi controls (U+202A–U+202E, U+2066–U+2069, U+061C) removed;
 * - letters lower-cased (Latin accents are kept: é ≠ e);
 * - whitespace runs collapsed to one space, leading/trailing whitespace trimmed.
 *
 * NFKC is applied per character rather than per string so that every output
 * code unit can be traced back to one source character (`normalizeForOffsets`).
 * `normalizeArabic` is implemented by the same loop, so both always agree.
 */

/** Code units whose matching form differs from themselves; '' means "remove". */
type Replacement = string | undefined;

const ALEF = 'ا';
const YEH = 'ي';
const HEH = 'ه';
const WAW = 'و';
const KAF = 'ك';

/** Arabic-block letters folded to a base letter (applied after NFKC). */
const LETTER_FOLDS: ReadonlyArray<readonly [number, string]> = [
  [0x0623, ALEF], // أ
  [0x0625, ALEF], // إ
  [0x0622, ALEF], // آ
  [0x0671, ALEF], // ٱ alef wasla
  [0x0672, ALEF], // ٲ wavy hamza above
  [0x0673, ALEF], // ٳ wavy hamza below
  [0x0675, ALEF], // ٵ high hamza alef
  [0x0649, YEH], // ى alef maqsura
  [0x06cc, YEH], // ی Farsi yeh
  [0x06d0, YEH], // ې
  [0x06d2, YEH], // ے yeh barree
  [0x0629, HEH], // ة teh marbuta
  [0x06c3, HEH], // ۃ teh marbuta goal
  [0x06d5, HEH], // ە ae
  [0x06c0, HEH], // ۀ heh with yeh above
  [0x06c1, HEH], // ہ heh goal
  [0x06be, HEH], // ھ heh doachashmee
  [0x06a9, KAF], // ک keheh
  [0x06aa, KAF], // ڪ swash kaf
  [0x06c6, WAW], // ۆ oe
  [0x06c7, WAW], // ۇ u
  [0x06c8, WAW], // ۈ yu
  [0x06cb, WAW], // ۋ ve
  [0x066b, '.'], // ٫ Arabic decimal separator
  [0x066c, ','], // ٬ Arabic thousands separator
  [0x066a, '%'], // ٪ Arabic percent sign
];

/** Inclusive code-unit ranges that are removed (marks, tatweel, invisibles). */
const REMOVED_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x064b, 0x065f], // harakat, tanwin, shadda, sukun, hamza/madda marks
  [0x0670, 0x0670], // superscript alef
  [0x06d6, 0x06ed], // Quranic annotation marks
  [0x0610, 0x061a], // honorific / Quranic signs above letters
  [0x08ca, 0x08ff], // extended Arabic marks
  [0x0640, 0x0640], // tatweel
  [0x200b, 0x200f], // ZWSP, ZWNJ, ZWJ, LRM, RLM
  [0x2060, 0x2064], // word joiner, invisible operators
  [0xfeff, 0xfeff], // BOM / ZWNBSP
  [0x00ad, 0x00ad], // soft hyphen
  [0x202a, 0x202e], // bidi embeddings/overrides
  [0x2066, 0x2069], // bidi isolates
  [0x061c, 0x061c], // Arabic letter mark
];

/** Characters treated as whitespace (collapsed to one ASCII space). */
const WHITESPACE = /^\s+$/u;

/** Fold one code unit of an NFKC result (no NFKC re-run: the table outputs are stable). */
function foldUnit(code: number): string {
  for (const [from, to] of REMOVED_RANGES) {
    if (code >= from && code <= to) return '';
  }
  for (const [from, to] of LETTER_FOLDS) {
    if (code === from) return to;
  }
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(code - 0x0660 + 48);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(code - 0x06f0 + 48);
  return String.fromCharCode(code);
}

/** Matching form of one whole character (code point) — the slow, general path. */
function foldCharacter(character: string): string {
  const compatible = character.normalize('NFKC').toLowerCase();
  let result = '';
  for (let index = 0; index < compatible.length; index++) {
    const code = compatible.charCodeAt(index);
    // NFKC of a lone surrogate half or of an astral character can yield
    // surrogates; those are copied unchanged.
    result += code >= 0xd800 && code <= 0xdfff ? compatible.charAt(index) : foldUnit(code);
  }
  return WHITESPACE.test(result) ? ' ' : result;
}

/** Upper bound of the precomputed table; rarer characters use the slow path. */
const TABLE_LIMIT = 0x3000;
/** Start of the second precomputed block (compatibility + presentation forms). */
const HIGH_TABLE_START = 0xf900;

function buildTable(from: number, to: number): Replacement[] {
  const table: Replacement[] = new Array<Replacement>(to - from).fill(undefined);
  for (let code = from; code < to; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const character = String.fromCharCode(code);
    const folded = foldCharacter(character);
    if (folded !== character) table[code - from] = folded;
  }
  return table;
}

/** Precomputed matching form of BMP code units below TABLE_LIMIT. */
const LOW_TABLE: readonly Replacement[] = buildTable(0, TABLE_LIMIT);
/** Precomputed matching form of U+F900–U+FFFF (CJK compat, presentation forms, fullwidth). */
const HIGH_TABLE: readonly Replacement[] = buildTable(HIGH_TABLE_START, 0x10000);

const HAMZA_ABOVE = 0x0654;
/** Letters that, followed by a combining hamza above, compose to a kept hamza carrier. */
const HAMZA_CARRIERS: ReadonlyMap<number, string> = new Map([
  [0x0648, 'ؤ'],
  [0x064a, 'ئ'],
  [0x0649, 'ئ'],
]);

/** Result of `normalizeForOffsets`. */
export interface NormalizedWithOffsets {
  /** The matching form, identical to `normalizeArabic(original)`. */
  text: string;
  /**
   * `map[i]` is the index (UTF-16 code unit) in the original string of the
   * character that produced `text[i]`; `map[text.length]` is the original
   * length.  Length is `text.length + 1`.
   */
  map: number[];
}

/**
 * Matching form of one source character starting at `index`.
 * Returns the replacement (undefined = unchanged) and the source length.
 */
function foldAt(text: string, index: number): {replacement: Replacement; width: number} {
  const code = text.charCodeAt(index);
  const carrier = HAMZA_CARRIERS.get(code);
  if (carrier !== undefined && text.charCodeAt(index + 1) === HAMZA_ABOVE) {
    return {replacement: carrier, width: 2};
  }
  if (code < TABLE_LIMIT) return {replacement: LOW_TABLE[code], width: 1};
  if (code >= HIGH_TABLE_START) return {replacement: HIGH_TABLE[code - HIGH_TABLE_START], width: 1};
  if (code >= 0xd800 && code <= 0xdbff) {
    const low = text.charCodeAt(index + 1);
    if (low >= 0xdc00 && low <= 0xdfff) {
      const character = text.slice(index, index + 2);
      const folded = foldCharacter(character);
      return {replacement: folded === character ? undefined : folded, width: 2};
    }
    return {replacement: undefined, width: 1};
  }
  if (code >= 0xdc00 && code <= 0xdfff) return {replacement: undefined, width: 1};
  const character = text.charAt(index);
  const folded = foldCharacter(character);
  return {replacement: folded === character ? undefined : folded, width: 1};
}

/**
 * Core loop shared by `normalizeArabic` and `normalizeForOffsets`.
 * Whitespace is emitted lazily (only before the next visible output) so runs
 * collapse and the ends are trimmed, even when removed characters sit between
 * the spaces.
 */
function normalizeCore(text: string, map: number[] | undefined): string {
  let output = '';
  let pendingSpaceAt = -1; // source index of the first whitespace of a pending run
  let index = 0;
  const length = text.length;

  while (index < length) {
    const {replacement, width} = foldAt(text, index);
    const emitted = replacement === undefined ? text.slice(index, index + width) : replacement;

    if (emitted.length === 1) {
      if (emitted === ' ') {
        if (output.length > 0 && pendingSpaceAt < 0) pendingSpaceAt = index;
      } else {
        if (pendingSpaceAt >= 0) {
          output += ' ';
          if (map) map.push(pendingSpaceAt);
          pendingSpaceAt = -1;
        }
        output += emitted;
        if (map) map.push(index);
      }
    } else {
      // Multi-unit results (ﷺ → four words, ´ → space + mark, astral
      // characters) go through the same space logic unit by unit.
      for (let unit = 0; unit < emitted.length; unit++) {
        const character = emitted.charAt(unit);
        if (character === ' ') {
          if (output.length > 0 && pendingSpaceAt < 0) pendingSpaceAt = index;
          continue;
        }
        if (pendingSpaceAt >= 0) {
          output += ' ';
          if (map) map.push(pendingSpaceAt);
          pendingSpaceAt = -1;
        }
        output += character;
        if (map) map.push(index);
      }
    }
    index += width;
  }

  if (map) map.push(length);
  return output;
}

/**
 * Normalise Arabic (and mixed) text to its matching form (see module doc).
 * Idempotent: `normalizeArabic(normalizeArabic(x)) === normalizeArabic(x)`.
 */
export function normalizeArabic(text: string): string {
  // Fast path: copy runs of unchanged, non-space characters with one slice
  // each; only changed characters go through `foldAt`.  Must produce exactly
  // what `normalizeCore` produces (tested).
  let output = '';
  let pendingSpace = false;
  let runStart = 0;
  let index = 0;
  const length = text.length;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (
      code !== 32 &&
      code < TABLE_LIMIT &&
      LOW_TABLE[code] === undefined &&
      !((code === 0x0648 || code === 0x064a) && text.charCodeAt(index + 1) === HAMZA_ABOVE)
    ) {
      index++;
      continue;
    }
    if (index > runStart) {
      if (pendingSpace) output += ' ';
      pendingSpace = false;
      output += text.slice(runStart, index);
    }
    if (code < TABLE_LIMIT && !(code === 0x0648 || code === 0x064a || code === 0x0649)) {
      // Common case, inlined: a single-unit table hit (space, أ, ة, harakat…).
      const single = code === 32 ? ' ' : LOW_TABLE[code];
      if (single !== undefined && single.length <= 1) {
        if (single === ' ') {
          if (output.length > 0) pendingSpace = true;
        } else if (single.length === 1) {
          if (pendingSpace) output += ' ';
          pendingSpace = false;
          output += single;
        }
        index++;
        runStart = index;
        continue;
      }
    }
    const {replacement, width} = foldAt(text, index);
    const emitted = replacement === undefined ? text.slice(index, index + width) : replacement;
    for (let unit = 0; unit < emitted.length; unit++) {
      const character = emitted.charAt(unit);
      if (character === ' ') {
        if (output.length > 0) pendingSpace = true;
      } else {
        if (pendingSpace) output += ' ';
        pendingSpace = false;
        output += character;
      }
    }
    index += width;
    runStart = index;
  }
  if (index > runStart) {
    if (pendingSpace) output += ' ';
    output += text.slice(runStart, index);
  }
  return output;
}

/**
 * Normalise like `normalizeArabic` and also return, for every output code
 * unit, the index of the original character it came from, so a match found
 * in the normalised text can be mapped back (`toOriginalSpan`) for highlighting.
 */
export function normalizeForOffsets(text: string): NormalizedWithOffsets {
  const map: number[] = [];
  const normalized = normalizeCore(text, map);
  return {text: normalized, map};
}

/**
 * Map a span `[start, end)` of `normalized.text` back to a span of the
 * original string.  The end is extended over characters removed right after
 * the span (diacritics of its last letter, tatweel) up to the next kept
 * character; a span ending inside a multi-letter expansion (ﻻ → لا) covers the
 * whole source character.
 */
export function toOriginalSpan(
  normalized: NormalizedWithOffsets,
  start: number,
  end: number,
): {start: number; end: number} {
  const {map} = normalized;
  const last = map.length - 1; // === normalized.text.length
  const clampedStart = Math.max(0, Math.min(start, last));
  let clampedEnd = Math.max(clampedStart, Math.min(end, last));
  const originalStart = map[clampedStart] ?? 0;
  if (clampedEnd === clampedStart) return {start: originalStart, end: originalStart};
  const lastSource = map[clampedEnd - 1] ?? originalStart;
  while (clampedEnd < last && (map[clampedEnd] ?? 0) <= lastSource) clampedEnd++;
  const originalEnd = map[clampedEnd] ?? lastSource + 1;
  return {start: originalStart, end: originalEnd};
}

/**
 * Remove Arabic diacritics only: harakat, tanwin, shadda, sukun, hamza/madda
 * marks (U+064B–U+065F), superscript alef (U+0670), Quranic marks
 * (U+06D6–U+06ED), honorific signs (U+0610–U+061A), extended marks
 * (U+08CA–U+08FF) and tatweel (U+0640).  Letters are left as they are.
 */
export function stripDiacritics(text: string): string {
  return text.replace(/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u08CA-\u08FF\u0640]/gu, '');
}

/** Replace Arabic-Indic (٠-٩) and Persian (۰-۹) digits with ASCII 0-9; nothing else changes. */
export function normalizeDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/gu, (digit) => {
    const code = digit.charCodeAt(0);
    return String.fromCharCode((code >= 0x06f0 ? code - 0x06f0 : code - 0x0660) + 48);
  });
}

/**
 * Remove invisible characters: zero-width (U+200B–U+200F, U+2060–U+2064,
 * U+FEFF), soft hyphen (U+00AD) and bidi controls (U+202A–U+202E,
 * U+2066–U+2069, U+061C).  Use it on any text read from outside (the NewsFANE
 * corpus prefixes tokens with U+200E).
 */
export function stripInvisibles(text: string): string {
  return text.replace(/[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u202A-\u202E\u2066-\u2069\u061C]/gu, '');
}
