/**
 * Light stemming after Larkey, Ballesteros & Connell, "Light stemming for
 * Arabic information retrieval" (light10), in the form Lucene's ArabicStemmer
 * uses.  Written from the algorithm description, for NORMALISED words.
 *
 * - At most one prefix is removed, the first that matches in the order
 *   ال، وال، بال، كال، فال، لل، و; a two- or three-letter prefix needs at
 *   least 2 letters left, و needs a word of at least 4 letters.
 * - Then each suffix of ها، ان، ات، ون، ين، يه، ية، ه، ة، ي is tried once, in
 *   that order, on what is left; a suffix is removed when at least 2 letters
 *   stay.  (ة and ية never occur after `normalizeArabic`, which writes ه; they
 *   are kept so un-normalised input behaves like the published algorithm.)
 *
 * Light stems conflate more than `splitClitics` (وزير → زير): use them for
 * recall-oriented search, not for entity identity.
 */

const PREFIXES = ['ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'و'] as const;
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ية', 'ه', 'ة', 'ي'] as const;

/** Letters that must remain after removing an affix. */
const MIN_REMAINING = 2;
/** A one-letter prefix (و) is removed only from words at least this long. */
const MIN_LENGTH_FOR_SINGLE_LETTER_PREFIX = 4;

/** Remove the first light10 prefix that leaves a long enough word. */
function stripPrefix(word: string): string {
  for (const prefix of PREFIXES) {
    if (!word.startsWith(prefix)) continue;
    if (prefix.length === 1 && word.length < MIN_LENGTH_FOR_SINGLE_LETTER_PREFIX) continue;
    if (word.length < prefix.length + MIN_REMAINING) continue;
    return word.slice(prefix.length);
  }
  return word;
}

/** Remove light10 suffixes, each at most once, in table order. */
function stripSuffixes(word: string): string {
  let stem = word;
  for (const suffix of SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length >= suffix.length + MIN_REMAINING) {
      stem = stem.slice(0, stem.length - suffix.length);
    }
  }
  return stem;
}

/**
 * Light10 stem of one NORMALISED word (see module doc):
 * lightStem('الدفاعي') === 'دفاع', lightStem('بالمنطقه') === 'منطق'.
 */
export function lightStem(norm: string): string {
  return stripSuffixes(stripPrefix(norm));
}
