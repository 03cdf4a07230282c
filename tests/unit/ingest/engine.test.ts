/**
 * The ingest engine: cached runs, worker threads and a single thread all give
 * the same bytes; a changed source is the only one re-read.
 */
import assert from 'node:assert/strict'
import {appendFileSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {test} from 'node:test'
import {VFile} from 'vfile'
import {fromPlainFile, SHARED_MODULES, toPlainFile} from '../../../src/ingest/engine.ts'
import {ingestFolder} from '../../../src/ingest/folder.ts'
import {dossierPaths} from '../../../src/paths.ts'
import {copySampleContent} from '../../helpers/site.ts'

const entries = (content: string) =>
  new Map(readdirSync(path.join(content, 'articles')).sort().map((n) => [n, readFileSync(path.join(content, 'articles', n), 'utf8')]))

test('engine: worker threads and this thread write byte-identical entries', async () => {
  const single = copySampleContent()
  const threaded = copySampleContent()
  await ingestFolder(dossierPaths('/', {DOSSIER_CONTENT: single}), {buildDate: '2026-11-22', workers: 0})
  const summary = await ingestFolder(dossierPaths('/', {DOSSIER_CONTENT: threaded}), {buildDate: '2026-11-22', workers: 2})
  assert.equal(summary.engine.workers, 2)
  assert.deepEqual(entries(threaded), entries(single))
})

test('engine: a rebuild reads every file from the cache; a changed source is re-read alone', async () => {
  const content = copySampleContent()
  const paths = dossierPaths('/', {DOSSIER_CONTENT: content})
  const first = await ingestFolder(paths, {buildDate: '2026-11-22'})
  assert.deepEqual([first.engine.cached, first.engine.computed], [0, 5])
  const before = entries(content)
  const second = await ingestFolder(paths, {buildDate: '2026-11-22'})
  assert.deepEqual([second.engine.cached, second.engine.computed], [5, 0])
  assert.deepEqual(entries(content), before)
  appendFileSync(path.join(content, 'sources', '003_2e6916bc45a88ae1.txt'), '\nوأكد الوزير أن الحوار مستمر.\n')
  const third = await ingestFolder(paths, {buildDate: '2026-11-22'})
  assert.deepEqual([third.engine.cached, third.engine.computed], [4, 1])
  assert.equal(third.written, 1)
})

test('engine: on a later build day the cached entries are what a cold run that day writes', async () => {
  // On 2025-09-15 the sample dated by its weekday to 2025-09-16 (a Tuesday) cannot be dated yet:
  // that day is left out as later than the build day. The next day it can.
  const days = ['2025-09-15', '2025-09-16', '2026-11-22']
  const warm = copySampleContent()
  const warmPaths = dossierPaths('/', {DOSSIER_CONTENT: warm})
  const seen = new Set<string>()
  for (const buildDate of days) {
    const summary = await ingestFolder(warmPaths, {buildDate})
    const cold = copySampleContent()
    await ingestFolder(dossierPaths('/', {DOSSIER_CONTENT: cold}), {buildDate})
    assert.deepEqual(entries(warm), entries(cold), `incremental and cold agree on ${buildDate}`)
    for (const article of summary.articles) seen.add(`${article.slug}:${article.data.date}`)
    if (buildDate === '2026-11-22') assert.ok(summary.engine.cached > 0, 'analyses that hold for any later day are kept')
  }
  assert.ok(seen.size > articleCount(seen), 'some date changed with the build day')
})

/** The number of distinct articles among `slug:date` pairs. */
function articleCount(pairs: ReadonlySet<string>): number {
  return new Set([...pairs].map((pair) => pair.split(':')[0])).size
}

test('a file kept as plain data comes back with the same messages, and stack traces stay as they were set', () => {
  const file = new VFile({path: 'sources/a.txt'})
  file.message('removed related-articles marker', {source: 'dossier', ruleId: 'boilerplate', place: {start: {line: 20, column: 1}, end: {line: 22, column: 5}}})
  file.message('decoded as utf-8', {source: 'dossier', ruleId: 'encoding'})
  const warning = file.message('no date', {source: 'dossier', ruleId: 'date', place: {line: 3, column: 2}})
  warning.fatal = false
  file.data['removed'] = [{fromLine: 20, toLine: 22, reason: 'related-articles marker', text: 'اقرأ أيضاً'}]
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 7
  try {
    const again = fromPlainFile(toPlainFile(file))
    assert.equal(Error.stackTraceLimit, 7)
    const fields = (f: VFile) => f.messages.map((m) => [m.reason, m.line, m.column, m.place, m.ruleId, m.source, m.fatal])
    assert.deepEqual(fields(again), fields(file))
    assert.deepEqual(again.data, file.data)
    assert.equal(again.path, file.path)
  } finally {
    Error.stackTraceLimit = limit
  }
})

test('the ingest code version covers every module outside its folders that the ingest imports', () => {
  const src = path.join(import.meta.dirname, '..', '..', '..', 'src')
  const imported = new Set<string>()
  for (const dir of ['arabic', 'ingest', 'entities']) {
    for (const name of readdirSync(path.join(src, dir), {recursive: true, encoding: 'utf8'})) {
      if (!name.endsWith('.ts')) continue
      const file = path.join(src, dir, name)
      for (const [, target] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+\.ts)'/g)) {
        const resolved = path.relative(src, path.resolve(path.dirname(file), target as string))
        if (!['arabic', 'ingest', 'entities'].includes(resolved.split(path.sep)[0] as string)) imported.add(resolved)
      }
    }
  }
  assert.deepEqual([...imported].sort(), [...SHARED_MODULES].sort())
})
