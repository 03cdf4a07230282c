import assert from 'node:assert/strict'
import {test} from 'node:test'
import {findMatches, keysMatch, textsMatch} from '../../../src/search/match.ts'
import {parseQuery} from '../../../src/search/query.ts'

/** The marked pieces of `text` for `raw`. */
const marked = (text: string, raw: string) => findMatches(text, parseQuery(raw)).map((span) => text.slice(span.start, span.end))

// 000, line 2
const line = 'ودعا روبيو قطر، خلال مغادرته تل أبيب متوجها للدوحة، إلى مواصلة دورها كوسيط بين إسرائيل وحماس للتوصل إلى وقف لإطلاق النار في الحرب الدائرة في غزة'

test('a query word marks every clitic form of it, whole', () => {
  assert.deepEqual(marked(line, 'والدوحة'), ['للدوحة'])
  assert.deepEqual(marked(line, 'بغزة'), ['غزة'])
  assert.deepEqual(marked(line, 'حماس'), ['وحماس'])
  assert.deepEqual(marked(line, 'روبيو غزة'), ['روبيو', 'غزة'])
})

test('spelling variants, diacritics and tatweel on either side', () => {
  assert.deepEqual(marked('من جانبه، أعرب الرئيس الأمريكي دونالد ترامب عن استيائه', 'ترمب'), ['ترامب'])
  assert.deepEqual(marked('التصريح الذي أدلى به الرئيس الأميركي دونالد ترمب أمس', 'ترامب الأمريكي'), ['الأميركي', 'ترمب'])
  // The span covers the written word with its marks: the original text is never changed.
  assert.deepEqual(marked('وصل الوزير إلى الدَّوْحَـة أمس', 'الدوحة'), ['الدَّوْحَـة'])
  assert.deepEqual(marked('وصل الوزير إلى الدوحة أمس', 'الدَّوحة'), ['الدوحة'])
  assert.deepEqual(marked('اتفاقية التعاون الدفاعي', 'اتفاقیة'), ['اتفاقية'])
})

test('a phrase is marked as one span, only where its words stand together', () => {
  assert.deepEqual(marked(line, '"تل أبيب"'), ['تل أبيب'])
  assert.deepEqual(marked(line, '"أبيب تل"'), [])
  // 002, line 19: the words of "الجيش الأمريكي" occur, not together.
  assert.deepEqual(marked('شن الجيش الإسرائيلي هجوما جويا، بإشراف أمريكي', '"الجيش الأمريكي"'), [])
})

test('a word being typed matches the words it begins', () => {
  assert.ok(keysMatch(['ترمب', 'ترامب'], 'ترم'))
  assert.ok(keysMatch(['اتفاقيات'], 'اتفاق'))
  assert.ok(!keysMatch(['وزاره'], 'زار'))
})

test('textsMatch: keys anywhere, phrases within the content or one alias', () => {
  const query = parseQuery('"الرئيس الأمريكي" ترمب')
  assert.ok(textsMatch({content: 'قال الرئيس الأمريكي أمس', forms: 'ترامب'}, query))
  assert.ok(textsMatch({content: 'قال ترمب أمس', aliases: ['الرئيس الأميركي']}, query))
  // The forms are single words: a phrase is not read across them.
  assert.ok(!textsMatch({content: 'قال ترمب أمس', forms: 'رئيس امريك'}, query))
  assert.ok(!textsMatch({content: 'قال الرئيس الأمريكي أمس'}, query))
  // Only the keys asked for are checked.
  assert.ok(textsMatch({content: 'قال الرئيس الأمريكي أمس'}, query, []))
})
