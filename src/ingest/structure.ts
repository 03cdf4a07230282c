/**
 * Step 4 of the ingest: clean lines → title, sub-headings and paragraphs.
 *
 * Text copied from a news site has no markup, so structure is read from the
 * shape of the lines: a headline is a short first line without final
 * punctuation; a sub-heading is a short line without final punctuation that
 * introduces a longer paragraph. When there is no headline, the title is made
 * from the lead sentence and marked as derived, and the lead stays in the body.
 */
import type {SourceLine} from './clean.ts'

/** One block of the article body. */
export interface Block {
  kind: 'heading' | 'paragraph'
  text: string
  /** 1-based line in the source file. */
  line: number
}

/** The article's structure. */
export interface Structure {
  title: string
  /** True when the title was made from the lead sentence. */
  titleDerived: boolean
  /** A dek: a short line right under the headline. */
  subtitle: string | null
  blocks: Block[]
}

/** Limits of what counts as a headline or sub-heading (in words). */
export interface StructureOptions {
  /** Longest first line taken as the headline (default 20). */
  maxTitleWords?: number
  /** Longest line taken as a sub-heading (default 12). */
  maxHeadingWords?: number
  /** Longest derived title before it is cut (default 16). */
  maxDerivedTitleWords?: number
}

// Sentence-final and clause-final marks after which a line is prose, not a heading.
// Closing quotes count too: a line ending in a quotation is a reported statement.
const proseEnding = /[.!…؛;،,:"”»’)\]}\u066B-\u066D-]$/u
const questionEnding = /[?؟]$/u
const hasLetter = /[\p{L}]/u

/**
 * Find the title, subtitle, sub-headings and paragraphs.
 *
 * Takes clean lines (blank lines included as paragraph breaks); returns the
 * structure. Every non-blank line ends up as the title, the subtitle or a block.
 */
export function findStructure(lines: SourceLine[], options: StructureOptions = {}): Structure {
  const maxTitleWords = options.maxTitleWords ?? 20
  const maxHeadingWords = options.maxHeadingWords ?? 12
  const maxDerivedTitleWords = options.maxDerivedTitleWords ?? 16

  const content = lines.filter((l) => l.text !== '')
  let start = 0
  let title: string | null = null
  let subtitle: string | null = null

  const first = content[0]
  if (first && isHeadlineShaped(first.text, maxTitleWords) && content.length > 1) {
    title = first.text
    start = 1
    const second = content[1]
    const third = content[2]
    // A dek sits directly under the headline, with no blank line between them.
    if (
      second &&
      third &&
      second.line === first.line + 1 &&
      isHeadlineShaped(second.text, maxTitleWords)
    ) {
      subtitle = second.text
      start = 2
    }
  }

  const body = content.slice(start)
  const blocks: Block[] = body.map((line, i) => ({
    kind: isHeading(line.text, body[i + 1]?.text, maxHeadingWords) ? 'heading' : 'paragraph',
    text: line.text,
    line: line.line
  }))

  if (title !== null) return {title, titleDerived: false, subtitle, blocks}
  const lead = blocks.find((b) => b.kind === 'paragraph') ?? blocks[0]
  return {
    title: lead ? deriveTitle(lead.text, maxDerivedTitleWords) : '',
    titleDerived: true,
    subtitle,
    blocks
  }
}

function wordCount(text: string): number {
  return text.split(' ').filter((w) => hasLetter.test(w)).length
}

function isHeadlineShaped(text: string, maxWords: number): boolean {
  const words = wordCount(text)
  return words > 0 && words <= maxWords && !proseEnding.test(text)
}

/** A sub-heading is short, unpunctuated (a short question is allowed) and introduces longer prose. */
function isHeading(text: string, next: string | undefined, maxWords: number): boolean {
  if (next === undefined) return false
  const words = wordCount(text)
  if (words === 0 || words > maxWords) return false
  if (proseEnding.test(text)) return false
  if (questionEnding.test(text) && words > 8) return false
  if (/^["“«]/u.test(text)) return false
  return wordCount(next) > words && !isHeadlineShaped(next, maxWords)
}

/**
 * A title from the lead: its first sentence, or when that is long, its first
 * clause, or its first words with an ellipsis.
 */
export function deriveTitle(lead: string, maxWords: number): string {
  const sentenceEnd = lead.search(/[.!?؟](\s|$)/u)
  const sentence = (sentenceEnd === -1 ? lead : lead.slice(0, sentenceEnd)).trim()
  const words = sentence.split(' ')
  if (words.length <= maxWords) return sentence
  // Cut at the first clause boundary that leaves a title of a useful length.
  for (let i = 7; i < Math.min(words.length, maxWords + 8); i++) {
    if (/[،,؛;]$/u.test(words[i] ?? '')) return words.slice(0, i + 1).join(' ').replace(/[،,؛;]$/u, '')
  }
  return `${words.slice(0, maxWords).join(' ')}…`
}
