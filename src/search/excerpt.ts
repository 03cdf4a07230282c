/**
 * Result excerpts: a window of the article's text around its best matches,
 * split into plain and marked pieces. Pieces are text, never HTML: the page
 * builds elements from them, so article text cannot inject markup.
 */
import type {Span} from './match.ts'

/** A piece of an excerpt; `marked` pieces are the query's matches. */
export interface ExcerptPiece {
  text: string
  marked: boolean
}

/** Options of `makeExcerpt`. */
export interface ExcerptOptions {
  /** Length of the window in characters; default 220. */
  length?: number
}

const ELLIPSIS = '…'

/**
 * The excerpt of `text` showing the most matches within `length` characters
 * (the earliest such window; the start of the text when nothing matched),
 * cut at spaces, with `…` where the text goes on. `spans` are the matches
 * (`findMatches`), sorted and non-overlapping.
 */
export function makeExcerpt(text: string, spans: readonly Span[], options: ExcerptOptions = {}): ExcerptPiece[] {
  const length = options.length ?? 220
  let bestStart = 0
  let bestCount = 0
  for (let first = 0; first < spans.length; first++) {
    const start = spans[first]?.start ?? 0
    let count = 0
    for (let next = first; next < spans.length && (spans[next]?.end ?? 0) <= start + length; next++) count++
    if (count > bestCount) {
      bestCount = count
      bestStart = start
    }
  }
  // Open the window a little before the first match, at a word boundary.
  let from = bestCount > 0 ? Math.max(0, bestStart - Math.floor(length / 5)) : 0
  if (from > 0) {
    const space = text.indexOf(' ', from)
    from = space >= 0 && space < bestStart ? space + 1 : from
  }
  let to = Math.min(text.length, from + length)
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to)
    if (space > from) to = space
  }

  const pieces: ExcerptPiece[] = []
  const push = (piece: string, marked: boolean): void => {
    if (piece.length > 0) pieces.push({text: piece, marked})
  }
  if (from > 0) push(ELLIPSIS, false)
  let cursor = from
  for (const span of spans) {
    if (span.end <= from || span.start >= to) continue
    const start = Math.max(span.start, from)
    const end = Math.min(span.end, to)
    push(text.slice(cursor, start), false)
    push(text.slice(start, end), true)
    cursor = end
  }
  push(text.slice(cursor, to), false)
  if (to < text.length) push(ELLIPSIS, false)
  return pieces
}
