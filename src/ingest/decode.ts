/**
 * Step 1 of the ingest: bytes → text.
 *
 * Articles arrive in whatever encoding the analyst's tools wrote. Decoding is
 * decided from the bytes alone, never from the file name:
 *
 * 1. a byte-order mark (UTF-8, UTF-16 LE/BE; UTF-32 is named and refused);
 * 2. UTF-16 without a mark, recognised by its zero (Latin) or 0x06 (Arabic) high bytes;
 * 3. binary content (NUL and other control bytes) is refused;
 * 4. strict UTF-8;
 * 5. otherwise the two Arabic legacy code pages, Windows-1256 and ISO-8859-6:
 *    the bytes are decoded with both and each reading is scored for how much it
 *    looks like Arabic (letter frequencies, undefined bytes, Latin letters inside
 *    Arabic words, vowel marks out of place); the better reading wins, and a
 *    reading that looks like neither is refused.
 *
 * Every file gets an `encoding` info message saying which encoding was used and why.
 */
import type {VFile} from 'vfile'

/** What the decoder found. `text` is null when the bytes are not text. */
export interface Decoded {
  text: string | null
  encoding: string | null
}

/** The legacy single-byte encodings the decoder considers, most common first (it wins ties). */
export const legacyEncodings = ['windows-1256', 'iso-8859-6'] as const

export type LegacyEncoding = (typeof legacyEncodings)[number]

const utf8 = new TextDecoder('utf-8', {fatal: true})

/**
 * Decode the bytes of one source file.
 *
 * Takes the raw bytes and the file's vfile (for diagnostics); returns the text and
 * the encoding used (with an `encoding` info message on `file`), or `text: null`
 * with a fatal message on `file` when the bytes are not readable text.
 */
export function decode(bytes: Uint8Array, file: VFile): Decoded {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    reject(file, 'the file is UTF-32 (byte-order mark), which the ingest does not read: save it as UTF-8')
    return {text: null, encoding: null}
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeWith('utf-8', bytes.subarray(3), file, 'byte-order mark')
  if (startsWith(bytes, [0xff, 0xfe])) return decodeWith('utf-16le', bytes.subarray(2), file, 'byte-order mark')
  if (startsWith(bytes, [0xfe, 0xff])) return decodeWith('utf-16be', bytes.subarray(2), file, 'byte-order mark')
  const bomless16 = guessUtf16(bytes)
  if (bomless16) return decodeWith(bomless16, bytes, file, 'no byte-order mark; every other byte is 0x00 or 0x06')
  if (looksBinary(bytes)) {
    reject(file, 'the file is binary, not text (it contains NUL or other control bytes)')
    return {text: null, encoding: null}
  }
  let text: string | null = null
  try {
    text = utf8.decode(bytes)
  } catch {
    // Not UTF-8: fall through to the legacy Arabic code pages.
  }
  if (text !== null) {
    encodingInfo(file, 'utf-8', 'valid UTF-8')
    return {text, encoding: 'utf-8'}
  }
  const readings = legacyEncodings.map((encoding) => {
    const reading = new TextDecoder(encoding).decode(bytes)
    return {encoding, text: reading, ...scoreArabicReading(reading)}
  })
  // Stable sort: on equal scores the more common code page (listed first) wins.
  const [best, other] = [...readings].sort((a, b) => b.score - a.score)
  if (!best || !other || !best.plausible) {
    reject(
      file,
      'the bytes are not UTF-8 or UTF-16 and do not read as Arabic in Windows-1256 or ISO-8859-6 ' +
        `(${best?.suspicious ?? 0} of ${best?.nonAscii ?? 0} non-ASCII characters out of place)`
    )
    return {text: null, encoding: null}
  }
  encodingInfo(
    file,
    best.encoding,
    `not valid UTF-8; of the Arabic code pages it reads best in ${best.encoding} ` +
      `(Arabic-likeness ${best.score.toFixed(0)}, against ${other.score.toFixed(0)} in ${other.encoding})`
  )
  return {text: best.text, encoding: best.encoding}
}

/** How plausible a decoded text is as Arabic (see `scoreArabicReading`). */
export interface ArabicReadingScore {
  /** Higher is more plausible; only comparable between readings of the same bytes. */
  score: number
  /** Word characters outside ASCII (the only ones on which the code pages differ; separators not counted). */
  nonAscii: number
  /** Characters that a right reading would not have: U+FFFD, C1 controls, Latin letters inside Arabic words, stray vowel marks. */
  suspicious: number
  /** False when too many characters are out of place for this to be a right reading of anything. */
  plausible: boolean
}

// Approximate frequencies (per cent) of the Arabic letters in news prose (rounded from
// newspaper corpora; the sample dossier agrees to within a point). A wrong code page
// turns the most frequent letters (ل م ن ه و ي) into rare ones or into vowel marks.
const letterPercent: Record<string, number> = {
  ا: 13, ل: 11, ي: 7, م: 6, و: 6, ن: 5, ت: 5, ر: 5, ب: 3.5, ع: 3.5, ة: 3.3, د: 3.3, ه: 3, ف: 2.7, ق: 2.6,
  أ: 2.4, س: 2.3, ك: 2.1, ح: 1.8, ج: 1.4, إ: 1.2, ط: 1.1, ش: 1, ى: 0.9, ز: 0.8, خ: 0.7, ث: 0.6, ذ: 0.6,
  ص: 0.6, ض: 0.5, ئ: 0.5, ء: 0.3, غ: 0.3, ؤ: 0.1, آ: 0.1, ظ: 0.1
}
/** Fallback frequency of an Arabic-block code point the table does not list (marks, Persian letters). */
const rarePercent = 0.05
/** Log-odds of each code point of the Arabic block (U+0600–U+06FF) against 36 equally likely letters: positive for common letters. */
const arabicWeights = Float64Array.from({length: 0x100}, (_, i) => Math.log(((letterPercent[String.fromCharCode(0x600 + i)] ?? rarePercent) / 100) * 36))
/** Penalty for a character no right reading produces. */
const suspiciousWeight = -8
/** Share of out-of-place non-ASCII characters above which a reading is refused. */
const maxSuspiciousShare = 0.1

