/**
 * Proclitic splitting for NORMALISED Arabic words (output of `normalizeArabic`).
 *
 * A word may start with a conjunction (و، ف), then a preposition (ب، ك، ل),
 * then the article ال — written لل after ل (ل + ال with the alef dropped):
 * والدوحة، بالمنطقة، للدوحة، ولل…، فب…، وك….  The same letters also start
 * many ordinary words and names (وزير، فلسطين، بريطانيا، كندا، لبنان), so a
 * split is decided as follows:
 *
 * 1. Every grammatical analysis conj? + prep? + article? is listed, each with
 *    a length guard on what remains: after an article at least 2 letters
 *    (وال + يد), otherwise at least 3 letters, or exactly a known 2-letter
 *    function word (و + في، ب + ما).
 * 2. Analyses are tried from the shortest prefix (the whole word first); the
 *    first whose stem is a KNOWN word (lexicon.ts, also after removing common
 *    suffixes and the article) wins: وزير stays whole, ووزير → و + وزير,
 *    للبنان → ل + لبنان, بواشنطن → ب + واشنطن.
 * 3. If nothing is known, the longest guarded analysis wins: وقطر → و + قطر,
 *    لقاعدة → ل + قاعده, بالمنطقة → ب + المنطقه.
 *
 * The article is kept in the stem (بالمنطقة → المنطقه; للدوحة → الدوحه with
 * the alef restored, so `prefix + stem` differs from the word there);
 * `stripArticle` removes it separately.
 */
import {memoizeWord} from './memo.ts';
import {KNOWN_WORDS, NOT_ARTICLE} from './lexicon.ts';

/** Result of `splitClitics`: `prefix` is conj + prep ('' when nothing was split). */
export interface CliticSplit {
  prefix: string;
  stem: string;
}

interface Analysis extends CliticSplit {
  /** Length of the prefix as written in the word (لل counts 2). */
  surfaceLength: number;
}

const CONJUNCTIONS = ['', 'و', 'ف'] as const;
const PREPOSITIONS = ['', 'ب', 'ك', 'ل'] as const;
const ARTICLE = 'ال';

/** Minimum letters after the article (light10 uses the same: ال + 2). */
const MIN_AFTER_ARTICLE = 2;
/** Minimum letters of a bare stem after a conjunction/preposition. */
const MIN_BARE_STEM = 3;

/** Pronoun suffixes tried when looking a word up (outermost first). */
const PRONOUN_SUFFIXES = ['', 'هما', 'كما', 'هم', 'هن', 'ها', 'كم', 'كن', 'نا', 'ه', 'ك', 'ي'] as const;
/** Inflection suffixes tried after the pronoun ('ه' is ة after normalisation). */
const INFLECTION_SUFFIXES = ['', 'ات', 'ان', 'ين', 'ون', 'يه', 'ي', 'ه', 'ا'] as const;

/**
 * Whether `word` (or `word` without one pronoun and/or inflection suffix,
 * with construct-state ت → ه restored) is in `set`.  The base must keep at
 * least 2 letters.
 */
function inSetWithSuffixes(set: ReadonlySet<string>, word: string): boolean {
  if (set.has(word)) return true;
  for (const pronoun of PRONOUN_SUFFIXES) {
    if (!word.endsWith(pronoun)) continue;
    const withoutPronoun = word.slice(0, word.length - pronoun.length);
    for (const inflection of INFLECTION_SUFFIXES) {
      if (pronoun === '' && inflection === '') continue;
      if (!withoutPronoun.endsWith(inflection)) continue;
      const base = withoutPronoun.slice(0, withoutPronoun.length - inflection.length);
      if (base.length < 2) continue;
      if (set.has(base)) return true;
      // وزارتها → وزارت → وزاره (teh marbuta written ت before a suffix)
      if (pronoun !== '' && inflection === '' && base.endsWith('ت') && set.has(base.slice(0, -1) + 'ه')) return true;
    }
  }
  return false;
}

/**
 * Whether a normalised word without proclitics is a known word (lexicon.ts):
 * listed, listed after removing common suffixes, or known after removing the
 * article.
 */
