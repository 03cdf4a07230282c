/**
 * Cache keys for Astro's incremental build: a page is re-rendered only when
 * the data it shows changes. The key is a hash of everything handed to the
 * page (its props), so any change to what the page shows changes the key.
 */
import {createHash} from 'node:crypto'

/** A short hash of a page's props. */
export function cacheKey(props: unknown): string {
  return createHash('sha256').update(JSON.stringify(props)).digest('hex').slice(0, 32)
}
