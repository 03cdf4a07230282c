import assert from 'node:assert/strict'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {after, test} from 'node:test'
import {gunzipSync, gzipSync} from 'node:zlib'
import {cborTextStrings, nameMatches, pagefindHash, tidyBundle} from '../../../src/build/pagefind-bundle.ts'
import {indexSite} from '../../../src/build/pagefind.ts'
import {openPagefind} from '../../../src/search/node.ts'

const work = mkdtempSync(path.join(tmpdir(), 'dossier-pagefind-bundle-'))
after(() => rmSync(work, {recursive: true, force: true}))

test('cborTextStrings reads every text string of a CBOR document, nested and of every length form', () => {
  const long = 'ب'.repeat(200) // 400 bytes: a two-byte length
  const bytes = Buffer.concat([
    Buffer.from([0x85]), // array of 5
    Buffer.from([0x65]), Buffer.from('1.6.0'),
    Buffer.from([0x82, 0x6a]), Buffer.from('ar_1ca57ab'), Buffer.from([0x19, 0x02, 0x81]), // [text, uint16]
    Buffer.from([0xa1, 0x63]), Buffer.from('key'), Buffer.from([0x43, 0x61, 0x62, 0x63]), // {key: bytes "abc"}
    Buffer.from([0x9f, 0x38, 0x18, 0xf9, 0x3c, 0x00, 0x79, 0x01, 0x90]), Buffer.from(long), Buffer.from([0xff]), // [_ -25, 1.0, long]
    Buffer.from([0xc1, 0x1a, 0x00, 0x01, 0x00, 0x00]) // tag 1, uint32
  ])
  assert.deepEqual(cborTextStrings(bytes), ['1.6.0', 'ar_1ca57ab', 'key', long])
  assert.throws(() => cborTextStrings(Buffer.from([0x82, 0x61])), /cbor/)
})

test('pagefindHash writes SHA-1 bytes in hex without zero padding, as Pagefind names its files', () => {
  // SHA-1("abc") = a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d: the byte 06 is written "6".
  assert.equal(pagefindHash(Buffer.from('abc')), 'a9993e36476816aba3e25717850c26c9cd0d89d')
  const file = gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from('abc')]))
  assert.equal(nameMatches('ar_a9993e3.pf_fragment', file), true)
  assert.equal(nameMatches('ar_a9993e4.pf_fragment', file), false)
  assert.equal(nameMatches('ar_a9993e3.pf_fragment', gzipSync(Buffer.from('abc'))), false, 'no signature')
})

/** Write an article page as the site does: the indexed body marked for Pagefind. */
function writePage(site: string, slug: string, title: string, text: string): void {
  mkdirSync(path.join(site, 'articles', slug), {recursive: true})
  writeFileSync(
    path.join(site, 'articles', slug, 'index.html'),
    `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${title}</title></head>` +
      `<body><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`
  )
}

/** The hashed files of a bundle, relative to it. */
function hashedFiles(bundle: string): string[] {
  return ['fragment', 'index', 'filter'].flatMap((folder) => {
    try {
      return readdirSync(path.join(bundle, folder)).map((file) => path.join(folder, file))
    } catch {
      return []
    }
  })
}

/** The fragment file holding the page at `url`. */
function fragmentOf(bundle: string, url: string): string {
  const files = readdirSync(path.join(bundle, 'fragment'))
  const found = files.filter((file) => gunzipSync(readFileSync(path.join(bundle, 'fragment', file))).includes(`"url":"${url}"`))
  assert.equal(found.length, 1, `one fragment for ${url}`)
  return found[0] ?? ''
}

/** The URLs a search finds. */
async function urlsFound(bundle: string, term: string): Promise<string[]> {
  const search = await openPagefind(bundle)
  try {
    const response = await search.search(term)
    const fragments = await Promise.all((response?.results ?? []).map((result) => result.data()))
    return fragments.map((fragment) => fragment.url).sort()
  } finally {
    await search.destroy()
  }
}

