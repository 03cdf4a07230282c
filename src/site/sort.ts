/** Orderings of articles shared by every listing, so all pages agree. */

interface Dated {
  date: string | null
  title: string
}

/**
 * Newest first. Partial dates sort with their own period ("2025-09" after every
 * day of September 2025 is unknown, so it sorts just before the month's days).
 * Articles without a date come last; ties break on the slug for stable output.
 */
export function byNewest(a: Dated, b: Dated, aSlug: string, bSlug: string): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1
    if (b.date === null) return -1
    return a.date < b.date ? 1 : -1
  }
  return aSlug < bSlug ? -1 : aSlug > bSlug ? 1 : 0
}

/**
 * The `n` entries with the highest count (ties by id), in that order, without
 * sorting them all: an entity mentioned in thousands of articles shares them
 * with thousands of others, and every entity page needs only the first few.
 */
export function mostShared(counts: Iterable<[string, number]>, n: number): Array<[string, number]> {
  const before = (a: [string, number], b: [string, number]) => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0])
  const top: Array<[string, number]> = []
  for (const entry of counts) {
    if (top.length === n && !before(entry, top[n - 1] as [string, number])) continue
    let i = Math.min(top.length, n - 1)
    if (top.length < n) top.push(entry)
    else top[i] = entry
    for (; i > 0 && before(entry, top[i - 1] as [string, number]); i--) top[i] = top[i - 1] as [string, number]
    top[i] = entry
  }
  return top
}
