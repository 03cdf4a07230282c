import assert from 'node:assert/strict'
import {cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {test} from 'node:test'
import {ingestFolder} from '../../../src/ingest/folder.ts'
import {dossierPaths} from '../../../src/paths.ts'
import {copySampleContent, tempDir} from '../../helpers/site.ts'

const pathsFor = (content: string) => dossierPaths('/', {DOSSIER_CONTENT: content})

function readEntries(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).sort().map((n) => [n, readFileSync(path.join(dir, n), 'utf8')]))
}

test('ingest: the five samples become five entries; a second run writes nothing', async () => {
  const content = copySampleContent()
  const first = await ingestFolder(pathsFor(content))
  assert.equal(first.articles.length, 5)
  assert.equal(first.rejected.length, 0)
  assert.equal(first.written, 5)
  const second = await ingestFolder(pathsFor(content))
  assert.equal(second.written, 0)
  assert.equal(second.unchanged, 5)
})

test('ingest: two content folders with the same sources give byte-identical entries', async () => {
  const a = copySampleContent()
  const b = copySampleContent()
  await ingestFolder(pathsFor(a))
  await ingestFolder(pathsFor(b))
  assert.deepEqual(readEntries(path.join(a, 'articles')), readEntries(path.join(b, 'articles')))
})

test('ingest: a deleted source loses its stale entry', async () => {
  const content = copySampleContent()
  await ingestFolder(pathsFor(content))
  const victim = path.join(content, 'sources', '003_2e6916bc45a88ae1.txt')
  rmSync(victim)
  const summary = await ingestFolder(pathsFor(content))
  assert.equal(summary.removed, 1)
  assert.ok(!readdirSync(path.join(content, 'articles')).includes('003-2e6916bc.mdx'))
})

test('ingest: bad files are named rejections and the rest goes on', async () => {
  const content = copySampleContent()
  const sources = path.join(content, 'sources')
  writeFileSync(path.join(sources, 'empty.txt'), '')
  writeFileSync(path.join(sources, 'blank.txt'), '  \n\u200F\n\t\n')
  writeFileSync(path.join(sources, 'binary.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]))
  writeFileSync(path.join(sources, 'notes.docx'), 'x')
  writeFileSync(path.join(sources, 'orphan.meta.yaml'), 'title: x\n')
  cpSync(path.join(sources, '000_343249e2a2f5d01d.txt'), path.join(sources, 'with-sidecar.txt'))
  writeFileSync(path.join(sources, 'with-sidecar.meta.yaml'), 'title: [unclosed\n')
  mkdirSync(path.join(sources, 'sub'))
  const summary = await ingestFolder(pathsFor(content))
  assert.equal(summary.articles.length, 5)
  const reasons = new Map(summary.rejected.map((r) => [r.file, r.reason]))
  assert.match(reasons.get('sources/empty.txt') ?? '', /empty/)
  assert.match(reasons.get('sources/blank.txt') ?? '', /no text/)
  assert.match(reasons.get('sources/binary.txt') ?? '', /binary/)
  assert.match(reasons.get('sources/notes.docx') ?? '', /unsupported file type/)
  assert.match(reasons.get('sources/orphan.meta.yaml') ?? '', /sidecar without its source/)
  assert.match(reasons.get('sources/with-sidecar.txt') ?? '', /sidecar .* not valid YAML/)
  assert.equal(summary.rejected.length, 6)
  const report = JSON.parse(readFileSync(path.join(content, '.build', 'report.json'), 'utf8')) as {rejected: unknown[]}
  assert.equal(report.rejected.length, 6)
})

test('ingest: a sidecar overrides title and date, and says so', async () => {
  const content = tempDir('sidecar')
  cpSync(copySampleContent(), content, {recursive: true})
  writeFileSync(path.join(content, 'sources', '001_ae05557b0c171265.meta.yaml'), 'title: روبيو في الدوحة\ndate: 2025-09-16\noutlet: الشرق الأوسط\n')
  const summary = await ingestFolder(pathsFor(content))
  const entry = summary.articles.find((a) => a.data.file === 'sources/001_ae05557b0c171265.txt')
  assert.equal(entry?.data.title, 'روبيو في الدوحة')
  assert.equal(entry?.data.titleDerived, false)
  assert.equal(entry?.data.date, '2025-09-16')
  assert.equal(entry?.data.datePrecision, 'day')
  assert.equal(entry?.data.dateBasis, 'sidecar')
  assert.equal(entry?.data.outlet, 'الشرق الأوسط')
})

test('ingest: topics of the sample follow the dossier terms', async () => {
  const summary = await ingestFolder(pathsFor(copySampleContent()))
  const topics = Object.fromEntries(summary.articles.map((a) => [a.slug, a.data.topics]))
  assert.deepEqual(topics, {
    '000-343249e2': ['defence-cooperation-agreement', 'israeli-strike-on-doha', 'al-udeid-air-base'],
    '001-ae05557b': ['defence-cooperation-agreement', 'israeli-strike-on-doha'],
    '002-6b8aedf8': ['defence-cooperation-agreement', 'israeli-strike-on-doha'],
    '003-2e6916bc': ['defence-cooperation-agreement', 'israeli-strike-on-doha', 'al-udeid-air-base'],
    '004-e5837cf2': ['defence-cooperation-agreement', 'al-udeid-air-base']
  })
})

test('ingest: dates inferred from related articles are kept for the next run, for the same code only', async () => {
  const content = copySampleContent()
  const first = await ingestFolder(pathsFor(content), {buildDate: '2026-11-22'})
  const inferredDate = (summary: typeof first) => summary.articles.find((a) => a.data.dateBasis?.includes('related article'))
  const article = inferredDate(first)
  assert.ok(article, 'one sample takes its year from a related article')
  const file = path.join(content, '.build', 'cache', 'inferred-dates.json')
  const stored = JSON.parse(readFileSync(file, 'utf8')) as {version: string; dates: Record<string, {date: string | null}>}
  const keys = Object.keys(stored.dates)
  assert.equal(keys.length, 1)
  assert.equal(stored.dates[keys[0] ?? '']?.date, article.data.date)

  // The next run takes the stored date instead of inferring it again: a planted one shows.
  const planted = {...stored, dates: {[keys[0] ?? '']: {...stored.dates[keys[0] ?? ''], date: '2025-09-15'}}}
  writeFileSync(file, JSON.stringify(planted))
  const second = await ingestFolder(pathsFor(content), {buildDate: '2026-11-22'})
  assert.equal(second.articles.find((a) => a.slug === article.slug)?.data.date, '2025-09-15')

  // Stored by other code: not used, inferred again.
  writeFileSync(file, JSON.stringify({...planted, version: 'other code'}))
  const third = await ingestFolder(pathsFor(content), {buildDate: '2026-11-22'})
  assert.equal(third.articles.find((a) => a.slug === article.slug)?.data.date, article.data.date)
})
