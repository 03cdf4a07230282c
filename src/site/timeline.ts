/**
 * The dossier's timeline: every sentence that ties an event to a date the
 * text states, oldest first, grouped by year.
 */

interface TimelineArticle {
  id: string
  data: {title: string; timeline: Array<{date: string; precision: 'day' | 'month' | 'year'; text: string; anchor: string}>}
}

export interface TimelineItem<A extends TimelineArticle = TimelineArticle> {
  date: string
  precision: 'day' | 'month' | 'year'
  text: string
  anchor: string
  article: A
}

export interface TimelineYear<A extends TimelineArticle = TimelineArticle> {
  year: string
  items: TimelineItem<A>[]
}

/**
 * Build the timeline.
 *
 * Takes the listed articles; returns years in order, each with its items
 * oldest first (a date known only to the month or year comes before the days
 * within it), ties broken by article and paragraph for a stable order.
 */
export function timelineYears<A extends TimelineArticle>(articles: readonly A[]): TimelineYear<A>[] {
  const items = articles.flatMap((article) => article.data.timeline.map((item) => ({...item, article})))
  items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : a.anchor < b.anchor ? -1 : 1))
  const years = new Map<string, TimelineItem<A>[]>()
  for (const item of items) {
    const year = item.date.slice(0, 4)
    const list = years.get(year)
    if (list) list.push(item)
    else years.set(year, [item])
  }
  return [...years].map(([year, list]) => ({year, items: list}))
}
