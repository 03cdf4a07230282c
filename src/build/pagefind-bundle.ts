/**
 * Keeping a Pagefind bundle between builds.
 *
 * Pagefind names its index files (fragments, word-index chunks, filter
 * indexes, the language's metadata file) by a hash of their content and does
 * not write a hashed file that already exists. Writing into the previous
 * build's bundle therefore compresses and writes only what changed: at 10,000
 * articles that saves about 18 s per build (gzip at its best level, one file
 * per article), since adding one article changes one fragment and some chunks.
 *
 * Two things make that safe, both done by `tidyBundle` after writing:
 * - files of older indexes are removed: whatever the language metadata of
 *   the new index does not name;
 * - files the build did not write (kept from before) are checked against
 *   their name. A name is a short prefix of the content's SHA-1, so a changed
 *   file could in principle take the name of an old file with other content;
 *   Pagefind would then keep the old one. A file whose content does not give
 *   its name is reported, and the caller writes the bundle afresh.
 *
 * Synchronous file calls throughout: there are thousands of small files, and a
 * promise per file cost five times the reading itself (5.6 s against 0.9 s
 * for 10,410 files at 10,000 articles).
 *
 * Format facts relied on (Pagefind 1.x, checked by tests/unit/build/pagefind-bundle.test.ts):
 * `pagefind-entry.json` names each language's metadata file; hashed files are
 * gzip of `pagefind_dcd` + payload; the metadata payload is CBOR holding the
 * other files' names as text strings; a name is `LANG_` + the payload's SHA-1
 * written byte by byte in hex without zero padding, cut short.
 */
import {createHash} from 'node:crypto'
import {readdirSync, readFileSync, rmSync, statSync} from 'node:fs'
import path from 'node:path'
import {gunzipSync} from 'node:zlib'

/** Folders of hashed files, with the suffix of their files. */
const HASHED_FOLDERS = [
  ['fragment', '.pf_fragment'],
  ['index', '.pf_index'],
  ['filter', '.pf_filter']
] as const

/** Suffix of a language's metadata file (`pagefind.LANG_HASH.pf_meta`, at the bundle's top). */
const META_SUFFIX = '.pf_meta'

/** What every hashed file's payload starts with, once decompressed. */
const PAYLOAD_SIGNATURE = Buffer.from('pagefind_dcd')

interface EntryLanguage {
  hash: string
  page_count: number
}

/** A bundle's entry file: each language's metadata hash and number of pages. Throws when unreadable. */
export function readEntry(bundle: string): {languages: Record<string, EntryLanguage>} {
  return JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as {languages: Record<string, EntryLanguage>}
}

/** What tidying a bundle did. */
export interface BundleTidy {
  /** Hashed files of the new index that were kept from an earlier build. */
  reused: number
  /** Files of older indexes removed. */
  removed: number
  /** Why the bundle cannot be trusted (then it must be written afresh); empty when it can. */
  problems: string[]
}

/**
 * After Pagefind wrote its index into `bundle` (a folder that may hold an
 * earlier build's index), remove what the new index does not use and check
 * what it reuses. `writtenSince` is when writing began (ms since the epoch):
 * files modified before it were kept, not written.
 */
