/**
 * Long lists on numbered pages: page 1 at a list's own path, page n ≥ 2 at
 * that path plus `n/` (e.g. `/entities/egypt/` and `/entities/egypt/2/`), or
 * under another folder where `n` could be taken (the list of all articles:
 * `/articles/page/2/`, as `/articles/2/` is the page of an article named 2),
 * so the first page keeps its address and every item stays reachable by links.
 */

/** Articles an entity page lists per page: the newest on its own page, the rest on continuation pages. */
export const ENTITY_PAGE_SIZE = 50

/** Dated sentences a timeline page lists: a year's oldest on its own page, the rest on continuation pages. */
export const TIMELINE_PAGE_SIZE = 50

/** Articles a page of the list of all articles shows, newest first. */
export const ARTICLE_LIST_PAGE_SIZE = 100

/** How many pages `items` items take at `size` per page (at least one, for an empty list). */
export function pageCount(items: number, size: number): number {
  return Math.max(1, Math.ceil(items / size))
}

/** The items of page `page` (1-based). */
export function pageItems<T>(items: readonly T[], page: number, size: number): T[] {
  return items.slice((page - 1) * size, page * size)
}

/**
 * The path of page `page` of the list whose first page is at `first`, and
 * whose pages from 2 on are numbered under `continued` (both ending in `/`).
 */
export function pagePath(first: string, page: number, continued = first): string {
  return page === 1 ? first : `${continued}${page}/`
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
