import assert from 'node:assert/strict'
import {test} from 'node:test'
import {wordForms} from '../../../src/arabic/index.ts'
import {bandKeys, findDuplicates, pairKey, readShingles, type DuplicateCandidate} from '../../../src/ingest/duplicates.ts'
import {sampleNames, sampleText} from '../../helpers/samples.ts'

const samples = (): DuplicateCandidate[] => sampleNames().map((n) => ({slug: n.slice(0, 3), text: sampleText(n), date: null}))

/** Sample 001 lightly edited: a name spelled out, one spelling changed, Arabic commas made Latin, the last line dropped. */
function editedCopy(): string {
  const lines = sampleText('001_ae05557b0c171265.txt').split('\n').filter((l) => l.trim() !== '')
  return lines
    .slice(0, -1)
    .map((l, i) => (i === 2 ? l.replace('روبيو', 'ماركو روبيو') : i === 4 ? l.replaceAll('،', ',') : l))
    .join('\n')
    .replace('الأمريكي', 'الأميركي')
}

test('duplicates: the five sample articles, all on the same story, are not duplicates of each other', () => {
  assert.deepEqual(findDuplicates(samples()), new Map())
})

test('duplicates: a byte-identical copy and a lightly edited copy are found, and nothing else', () => {
  const docs = [
    ...samples(),
    {slug: 'copy', text: sampleText('000_343249e2a2f5d01d.txt'), date: null},
    {slug: 'edited', text: editedCopy(), date: null}
  ]
  assert.deepEqual(findDuplicates(docs), new Map([['copy', '000'], ['edited', '001']]))
})

test('duplicates: diacritics, hamza forms and ta marbuta do not hide a copy (normalised text)', () => {
  const text = sampleText('002_6b8aedf88ece1897.txt')
  const respelled = text.replaceAll('أ', 'ا').replaceAll('ة ', 'ه ').replaceAll('قطر', 'قَطَر')
  assert.notEqual(respelled, text)
  assert.deepEqual(findDuplicates([...samples(), {slug: 'respelled', text: respelled, date: null}]), new Map([['respelled', '002']]))
})

test('duplicates: the original is the earliest dated, then the one with most words, then the smallest slug', () => {
  const text = sampleText('003_2e6916bc45a88ae1.txt')
  const shorter = text.trimEnd().slice(0, text.trimEnd().lastIndexOf('\n'))
  assert.ok(shorter.length < text.length - 20)
  // Earliest known date wins; an unknown date comes after every known one.
  assert.deepEqual(
    findDuplicates([
      {slug: 'a', text, date: null},
      {slug: 'b', text: shorter, date: '2025-09-17'},
      {slug: 'c', text, date: '2025-09-18'}
    ]),
    new Map([['a', 'b'], ['c', 'b']])
  )
  // Same date: the one with most words (the fullest version) wins.
  assert.deepEqual(
    findDuplicates([
      {slug: 'a', text: shorter, date: '2025-09'},
      {slug: 'b', text, date: '2025-09'}
    ]),
    new Map([['a', 'b']])
  )
  // Same date and words: the smallest slug.
  assert.deepEqual(
    findDuplicates([
      {slug: 'z', text, date: null},
      {slug: 'm', text, date: null}
    ]),
    new Map([['z', 'm']])
  )
})

test('duplicates: the result does not depend on the order of the input', () => {
  const docs = [
    ...samples(),
    {slug: 'copy', text: sampleText('000_343249e2a2f5d01d.txt'), date: null},
    {slug: 'copy2', text: sampleText('000_343249e2a2f5d01d.txt'), date: '2025-09-16'},
    {slug: 'edited', text: editedCopy(), date: null}
  ]
  const expected = findDuplicates(docs)
  assert.deepEqual(expected, new Map([['000', 'copy2'], ['copy', 'copy2'], ['edited', '001']]))
  for (let shift = 1; shift < docs.length; shift++) {
    const rotated = [...docs.slice(shift), ...docs.slice(0, shift)]
    assert.deepEqual(findDuplicates(rotated), expected)
    assert.deepEqual(findDuplicates([...rotated].reverse()), expected)
  }
})

