/**
 * Exact-span scoring of entity tags, as conlleval does it.
 *
 * A span (chunk) starts at a `B-` tag or at an `I-` tag whose type differs
 * from the tag before it (or that follows `O`), and runs over the following
 * `I-` tags of the same type. A predicted span counts only when its start,
 * end and type all equal a gold span.
 */

/** One entity span over token positions: `start` inclusive, `end` exclusive. */
export interface TokenSpan {
  start: number
  end: number
  type: string
}

/** Counts and rates for one entity type or overall. Rates are percentages (0–100), as conlleval prints them. */
export interface SpanScore {
  truePositives: number
  falsePositives: number
  falseNegatives: number
  precision: number
  recall: number
  f1: number
}

/** Scores per type (every type seen in gold or prediction) and overall. */
export interface Scores {
  overall: SpanScore
  byType: Record<string, SpanScore>
}

/**
 * Find the spans in one sentence's tags.
 *
 * Takes tags such as `B-PER`, `I-LOC`, `O` (IOB1 or IOB2); returns spans in
 * order. Anything that is not `B-X`/`I-X` counts as outside.
 */
export function findSpans(tags: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = []
  let current: TokenSpan | null = null
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] ?? 'O'
    const prefix = tag.slice(0, 2)
    const type = tag.slice(2)
    const inside = prefix === 'I-' && type !== ''
    const begins = prefix === 'B-' && type !== ''
    if (inside && current !== null && current.type === type) {
      current.end = i + 1
      continue
    }
    if (current !== null) spans.push(current)
    current = inside || begins ? {start: i, end: i + 1, type} : null
  }
  if (current !== null) spans.push(current)
  return spans
}

function rates(truePositives: number, falsePositives: number, falseNegatives: number): SpanScore {
  const predicted = truePositives + falsePositives
  const gold = truePositives + falseNegatives
  const precision = predicted === 0 ? 0 : (100 * truePositives) / predicted
  const recall = gold === 0 ? 0 : (100 * truePositives) / gold
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return {truePositives, falsePositives, falseNegatives, precision, recall, f1}
}

/**
 * Score predicted tags against gold tags, sentence by sentence.
 *
 * Takes parallel arrays of sentences (each a tag array of the same length in
 * gold and prediction); returns per-type and overall precision, recall and F1
 * over exact spans. `types` lists types to always report (default PER, LOC, ORG).
 */
export function scoreTags(
  gold: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
  types: readonly string[] = ['PER', 'LOC', 'ORG'],
): Scores {
  if (gold.length !== predicted.length) throw new Error(`scoreTags: ${gold.length} gold sentences but ${predicted.length} predicted`)
  const counts = new Map<string, {tp: number; fp: number; fn: number}>()
  for (const type of types) counts.set(type, {tp: 0, fp: 0, fn: 0})
  const countsOf = (type: string): {tp: number; fp: number; fn: number} => {
    let entry = counts.get(type)
    if (entry === undefined) {
      entry = {tp: 0, fp: 0, fn: 0}
      counts.set(type, entry)
    }
    return entry
  }
  for (let s = 0; s < gold.length; s++) {
    const goldTags = gold[s] ?? []
    const predictedTags = predicted[s] ?? []
    if (goldTags.length !== predictedTags.length) throw new Error(`scoreTags: sentence ${s} has ${goldTags.length} gold tags but ${predictedTags.length} predicted`)
    const goldKeys = new Set(findSpans(goldTags).map((span) => `${span.start}:${span.end}:${span.type}`))
    for (const span of findSpans(predictedTags)) {
      const key = `${span.start}:${span.end}:${span.type}`
      if (goldKeys.has(key)) {
        countsOf(span.type).tp++
        goldKeys.delete(key)
      } else {
        countsOf(span.type).fp++
      }
    }
    for (const key of goldKeys) countsOf(key.slice(key.lastIndexOf(':') + 1)).fn++
  }
  const byType: Record<string, SpanScore> = {}
  let tp = 0
  let fp = 0
  let fn = 0
  for (const [type, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    byType[type] = rates(c.tp, c.fp, c.fn)
    tp += c.tp
    fp += c.fp
    fn += c.fn
  }
  return {overall: rates(tp, fp, fn), byType}
}

/**
 * Render scores as a small text table (percentages with two decimals).
 *
 * Takes scores and the types to list (default PER, LOC, ORG); returns lines
 * joined by newlines: one per type and one for all types together.
 */
export function formatScores(scores: Scores, types: readonly string[] = ['PER', 'LOC', 'ORG']): string {
  const row = (name: string, s: SpanScore): string =>
    `${name.padEnd(8)}${s.precision.toFixed(2).padStart(10)}${s.recall.toFixed(2).padStart(10)}${s.f1.toFixed(2).padStart(10)}` +
    `${String(s.truePositives + s.falseNegatives).padStart(8)}${String(s.truePositives + s.falsePositives).padStart(8)}`
  const lines = [`${'type'.padEnd(8)}${'precision'.padStart(10)}${'recall'.padStart(10)}${'F1'.padStart(10)}${'gold'.padStart(8)}${'found'.padStart(8)}`]
  for (const type of types) {
    const s = scores.byType[type]
    if (s !== undefined) lines.push(row(type, s))
  }
  lines.push(row('overall', scores.overall))
  return lines.join('\n')
}
