/**
 * Article page: mark what the reader searched for. The search page links to
 * an article with `?q=<the query as typed>`; this script parses it with the
 * search's own rewriting (src/search/query.ts) and finds it with the search's
 * own matcher (src/search/match.ts: `normalizeForOffsets` + `toOriginalSpan`),
 * so «والدوحة» marks الدوحة and بالدوحة, «ترمب» marks ترامب, and diacritics or
 * tatweel on either side do not matter. Each match is wrapped in
 * <mark class="search-hit">, also when it spans several text nodes; the
 * first is scrolled into view.
 *
 * The article page loads this module only when the address has `?q=` (a
 * one-line loader in src/pages/articles/[slug].astro), so pages opened
 * otherwise ship no search code.
 */
import {findMatches, type Span} from '../search/match.ts'
import {parseQuery, type ParsedQuery} from '../search/query.ts'

/** Elements whose text is matched as one run (a phrase may cross inline elements inside them). */
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, figcaption, td, th, dd, dt'

/** Text nodes of `block`, in document order. */
function textNodes(block: Element): Text[] {
  const nodes: Text[] = []
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
  return nodes
}

/** Wrap `[start, end)` of a text node in a mark (the node keeps the text before it). */
function wrap(node: Text, start: number, end: number): void {
  const middle = node.splitText(start)
  middle.splitText(end - start)
  const mark = document.createElement('mark')
  mark.className = 'search-hit'
  middle.replaceWith(mark)
  mark.append(middle)
}

/** Mark the matches of `query` in one block; returns how many there were. */
function markBlock(block: Element, query: ParsedQuery, cache: Map<string, readonly string[]>): number {
  const nodes = textNodes(block)
  const starts: number[] = []
  let text = ''
  for (const node of nodes) {
    starts.push(text.length)
    text += node.data
  }
  const spans: Span[] = findMatches(text, query, {cache})
  nodes.forEach((node, index) => {
    const from = starts[index] ?? 0
    const to = from + node.data.length
    // Right to left, so the offsets of the earlier pieces stay valid.
    for (const span of spans.filter((s) => s.start < to && s.end > from).reverse()) {
      wrap(node, Math.max(span.start, from) - from, Math.min(span.end, to) - from)
    }
  })
  return spans.length
}

/**
 * Mark the query of the address (`?q=`) in the article (default: the page's
 * <article>, blocks outside `[data-pagefind-ignore]`); returns the number of
 * matches marked.
 */
export function highlightFromUrl(root: Element | null = document.querySelector('article')): number {
  const raw = new URLSearchParams(window.location.search).get('q')
  if (!root || !raw) return 0
  const query = parseQuery(raw)
  if (!query.searchable) return 0
  const cache = new Map<string, readonly string[]>()
  let count = 0
  for (const block of root.querySelectorAll(BLOCKS)) {
    // Innermost blocks only, and not the page furniture Pagefind ignores.
    if (block.querySelector(BLOCKS) || block.closest('[data-pagefind-ignore]')) continue
    count += markBlock(block, query, cache)
  }
  root.querySelector('mark.search-hit')?.scrollIntoView({block: 'center'})
  return count
}
