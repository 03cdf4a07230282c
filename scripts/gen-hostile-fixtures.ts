/**
 * `node scripts/gen-hostile-fixtures.ts [folder]`: a content folder of broken
 * and hostile sources beside copies of the sample articles, for tests and for
 * trying the build by hand (`DOSSIER_CONTENT=<folder> npm run build`).
 *
 * Every case is generated here (nothing binary is committed) and described in
 * `hostile-cases.json` in the folder: which file, what it tests, and what the
 * build must do with it — a page showing given lines exactly, or a rejection
 * whose reason matches a pattern. Payloads that would run code try to create
 * a marker file and to set `window.__pwned` / the document title; a safe build
 * does neither.
 */
import {execFileSync} from 'node:child_process'
import {cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {LegacyEncoding} from '../src/ingest/decode.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** One generated file and what the build must make of it. */
export interface HostileCase {
  /** Path relative to the content folder, e.g. `sources/empty.txt`. */
  file: string
  /** What the case tests, in words. */
  about: string
  /** `page`: the file becomes an article; `rejected`: it is listed as rejected. */
  expect: 'page' | 'rejected'
  /** For rejections: a regular expression (source) the reason must match. */
  reason?: string
  /** For pages: lines the page must show exactly as written (after cleaning). */
  lines?: string[]
  /** For pages: the title the page must show, when the case is about it. */
  title?: string
  /** For pages: the slug the file must get, when the case is about it. */
  slug?: string
  /** For duplicates: the source path of the original. */
  duplicateOf?: string
  /** A bounded-cost case (a pathological shape of text, see `pathologicalSources`). */
  pathological?: boolean
}

/** Options of `writeHostileFixtures`. */
export interface HostileOptions {
  /** Absolute path of the file a payload would create if it ever ran. */
  marker: string
  /** Include the two multi-megabyte articles (a 2 MB line, 100,000 lines); default true. */
  large?: boolean
}

/**
 * Encode text in a single-byte legacy code page (the inverse of Node's
 * `TextDecoder` for it). Throws on a character the code page cannot hold.
 */
export function encodeLegacy(text: string, encoding: LegacyEncoding): Uint8Array {
  const decoder = new TextDecoder(encoding)
  const table = new Map<string, number>()
  for (let byte = 0; byte < 256; byte++) {
    const ch = decoder.decode(Uint8Array.of(byte))
    if (ch !== '\uFFFD' && !table.has(ch)) table.set(ch, byte)
  }
  return Uint8Array.from([...text], (ch) => {
    const byte = table.get(ch)
    if (byte === undefined) throw new Error(`${encoding} cannot encode U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}`)
    return byte
  })
}

/** Encode text as UTF-16 (little or big endian), with or without a byte-order mark. */
export function encodeUtf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const units = (bom ? '\uFEFF' : '') + text
  const out = new Uint8Array(units.length * 2)
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i)
    out[2 * i + (endian === 'le' ? 0 : 1)] = unit & 0xff
    out[2 * i + (endian === 'le' ? 1 : 0)] = unit >> 8
  }
  return out
}

/** A seeded generator of words (deterministic fixtures). */
export function wordSource(seed: number, vocabulary: readonly string[]): () => string {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return vocabulary[state % vocabulary.length] as string
  }
}

