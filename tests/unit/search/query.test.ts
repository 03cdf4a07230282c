import assert from 'node:assert/strict'
import {test} from 'node:test'
import {parseQuery} from '../../../src/search/query.ts'

test('every word becomes its key; keys are deduplicated', () => {
  const query = parseQuery('والدوحة بالدوحة ترمب')
  assert.deepEqual(
    query.terms.map((term) => [term.written, term.key]),
    [
      ['والدوحة', 'دوح'],
      ['بالدوحة', 'دوح'],
      ['ترمب', 'ترامب']
    ]
  )
  assert.deepEqual(query.keys, ['دوح', 'ترامب'])
  assert.deepEqual(query.phrases, [])
  assert.equal(query.searchable, true)
})

test('quoted text stays a phrase, with any of the usual quote marks', () => {
  for (const raw of ['"قاعدة العديد" قطر', '«قاعدة العديد» قطر', '“قاعدة العديد” قطر']) {
    const query = parseQuery(raw)
    assert.deepEqual(query.phrases.map((phrase) => phrase.map((term) => term.key)), [['قاعد', 'عديد']], raw)
    assert.deepEqual(query.keys, ['قاعد', 'عديد', 'قطر'], raw)
  }
  // One quoted word is a word; an unclosed quote is plain text.
  assert.deepEqual(parseQuery('"ترمب"').phrases, [])
  assert.deepEqual(parseQuery('"تل أبيب').phrases, [])
  assert.deepEqual(parseQuery('"تل أبيب').keys, ['تل', 'ابيب'])
})

test('digits, Latin and punctuation', () => {
  assert.deepEqual(parseQuery('٩ سبتمبر').keys, ['9', 'سبتمبر'])
  assert.deepEqual(parseQuery('١٩٩٢').keys, ['1992'])
  assert.deepEqual(parseQuery('F-15 CENTCOM').keys, ['f15', 'centcom'])
  assert.deepEqual(parseQuery('قطر، واشنطن!').keys, ['قطر', 'واشنطن'])
})

test('fewer than two letters is not worth a search', () => {
  assert.equal(parseQuery('').searchable, false)
  assert.equal(parseQuery('  ').searchable, false)
  assert.equal(parseQuery('ق').searchable, false)
  assert.equal(parseQuery('قَ').searchable, false) // a diacritic is not a letter
  assert.equal(parseQuery('قط').searchable, true)
  assert.equal(parseQuery('9').searchable, false)
  assert.equal(parseQuery('قطر', {minLength: 4}).searchable, false)
})