test('duplicates: a rewritten article on the same event is not a copy; the threshold decides', () => {
  // Half of sample 004's lines: similarity about one half, under the default 0.7.
  const lines = sampleText('004_e5837cf2311ce5b0.txt').split('\n').filter((l) => l.trim() !== '')
  const half = lines.filter((_, i) => i % 2 === 0).join('\n')
  const docs = [...samples(), {slug: 'half', text: half, date: null}]
  assert.deepEqual(findDuplicates(docs), new Map())
  assert.deepEqual(findDuplicates(docs, {threshold: 0.3}), new Map([['half', '004']]))
})

test('duplicates: very short texts are compared whole; empty texts never match', () => {
  assert.deepEqual(
    findDuplicates([
      {slug: 'a', text: 'قطر والولايات المتحدة', date: null},
      {slug: 'b', text: 'قَطَر والولايات المتحدة', date: null},
      {slug: 'c', text: 'قطر وإسرائيل', date: null},
      {slug: 'd', text: '', date: null},
      {slug: 'e', text: '!!!', date: null}
    ]),
    new Map([['b', 'a']])
  )
})

test('duplicates: shingles read beforehand (with their signature) find what the texts find', () => {
  const texts = [
    ...samples(),
    {slug: 'copy', text: sampleText('000_343249e2a2f5d01d.txt'), date: null},
    {slug: 'edited', text: editedCopy(), date: null}
  ]
  const read = texts.map((d) => ({slug: d.slug, date: d.date, shingles: readShingles(wordForms('text' in d ? d.text : ''))}))
  assert.ok(read.every((d) => d.shingles.signature.length === 128))
  assert.deepEqual(findDuplicates(read), findDuplicates(texts))
  assert.deepEqual(findDuplicates(read), new Map([['copy', '000'], ['edited', '001']]))
  // Other banding than the signature was made for: the signature is not used, the result stands.
  assert.deepEqual(findDuplicates(read, {bands: 16, rows: 4}), findDuplicates(texts, {bands: 16, rows: 4}))
  // Only the band keys of the signatures, the shingles fetched when compared: the same again.
  const banded = read.map(({shingles: {hashes, words, signature}, ...d}) => ({...d, shingles: {words, bandKeys: bandKeys(signature), hashes: () => hashes}}))
  assert.deepEqual(findDuplicates(banded), findDuplicates(texts))
  assert.deepEqual(findDuplicates(banded, {bands: 16, rows: 4}), findDuplicates(texts, {bands: 16, rows: 4}))
})

test('duplicates: a pair compared by an earlier pass is not read again, and its result stands', () => {
  const texts = [...samples(), {slug: 'copy', text: sampleText('000_343249e2a2f5d01d.txt'), date: null}, {slug: 'edited', text: editedCopy(), date: null}]
  const reads: string[] = []
  const lazy = texts.map((d) => {
    const {hashes, words, signature} = readShingles(wordForms('text' in d ? d.text : ''))
    const hashesOf = () => (reads.push(d.slug), hashes)
    return {slug: d.slug, date: d.date, shingles: {words, bandKeys: bandKeys(signature), key: `k-${d.slug}`, hashes: hashesOf}}
  })
  const first = {known: new Map<string, number>(), used: new Map<string, number>()}
  assert.deepEqual(findDuplicates(lazy, {pairs: first}), new Map([['copy', '000'], ['edited', '001']]))
  assert.ok(reads.length >= 4 && first.used.size >= 2, 'the candidate pairs were compared and recorded')
  assert.equal(first.used.get(pairKey('k-copy', 'k-000')), 1, 'a byte-identical copy')

  reads.length = 0
  const second = {known: first.used, used: new Map<string, number>()}
  assert.deepEqual(findDuplicates(lazy, {pairs: second}), new Map([['copy', '000'], ['edited', '001']]))
  assert.deepEqual(reads, [], 'no shingles read')
  assert.deepEqual(second.used, first.used)

  // What is known is what is used: a pair recorded as not similar stays apart.
  const overruled = {known: new Map([...first.used, [pairKey('k-copy', 'k-000'), 0.1]]), used: new Map<string, number>()}
  assert.deepEqual(findDuplicates(lazy, {pairs: overruled}), new Map([['edited', '001']]))
  // A similarity, not a verdict: another threshold over the same known pairs decides anew, unread.
  reads.length = 0
  const strict = {known: first.used, used: new Map<string, number>()}
  assert.deepEqual(findDuplicates(lazy, {pairs: strict, threshold: 0.9999}), new Map([['copy', '000']]))
  assert.deepEqual(reads, [])
})