const isArabicLetter = (code: number) => (code >= 0x0621 && code <= 0x063a) || (code >= 0x0641 && code <= 0x064a) || (code >= 0x0671 && code <= 0x06d3)
const isArabicMark = (code: number) => code >= 0x064b && code <= 0x0652
const isAsciiLetter = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
/** Characters between words: white space, punctuation, symbols, digits. */
const separator = /[\s\p{P}\p{S}\p{N}]/u
const latinLetter = /\p{Script=Latin}/u

/**
 * Score a decoded text as Arabic.
 *
 * Takes the text one code page produced; returns its score (letter-frequency
 * log-odds of the Arabic letters minus penalties for characters a right
 * reading would not have) and whether it is plausible at all. One pass over
 * the text; ASCII contributes nothing but word boundaries and Latin letters.
 */
export function scoreArabicReading(text: string): ArabicReadingScore {
  let score = 0
  let nonAscii = 0
  let suspicious = 0
  // The current word: its Arabic and Latin letters, and whether the last character was Arabic.
  let arabic = 0
  let latin = 0
  let previousIsArabic = false
  const endWord = () => {
    // A word written in two scripts at once is the mark of the wrong code page.
    if (arabic > 0 && latin > 0) {
      const mixed = Math.min(arabic, latin)
      suspicious += mixed
      score += mixed * suspiciousWeight
    }
    arabic = 0
    latin = 0
    previousIsArabic = false
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) {
      if (isAsciiLetter(code)) {
        latin++
        previousIsArabic = false
      } else if (code !== 0x27) {
        endWord()
      }
      continue
    }
    nonAscii++
    if (isArabicLetter(code)) {
      arabic++
      score += arabicWeights[code - 0x600] as number
      previousIsArabic = true
    } else if (isArabicMark(code)) {
      // Vowel marks are rare in news prose and only ever follow a letter or another mark.
      score += arabicWeights[code - 0x600] as number
      if (!previousIsArabic) {
        suspicious++
        score += suspiciousWeight
      }
    } else if (code === 0xfffd || code <= 0x9f) {
      // An undefined byte (ISO-8859-6 leaves half its upper range empty) or a C1 control.
      suspicious++
      score += suspiciousWeight
      previousIsArabic = false
    } else {
      const ch = String.fromCharCode(code)
      if (separator.test(ch)) {
        nonAscii--
        endWord()
      } else {
        if (latinLetter.test(ch)) latin++
        previousIsArabic = false
      }
    }
  }
  endWord()
  return {score, nonAscii, suspicious, plausible: nonAscii === 0 || suspicious / nonAscii <= maxSuspiciousShare}
}

function decodeWith(encoding: string, bytes: Uint8Array, file: VFile, why: string): Decoded {
  let text: string
  try {
    text = new TextDecoder(encoding, {fatal: true, ignoreBOM: true}).decode(bytes)
  } catch {
    reject(file, `the bytes are not valid ${encoding} although the file says it is (${why})`)
    return {text: null, encoding: null}
  }
  if (text.includes('\u0000')) {
    reject(file, `the file is binary, not text (${encoding} decoding gives NUL characters)`)
    return {text: null, encoding: null}
  }
  encodingInfo(file, encoding, why)
  return {text, encoding}
}

function encodingInfo(file: VFile, encoding: string, why: string): void {
  file.info(`decoded as ${encoding}: ${why}`, {ruleId: 'encoding', source: 'dossier'})
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b)
}

/**
 * UTF-16 without a byte-order mark shows as every other byte being zero for
 * Latin text, or as the Arabic block's high byte 0x06 on one side.
 */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096)
  if (n < 4) return null
  let evenHits = 0
  let oddHits = 0
  for (let i = 0; i < n; i += 2) {
    const a = bytes[i] ?? 0
    const b = bytes[i + 1] ?? 0
    if (b === 0x00 || b === 0x06) oddHits++
    if (a === 0x00 || a === 0x06) evenHits++
  }
  const pairs = n / 2
  if (oddHits / pairs > 0.6 && evenHits / pairs < 0.1) return 'utf-16le'
  if (evenHits / pairs > 0.6 && oddHits / pairs < 0.1) return 'utf-16be'
  return null
}

/**
 * A NUL byte anywhere (text never has one; a text header on binary data would
 * otherwise pass) or many C0 controls in the first 8 KiB (other than tab, line
 * feed, carriage return, form feed) mean binary.
 */
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return true
  const n = Math.min(bytes.length, 8192)
  let controls = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++
  }
  return n > 0 && controls / n > 0.05
}

/** Record a message that rejects the whole file. */
export function reject(file: VFile, reason: string, place?: {line: number; column: number}): void {
  const message = file.message(reason, {ruleId: 'reject', source: 'dossier', ...(place ? {place} : {})})
  message.fatal = true
}
