/**
 * Quotes as an entity page shows them: a quote that several articles carry
 * (whole, or cut into parts, as agencies do) is shown once, in its fullest
 * form, with every article that carries it.
 */
import {normalizeArabic} from '../arabic/index.ts'

/** A quote of an article, as the frontmatter has it. */
interface ArticleQuote {
  text: string
  anchor: string
}

/** One quote and the articles (and paragraphs) that carry it. */
export interface QuoteGroup<A = {id: string}> {
  text: string
  sources: Array<{article: A; anchor: string}>
}

/** The comparison form of a quote: normalised letters only, punctuation and spacing ignored. */
function quoteKey(text: string): string {
  return normalizeArabic(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

/**
 * Group quotes.
 *
 * Takes quotes with their articles; returns groups, longest quote first, where
 * a quote whose text is contained in a longer one joins that one's group.
 */
export function groupQuotes<A extends {id: string}>(quotes: ReadonlyArray<{quote: ArticleQuote; article: A}>): QuoteGroup<A>[] {
  const sorted = [...quotes].sort((a, b) => b.quote.text.length - a.quote.text.length || (a.article.id < b.article.id ? -1 : 1))
  const groups: Array<QuoteGroup<A> & {key: string}> = []
  // A group whose key is this very key is the first that contains it (no group before it did when it
  // was made), so most repeats are found without scanning every group's key: the largest entity of a
  // 10,000-article dossier has over a thousand groups.
  const byKey = new Map<string, QuoteGroup<A> & {key: string}>()
  for (const {quote, article} of sorted) {
    const key = quoteKey(quote.text)
    const group = byKey.get(key) ?? groups.find((g) => g.key.includes(key))
    if (group) {
      if (!group.sources.some((s) => s.article.id === article.id)) group.sources.push({article, anchor: quote.anchor})
    } else {
      const made = {key, text: quote.text, sources: [{article, anchor: quote.anchor}]}
      groups.push(made)
      byKey.set(key, made)
    }
  }
  return groups.map(({text, sources}) => ({text, sources}))
}
