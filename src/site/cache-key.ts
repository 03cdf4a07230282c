/**
 * Cache keys for Astro's incremental build: a page is re-rendered only when
 * the data it shows changes. The key is a hash of everything handed to the
 * page (its props), so any change to what the page shows changes the key.
 */
import {createHash} from 'node:crypto'

/** A short hash of a page's props. */
export function cacheKey(props: unknown): string {
  return createHash('sha256').update(JSON.stringify(props, entryByDigest)).digest('hex').slice(0, 32)
}

/**
 * A collection entry stands in the key as its id and digest, not as its data
 * and rendered HTML: the digest is a hash of the entry's file, so it changes
 * whenever anything the entry holds does. Hashing whole entries instead made
 * the keys of an entity page mentioned in many articles cost as much as
 * rendering it (about half of the Astro build at 1,000 articles).
 */
function entryByDigest(_key: string, value: unknown): unknown {
  if (isEntry(value)) return `${value.collection}/${value.id}@${value.digest}`
  return value
}

function isEntry(value: unknown): value is {collection: string; id: string; digest: string} {
  if (typeof value !== 'object' || value === null) return false
  const entry = value as Record<string, unknown>
  return typeof entry['collection'] === 'string' && typeof entry['id'] === 'string' && typeof entry['digest'] === 'string' && 'data' in entry
}
