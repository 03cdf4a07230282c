/**
 * The whole extractor's mentions as IOB2 labels of pre-tokenised sentences,
 * so that `npm run eval:ner -- FILE --extractor` scores what the build runs
 * (registry, tagger and rules) on a gold file, not the tagger alone.
 */
import {extractMentions, type ExtractContext} from './extract.ts'
import type {Label} from './tagger/labels.ts'

const labelType = {person: 'PER', place: 'LOC', organization: 'ORG'} as const

/**
 * Label the sentences of one document with the extractor's mentions.
 *
 * Takes the document's sentences (token texts; each becomes one block, its
 * tokens joined by spaces) and the extractor's context; returns one label
 * array per sentence. A mention covers the tokens it overlaps; a mention
 * overlapping one already labelled is left out (mentions come in text order).
 */
export function extractorLabels(sentences: readonly (readonly string[])[], context: ExtractContext): Label[][] {
  const starts = sentences.map((tokens) => {
    let at = 0
    return tokens.map((token) => {
      const start = at
      at += token.length + 1
      return start
    })
  })
  const labels: Label[][] = sentences.map((tokens) => tokens.map((): Label => 'O'))
  for (const mention of extractMentions(sentences.map((tokens) => tokens.join(' ')), context)) {
    const tokenStarts = starts[mention.block] ?? []
    const row = labels[mention.block] ?? []
    // Tokens overlapping [start, end): the last token starting at or before start, to the last starting before end.
    let first = -1
    let last = -1
    tokenStarts.forEach((start, i) => {
      if (start <= mention.start) first = i
      if (start < mention.end) last = i
    })
    if (first < 0 || row.slice(first, last + 1).some((label) => label !== 'O')) continue
    const type = labelType[mention.type]
    for (let i = first; i <= last; i++) row[i] = i === first ? `B-${type}` : `I-${type}`
  }
  return labels
}
