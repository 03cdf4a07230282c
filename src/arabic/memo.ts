/**
 * A bounded cache for pure word-level functions: news text repeats the same
 * few thousand words, and the clitic and spelling analyses of a word are the
 * same every time. The cache is invisible to callers (same input, same
 * output) and is emptied when it grows past `limit` entries, so memory stays
 * bounded on any corpus.
 */
export function memoizeWord<T>(fn: (word: string) => T, limit = 100_000): (word: string) => T {
  const cache = new Map<string, T>()
  return (word: string): T => {
    const hit = cache.get(word)
    if (hit !== undefined) return hit
    const value = fn(word)
    if (cache.size >= limit) cache.clear()
    cache.set(word, value)
    return value
  }
}
