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

/** Joins the keys of a quote's groups for searching them at once; a key (letters, digits, spaces) never has it. */
const KEY_SEPARATOR = '\u0000'
/** Groups added to the joined keys at a time. */
const JOIN_EVERY = 32

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
  // was made), so most repeats are found without looking further. Otherwise the first group whose
  // key contains this one is looked for in one string of the keys of all groups but the latest few,
  // joined in the groups' order by a character no key has, then in those few one by one. The largest
  // entity of a 10,000-article dossier has over a thousand groups: testing every group in turn took
  // half a second of each build, and searching a string grown by one key at a time as long (each
  // search copies a string made of pieces into one).
  const byKey = new Map<string, QuoteGroup<A> & {key: string}>()
  let joined = ''
  let inJoined = 0
  const starts: number[] = []
  const containing = (key: string): (QuoteGroup<A> & {key: string}) | undefined => {
    const at = inJoined > 0 ? joined.indexOf(key) : -1
    if (at >= 0) {
      let low = 0
      let high = inJoined - 1
      while (low < high) {
        const middle = (low + high + 1) >> 1
        if ((starts[middle] ?? 0) <= at) low = middle
        else high = middle - 1
      }
      return groups[low]
    }
    for (let index = inJoined; index < groups.length; index++) if (groups[index]?.key.includes(key)) return groups[index]
    return undefined
  }
  for (const {quote, article} of sorted) {
    const key = quoteKey(quote.text)
    const group = byKey.get(key) ?? containing(key)
    if (group) {
      if (!group.sources.some((s) => s.article.id === article.id)) group.sources.push({article, anchor: quote.anchor})
    } else {
      const made = {key, text: quote.text, sources: [{article, anchor: quote.anchor}]}
      groups.push(made)
      byKey.set(key, made)
      if (groups.length - inJoined >= JOIN_EVERY) {
        for (const group of groups.slice(inJoined)) {
          starts.push(joined.length)
          joined += `${group.key}${KEY_SEPARATOR}`
        }
        inJoined = groups.length
      }
    }
  }
  return groups.map(({text, sources}) => ({text, sources}))
}
