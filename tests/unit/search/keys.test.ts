import assert from 'node:assert/strict'
import {test} from 'node:test'
import {normalizeArabic} from '../../../src/arabic/normalize.ts'
import {indexKeys, pagefindForm, queryKey, stemKey, wordKeys} from '../../../src/search/keys.ts'

const key = (word: string) => queryKey(normalizeArabic(word))

test('clitic forms of a word from the samples share one query key', () => {
  // 000: للدوحة, 001: الدوحة, 002: بالدوحة, 003: والدوحة
  for (const form of ['الدوحة', 'للدوحة', 'بالدوحة', 'والدوحة', 'فالدوحة', 'دوحة']) assert.equal(key(form), 'دوح', form)
  // 002 writes بغزة, 000 غزة: a short stem keeps its ta marbuta (غز would match غزو)
  assert.equal(key('بغزة'), 'غزه')
  assert.equal(key('وغزة'), key('غزة'))
  assert.equal(key('لروبيو'), key('روبيو'))
  assert.equal(key('والأنصاري'), key('الأنصاري'))
})

test('spelling variants, hamza forms and inflections meet on the same key', () => {
  assert.equal(key('ترمب'), 'ترامب') // 001 writes ترمب, 000 ترامب
  assert.equal(key('ترامب'), 'ترامب')
  assert.equal(key('الأميركية'), key('الأمريكي')) // 001 vs 000
  assert.equal(key('أميركي'), 'امريك')
  assert.equal(key('بلنكن'), 'بلينكن') // the variant keeps its ب: بلينكن is a known name
  assert.equal(key('اتفاقیة'), 'اتفاق') // Persian yeh
  assert.equal(key('الاتفاقيات'), key('اتفاقية'))
  assert.equal(key('الدَّوْحَة'), key('الـدوحـة'))
})

test('a prefix that belongs to the word is kept', () => {
  assert.equal(key('وزارة'), 'وزاره') // not زار ("visited")
  assert.equal(key('واشنطن'), 'واشنطن')
  assert.equal(key('بواشنطن'), 'واشنطن')
  assert.equal(stemKey('وزاره'), 'وزاره')
  assert.equal(stemKey('اتفاقيات'), 'اتفاق')
})

test('wordKeys keeps every reading of an ambiguous word, so the deepest query key is always filed', () => {
  assert.deepEqual(wordKeys('لوبي'), ['لوبي', 'وبي'])
  assert.deepEqual(wordKeys('اللوبي'), ['لوبي', 'وبي'])
  for (const written of ['لوبي', 'اللوبي', 'للوبي', 'واللوبي']) {
    assert.ok(indexKeys(normalizeArabic(written)).includes(key('لوبي')), written)
  }
  assert.deepEqual(wordKeys('والدوحه'), ['والدوحه', 'دوحه'])
  assert.deepEqual(indexKeys('والدوحه'), ['والدوحه', 'دوح'])
})

test('pagefindForm files a word as Pagefind does: lower case, marks and punctuation removed', () => {
  assert.equal(pagefindForm('الدَّوحة'), 'الدوحة')
  assert.equal(pagefindForm('أمير'), 'امير')
  assert.equal(pagefindForm('F-15'), 'f15')
  assert.equal(pagefindForm('«حماس»'), 'حماس')
})