/** The non-blank lines of a sample source, trimmed. */
function sampleLines(name: string): string[] {
  return readFileSync(path.join(root, 'content', 'sources', name), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
}

/**
 * Paragraphs of the sample articles (long lines, no furniture), each used by one
 * case only, so no two cases share text and none is a duplicate of another.
 */
function paragraphPool(): string[] {
  const furniture = /^(إقرأ|اقرأ|المصدر|كلمات دلالية|مقالات مشابهة|•)/
  return ['000_343249e2a2f5d01d.txt', '002_6b8aedf88ece1897.txt', '003_2e6916bc45a88ae1.txt', '004_e5837cf2311ce5b0.txt']
    .flatMap((n) => sampleLines(n).slice(1, 16))
    .filter((l) => l.length > 80 && !furniture.test(l))
}

/** Arabic words of the sample dossier (for generated prose). */
function sampleVocabulary(): string[] {
  const words = ['000_343249e2a2f5d01d.txt', '003_2e6916bc45a88ae1.txt']
    .flatMap((n) => sampleLines(n))
    .flatMap((l) => l.split(/\s+/))
    .filter((w) => /^[\u0621-\u064A]+$/.test(w))
  return [...new Set(words)].sort()
}

/**
 * Write the hostile cases into `<content>/sources` (which must exist).
 *
 * Takes the content folder and options; returns the cases (also written to
 * `<content>/hostile-cases.json`).
 */
export function writeHostileFixtures(content: string, options: HostileOptions): HostileCase[] {
  const sources = path.join(content, 'sources')
  const cases: HostileCase[] = []
  const write = (name: string, data: string | Uint8Array) => writeFileSync(path.join(sources, name), data)
  /** A UTF-8 source that must become a page showing its lines. */
  const page = (name: string, about: string, text: string, extra: Partial<HostileCase> = {}) => {
    write(name, text)
    const lines = text.split(/\r\n|[\r\n\u0085\u2028\u2029]/).map((l) => l.trim()).filter(Boolean)
    cases.push({file: `sources/${name}`, about, expect: 'page', lines, ...extra})
  }
  /** A source that must be rejected with a reason matching `reason`. */
  const rejected = (name: string, about: string, data: string | Uint8Array, reason: string) => {
    write(name, data)
    cases.push({file: `sources/${name}`, about, expect: 'rejected', reason})
  }
  const {marker} = options
  const large = options.large ?? true
  const pool = paragraphPool()
  /** The next unused sample paragraph that `fits` (default: any). */
  const paragraph = (fits: (text: string) => boolean = () => true): string => {
    const i = pool.findIndex(fits)
    if (i === -1) throw new Error('the sample articles have too few paragraphs for the hostile cases')
    return pool.splice(i, 1)[0] as string
  }
  // A real paragraph under a title of its own.
  const article = (title: string, text: string) => `${title}\n${text}\n`
  const encodable = (text: string) => {
    try {
      encodeLegacy(text, 'iso-8859-6')
      encodeLegacy(text, 'windows-1256')
      return true
    } catch {
      return false
    }
  }

  // 1. Encodings: Arabic text in each encoding the decoder reads.
  const encoded: Array<[string, string, (text: string) => Uint8Array]> = [
    ['utf8-bom.txt', 'UTF-8 with a byte-order mark', (t) => new TextEncoder().encode(`\uFEFF${t}`)],
    ['utf16le-bom.txt', 'UTF-16 LE with a byte-order mark', (t) => encodeUtf16(t, 'le', true)],
    ['utf16be-bom.txt', 'UTF-16 BE with a byte-order mark', (t) => encodeUtf16(t, 'be', true)],
    ['utf16le-nobom.txt', 'UTF-16 LE without a byte-order mark', (t) => encodeUtf16(t, 'le', false)],
    ['utf16be-nobom.txt', 'UTF-16 BE without a byte-order mark', (t) => encodeUtf16(t, 'be', false)],
    ['windows-1256.txt', 'Windows-1256 (Arabic legacy code page)', (t) => encodeLegacy(t, 'windows-1256')],
    ['iso-8859-6.txt', 'ISO-8859-6 (Arabic legacy code page)', (t) => encodeLegacy(t, 'iso-8859-6')]
  ]
  encoded.forEach(([name, about, encode], i) => {
    const text = article(`ترميز الملف رقم ${i + 1}`, paragraph(name.endsWith('-1256.txt') || name.startsWith('iso-') ? encodable : undefined))
    write(name, encode(text))
    cases.push({file: `sources/${name}`, about, expect: 'page', lines: text.split('\n').filter(Boolean)})
  })
  {
    const [a, b] = [paragraph(), paragraph()]
    const raw = `محارف التحكم\u0007 ونهايات الأسطر\r\n${a}\u001B[31m\r${b}\u0085سطر بعد NEL\u009B مع\u007F محارف C1\u000B\u000C\r\n`
    write('controls-and-line-ends.txt', raw)
    cases.push({
      file: 'sources/controls-and-line-ends.txt',
      about: 'C0/C1 control characters are removed; CRLF, CR and NEL end lines',
      expect: 'page',
      lines: ['محارف التحكم ونهايات الأسطر', `${a}[31m`, b, 'سطر بعد NEL مع محارف C1']
    })
  }

  // 2. Injection: article text, titles, sidecar fields and file names that look like code or markup.
  const writesMarker = `(await import('node:fs')).writeFileSync('${marker}', 'expression')`
  const injection = [
    `عنوان {${writesMarker}} <script>window.__pwned = 1</script>`,
    `قال المتحدث إن {${writesMarker}} لن تُنفَّذ أبداً في هذا الخبر.`,
    `export const x = require('fs').writeFileSync('${marker}', 'export')`,
    `import fs from 'node:fs'`,
    `export default function Layout() { return null }`,
    `<script>window.__pwned = 1; document.title = 'pwned'</script>`,
    `<img src="x" onerror="window.__pwned = 1; document.title = 'pwned'">`,
    `<svg onload="window.__pwned = 1"></svg>`,
    `</p></article></main><script>window.__pwned = 1</script>`,
    `<!-- تعليق HTML يجب أن يظهر كما هو -->`,
    `---`,
    `title: عنوان مزروع`,
    `---`,
    '```js',
    `window.__pwned = 1`,
    '```',
    'نص فيه `شيفرة مضمنة` وعلامة ` وحيدة.',
    `إذا كان 3 < 5 و 7 > 2 فإن a<b و c>d، و <b>غامق</b> ليس غامقاً.`,
    `{/* تعليق */} و {props.x} و {...spread} و {{مزدوج}}`,
    `<Component prop={1} /> و <a href="javascript:window.__pwned=1">رابط</a>`,
    `[رابط](javascript:window.__pwned=1) و ![صورة](x.png) و <https://example.com>`,
    `# ليس عنواناً`,
    `> ليس اقتباساً`,
    `* ليست قائمة`,
    `1. ليست قائمة مرقمة`,
    `&lt;script&gt; و &amp; و &#x3C;img&#x3E; تبقى حرفية`,
    String.raw`شرطة مائلة \{ و \\ و \` و \<`,
    `<style>body { display: none }</style>`,
    `<iframe src="data:text/html,<script>parent.__pwned=1</script>"></iframe>`,
    `$$ x^2 $$ و | جدول | لا | و *** و ___`
  ]
  page('injection.txt', 'MDX expressions, import/export lines, JSX/HTML tags, comments, fences, backticks, < and > in prose and title', `${injection.join('\n')}\n`, {
    title: injection[0]
  })
  {
    page('sidecar-payload.txt', 'sidecar title, outlet, url and topics that look like markup or code', article('مقالة ذات ملف وصف خبيث', paragraph()))
    write(
      'sidecar-payload.meta.yaml',
      [
        `title: "<script>window.__pwned=1</script> {process.exit(1)} <img src=x onerror=window.__pwned=1>"`,
        `outlet: "<img src=x onerror=window.__pwned=1> {${writesMarker}}"`,
        `url: "https://example.com/?q=<script>window.__pwned=1</script>"`,
        `topics: ["<script>window.__pwned=1</script>"]`,
        `date: 2025-09-16`
      ].join('\n') + '\n'
    )
    const last = cases.at(-1) as HostileCase
    last.title = '<script>window.__pwned=1</script> {process.exit(1)} <img src=x onerror=window.__pwned=1>'
    // The sidecar's title replaces the text's headline as the title; the headline stays on the page.
  }

  // 3. Names and paths: the slug comes from the file name only and is always safe ASCII.
  const named: Array<[string, string, string | undefined]> = [
    ['..%2F..%2Fescape.txt', 'URL-encoded path traversal in a file name', undefined],
    ['<img src=x onerror=window.__pwned=1>.txt', 'HTML in a file name', undefined],
    ['{process.exit(1)}.txt', 'an MDX expression in a file name', undefined],
    ['$(touch pwned) `touch pwned`.txt', 'shell syntax in a file name', undefined],
    ['تقرير (الدوحة) [نسخة 2].txt', 'Arabic, spaces and brackets in a file name', 'tqryr-aldwha-nskha-2'],
    ['报告.txt', 'a file name with nothing transliterable', undefined],
    ['a b.txt', 'two names that give the same slug (1/3)', undefined],
    ['a-b.txt', 'two names that give the same slug (2/3)', undefined],
    ['A_B.TXT', 'two names that give the same slug (3/3), upper-case extension', undefined]
  ]
  named.forEach(([name, about, slug], i) => {
    page(name, about, article(`خبر باسم ملف غريب رقم ${i + 1}`, paragraph()), slug ? {slug} : {})
  })
  {
    page('traversal.txt', 'a sidecar title that looks like a path', article('عنوان لا يستعمل', paragraph()), {slug: 'traversal', title: '../../etc/passwd'})
    const last = cases.at(-1) as HostileCase
    last.lines = last.lines?.slice(1)
    write('traversal.meta.yaml', 'title: ../../etc/passwd\n')
  }

  // 4. Rejections: each with its reason.
  rejected('empty.txt', 'an empty file', '', 'empty')
  rejected('whitespace-only.txt', 'white space and invisible marks only', ' \n\t\n\u200F\u200B \r\n\u00A0\n', 'no text')
  rejected('binary.txt', 'binary data (a PNG header with NUL bytes)', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52), 'binary')
  {
    const next = wordSource(7, Array.from({length: 128}, (_, i) => String.fromCharCode(0x80 + i)))
    const bytes = Uint8Array.from({length: 4000}, (_, i) => (i % 9 === 8 ? 0x20 : next().charCodeAt(0)))
    rejected('garbage-bytes.txt', 'bytes that are no text in any supported encoding (no NUL bytes)', bytes, 'do not read as Arabic')
  }
  rejected('broken-utf16.txt', 'a UTF-16 byte-order mark followed by a lone surrogate', Uint8Array.of(0xff, 0xfe, 0x27, 0x06, 0x00, 0xd8, 0x41, 0x00), 'not valid utf-16le')
  rejected('utf32.txt', 'UTF-32 (not read)', Uint8Array.of(0xff, 0xfe, 0, 0, 0x27, 0x06, 0, 0), 'UTF-32')
  rejected('notes.md', 'a file type the ingest does not read', '# ملاحظات\n', 'unsupported file type')
  symlinkSync('/etc/hostname', path.join(sources, 'symlink.txt'))
  cases.push({file: 'sources/symlink.txt', about: 'a symbolic link (could point outside the content folder)', expect: 'rejected', reason: 'symbolic link'})
  if (canMakeFifo(path.join(sources, 'fifo.txt'))) {
    cases.push({file: 'sources/fifo.txt', about: 'a named pipe (reading it would block the build)', expect: 'rejected', reason: 'named pipe'})
  }
  // One byte over the default limit: the size is checked before anything is read.
  rejected('too-big.txt', 'a file over the size limit (8 MiB by default)', new Uint8Array(8 * 1024 * 1024 + 1).fill(0x61), 'over the limit of 8388608 bytes')
  const withSidecar = (name: string, about: string, sidecar: string | Uint8Array, reason: string, i: number) => {
    write(name, article(`خبر بملف وصف معطوب رقم ${i}`, paragraph()))
    write(name.replace(/\.txt$/, '.meta.yaml'), sidecar)
    cases.push({file: `sources/${name}`, about, expect: 'rejected', reason})
  }
  withSidecar('sidecar-bad-yaml.txt', 'a sidecar that is not YAML (with its line)', 'outlet: الجزيرة\ntitle: [unclosed\n', String.raw`sidecar-bad-yaml\.meta\.yaml:\d+ is unusable: the sidecar is not valid YAML`, 1)
  withSidecar('sidecar-bad-date.txt', 'a sidecar field that fails the schema (with the field)', 'date: yesterday\n', 'field "date" is invalid', 3)
  withSidecar('sidecar-javascript-url.txt', 'a sidecar url that is not a web address', 'url: "javascript:window.__pwned=1"\n', 'field "url" is invalid', 9)
  withSidecar('sidecar-unknown-field.txt', 'a sidecar with a field the schema does not know', 'author: someone\n', 'field "\\(top level\\)" is invalid.*author', 5)
  withSidecar('sidecar-binary.txt', 'a sidecar that is not UTF-8 text', Uint8Array.of(0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xff, 0xfe, 0xc7), 'not UTF-8 text', 7)
  withSidecar(
    'sidecar-alias-bomb.txt',
    'a YAML alias bomb ("billion laughs") in a sidecar',
    ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`), 'title: *g'].join('\n') + '\n',
    'resource exhaustion|alias',
    9
  )
  rejected('orphan.meta.yaml', 'a sidecar without its source file', 'title: يتيم\n', 'sidecar without its source')

  // 5. Duplicates: a byte-identical copy and a lightly edited, shorter copy of sample articles.
  cpSync(path.join(root, 'content', 'sources', '000_343249e2a2f5d01d.txt'), path.join(sources, 'copy-of-000.txt'))
  cases.push({file: 'sources/copy-of-000.txt', about: 'a byte-identical copy of a sample', expect: 'page', duplicateOf: 'sources/000_343249e2a2f5d01d.txt'})
  {
    const lines = sampleLines('001_ae05557b0c171265.txt')
    const edited = lines
      .slice(0, -1)
      .map((l, i) => (i === 2 ? l.replace('روبيو', 'ماركو روبيو') : i === 4 ? l.replace(/،/g, ',') : l))
      .join('\n')
    page('near-copy-of-001.txt', 'a lightly edited, shorter copy of a sample', `${edited}\n`, {duplicateOf: 'sources/001_ae05557b0c171265.txt'})
  }

  // 6. Bounded cost: pathological shapes that must still be ingested, quickly.
  for (const source of pathologicalSources({large})) page(source.name, source.about, source.text, {pathological: true})

  writeFileSync(path.join(content, 'hostile-cases.json'), `${JSON.stringify(cases, null, 2)}\n`)
  return cases
}

/** One pathological source: its file name, what it is, its text. */
export interface PathologicalSource {
  name: string
  about: string
  text: string
}

/**
 * The bounded-cost cases: shapes of text that make careless code quadratic or
 * recursive. Takes whether to include the two multi-megabyte ones (a 2 MB
 * article on one line, 100,000 short lines); deterministic.
 */
export function pathologicalSources(options: {large: boolean}): PathologicalSource[] {
  const vocabulary = sampleVocabulary()
  /** Seeded prose of sample words, `bytes` long in UTF-8 (give or take a word). */
  const prose = (seed: number, bytes: number) => {
    const next = wordSource(seed, vocabulary)
    const words: string[] = []
    for (let size = 0; size < bytes; ) {
      const word = next()
      words.push(word)
      size += Buffer.byteLength(word) + 1
    }
    return words.join(' ')
  }
  const sources: PathologicalSource[] = [
    {
      name: 'nested-brackets.txt',
      about: 'brackets and quotes nested 12,000 deep',
      text: `أقواس متداخلة بعمق\n${'([{«"\''.repeat(2000)}نص${'\'"»}])'.repeat(2000)}\n`
    },
    {name: 'braces-50000.txt', about: '50,000 { characters', text: `خمسون ألف قوس معقوف\nنص قبل الأقواس ${'{'.repeat(50000)} ونص بعدها.\n`}
  ]
  if (options.large) {
    sources.push({name: 'one-line-2mb.txt', about: 'a 2 MB article on one line', text: `${prose(11, 2 * 1024 * 1024 - 2)}.\n`})
    const next = wordSource(13, vocabulary)
    const lines = Array.from({length: 100000}, (_, i) => `${next()} ${next()} ${i}.`)
    sources.push({name: '100000-lines.txt', about: '100,000 short lines', text: `مئة ألف سطر قصير\n${lines.join('\n')}\n`})
  }
  return sources
}

/** Make a named pipe with the system's `mkfifo`; false where there is none (the case is then skipped). */
function canMakeFifo(target: string): boolean {
  try {
    execFileSync('mkfifo', [target], {stdio: 'ignore'})
    return true
  } catch {
    return false
  }
}

/**
 * Make a content folder: the sample dossier (`dossier.yaml` and sources) plus
 * the hostile cases. Takes the folder (default a new temporary one) and the
 * options; returns the folder and the cases.
 */
export function createHostileContent(options: HostileOptions & {dir?: string}): {content: string; cases: HostileCase[]} {
  const content = options.dir ?? mkdtempSync(path.join(tmpdir(), 'dossier-hostile-'))
  mkdirSync(path.join(content, 'sources'), {recursive: true})
  cpSync(path.join(root, 'content', 'dossier.yaml'), path.join(content, 'dossier.yaml'))
  cpSync(path.join(root, 'content', 'sources'), path.join(content, 'sources'), {recursive: true})
  return {content, cases: writeHostileFixtures(content, options)}
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ? path.resolve(process.argv[2]) : undefined
  const marker = path.join(tmpdir(), `dossier-hostile-marker-${process.pid}`)
  const {content, cases} = createHostileContent({marker, ...(dir ? {dir} : {})})
  const pages = cases.filter((c) => c.expect === 'page').length
  console.log(`${content}: ${cases.length} hostile cases (${pages} pages, ${cases.length - pages} rejections) beside the sample articles`)
  console.log(`a payload that ran would create ${marker}; build with: DOSSIER_CONTENT=${content} npm run build`)
}
