import assert from 'node:assert/strict'
import {test} from 'node:test'
import {classToType, classTypes, groupClitics, joinSegmentedClitics, mapTags, parseIobText, splitPart} from '../../../src/entities/tagger/corpus.ts'
import type {Label} from '../../../src/entities/tagger/labels.ts'

test('NewsFANE person classes map to PER', () => {
  for (const name of ['Politician', 'Athlete', 'Artist', 'Other_PER', 'Religious_PER', 'Scientist', 'Businessperson', 'Lawyer', 'Engineer', 'Police']) {
    assert.equal(classToType(name), 'PER', name)
  }
})

test('NewsFANE organisation classes map to ORG', () => {
  for (const name of ['Government', 'Non-Governmental', 'Commercial', 'Media', 'Educational', 'Sports', 'Religious_ORG', 'Entertainment', 'Medical-Science']) {
    assert.equal(classToType(name), 'ORG', name)
  }
})

test('NewsFANE places and named facilities map to LOC', () => {
  for (const name of ['Nation', 'Population-Center', 'State-or-Province', 'County-or-District', 'GPE-Cluster', 'Continent', 'Water-Body', 'Land-Region-Natural', 'Building-Grounds', 'Airport', 'Path']) {
    assert.equal(classToType(name), 'LOC', name)
  }
})

test('demonym groups, unnamed sub-facilities and works are not PER/LOC/ORG', () => {
  for (const name of ['Group', 'Subarea-Facility', 'Book', 'Movie', 'Software', 'Land', 'Air', 'MIS', 'MISC']) {
    assert.equal(classToType(name), null, name)
  }
  assert.equal(classToType('Spaceship'), undefined)
})

test('every class of the table maps to PER, LOC, ORG or nothing', () => {
  for (const type of Object.values(classTypes)) assert.ok(type === null || ['PER', 'LOC', 'ORG'].includes(type))
})

test('coarse names of other corpora are understood', () => {
  assert.equal(classToType('PERS'), 'PER')
  assert.equal(classToType('GPE'), 'LOC')
  assert.equal(classToType('org'), 'ORG')
})

test('IOB2 fine tags become coarse IOB2 labels', () => {
  const {labels, unknownClasses} = mapTags(['B-Politician', 'I-Politician', 'O', 'B-Group', 'B-Population-Center', 'B-Nation', 'I-Nation', 'B-Government', 'I-Government'])
  assert.deepEqual(labels, ['B-PER', 'I-PER', 'O', 'O', 'B-LOC', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG'])
  assert.deepEqual(unknownClasses, [])
})

test('IOB1, IO and IOBES tags are read as conlleval reads chunks', () => {
  // IOB1: I- starts a chunk after O or another type; B- only separates two chunks of one type.
  assert.deepEqual(mapTags(['I-PER', 'I-PER', 'B-PER', 'O', 'I-LOC', 'I-ORG']).labels, ['B-PER', 'I-PER', 'B-PER', 'O', 'B-LOC', 'B-ORG'])
  assert.deepEqual(mapTags(['S-LOC', 'B-ORG', 'E-ORG', 'S-ORG']).labels, ['B-LOC', 'B-ORG', 'I-ORG', 'B-ORG'])
  // An I- after a dropped class starts a new chunk.
  assert.deepEqual(mapTags(['B-Group', 'I-Nation']).labels, ['O', 'B-LOC'])
  const unknown = mapTags(['B-Spaceship', 'X'])
  assert.deepEqual(unknown.labels, ['O', 'O'])
  assert.deepEqual(unknown.unknownClasses, ['Spaceship', 'X'])
})

test('parses NewsFANE quirks: BOM, CRLF, U+200E marks, tab lines between sentences', () => {
  const text = '\uFEFF\u200Eالدوحة\tB-Population-Center\r\n\u200E(\tO\r\n\t\r\n\u200Eقطر\tB-Nation\r\n'
  assert.deepEqual(parseIobText(text), [
    {tokens: ['الدوحة', '('], tags: ['B-Population-Center', 'O']},
    {tokens: ['قطر'], tags: ['B-Nation']},
  ])
})

test('parses space-separated AQMAR lines and drops tokens that are only direction marks', () => {
  assert.deepEqual(parseIobText('لكن O\nالبندقيين B-PER\n\u200F O\n\n\nمارك O\n'), [
    {tokens: ['لكن', 'البندقيين'], tags: ['O', 'B-PER']},
    {tokens: ['مارك'], tags: ['O']},
  ])
})

test('joins ATB-segmented clitics as running text writes them', () => {
  const sentence = {
    tokens: ['و', 'قال', 'ان', 'ه', 'وصل', 'ل', 'الاتحاد', 'ب', 'هونج', 'كونج', 'مع', 'خطورة', 'هم'],
    labels: ['O', 'O', 'O', 'O', 'O', 'O', 'B-ORG', 'O', 'B-LOC', 'I-LOC', 'O', 'O', 'O'] as Label[],
  }
  assert.deepEqual(joinSegmentedClitics(sentence), {
    tokens: ['وقال', 'انه', 'وصل', 'للاتحاد', 'بهونج', 'كونج', 'مع', 'خطورتهم'],
    labels: ['O', 'O', 'O', 'B-ORG', 'B-LOC', 'I-LOC', 'O', 'O'],
  })
})

test('a clitic-like token inside a name stays a token', () => {
  // "د ب ا" is the agency dpa: its ب is not a preposition.
  const sentence = {tokens: ['د', 'ب', 'ا', 'و', 'ب', 'هونج'], labels: ['B-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'B-LOC'] as Label[]}
  assert.deepEqual(joinSegmentedClitics(sentence).tokens, ['د', 'ب', 'ا', 'وبهونج'])
  assert.deepEqual(groupClitics(['و', 'ب', 'هونج'])[0], {start: 0, stem: 2, end: 3, text: 'وبهونج'})
})

test('the NewsFANE split is deterministic, block-wise and about 80/10/10', () => {
  const parts = Array.from({length: 5000}, (_, index) => splitPart(index))
  assert.deepEqual(parts, Array.from({length: 5000}, (_, index) => splitPart(index)))
  for (let index = 0; index < 5000; index++) assert.equal(parts[index], parts[index - (index % 20)])
  const share = (part: string): number => parts.filter((p) => p === part).length / parts.length
  assert.ok(share('train') > 0.7 && share('train') < 0.9, `train ${share('train')}`)
  assert.ok(share('dev') > 0.05 && share('dev') < 0.15, `dev ${share('dev')}`)
  assert.ok(share('test') > 0.05 && share('test') < 0.15, `test ${share('test')}`)
  assert.notDeepEqual(parts, Array.from({length: 5000}, (_, index) => splitPart(index, {seed: 7})))
})
