import assert from 'node:assert/strict'
import {test} from 'node:test'
import {tokenize} from '../../../src/arabic/tokenize.ts'
import {indexTerms} from '../../../src/search/index-terms.ts'
import {pagefindForm, queryKey} from '../../../src/search/keys.ts'
import {sampleText} from '../arabic/samples.ts'

// 002, line 5
const sentence =
  'وسئل متحدث وزارة الخارجية القطرية ماجد الأنصاري، في مؤتمر صحفي بالدوحة، عما إذا كانت المهلة الزمنية أمام الاتفاق الدفاعي المعزز مع واشنطن جرى تسريعها بعد الهجوم الإسرائيلي.'

test('the forms of a sentence are the keys its words are searched by, minus what it already says', () => {
  const {forms, aliases} = indexTerms({text: sentence})
  // بالدوحة → دوح, الأنصاري → انصار, الإسرائيلي → اسرائيل, تسريعها → تسريع
  for (const form of ['دوح', 'انصار', 'اسرائيل', 'تسريع', 'اتفاق', 'وزاره']) assert.ok(forms.includes(form), form)
  // Words the sentence contains as written (Pagefind indexes them anyway) are not repeated.
  const written = new Set(tokenize(sentence).map((token) => pagefindForm(token.text)))
  for (const form of forms) assert.ok(!written.has(pagefindForm(form)), form)
  for (const form of ['متحدث', 'واشنطن', 'ماجد']) assert.ok(!forms.includes(form), form)
  assert.deepEqual(aliases, [])
})

test('every word of the samples can be found by its query key', () => {
  const text = sampleText()
  const {forms} = indexTerms({text})
  const filed = new Set([...tokenize(text).map((token) => pagefindForm(token.text)), ...forms.map(pagefindForm)])
  for (const token of tokenize(text)) {
    if (token.kind === 'word') assert.ok(filed.has(pagefindForm(queryKey(token.norm))), `${token.text} → ${queryKey(token.norm)}`)
  }
})

test('forms are deduplicated, deterministic, and digits get their ASCII form', () => {
  const text = 'وفي ٩ سبتمبر/ أيلول الجاري، شن الجيش الإسرائيلي هجوما جويا على قيادة حركة “حماس” بالدوحة. بالدوحة والدوحة'
  const first = indexTerms({text})
  assert.deepEqual(indexTerms({text}), first)
  assert.equal(new Set(first.forms).size, first.forms.length)
  assert.ok(first.forms.includes('9'))
  assert.equal(first.forms.filter((form) => form === 'دوح').length, 1)
})

test('aliases become phrases of query keys, once each', () => {
  const {aliases} = indexTerms({text: sentence, aliases: ['دونالد ترمب', 'الرئيس الأميركي', 'AFCENT', 'دونالد ترامب']})
  assert.deepEqual(aliases, ['دونالد ترامب', 'رئيس امريك', 'afcent'])
})
