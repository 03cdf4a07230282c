/**
 * Long lists on numbered pages: page 1 at a list's own path, page n ≥ 2 at
 * that path plus `n/` (e.g. `/entities/egypt/` and `/entities/egypt/2/`), so
 * the first page keeps its address and every item stays reachable by links.
 */

/** Articles an entity page lists per page: the newest on its own page, the rest on continuation pages. */
export const ENTITY_PAGE_SIZE = 50

/** How many pages `items` items take at `size` per page (at least one, for an empty list). */
export function pageCount(items: number, size: number): number {
  return Math.max(1, Math.ceil(items / size))
}

/** The items of page `page` (1-based). */
export function pageItems<T>(items: readonly T[], page: number, size: number): T[] {
  return items.slice((page - 1) * size, page * size)
}

/** The path of page `page` of the list whose first page is at `first` (ending in `/`). */
export function pagePath(first: string, page: number): string {
  return page === 1 ? first : `${first}${page}/`
}

/**
 * The page numbers a pager links: the first, the last and `around` either side
 * of the current page, with `null` where numbers are left out. Every page is
 * reachable from the first through the "next" links; the window keeps each
 * pager short however long the list.
 */
export function pagerNumbers(current: number, last: number, around = 2): Array<number | null> {
  const numbers: Array<number | null> = []
  for (let n = 1; n <= last; n++) {
    if (n === 1 || n === last || Math.abs(n - current) <= around) numbers.push(n)
    else if (numbers[numbers.length - 1] !== null) numbers.push(null)
  }
  return numbers
}
