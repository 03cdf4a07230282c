/**
 * The incremental ingest (digests and entry records kept in `.build/cache`, state.ts) writes what a
 * cold ingest of the same sources writes, after sources are added, edited and removed, and when
 * its state or an entry was tampered with.
 */
import assert from 'node:assert/strict'
import {appendFileSync, cpSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {test} from 'node:test'
import {setTimeout} from 'node:timers/promises'
import {generateCorpus} from '../../../src/bench/corpus.ts'
import {writeArticle} from '../../../src/bench/workspace.ts'
import {ingestFolder} from '../../../src/ingest/folder.ts'
import {dossierPaths} from '../../../src/paths.ts'
import {copySampleContent, ingestOutputs, tempDir} from '../../helpers/site.ts'

const buildDate = '2026-11-22'
const ingest = (content: string) => ingestFolder(dossierPaths('/', {DOSSIER_CONTENT: content}), {buildDate, workers: 0})

function replaceIn(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8')
  assert.ok(text.includes(from))
  writeFileSync(file, text.replace(from, to))
}

/** What a cold ingest of the same sources writes. */
async function coldOutputs(content: string): Promise<Map<string, string>> {
  const cold = tempDir('cold')
  cpSync(path.join(content, 'dossier.yaml'), path.join(cold, 'dossier.yaml'))
  cpSync(path.join(content, 'sources'), path.join(cold, 'sources'), {recursive: true})
  await ingest(cold)
  return ingestOutputs(cold)
}

test('incremental: after adding, editing and removing sources, the output is what a cold ingest writes', async () => {
  const content = copySampleContent()
  const first = await ingest(content)
  const [extra] = generateCorpus({articles: 1})
  const changes: Array<[string, () => Promise<unknown> | void]> = [
    ['add a source', () => writeArticle(content, extra as NonNullable<typeof extra>)],
    // 002 names «همام الحية» once; three mentions of «همام الحيّة» make that spelling the entity's name,
    // under the same id (the slug drops the shadda): 002's page must show the new name.
    ['add a source that renames an entity of an unchanged one', () => writeFileSync(path.join(content, 'sources', '900_variant.txt'), renaming)],
    // 002 takes the year of its "9 سبتمبر الجاري" from 000's "9 سبتمبر 2025": with another year
    // there, 002's date changes although its own source did not.
    ['edit a source', () => replaceIn(path.join(content, 'sources', '000_343249e2a2f5d01d.txt'), '9 سبتمبر 2025', '9 سبتمبر 2026')],
    ['remove a source', () => rmSync(path.join(content, 'sources', '003_2e6916bc45a88ae1.txt'))]
  ]
  const dates = [first.articles.find((a) => a.slug === '002-6b8aedf8')?.data.date]
  const names = [entityName(first, 'hmam-alhya')]
  for (const [change, apply] of changes) {
    await apply()
    const summary = await ingest(content)
    dates.push(summary.articles.find((a) => a.slug === '002-6b8aedf8')?.data.date)
    names.push(entityName(summary, 'hmam-alhya'))
    assert.ok(summary.engine.cached > 0, `${change}: unchanged sources come from the cache`)
    assert.deepEqual(ingestOutputs(content), await coldOutputs(content), `${change}: incremental and cold agree`)
  }
  assert.notEqual(dates[3], dates[2], 'the edit changed the date of an article whose source did not change')
  assert.deepEqual(names.slice(0, 3), ['همام الحية', 'همام الحية', 'همام الحيّة'], 'the new source renamed the entity, keeping its id')
})

const renaming = [
  'تشييع نجل القيادي في حماس',
  'الدوحة - وكالات',
  'شيّع المئات في الدوحة اليوم همام الحيّة، نجل رئيس حركة حماس في غزة خليل الحية.',
  'وقال مقربون من العائلة إن همام الحيّة كان يرافق والده في الاجتماع.',
  'وأضافوا أن جثمان همام الحيّة نقل إلى مقبرة في الدوحة.'
].join('\n\n')

/** The name the ingest gave an entity. */
function entityName(summary: Awaited<ReturnType<typeof ingest>>, id: string): string | undefined {
  return summary.entities.find((e) => e.id === id)?.name
}

test('incremental: an unreadable state, a missing cache and an entry edited by hand are all made good', async () => {
  const content = copySampleContent()
  const first = await ingest(content)
  const expected = ingestOutputs(content)
  const dataBefore = new Map(first.articles.map((a) => [a.slug, a.data]))

  const unchanged = await ingest(content)
  assert.equal(unchanged.written, 0)
  // An entry left as it was is not read, but its data still is when asked for.
  assert.deepEqual(new Map(unchanged.articles.map((a) => [a.slug, a.data])), dataBefore)

  // A digest line cut short, then entry records that do not parse.
  const digests = path.join(content, '.build', 'cache', 'digests.jsonl')
  writeFileSync(digests, readFileSync(digests, 'utf8').slice(0, -100))
  assert.equal((await ingest(content)).written, 0)
  assert.deepEqual(ingestOutputs(content), expected)
  writeFileSync(path.join(content, '.build', 'cache', 'entries.json'), '{"version": "truncated')
  assert.equal((await ingest(content)).written, 0)
  assert.deepEqual(ingestOutputs(content), expected)

  const entry = path.join(content, 'articles', readdirSync(path.join(content, 'articles'))[0] as string)
  appendFileSync(entry, '\nedited by hand\n')
  rmSync(path.join(content, '.build', 'cache', 'render'), {recursive: true})
  const repaired = await ingest(content)
  assert.equal(repaired.written, 1)
  assert.deepEqual(ingestOutputs(content), expected)

  // With only the state left, every analysis and rendering asked for is made again.
  rmSync(path.join(content, '.build', 'cache', 'analysis'), {recursive: true})
  rmSync(path.join(content, '.build', 'cache', 'render'), {recursive: true})
  const rebuilt = await ingest(content)
  assert.deepEqual(new Map(rebuilt.articles.map((a) => [a.slug, a.data])), dataBefore)
  assert.deepEqual(ingestOutputs(content), expected)
})

test('incremental: a source not touched since the last run is not read again; one that was is, whatever its times say', async () => {
  const content = copySampleContent()
  writeFileSync(path.join(content, 'sources', '004_e5837cf2311ce5b0.meta.yaml'), 'outlet: الجزيرة نت\n')
  const sources = readdirSync(path.join(content, 'sources'))
  // Modification times in whole seconds, so that one can be put back exactly below.
  const file = path.join(content, 'sources', '000_343249e2a2f5d01d.txt')
  const past = Math.floor(Date.now() / 1000) - 60
  utimesSync(file, past, past)
  // A source changed within two seconds of a run is read again by the next one: wait that out.
  await setTimeout(2100)
  const first = await ingest(content)
  assert.equal(first.sourcesRead, sources.length, 'five sources and a sidecar')
  const again = await ingest(content)
  assert.equal(again.sourcesRead, 0)
  assert.equal(again.articles.find((a) => a.slug === '004-e5837cf2')?.data.outlet, 'الجزيرة نت', 'the sidecar as it was read')

  // Other bytes of the same length, and the modification time put back (as a copy that keeps
  // times leaves it): the change time still tells.
  replaceIn(file, '9 سبتمبر 2025', '9 سبتمبر 2026')
  utimesSync(file, past, past)
  // Past the two seconds in which any changed source is read again: only the change time tells now.
  await setTimeout(2100)
  assert.equal((await ingest(content)).sourcesRead, 1)
  const expected = await coldOutputs(content)
  assert.deepEqual(ingestOutputs(content), expected)

  // A record that no longer fits the file's bytes, found when the source must be analysed: the run
  // stops with the file named, and the next one reads every source.
  const records = path.join(content, '.build', 'cache', 'sources.json')
  const state = JSON.parse(readFileSync(records, 'utf8')) as {sources: Record<string, string[]>}
  ;(state.sources['sources/001_ae05557b0c171265.txt'] as string[])[4] = '0'.repeat(64)
  writeFileSync(records, JSON.stringify(state))
  await assert.rejects(ingest(content), /001_ae05557b0c171265\.txt changed while the ingest ran/)
  assert.equal((await ingest(content)).sourcesRead, sources.length)
  assert.deepEqual(ingestOutputs(content), expected)
})

test('incremental: sources written just before a run are recorded at its end once settled, and then not read again', async () => {
  const content = copySampleContent()
  writeFileSync(path.join(content, 'sources', '004_e5837cf2311ce5b0.meta.yaml'), 'outlet: الجزيرة نت\n')
  const files = readdirSync(path.join(content, 'sources')).length
  const run = (now: () => number) => ingestFolder(dossierPaths('/', {DOSSIER_CONTENT: content}), {buildDate, workers: 0, now})
  // Every file was just written: a run that ends within the settle time records none of them, so
  // the next run reads them all again.
  const quick = await run(Date.now)
  assert.deepEqual([quick.sourcesRead, quick.sourcesSettled], [files, 0])
  // A run whose clock is past the settle time by its end (as a run of thousands of articles is):
  // it reads them again there and records them.
  let calls = 0
  const long = await run(() => Date.now() + (calls++ === 0 ? 0 : 3000))
  assert.deepEqual([long.sourcesRead, long.sourcesSettled], [files, files])
  const later = () => Date.now() + 3000
  const next = await run(later)
  assert.deepEqual([next.sourcesRead, next.sourcesSettled], [0, 0])
  assert.equal(next.articles.find((a) => a.slug === '004-e5837cf2')?.data.outlet, 'الجزيرة نت', 'the sidecar as it was recorded')
  // A source edited after it settled is read again, and the output is a cold ingest's.
  replaceIn(path.join(content, 'sources', '000_343249e2a2f5d01d.txt'), '9 سبتمبر 2025', '9 سبتمبر 2026')
  const edited = await run(() => Date.now() + 6000)
  assert.equal(edited.sourcesRead, 1)
  assert.deepEqual(ingestOutputs(content), await coldOutputs(content))
})
