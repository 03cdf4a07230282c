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
