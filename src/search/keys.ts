/**
 * Search keys: the one analysis that both sides of search share.
 *
 * The index side files every word of an article under its keys
 * (`indexKeys`); the query side turns every query word into ONE key
 * (`queryKey`). Both derive from `wordKeys`, so a query word and a page word
 * of the same lexeme meet on the same key whatever clitics, inflection or
 * spelling each carries: والدوحة، بالدوحة، الدوحة، دوحة → دوح;
 * ترمب، ترامب → ترامب; أميركي، الأمريكية → امريك; اتفاقية، الاتفاقيات → اتفاق.
 *
 * A word key is a normalised word (`normalizeArabic`) with proclitics and the
 * article removed as `candidateStems` allows, then spelling variants folded
 * (`foldVariants`). The split is repeated on what remains (اللوبي → لوبي →
 * وبي): an ambiguous word keeps every reading, so the deepest key of a query
 * word is always among the keys of a page word that has that stem, with or
 * without more proclitics in front of it. Search keys are the light stems of
 * word keys (`stemKey`): inflection suffixes removed, as Elasticsearch's
 * Arabic analyser does.
 */
// The Arabic module's files are imported one by one (not index.ts): this code
// also runs in the browser, and index.ts re-exports Node-only helpers.
import {candidateStems, stripArticle} from '../arabic/clitics.ts'
import {foldVariants} from '../arabic/forms.ts'
import {lightStem} from '../arabic/stem.ts'

/** Proclitics are at most conj + prep + article: deeper splitting finds nothing new. */
const MAX_SPLIT_DEPTH = 4

/**
 * Every key of one NORMALISED word (output of `normalizeArabic`, no spaces):
 * the candidate stems of its variant-folded form, split again while they
 * split, article removed where it is the article, spelling variants folded.
 * Deduplicated, the least split first; never empty for a non-empty word.
 * wordKeys('والدوحه') → ['والدوحه', 'دوحه']; wordKeys('لوبي') → ['لوبي', 'وبي'].
 */
export function wordKeys(norm: string): string[] {
  const keys: string[] = []
  // Fold first: a variant may hide a known word (بلنكن → بلينكن, which keeps its ب).
  let frontier = [foldVariants(norm)]
  for (let depth = 0; depth < MAX_SPLIT_DEPTH && frontier.length > 0; depth++) {
    const next: string[] = []
    for (const form of frontier) {
      for (const stem of candidateStems(form)) {
        const key = foldVariants(stripArticle(stem))
        if (key.length === 0 || keys.includes(key)) continue
        keys.push(key)
        // A form splits again only if it differs from what produced it.
        if (key !== form) next.push(key)
      }
    }
    frontier = next
  }
  return keys
}

/** A stem shorter than this is too ambiguous to search by (غزه must not become غز). */
const MIN_STEM = 3

/**
 * The key without its inflection suffixes: the light10 stem (`lightStem`)
 * when stemming removed only suffixes and left at least 3 letters, else the
 * key unchanged. Keys carry no proclitics any more, so a prefix that
 * `lightStem` would still remove belongs to the word (وزاره must not become
 * زار, "visited"). stemKey('اتفاقيات') === stemKey('اتفاقيه') === 'اتفاق'.
 */
export function stemKey(key: string): string {
  const stem = lightStem(key)
  return stem.length >= MIN_STEM && key.startsWith(stem) ? stem : key
}

/**
 * The one key a query word is searched by: the stem (`stemKey`) of the
 * deepest (shortest) of its `wordKeys`, so it is found in pages that write
 * the word with any proclitic, the article, another inflection or a folded
 * spelling variant. queryKey('والدوحه') === 'دوح'; queryKey('ترمب') === 'ترامب'.
 */
export function queryKey(norm: string): string {
  const keys = wordKeys(norm)
  let deepest = keys[0] ?? norm
  for (const key of keys) if (key.length < deepest.length) deepest = key
  return stemKey(deepest)
}

/**
 * The keys a page word is filed under for search: the stems of all its
 * `wordKeys`. Whatever form of the same word a query has, its `queryKey` is
 * among them. indexKeys('لوبي') → ['لوبي', 'وبي'].
 */
export function indexKeys(norm: string): string[] {
  const keys: string[] = []
  for (const key of wordKeys(norm)) {
    const stem = stemKey(key)
    if (!keys.includes(stem)) keys.push(stem)
  }
  return keys
}

/**
 * How Pagefind itself files a written word before stemming (its indexer and
 * its query parser agree on this): lower case, combining marks removed after
 * canonical decomposition (so أ إ آ → ا and harakat vanish), and only letters
 * and digits kept. Two words with the same form need one index entry.
 */
export function pagefindForm(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/[^\p{L}\p{N}]/gu, '')
}
