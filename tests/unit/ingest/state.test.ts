/**
 * The digest file (state.ts): appended to while most of it is in use, rewritten once a quarter
 * of it is not; a line cut short counts as missing, not as an error; a mention form is written
 * once however many digests have it.
 */
import assert from 'node:assert/strict'
import {appendFileSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {test} from 'node:test'
import type {ArticleDigest, MentionForm, RejectedDigest} from '../../../src/ingest/digest.ts'
import {readDigests, writeDigests, type Digest} from '../../../src/ingest/state.ts'
import {tempDir} from '../../helpers/site.ts'

const digest = (reason: string): RejectedDigest => ({ok: false, reason, file: {path: `sources/${reason}.txt`, messages: [], data: {}}})
const digestsOf = (...names: string[]) => new Map<string, Digest>(names.map((n) => [n, digest(n)]))
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').length - 2

test('state: digests are appended while most are in use, and the file rewritten when not', async () => {
  const file = path.join(tempDir('state'), 'digests.jsonl')
  await writeDigests(file, 'v1', await readDigests(file, 'v1'), digestsOf('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'))
  assert.equal(lines(file), 8)

  // One source added and one removed: one line appended, the unused one kept for now.
  let stored = await readDigests(file, 'v1')
  const kept = new Map([...stored.digests].filter(([key]) => key !== 'a').map(([key, {digest}]) => [key, digest]))
  await writeDigests(file, 'v1', stored, new Map([...kept, ['i', digest('i')]]))
  assert.equal(lines(file), 9)
  stored = await readDigests(file, 'v1')
  assert.deepEqual([...stored.digests.keys()].sort(), ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'])
  assert.deepEqual(stored.digests.get('i')?.digest, digest('i'))

  // Most no longer in use: rewritten with the current ones only.
  await writeDigests(file, 'v1', stored, digestsOf('b', 'x'))
  assert.deepEqual([...(await readDigests(file, 'v1')).digests.keys()], ['b', 'x'])

  // Other code: nothing kept.
  assert.equal((await readDigests(file, 'v2')).digests.size, 0)
})

test('state: a line cut short is missing, and the next write starts the file again', async () => {
  const file = path.join(tempDir('state'), 'digests.jsonl')
  await writeDigests(file, 'v1', await readDigests(file, 'v1'), digestsOf('a', 'b'))
  appendFileSync(file, 'c\t{"ok":false,"rea')
  const stored = await readDigests(file, 'v1')
  assert.deepEqual([...stored.digests.keys()], ['a', 'b'])
  assert.equal(stored.appendable, false)
  await writeDigests(file, 'v1', stored, digestsOf('a', 'b', 'c'))
  assert.deepEqual([...(await readDigests(file, 'v1')).digests.keys()], ['a', 'b', 'c'])
  assert.equal(lines(file), 3)
})

const doha: MentionForm = ['place', 'دوحه', 'doha', 'الدوحة']
const qatar: MentionForm = ['place', 'قطر', 'qatar', 'قطر']
const minister: MentionForm = ['person', 'خالد عطيه', null, 'خالد العطية']
const article = (slug: string, ...mentions: Array<[MentionForm, number]>): ArticleDigest => ({
  ok: true,
  slug,
  path: `sources/${slug}.txt`,
  date: {date: null, precision: null, basis: null, source: null, reason: 'no date in the text'} as unknown as ArticleDigest['date'],
  buildDays: {from: 0, to: null},
  paragraphsHash: slug,
  fullDates: [],
  anchors: [],
  mentions,
  words: 10,
  bandKeys: [1, 2, 3],
  shinglesKey: slug,
  file: {path: `sources/${slug}.txt`, messages: [], data: {}}
})
const formLines = (file: string) => readFileSync(file, 'utf8').split('\n').filter((line) => line.startsWith('@'))

test('state: a mention form is written once, read as one object, and numbered for good', async () => {
  const file = path.join(tempDir('state'), 'digests.jsonl')
  const a = article('a', [doha, 2], [qatar, 1])
  const b = article('b', [qatar, 3])
  await writeDigests(file, 'v1', await readDigests(file, 'v1'), new Map([['a', a], ['b', b]]))
  assert.equal(formLines(file).length, 2, 'qatar, in both digests, is written once')
  let stored = await readDigests(file, 'v1')
  const [readA, readB] = [stored.digests.get('a')?.digest, stored.digests.get('b')?.digest] as ArticleDigest[]
  assert.deepEqual(readA, a)
  assert.equal(readA?.mentions[1]?.[0], readB?.mentions[0]?.[0], 'one object for the form both digests have')

  // A digest with a known and a new form: appended with the new form's line only.
  const c = article('c', [readA?.mentions[0]?.[0] as MentionForm, 1], [minister, 4])
  await writeDigests(file, 'v1', stored, new Map([['a', readA], ['b', readB], ['c', c]] as Array<[string, Digest]>))
  assert.deepEqual(formLines(file).map((line) => line.split('\t')[0]), ['@0', '@1', '@2'])
  stored = await readDigests(file, 'v1')
  assert.deepEqual(stored.digests.get('c')?.digest, c)

  // Rewritten for one digest: its forms keep their numbers, the others are dropped.
  const readC = stored.digests.get('c')?.digest as Digest
  await writeDigests(file, 'v1', stored, new Map([['c', readC]]))
  assert.deepEqual(formLines(file).map((line) => line.split('\t')[0]), ['@0', '@2'])
  assert.deepEqual((await readDigests(file, 'v1')).digests.get('c')?.digest, c)

  // A form line lost: the digests naming it count as missing, the others are read.
  const text = readFileSync(file, 'utf8')
  writeFileSync(file, text.replace(/^@2\t.*\n/mu, '') + `d\t${JSON.stringify({...article('d', [doha, 1]), mentions: [0, 1]})}\n`)
  assert.deepEqual([...(await readDigests(file, 'v1')).digests.keys()], ['d'])
})
