/**
 * Query side of search: what the reader typed, rewritten before Pagefind sees
 * it. Pure; shared by the search page, the article-page highlighter and the
 * Node tests.
 *
 * Every word becomes its query key (keys.ts): normalised (diacritics, tatweel,
 * hamza/alef forms, ta marbuta, Persian letters, Arabic-Indic digits), its
 * proclitics and article removed, its spelling variant folded:
 * «والدوحة» → دوحه, «بغزة» → غزه, «ترمب» → ترامب, «اتفاقیة» → اتفاقيه.
 * Text in quotes ("…", «…», “…”) stays a phrase: its words must stand next to
 * each other in the article (checked by match.ts, since Pagefind's own phrase
 * search cannot see the keys).
 */
import {normalizeArabic} from '../arabic/normalize.ts'
import {tokenize} from '../arabic/tokenize.ts'
import {pagefindForm, queryKey} from './keys.ts'

/** One query word: as typed, and the key it is searched by. */
export interface QueryTerm {
  written: string
  key: string
}

/** A query ready to run. */
export interface ParsedQuery {
  /** What the reader typed. */
  raw: string
  /** Every word, phrase words included, in the order typed. */
  terms: QueryTerm[]
  /** Each quoted phrase of two or more words. */
  phrases: QueryTerm[][]
  /** The distinct keys, in order: what Pagefind is asked for (all must match). */
  keys: string[]
  /** True when the query has at least `minLength` letters or digits: shorter queries are not run. */
  searchable: boolean
}

/** Options of `parseQuery`. */
export interface ParseOptions {
  /** Fewest letters/digits (after normalisation) worth a search; default 2. */
  minLength?: number
}

/** Quote pairs that mark a phrase. */
const PHRASE = /"([^"]*)"|«([^»]*)»|“([^”]*)”/gu

/** The key of one token: a query key for Arabic words, Pagefind's own form for numbers and Latin. */
function termOf(kind: string, text: string, norm: string): QueryTerm | null {
  const key = kind === 'word' ? queryKey(norm) : pagefindForm(norm)
  return key.length > 0 ? {written: text, key} : null
}

/** The terms of a stretch of query text, punctuation dropped. */
function termsOf(text: string): QueryTerm[] {
  const terms: QueryTerm[] = []
  for (const token of tokenize(text)) {
    if (token.kind === 'punct') continue
    const term = termOf(token.kind, token.text, token.norm)
    if (term) terms.push(term)
  }
  return terms
}

/**
 * Parse and rewrite a query (see module doc). An unclosed quote counts as
 * plain text, so a phrase being typed still searches its words.
 */
export function parseQuery(raw: string, options: ParseOptions = {}): ParsedQuery {
  const minLength = options.minLength ?? 2
  const terms: QueryTerm[] = []
  const phrases: QueryTerm[][] = []
  let last = 0
  for (const match of raw.matchAll(PHRASE)) {
    terms.push(...termsOf(raw.slice(last, match.index)))
    const phrase = termsOf(match[1] ?? match[2] ?? match[3] ?? '')
    terms.push(...phrase)
    if (phrase.length > 1) phrases.push(phrase)
    last = match.index + match[0].length
  }
  terms.push(...termsOf(raw.slice(last)))

  const keys: string[] = []
  for (const term of terms) if (!keys.includes(term.key)) keys.push(term.key)
  const letters = normalizeArabic(raw).replace(/[^\p{L}\p{N}]/gu, '').length
  return {raw, terms, phrases, keys, searchable: keys.length > 0 && letters >= minLength}
}
