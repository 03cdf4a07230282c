/**
 * 32-bit FNV-1a string hashing.
 *
 * Features are stored in the model by the hash of their text, so the committed
 * model needs no string dictionary. Hashing works on UTF-16 code units (Arabic
 * letters are single code units), which is fast and stable across platforms.
 */

const fnvOffset = 0x811c9dc5
const fnvPrime = 0x01000193

/** Start value of a hash (the FNV offset basis). */
export const hashStart = fnvOffset

/**
 * Continue hash `h` with the code units of `text`.
 *
 * Takes a running hash and a string; returns the new running hash (unsigned 32-bit).
 */
export function hashMore(h: number, text: string): number {
  let x = h
  for (let i = 0; i < text.length; i++) {
    x ^= text.charCodeAt(i)
    x = Math.imul(x, fnvPrime)
  }
  return x >>> 0
}

/**
 * Continue hash `h` with one small number (a template id or separator).
 *
 * Takes a running hash and an integer 0–65535; returns the new running hash.
 */
export function hashCode(h: number, code: number): number {
  return Math.imul((h ^ code) >>> 0, fnvPrime) >>> 0
}

/** Hash of a whole string (FNV-1a, unsigned 32-bit). */
export function hashString(text: string): number {
  return hashMore(fnvOffset, text)
}
