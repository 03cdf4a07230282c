import assert from 'node:assert/strict'
import {test} from 'node:test'
import {groupQuotes} from '../../../src/site/quotes.ts'

test('quotes: a quote carried whole, repeated or in parts is one group with every article once; others stay apart', () => {
  const whole = 'لدينا شراكة وثيقة مع القطريين في مجال الدفاع'
  const quote = (id: string, text: string, anchor = 'L1') => ({quote: {text, anchor}, article: {id}})
  const groups = groupQuotes([
    quote('c', 'شراكة وثيقة مع القطريين'),
    quote('a', whole, 'L3'),
    quote('b', `${whole}.`),
    quote('d', 'لن نتراجع'),
    quote('a', 'في مجال الدفاع', 'L4'),
    quote('e', 'لن  نتراجع!')
  ])
  assert.deepEqual(
    groups.map((g) => [g.text, g.sources.map((s) => `${s.article.id}#${s.anchor}`)]),
    [
      [`${whole}.`, ['b#L1', 'a#L3', 'c#L1']],
      ['لن  نتراجع!', ['e#L1', 'd#L1']]
    ]
  )
})
