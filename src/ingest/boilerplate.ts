/**
 * Step 3 of the ingest: separate the page furniture pasted along with the
 * article — "read also" blocks and their lists of other headlines, share and
 * subscribe lines, stray punctuation — and read the two furniture lines that
 * carry data: "المصدر:" (outlet and cited sources) and "كلمات دلالية:" (keywords).
 *
 * Conservative by design: a line is removed only when its own shape says it is
 * furniture, or when it follows a "read also" marker in the article's tail.
 * Every removed line is returned with its reason, for the build report.
 */
import type {SourceLine} from './clean.ts'

/** A run of removed lines and why. */
export interface RemovedBlock {
  fromLine: number
  toLine: number
  reason: string
  text: string
}

/** What boilerplate separation found. */
export interface Boilerplate {
  /** The lines that stay: the article. */
  lines: SourceLine[]
  removed: RemovedBlock[]
  /** Values of "المصدر:" lines, in order, as written. */
  sourceLines: Array<{text: string; line: number}>
  /** The "كلمات دلالية:" line's value, as written, or null. */
  keywordLine: {text: string; line: number} | null
}

// "اقرأ أيضاً", "إقرأ المزيد", "اقرأ ايضا:" (hamza, tanwin and colon optional).
const readAlso = /^[اإأ]قر[أا]\s+(?:[أا]يضا\u064B?|المزيد)\s*[:：]?/u
const relatedMarker = /^(?:مقالات|مواضيع|موضوعات|أخبار|اخبار|قصص)\s+(?:مشابهة|ذات صلة|متعلقة|مقترحة)\s*[:：]?\s*$|^(?:قد (?:يعجبك|يهمك) [أا]يضا\u064B?|شاهد [أا]يضا\u064B?|المزيد من الأخبار)\s*[:：]?\s*$/u
const sourceLine = /^(?:المصدر|المصادر)\s*[:：]\s*(.+)$/u
const keywordsLine = /^(?:كلمات دلالية|الكلمات الدلالية|كلمات مفتاحية|الوسوم|وسوم)\s*[:：]\s*(.+)$/u
const shareWords = /(?:شارك|مشاركة|اشترك|الاشتراك|تابعونا|تابعنا|فيسبوك|فيس بوك|تويتر|واتساب|واتس اب|تلغرام|تيليجرام|يوتيوب|انستغرام|إنستغرام)/u
const letterOrDigit = /[\p{L}\p{N}]/u
const bullet = /^[•·▪●◦‣∙*-]\s*/u

const words = (text: string) => text.split(/\s+/).filter(Boolean).length

/**
 * Separate furniture from the article.
 *
 * Takes clean lines (blank lines included); returns the kept lines, the removed
 * blocks with reasons, and the data-carrying furniture lines.
 */
export function separateBoilerplate(lines: readonly SourceLine[]): Boilerplate {
  const kept: SourceLine[] = []
  const removed: RemovedBlock[] = []
  const sourceLines: Boilerplate['sourceLines'] = []
  let keywordLine: Boilerplate['keywordLine'] = null
  let tail = false // after "المصدر:" or "كلمات دلالية:" the article's own text has ended
  let lastKeptLine = 0

  // Consecutive removals for the same reason, with nothing kept between them, form one block.
  const drop = (line: SourceLine, reason: string) => {
    const last = removed[removed.length - 1]
    if (last && last.reason === reason && last.toLine > lastKeptLine) {
      last.toLine = line.line
      last.text += `\n${line.text}`
    } else {
      removed.push({fromLine: line.line, toLine: line.line, reason, text: line.text})
    }
  }

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as SourceLine
    const text = line.text
    if (text === '') {
      kept.push(line)
      continue
    }
    const source = sourceLine.exec(text)
    if (source?.[1] && words(text) <= 12) {
      sourceLines.push({text: source[1].trim(), line: line.line})
      drop(line, 'source line (المصدر), read as outlet and cited sources')
      tail = true
      continue
    }
    const keywords = keywordsLine.exec(text)
    if (keywords?.[1]) {
      keywordLine = {text: keywords[1].trim(), line: line.line}
      drop(line, 'keywords line (كلمات دلالية), read as keywords')
      tail = true
      continue
    }
    const marker = relatedMarker.test(text) || (readAlso.test(text) && words(text.replace(readAlso, '')) === 0)
    if (marker) {
      if (tail) {
        // In the tail, everything from the marker on belongs to other articles.
        for (const rest of lines.slice(i)) if (rest.text !== '') drop(rest, 'related-articles block after the article (اقرأ أيضاً / مقالات مشابهة)')
        break
      }
      drop(line, 'related-articles marker')
      // Outside the tail only the headline list under the marker goes: short lines without a final stop.
      while (i + 1 < lines.length) {
        const next = lines[i + 1] as SourceLine
        if (next.text === '') {
          kept.push(next)
          i++
          continue
        }
        if (!(bullet.test(next.text) || (words(next.text) <= 16 && !/[.!؟?]$/u.test(next.text)))) break
        drop(next, 'headline listed under a related-articles marker')
        i++
      }
      continue
    }
    if (readAlso.test(text) && words(text) <= 22 && !/[.!؟?]["”»]?$/u.test(text)) {
      drop(line, 'inline "read more" link to another article (إقرأ المزيد)')
      continue
    }
    if (!letterOrDigit.test(text)) {
      drop(line, 'stray punctuation line')
      continue
    }
    if (words(text) <= 12 && shareWords.test(text) && !/[.؟?]$/u.test(text)) {
      drop(line, 'share or subscribe line')
      continue
    }
    kept.push(line)
    lastKeptLine = line.line
  }
  return {lines: kept, removed, sourceLines, keywordLine}
}
