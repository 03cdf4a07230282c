/**
 * Step 1 of the ingest: bytes → text.
 *
 * Articles arrive in whatever encoding the analyst's tools wrote. Decoding is
 * decided from the bytes alone (byte-order marks first, then strict UTF-8, then
 * the Arabic legacy code pages), never from the file name.
 */
import type {VFile} from 'vfile'

/** What the decoder found. `text` is null when the bytes are not text. */
export interface Decoded {
  text: string | null
  encoding: string | null
}

const utf8 = new TextDecoder('utf-8', {fatal: true})

/**
 * Decode the bytes of one source file.
 *
 * Takes the raw bytes and the file's vfile (for diagnostics); returns the text and
 * the encoding used, or `text: null` with a fatal message on `file` when the
 * bytes are not readable text.
 */
export function decode(bytes: Uint8Array, file: VFile): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeWith('utf-8', bytes.subarray(3), file)
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return decodeWith('utf-16le', bytes.subarray(2), file)
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return decodeWith('utf-16be', bytes.subarray(2), file)
  }
  const bomless16 = guessUtf16(bytes)
  if (bomless16) return decodeWith(bomless16, bytes, file)
  if (looksBinary(bytes)) {
    reject(file, 'the file is binary, not text (it contains NUL or other control bytes)')
    return {text: null, encoding: null}
  }
  try {
    return {text: utf8.decode(bytes), encoding: 'utf-8'}
  } catch {
    // Not UTF-8: old Arabic archives are Windows-1256 far more often than ISO-8859-6.
    const text = new TextDecoder('windows-1256').decode(bytes)
    const info = file.message('not valid UTF-8; decoded as Windows-1256', {
      ruleId: 'encoding',
      source: 'dossier'
    })
    info.fatal = undefined
    return {text, encoding: 'windows-1256'}
  }
}

function decodeWith(encoding: string, bytes: Uint8Array, file: VFile): Decoded {
  try {
    return {text: new TextDecoder(encoding, {fatal: true}).decode(bytes), encoding}
  } catch {
    reject(file, `the bytes are not valid ${encoding} although the file says it is`)
    return {text: null, encoding: null}
  }
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

/** NUL bytes or many C0 controls (other than tab, line feed, carriage return, form feed) mean binary. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192)
  let controls = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0
    if (b === 0) return true
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++
  }
  return n > 0 && controls / n > 0.05
}

/** Record a message that rejects the whole file. */
export function reject(file: VFile, reason: string, place?: {line: number; column: number}): void {
  const message = file.message(reason, {ruleId: 'reject', source: 'dossier', ...(place ? {place} : {})})
  message.fatal = true
}
