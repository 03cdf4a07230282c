/**
 * Script detection for choosing `lang`/`dir` and for bidi isolation of Latin
 * runs inside Arabic text.
 */

/** Result of `detectLang`. */
export interface LangGuess {
  lang: 'ar' | 'en' | 'fr' | 'und';
  dir: 'rtl' | 'ltr';
}

const ARABIC_LETTER = /[\u0620-\u063F\u0641-\u064A\u066E\u066F\u0671-\u06D3\u06D5\u06FA-\u06FC\u06FF\u0750-\u077F\u08A0-\u08C9\uFB50-\uFDFD\uFE70-\uFEFC]/gu;
const LATIN_LETTER = /\p{sc=Latin}/gu;
const LATIN_WORD = /\p{sc=Latin}+(?:['’]\p{sc=Latin}+)?/gu;

/** Frequent French function words (lower case, apostrophe forms cut at the apostrophe). */
const FRENCH_WORDS: ReadonlySet<string> = new Set(
  'le la les des du de et est une un pour dans que qui pas sur au aux avec ce cette il elle sont ont été par plus ne se en son sa ses leur nous vous mais où d l qu c s n'.split(' '),
);
/** Frequent English function words. */
const ENGLISH_WORDS: ReadonlySet<string> = new Set(
  'the and of to in is are was were for on with that this by from at as be has have it an not or which their its but had will would'.split(' '),
);

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * Guess the language and direction of `text` by script: more Arabic letters
 * than Latin letters → ar/rtl; more Latin letters → fr when French function
 * words outnumber English ones, else en (ltr); no letters at all → und/ltr.
 */
export function detectLang(text: string): LangGuess {
  const arabic = count(text, ARABIC_LETTER);
  const latin = count(text, LATIN_LETTER);
  if (arabic === 0 && latin === 0) return {lang: 'und', dir: 'ltr'};
  if (arabic >= latin) return {lang: 'ar', dir: 'rtl'};
  let french = 0;
  let english = 0;
  for (const word of text.toLowerCase().match(LATIN_WORD) ?? []) {
    const head = word.split(/['’]/u)[0] ?? word;
    if (FRENCH_WORDS.has(head)) french++;
    if (ENGLISH_WORDS.has(word)) english++;
  }
  return {lang: french > english ? 'fr' : 'en', dir: 'ltr'};
}

/**
 * A Latin "word" for bidi purposes: Latin letters and digits with inner
 * . - ' ’ & + / (F-15, C-17, U.S, AT&T), starting with a letter or digit.
 */
const LATIN_CHUNK = /[\p{sc=Latin}0-9](?:[\p{sc=Latin}\p{M}0-9]|[.\-'’&+/](?=[\p{sc=Latin}0-9]))*/gu;
const HAS_LATIN_LETTER = /\p{sc=Latin}/u;
/** What may separate two words of one run: horizontal spaces only. */
const RUN_GAP = /^[ \t\u00A0\u202F]+$/u;

/**
 * Spans (UTF-16 offsets, end exclusive) of Latin-script runs inside `text`,
 * for wrapping in a bidi isolate: "CENTCOM", "F-15 QA", "C-17", "RT Arabic".
 * Words separated only by spaces join one run; digit-only words are kept
 * inside a run (Boeing 777 jets) but never start or end one, so numbers
 * alone ("2025", "9") are not runs and keep their place in the Arabic flow.
 */
export function latinRuns(text: string): Array<{start: number; end: number}> {
  const runs: Array<{start: number; end: number}> = [];
  // Words of the run being built: [start, end, hasLetter]
  let current: Array<{start: number; end: number; letter: boolean}> = [];

  const flush = (): void => {
    let first = 0;
    let last = current.length - 1;
    while (first <= last && !current[first]?.letter) first++;
    while (last >= first && !current[last]?.letter) last--;
    const head = current[first];
    const tail = current[last];
    if (first <= last && head && tail) runs.push({start: head.start, end: tail.end});
    current = [];
  };

  for (const match of text.matchAll(LATIN_CHUNK)) {
    const start = match.index;
    const end = start + match[0].length;
    const previous = current.at(-1);
    if (previous && !RUN_GAP.test(text.slice(previous.end, start))) flush();
    current.push({start, end, letter: HAS_LATIN_LETTER.test(match[0])});
  }
  flush();
  return runs;
}
