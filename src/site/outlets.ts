/**
 * Outlet pages: one per publishing outlet and per cited agency or outlet, with
 * the articles it published and the articles that cite it.
 */
import {slugFromName} from '../arabic/index.ts'

interface OutletArticle {
  id: string
  data: {outlet: string | null; cites: string[]}
}

/** One outlet or source and its articles. */
export interface OutletPage<A extends OutletArticle = OutletArticle> {
  name: string
  slug: string
  published: A[]
  citedBy: A[]
}

/**
 * Build the outlet pages.
 *
 * Takes the listed articles (in display order); returns one page per name,
 * sorted by the number of articles, then by name.
 */
export function outletPages<A extends OutletArticle>(articles: readonly A[]): OutletPage<A>[] {
  const pages = new Map<string, OutletPage<A>>()
  const page = (name: string) => {
    let found = pages.get(name)
    if (!found) {
      found = {name, slug: slugFromName(name), published: [], citedBy: []}
      pages.set(name, found)
    }
    return found
  }
  for (const article of articles) {
    if (article.data.outlet) page(article.data.outlet).published.push(article)
    for (const name of article.data.cites) page(name).citedBy.push(article)
  }
  return [...pages.values()].sort(
    (a, b) => b.published.length + b.citedBy.length - (a.published.length + a.citedBy.length) || (a.name < b.name ? -1 : 1)
  )
}
