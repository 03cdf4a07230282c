/**
 * The digest file (state.ts): appended to while most of it is in use, rewritten once a quarter
 * of it is not; a line cut short counts as missing, not as an error.
 */
import assert from 'node:assert/strict'
import {appendFileSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {test} from 'node:test'
import type {RejectedDigest} from '../../../src/ingest/digest.ts'
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