test('a rebuild writes into the last bundle: unchanged files are kept, old ones removed, search sees only the new pages', async () => {
  const site = path.join(work, 'rebuild')
  writePage(site, 'a', 'الدوحة', 'وقعت قطر اتفاقية دفاعية مع واشنطن')
  writePage(site, 'b', 'العديد', 'قاعدة العديد الجوية تستضيف القوات')
  writePage(site, 'c', 'الرياض', 'زيارة وزير الخارجية إلى الرياض')
  const bundle = path.join(site, 'pagefind')
  assert.equal((await indexSite(site)).pages, 3)
  const unchanged = fragmentOf(bundle, '/articles/a/')
  const unchangedTime = statSync(path.join(bundle, 'fragment', unchanged)).mtimeMs
  const filesBefore = new Set(hashedFiles(bundle))

  rmSync(path.join(site, 'articles', 'c'), {recursive: true})
  writePage(site, 'b', 'العديد', 'قاعدة العديد الجوية تستضيف طائرات مسيرة')
  writePage(site, 'd', 'أنقرة', 'محادثات تركية قطرية في أنقرة')
  await new Promise((resolve) => setTimeout(resolve, 20)) // a later modification time for what is written now
  assert.equal((await indexSite(site)).pages, 3)

  const filesAfter = hashedFiles(bundle)
  assert.equal(readdirSync(path.join(bundle, 'fragment')).length, 3, 'one fragment per page, none left from the first build')
  assert.equal(fragmentOf(bundle, '/articles/a/'), unchanged, 'the unchanged page keeps its fragment file')
  assert.equal(statSync(path.join(bundle, 'fragment', unchanged)).mtimeMs, unchangedTime, '… which is not written again')
  assert.ok(!filesBefore.has(path.join('fragment', fragmentOf(bundle, '/articles/b/'))), 'the changed page has a new fragment')
  for (const file of filesAfter) assert.ok(nameMatches(path.basename(file), readFileSync(path.join(bundle, file))), file)
  assert.equal(readdirSync(bundle).filter((file) => file.endsWith('.pf_meta')).length, 1, 'one language metadata file')
  assert.deepEqual(await urlsFound(bundle, 'الرياض'), [], 'the removed page is not found')
  assert.deepEqual(await urlsFound(bundle, 'مسيرة'), ['/articles/b/'])
  assert.deepEqual(await urlsFound(bundle, 'أنقرة'), ['/articles/d/'])
  assert.deepEqual(await urlsFound(bundle, 'اتفاقية'), ['/articles/a/'])
})

test('a kept file whose content does not give its name makes the bundle be written afresh', async () => {
  const site = path.join(work, 'collision')
  writePage(site, 'a', 'الدوحة', 'وقعت قطر اتفاقية دفاعية مع واشنطن')
  writePage(site, 'b', 'العديد', 'قاعدة العديد الجوية تستضيف القوات')
  const bundle = path.join(site, 'pagefind')
  await indexSite(site)
  // Stand-in for a hash collision: a fragment's file keeps its name but holds another page's data.
  const [first, second] = readdirSync(path.join(bundle, 'fragment'))
  assert.ok(first && second)
  const impostor = path.join(bundle, 'fragment', first)
  writeFileSync(impostor, readFileSync(path.join(bundle, 'fragment', second)))

  const problems = tidyBundle(bundle, Date.now()).problems
  assert.equal(problems.length, 1)
  assert.match(problems[0] ?? '', /holds other content/)

  const warnings: string[] = []
  const warn = console.warn
  console.warn = (message: string) => warnings.push(message)
  try {
    assert.equal((await indexSite(site)).pages, 2)
  } finally {
    console.warn = warn
  }
  assert.equal(warnings.length, 1)
  assert.match(warnings[0] ?? '', /writing the index afresh/)
  assert.ok(nameMatches(first, readFileSync(impostor)), 'the file is written again with its own content')
  assert.deepEqual(await urlsFound(bundle, 'اتفاقية'), ['/articles/a/'])
  assert.deepEqual(await urlsFound(bundle, 'القوات'), ['/articles/b/'])
})

test('a site without article pages gets an index of no page (the command line would refuse)', async () => {
  const site = path.join(work, 'empty')
  mkdirSync(site, {recursive: true})
  assert.equal((await indexSite(site)).pages, 0)
  const entry = JSON.parse(readFileSync(path.join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {languages: object}
  assert.deepEqual(entry.languages, {})
  assert.ok(statSync(path.join(site, 'pagefind', 'pagefind.js')).size > 0)
})
