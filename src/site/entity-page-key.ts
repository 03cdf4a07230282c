/**
 * The cache key of an entity page (src/site/cache-key.ts), without hashing
 * what its articles' digests already stand for.
 *
 * A mention's sentence, paragraph and count are the article's first mention
 * of the entity, and the quote groups are computed from the articles that
 * quote it alone (src/site/quotes.ts: the grouping reads nothing but their
 * quotes). So mentions count as their articles, and the quotes as the
 * articles quoting it, in order; the entity is in the page's path. The
 * groups themselves are not read: they are made only for a page rendered
 * (src/site/data.ts), and hashing the sentences and quotes was most of the
 * page keys' cost (some 50 MB of text at 10,000 articles).
 */
import {cacheKey} from './cache-key.ts'

interface EntityPageProps<A> {
  mentions: ReadonlyArray<{article: A}>
  first?: {quotedIn: readonly A[]; readonly quotes: unknown} | undefined
}

/** The key of an entity page's props. */
export function entityPageKey<A, P extends EntityPageProps<A>>(props: P): string {
  const {mentions, first, ...rest} = props
  return cacheKey({...rest, mentions: mentions.map((m) => m.article), first: first && withoutQuotes(first)})
}

/** Every property of `first` but `quotes`, which is not read (a getter that groups them). */
function withoutQuotes(first: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(first).flatMap((name) => (name === 'quotes' ? [] : [[name, (first as Record<string, unknown>)[name]]])))
}
