/**
 * The cache key of an entity page (src/site/cache-key.ts), without hashing
 * what its articles' digests already stand for.
 *
 * A mention's sentence, paragraph and count are the article's first mention
 * of the entity, and the quote groups are computed from the articles that
 * quote it (src/site/quotes.ts: every such article is among the sources, and
 * the grouping depends only on their quotes). So mentions count as their
 * articles, and quotes as each group's articles, in order; the entity is in
 * the page's path. Hashing the sentences and quotes themselves was most of
 * the page keys' cost (some 50 MB of text at 10,000 articles).
 */
import {cacheKey} from './cache-key.ts'

interface EntityPageProps<A> {
  mentions: ReadonlyArray<{article: A}>
  first?: {quotes: ReadonlyArray<{sources: ReadonlyArray<{article: A}>}>} | undefined
}

/** The key of an entity page's props. */
export function entityPageKey<A, P extends EntityPageProps<A>>(props: P): string {
  const {mentions, first, ...rest} = props
  return cacheKey({
    ...rest,
    mentions: mentions.map((m) => m.article),
    first: first && {...first, quotes: first.quotes.map((group) => group.sources.map((s) => s.article))}
  })
}