export const isKnownWord = memoizeWord(function isKnownWord(norm: string): boolean {
  if (inSetWithSuffixes(KNOWN_WORDS, norm)) return true;
  if (norm.startsWith(ARTICLE)) {
    if (inSetWithSuffixes(NOT_ARTICLE, norm)) return true;
    const rest = norm.slice(ARTICLE.length);
    if (rest.length >= MIN_AFTER_ARTICLE && inSetWithSuffixes(KNOWN_WORDS, rest)) return true;
  }
  return false;
});

/**
 * Remove the definite article from a normalised word: الدوحه → دوحه.
 * Kept when fewer than 2 letters would remain (الي، الف) or when ال is part
 * of the word (الذي، التزام، المانيا — see lexicon.ts).
 */
export function stripArticle(norm: string): string {
  if (!norm.startsWith(ARTICLE)) return norm;
  if (norm.length - ARTICLE.length < MIN_AFTER_ARTICLE) return norm;
  if (inSetWithSuffixes(NOT_ARTICLE, norm)) return norm;
  return norm.slice(ARTICLE.length);
}

/** All guarded proclitic analyses of `norm`, shortest written prefix first. */
function analyses(norm: string): Analysis[] {
  const found: Analysis[] = [];
  for (const conjunction of CONJUNCTIONS) {
    for (const preposition of PREPOSITIONS) {
      const prefix = conjunction + preposition;
      if (prefix === '') continue; // the bare article is not a clitic split
      for (const withArticle of [false, true]) {
        const written = prefix + (withArticle ? (preposition === 'ل' ? 'ل' : ARTICLE) : '');
        if (!norm.startsWith(written)) continue;
        const rest = norm.slice(written.length);
        if (withArticle) {
          if (rest.length < MIN_AFTER_ARTICLE) continue;
        } else if (rest.length < MIN_BARE_STEM && !(rest.length === 2 && KNOWN_WORDS.has(rest))) {
          continue;
        }
        // ل + a word starting with ل is almost always ل + ال (للدوحة): take
        // the bare reading only for a known word (للبنان → ل + لبنان).
        if (!withArticle && preposition === 'ل' && rest.startsWith('ل') && !isKnownWord(rest)) continue;
        const stem = withArticle ? ARTICLE + rest : rest;
        if (found.some((analysis) => analysis.prefix === prefix && analysis.stem === stem)) continue;
        found.push({prefix, stem, surfaceLength: written.length});
      }
    }
  }
  return found.sort((a, b) => a.surfaceLength - b.surfaceLength || a.stem.length - b.stem.length);
}

/**
 * Split proclitics (و ف + ب ك ل, article forms) off a NORMALISED word.
 * Returns `{prefix: '', stem: norm}` when the word is known whole or no
 * guarded analysis exists.  See the module doc for the rule.
 */
export const splitClitics = memoizeWord(function splitClitics(norm: string): CliticSplit {
  if (isKnownWord(norm)) return {prefix: '', stem: norm};
  const options = analyses(norm);
  for (const option of options) {
    if (isKnownWord(option.stem)) return {prefix: option.prefix, stem: option.stem};
  }
  let best: Analysis | undefined;
  for (const option of options) {
    if (best === undefined || option.surfaceLength > best.surfaceLength) best = option;
  }
  return best === undefined ? {prefix: '', stem: norm} : {prefix: best.prefix, stem: best.stem};
});

/**
 * The plausible bases of a NORMALISED word, most plausible first: the word
 * itself, then the `splitClitics` stem, then the other guarded analyses;
 * each followed by its article-less form.  Deduplicated.  A word known whole
 * (وزير، فلسطين) yields only itself (and its article-less form); a word with
 * a known analysis (وبيان → بيان) stops after that analysis.
 * Matching code tries all of them.
 */
export const candidateStems = memoizeWord(function candidateStems(norm: string): string[] {
  const result: string[] = [];
  const add = (form: string): void => {
    if (form.length > 0 && !result.includes(form)) result.push(form);
    const bare = stripArticle(form);
    if (bare !== form && !result.includes(bare)) result.push(bare);
  };
  add(norm);
  if (isKnownWord(norm)) return Object.freeze(result) as string[];
  const chosen = splitClitics(norm);
  add(chosen.stem);
  // A known analysis (ووزير → وزير) makes the others implausible.
  if (chosen.prefix !== '' && isKnownWord(chosen.stem)) return Object.freeze(result) as string[];
  const options = analyses(norm).sort((a, b) => b.surfaceLength - a.surfaceLength);
  for (const option of options) add(option.stem);
  return result;
});