export function tidyBundle(bundle: string, writtenSince: number): BundleTidy {
  const tidy: BundleTidy = {reused: 0, removed: 0, problems: []}
  const named = new Set<string>()
  let pages = 0
  try {
    const entry = readEntry(bundle)
    for (const language of Object.values(entry.languages)) {
      named.add(`pagefind.${language.hash}${META_SUFFIX}`)
      const meta = payload(readFileSync(path.join(bundle, `pagefind.${language.hash}${META_SUFFIX}`)))
      for (const text of cborTextStrings(meta)) named.add(text)
      pages += language.page_count
    }
  } catch (error) {
    tidy.problems.push(`the index metadata could not be read (${String(error)})`)
    return tidy
  }

  let fragments = 0
  const stale: string[] = []
  const kept: string[] = []
  for (const [folder, suffix] of HASHED_FOLDERS) {
    for (const file of existingFiles(path.join(bundle, folder))) {
      const name = file.endsWith(suffix) ? file.slice(0, -suffix.length) : file
      const relative = path.join(folder, file)
      if (!named.has(name)) stale.push(relative)
      else {
        if (folder === 'fragment') fragments += 1
        kept.push(relative)
      }
    }
  }
  for (const file of readdirSync(bundle)) {
    if (file.endsWith(META_SUFFIX) && !named.has(file)) stale.push(file)
  }
  // Every page's fragment must be among the named files: if not, the metadata was not read
  // as this module expects (another Pagefind format) and nothing may be removed on its word.
  if (fragments !== pages) {
    tidy.problems.push(`the index metadata names ${fragments} of the ${pages} pages' fragment files`)
    return tidy
  }
  for (const file of stale) rmSync(path.join(bundle, file), {force: true})
  tidy.removed = stale.length

  for (const relative of kept) {
    const file = path.join(bundle, relative)
    if (statSync(file).mtimeMs >= writtenSince) continue
    tidy.reused += 1
    if (!nameMatches(path.basename(relative), readFileSync(file))) tidy.problems.push(`${relative} was kept from an earlier build but holds other content`)
  }
  return tidy
}

/** The files in `folder`, none when it does not exist. */
function existingFiles(folder: string): string[] {
  try {
    return readdirSync(folder)
  } catch {
    return []
  }
}

/** The decompressed payload of a hashed file, without its signature. */
export function payload(file: Buffer): Buffer {
  const raw = gunzipSync(file)
  if (!raw.subarray(0, PAYLOAD_SIGNATURE.length).equals(PAYLOAD_SIGNATURE)) throw new Error('pagefind bundle: a hashed file without the pagefind_dcd signature')
  return raw.subarray(PAYLOAD_SIGNATURE.length)
}

/** Does the content of the hashed file `fileName` give its name (`LANG_HASH.ext`)? */
export function nameMatches(fileName: string, file: Buffer): boolean {
  const hash = /_([0-9a-f]+)\.pf_[a-z]+$/u.exec(fileName)?.[1]
  if (!hash) return false
  let content: Buffer
  try {
    content = payload(file)
  } catch {
    return false
  }
  return pagefindHash(content).startsWith(hash)
}

/** Pagefind's content hash: SHA-1, each byte in hex without zero padding. */
export function pagefindHash(content: Uint8Array): string {
  let hex = ''
  for (const byte of createHash('sha1').update(content).digest()) hex += byte.toString(16)
  return hex
}

/**
 * Every text string in a CBOR document (RFC 8949), depth first. Only what
 * Pagefind's metadata uses is read: integers, byte and text strings, arrays,
 * maps, tags, simple values and floats, definite or indefinite lengths.
 */
export function cborTextStrings(bytes: Uint8Array): string[] {
  const texts: string[] = []
  const decoder = new TextDecoder('utf-8', {fatal: true})
  let at = 0
  const argument = (info: number): number => {
    if (info < 24) return info
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0
    if (size === 0 || at + size > bytes.length) throw new Error(`cbor: bad length at byte ${at}`)
    let value = 0
    for (let index = 0; index < size; index++) value = value * 256 + (bytes[at + index] ?? 0)
    at += size
    return value
  }
  const item = (): void => {
    if (at >= bytes.length) throw new Error('cbor: unexpected end')
    const initial = bytes[at++] ?? 0
    const major = initial >> 5
    const info = initial & 0x1f
    if (info === 31) {
      // Indefinite length: items until the "break" byte.
      if (major < 2 || major > 5) throw new Error(`cbor: bad indefinite item at byte ${at - 1}`)
      while (bytes[at] !== 0xff) {
        item()
        if (major === 5) item()
      }
      at += 1
      return
    }
    if (major === 7) {
      at += info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0
      return
    }
    const value = argument(info)
    if (major === 2 || major === 3) {
      if (at + value > bytes.length) throw new Error('cbor: string past the end')
      if (major === 3) texts.push(decoder.decode(bytes.subarray(at, at + value)))
      at += value
    } else if (major === 4) for (let index = 0; index < value; index++) item()
    else if (major === 5) for (let index = 0; index < value * 2; index++) item()
    else if (major === 6) item()
  }
  while (at < bytes.length) item()
  return texts
}
