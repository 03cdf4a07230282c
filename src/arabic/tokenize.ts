/**
 * Tokeniser for Arabic news text with embedded Latin words and numbers.
 *
 * One global regular expression scans the text once; every token keeps its
 * offsets into the ORIGINAL string (UTF-16 code units) so callers can
 * highlight or slice the displayed text, plus its matching form (`norm`).
 */
import {normalizeArabic} from './normalize.ts';

/** What a token is. */
export type TokenKind = 'word' | 'number' | 'latin' | 'punct';

/** One token: `text === original.slice(start, end)`; `norm` is its matching form. */
export interface Token {
  text: string;
  start: number;
  end: number;
  norm: string;
  kind: TokenKind;
}

/** Arabic letters (no digits, no punctuation, no marks). */
const ARABIC_LETTER =
  '\\u0620-\\u063F\\u0641-\\u064A\\u066E\\u066F\\u0671-\\u06D3\\u06D5\\u06EE\\u06EF\\u06FA-\\u06FC\\u06FF' +
  '\\u0750-\\u077F\\u08A0-\\u08C9\\uFB50-\\uFD3D\\uFD50-\\uFDFD\\uFE70-\\uFEFC';
/** Marks and tatweel that belong inside an Arabic word. */
const ARABIC_MARK = '\\u0610-\\u061A\\u0640\\u064B-\\u065F\\u0670\\u06D6-\\u06DC\\u06DF-\\u06E4\\u06E7\\u06E8\\u06EA-\\u06ED\\u08CA-\\u08FF';
/** All digits the project reads: ASCII, Arabic-Indic, Persian. */
const DIGIT = '0-9\\u0660-\\u0669\\u06F0-\\u06F9';
/** Characters skipped between tokens besides whitespace: invisibles and stray marks. */
const SKIPPED = '\\u200B-\\u200F\\u2060-\\u2064\\uFEFF\\u00AD\\u202A-\\u202E\\u2066-\\u2069\\u061C';

/**
 * Group 1: Arabic word — a letter, then letters/marks; ZWNJ/ZWJ allowed
 *   between letters (Persian compounds).
 * Group 2: Latin word — dotted abbreviation (U.S.) or letters/digits with
 *   inner hyphens, dots and apostrophes (F-15, C-17, e.g, l'armée).
 * Group 3: number — digits with inner , . ٫ ٬ separators (1,000.5 ٣٫٥).
 * Otherwise: any other single visible code point is punctuation.
 */
const TOKEN_PATTERN = new RegExp(
  `([${ARABIC_LETTER}][${ARABIC_LETTER}${ARABIC_MARK}]*(?:[\\u200C\\u200D]+[${ARABIC_LETTER}][${ARABIC_LETTER}${ARABIC_MARK}]*)*)` +
    `|((?:\\p{sc=Latin}\\.){2,}|\\p{sc=Latin}[\\p{sc=Latin}\\p{M}0-9]*(?:[-.'’][\\p{sc=Latin}0-9][\\p{sc=Latin}\\p{M}0-9]*)*)` +
    `|([${DIGIT}]+(?:[.,\\u066B\\u066C][${DIGIT}]+)*)` +
    `|([^\\s${SKIPPED}${ARABIC_MARK}\\p{M}])`,
  'gu',
);

/**
 * Split `text` into word, latin, number and punct tokens, in order.
 * Whitespace, invisible characters and stray combining marks produce no token.
 * Linear in the text length (one regex scan).
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = new RegExp(TOKEN_PATTERN); // own lastIndex: no shared state
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    const value = match[0];
    const start = match.index;
    const kind: TokenKind =
      match[1] !== undefined ? 'word' : match[2] !== undefined ? 'latin' : match[3] !== undefined ? 'number' : 'punct';
    tokens.push({text: value, start, end: start + value.length, norm: normalizeArabic(value), kind});
  }
  return tokens;
}

/** The matching forms of the Arabic, Latin and number tokens of `text` (punctuation dropped). */
export function wordForms(text: string): string[] {
  return tokenForms(tokenize(text));
}

/** `wordForms` of tokens already made by {@link tokenize}. */
export function tokenForms(tokens: readonly Token[]): string[] {
  const forms: string[] = [];
  for (const token of tokens) {
    if (token.kind !== 'punct' && token.norm.length > 0) forms.push(token.norm);
  }
  return forms;
}
