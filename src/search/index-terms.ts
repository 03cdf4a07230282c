/**
 * Index side of search: what an article page adds, hidden from readers, so
 * that Pagefind finds it by any clitic form, spelling variant or entity alias.
 *
 * Pagefind indexes the page's words as written (lower-cased, combining marks
 * removed, then stemmed). A reader's query is rewritten to keys (query.ts);
 * this module lists the keys of the page's words that Pagefind would not find
 * on the page as written (بالدوحة → دوحه, ترمب → ترامب, اتفاقیة → اتفاقيه,
 * ٢٠٢٤ → 2024), and the keys of every alias of the entities the article
 * mentions. Forms already on the page are left out, so the block stays small.
 */
import {tokenize} from '../arabic/tokenize.ts'
import {memoizeWord} from '../arabic/memo.ts'
import {indexKeys, pagefindForm, queryKey} from './keys.ts'

/** What `indexTerms` reads. */
export interface IndexTermsInput {
  /**
   * The article's text as the page shows it: title, subtitle, body. Markup
   * in it is harmless (only Arabic words and numbers yield forms).
   */
  text: string
  /** Every alias of every entity the article mentions (default none). */
  aliases?: readonly string[]
}

/** What an article page adds to the index. */
export interface IndexTerms {
  /** Keys of the page's words that the page does not contain as written, in order of first occurrence. */
  forms: string[]
  /**
   * Each alias as the sequence of its words' query keys ('دونالد ترامب'),
   * deduplicated. Indexed as they are (a query key is what a query sends) and
   * kept as phrases, so a quoted query can be checked against them.
   */
  aliases: string[]
}

/**
 * The alternate forms and alias keys of one article (see module doc).
 * Pure and deterministic: the same input gives the same output, in order.
 */
export function indexTerms(input: IndexTermsInput): IndexTerms {
  const tokens = tokenize(input.text)
  // What Pagefind already files for this page: every written token.
  const present = new Set<string>()
  for (const token of tokens) present.add(filedForm(token.text))

  const forms: string[] = []
  const seen = new Set<string>()
  const add = (form: string): void => {
    if (form.length < 2 && !/^\d$/u.test(form)) return
    const filed = filedForm(form)
    if (present.has(filed) || seen.has(filed)) return
    seen.add(filed)
    forms.push(form)
  }
  const addWordKeys = (norm: string): void => {
    for (const key of wordIndexKeys(norm)) add(key)
  }

  for (const token of tokens) {
    if (token.kind === 'word') addWordKeys(token.norm)
    else if (token.kind === 'number') add(token.norm)
  }

  const aliases: string[] = []
  for (const alias of input.aliases ?? []) {
    const phrase = aliasPhrase(alias)
    if (phrase.length > 0 && !aliases.includes(phrase)) aliases.push(phrase)
  }
  return {forms, aliases}
}

/** An alias as the query keys of its words, joined by spaces. */
function aliasKeys(alias: string): string {
  const keys: string[] = []
  for (const token of tokenize(alias)) {
    if (token.kind === 'punct' || token.norm.length === 0) continue
    keys.push(token.kind === 'word' ? queryKey(token.norm) : token.norm)
  }
  return keys.join(' ')
}

/**
 * Keys and filed forms per distinct word, shared by every article a build
 * renders: news text repeats its words within and across articles, and the
 * analysis is the costly part (at 2,000 articles, a seventh of the cold Astro
 * build went into analysing the same words again page after page). Both are
 * pure, so sharing changes nothing; the memo is emptied when it grows large.
 */
const wordIndexKeys = memoizeWord(indexKeys, 500_000)
const filedForm = memoizeWord(pagefindForm, 500_000)
// An entity's aliases are on the page of every article that mentions it: each is analysed once a build.
const aliasPhrase = memoizeWord(aliasKeys, 100_000)
