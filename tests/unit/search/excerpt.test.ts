import assert from 'node:assert/strict'
import {test} from 'node:test'
import {makeExcerpt} from '../../../src/search/excerpt.ts'
import {findMatches} from '../../../src/search/match.ts'
import {parseQuery} from '../../../src/search/query.ts'

// 000, lines 14 and 15
const text =
  'يأتي هذا الإعلان في وقت حساس بعد أسبوع من الهجوم الإسرائيلي على الدوحة في 9 سبتمبر 2025، والذي استهدف قادة حماس أثناء مناقشتهم اقتراحاً أمريكياً لوقف إطلاق النار في غزة، وأسفر الهجوم عن مقتل ستة أشخاص بينهم ضابط أمن قطري وخمسة من أعضاء حماس. ووصفت قطر الهجوم بأنه “جبان وغادر”، لكنها أكدت أنه لن يثنيها عن الاستمرار في دورها كوسيط في محادثات وقف إطلاق النار، إلى جانب مصر والولايات المتحدة.'

test('the excerpt is a window around the matches, marked, cut at spaces, with ellipses', () => {
  const pieces = makeExcerpt(text, findMatches(text, parseQuery('ستة')), {length: 80})
  assert.deepEqual(pieces.filter((piece) => piece.marked).map((piece) => piece.text), ['ستة'])
  assert.equal(pieces[0]?.text, '…')
  assert.equal(pieces.at(-1)?.text, '…')
  const shown = pieces.map((piece) => piece.text).join('')
  assert.ok(shown.length <= 80 + 2, shown)
  assert.ok(text.includes(shown.slice(1, -1)), 'the window is a piece of the text')
})

test('the window holding the most matches wins over the earliest', () => {
  // الهجوم stands at 42, 176 and 252: only the last two fit in 120 characters.
  const pieces = makeExcerpt(text, findMatches(text, parseQuery('الهجوم')), {length: 120})
  assert.equal(pieces.filter((piece) => piece.marked).length, 2)
  assert.ok(!pieces.map((piece) => piece.text).join('').includes('الإسرائيلي'))
})

test('without a match the excerpt is the start of the text', () => {
  const pieces = makeExcerpt(text, [], {length: 60})
  assert.equal(pieces[0]?.marked, false)
  assert.ok(text.startsWith(pieces[0]?.text ?? 'x'))
  assert.equal(pieces.at(-1)?.text, '…')
  assert.deepEqual(makeExcerpt('قطر', []), [{text: 'قطر', marked: false}])
})
