/**
 * Step 2 of the ingest: decoded text → clean lines.
 *
 * Pasted articles carry Windows line ends, invisible direction marks, control
 * characters and runs of blank lines. Cleaning removes only those; the words
 * stay exactly as written. Every line keeps its line number in the source so
 * later steps can point at it.
 */

/** One line of the source after cleaning. `line` is 1-based, in the original file. */
export interface SourceLine {
  text: string
  line: number
}

// Zero-width space/joiners, LRM/RLM/ALM, bidi embeddings/overrides/isolates, BOM, word joiner, soft hyphen.
const invisible = /[\u200B\u200D\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\u2060\uFEFF\u00AD]/g
// C0 and C1 controls except tab and line feed (line ends are already normalised when this runs).
const controls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g
const spaces = /[\t\u00A0\u2000-\u200A\u202F\u205F\u3000 ]+/g

/**
 * Clean decoded text.
 *
 * Takes the whole text; returns its lines with line numbers, trimmed, with
 * invisible marks and control characters removed, runs of spaces folded, and
 * runs of blank lines reduced to one (leading and trailing blank lines dropped).
 * The zero-width non-joiner (U+200C) is kept: Persian spelling needs it.
 */
export function cleanText(text: string): SourceLine[] {
  const raw = text.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n').split('\n')
  const lines: SourceLine[] = []
  let previousBlank = true
  for (let i = 0; i < raw.length; i++) {
    const value = (raw[i] ?? '').replace(invisible, '').replace(controls, '').replace(spaces, ' ').trim()
    if (value === '') {
      if (!previousBlank) lines.push({text: '', line: i + 1})
      previousBlank = true
      continue
    }
    lines.push({text: value, line: i + 1})
    previousBlank = false
  }
  while (lines.length > 0 && lines[lines.length - 1]?.text === '') lines.pop()
  return lines
}
