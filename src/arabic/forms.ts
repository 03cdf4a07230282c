/**
 * Comparison keys and search alternates built on normalisation, tokenising
 * and clitic splitting.
 *
 * Spelling variants (`foldVariants`): transliterated foreign names vary in
 * Arabic news (أمريكي/أميركي، ترامب/ترمب).  Removing long vowels inside
 * foreign names would fold them but also merges unrelated words, so instead:
 * - one rule: the letter sequence اميرك → امريك (أميركا، الأميركية، وأميركي);
 *   the ير/ري swap is not applied anywhere else (كبير، تقرير must stay);
 * - a small table of whole-word variant pairs, each folded to the more common
 *   spelling, also after a proclitic/article (وترمب → وترامب).
 */
import {memoizeWord} from './memo.ts';
import {candidateStems, isKnownWord, splitClitics, stripArticle} from './clitics.ts';
import {normalizeArabic} from './normalize.ts';
import {tokenize} from './tokenize.ts';

/** Rule: أميركا/أميركي (Levantine, Gulf press) → أمريكا/أمريكي (matching form). */
const AMERICA_VARIANT = /اميرك/gu;

/**
 * Whole-word variants (matching form) → the spelling they are folded to.
 * Only pairs seen as the same name in news; add pairs here, not rules.
 */
const VARIANT_TABLE: ReadonlyMap<string, string> = new Map([
  ['ترمب', 'ترامب'],
  ['بلنكن', 'بلينكن'],
  ['بوتن', 'بوتين'],
  ['نتانياهو', 'نتنياهو'],
  ['انكلترا', 'انجلترا'],
  ['اوربا', 'اوروبا'],
  ['جوجل', 'غوغل'],
  ['بنتاجون', 'بنتاغون'],
  ['واشنطون', 'واشنطن'],
  ['رويتر', 'رويترز'],
  ['استانبول', 'اسطنبول'],
  ['جوتيريش', 'غوتيريش'],
  ['غوتيريس', 'غوتيريش'],
  ['جوتيريس', 'غوتيريش'],
]);

/** Written proclitic/article prefixes tried before a table lookup, longest first. */
const WRITTEN_PREFIXES = ['وبال', 'وكال', 'ولل', 'فلل', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال', 'و', 'ف', 'ب', 'ك', 'ل', ''] as const;

/** Fold one normalised word (no spaces) by the rule and the table. */
const foldWord = memoizeWord(function foldWord(word: string): string {
  const folded = word.replace(AMERICA_VARIANT, 'امريك');
  for (const prefix of WRITTEN_PREFIXES) {
    if (!folded.startsWith(prefix)) continue;
    const target = VARIANT_TABLE.get(folded.slice(prefix.length));
    if (target !== undefined) return prefix + target;
  }
  return folded;
});

/**
 * Fold known spelling variants in NORMALISED text (one or more words
 * separated by single spaces, as `normalizeArabic` returns):
 * foldVariants('الاميركيه') === 'الامريكيه', foldVariants('ترمب') === 'ترامب'.
 */
export function foldVariants(norm: string): string {
  return norm.includes(' ') ? norm.split(' ').map(foldWord).join(' ') : foldWord(norm);
}

/**
 * The bare form of one normalised word for keys: proclitics are removed only
 * where safe — when the stem is a known word or the proclitic is followed by
 * the article (وال، بال، لل); an unknown word starting with و ف ب ك ل is kept
 * as is (بلينكن must not lose its ب).  The article is then removed (except
 * where it belongs to the word: الذي، المانيا).
 */
function bareWord(norm: string): string {
  const split = splitClitics(norm);
  const safe = split.prefix !== '' && (isKnownWord(split.stem) || split.stem.startsWith('ال'));
  return stripArticle(safe ? split.stem : norm);
}

/**
 * Canonical key for comparing a NAME or PHRASE: normalised, each word
 * without clitics/article where safe, spelling variants folded, punctuation
 * dropped, words joined by single spaces.
 * matchKey('الولايات المتحدة الأمريكية') === matchKey('والولايات المتحدة الاميركية')
 * === 'ولايات متحده امريكيه'.
 */
export function matchKey(text: string): string {
  const words: string[] = [];
  for (const token of tokenize(text)) {
    if (token.kind === 'punct' || token.norm.length === 0) continue;
    words.push(token.kind === 'word' ? foldWord(bareWord(token.norm)) : token.norm);
  }
  return words.join(' ');
}

/**
 * Alternate forms of an article's words to index for search, so a query for
 * الدوحة، دوحة or الأمريكية finds بالدوحة or الأميركية: for every Arabic word,
 * its matching form, its `candidateStems` and their variant-folded forms;
 * for numbers in Arabic-Indic/Persian digits, the ASCII form.  Forms equal to
 * the word as written (already indexed) and single-letter words are left out.
 * Deduplicated, in order of first occurrence (deterministic).
 */
export function searchAlternates(text: string): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  const add = (form: string, written: string, minimumLength = 2): void => {
    if (form.length < minimumLength || form === written || seen.has(form)) return;
    seen.add(form);
    result.push(form);
  };
  // Per-call cache: news text repeats words, and candidateStems is the costly part.
  const stemsByNorm = new Map<string, string[]>();
  for (const token of tokenize(text)) {
    if (token.kind === 'number') {
      add(token.norm, token.text, 1);
    } else if (token.kind === 'word') {
      let forms = stemsByNorm.get(token.norm);
      if (forms === undefined) {
        forms = candidateStems(token.norm).flatMap((form) => [form, foldWord(form)]);
        stemsByNorm.set(token.norm, forms);
      }
      for (const form of forms) add(form, token.text);
    }
  }
  return result;
}

/** `normalizeArabic` then `foldVariants`: the matching form with spelling variants folded. */
export function normalizeAndFold(text: string): string {
  return foldVariants(normalizeArabic(text));
}
