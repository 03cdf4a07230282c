import assert from 'node:assert/strict'
import {test} from 'node:test'
import type {LabelledSentence} from '../../../src/entities/tagger/corpus.ts'
import {collectGazetteer, firstGazetteer, jackknifeGazetteers, tableGazetteer} from '../../../src/entities/tagger/gazetteer.ts'
import type {Label} from '../../../src/entities/tagger/labels.ts'

const sentence = (text: string, labels: string): LabelledSentence => ({tokens: text.split(' '), labels: labels.split(' ') as Label[]})
const sentences = [
  sentence('قال ماركو روبيو إن قطر', 'O B-PER I-PER O B-LOC'),
  sentence('وصل روبيو إلى الدوحة', 'O B-PER O B-LOC'),
  sentence('أعلنت وزارة الخارجية القطرية', 'O B-ORG I-ORG I-ORG'),
  sentence('وقطر دولة صغيرة', 'B-LOC O O'),
  sentence('الخارجية عنوان صحيفة', 'O O O'),
]

test('collects words that are mostly names, normalised, with and without clitics', () => {
  const table = collectGazetteer(sentences)
  assert.equal(table.get('قطر'), 'LOC')
  assert.equal(table.get('وقطر'), 'LOC')
  assert.equal(table.get('الدوحه'), 'LOC')
  assert.equal(table.get('روبيو'), 'PER')
  // ماركو opens a two-word person name: a given name.
  assert.equal(table.get('ماركو'), 'GIVEN')
  assert.equal(table.get('وزاره'), 'ORG')
  // الخارجية is a name word once in two: kept at the default share of 1/2, dropped when stricter.
  assert.equal(table.get('الخارجيه'), 'ORG')
  assert.equal(collectGazetteer(sentences, {minNameShare: 0.6}).get('الخارجيه'), undefined)
  assert.equal(table.get('قال'), undefined)
})

test('jackknifed lists never contain a sentence’s own names', () => {
  const many = Array.from({length: 120}, (_, index) => sentence(`اسم${index} وصل`, 'B-PER O'))
  const gazetteers = jackknifeGazetteers(many, 3)
  many.forEach((_, index) => {
    assert.equal(gazetteers[index]?.(`اسم${index}`), null)
  })
  // Names of other parts are known.
  assert.equal(gazetteers[0]?.('اسم60'), 'PER')
})

test('combined gazetteers ask in order of trust', () => {
  const registry = tableGazetteer(new Map([['الدوحه', 'LOC']]))
  const learned = tableGazetteer(new Map([['الدوحه', 'ORG'], ['قطر', 'LOC']]))
  const both = firstGazetteer(registry, undefined, learned)
  assert.equal(both('الدوحه'), 'LOC')
  assert.equal(both('قطر'), 'LOC')
  assert.equal(both('روبيو'), null)
})
