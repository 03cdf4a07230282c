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

test('quotes: each quote joins the first group, in order of making, whose text contains it (as testing every group in turn)', () => {
  // The simple rule, written out: longest first; a quote joins the first earlier group that contains it.
  const key = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
  const reference = (quotes: Array<{quote: {text: string; anchor: string}; article: {id: string}}>) => {
    const sorted = [...quotes].sort((a, b) => b.quote.text.length - a.quote.text.length || (a.article.id < b.article.id ? -1 : 1))
    const groups: Array<{key: string; text: string; sources: string[]}> = []
    for (const {quote, article} of sorted) {
      const found = groups.find((g) => g.key.includes(key(quote.text)))
      if (found) {
        if (!found.sources.includes(article.id)) found.sources.push(article.id)
      } else groups.push({key: key(quote.text), text: quote.text, sources: [article.id]})
    }
    return groups.map((g) => [g.text, g.sources])
  }
  const words = ['قطر', 'واشنطن', 'الدفاع', 'شراكة', 'العديد', 'الأمن', 'غزة', 'التعاون']
  let seed = 7
  const next = (below: number) => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0), (seed >>> 16) % below)
  const quotes = Array.from({length: 300}, (_, index) => {
    // Words drawn at random, one to four: many quotes are parts of others, and of several.
    const text = Array.from({length: 1 + next(4)}, () => words[next(words.length)]).join(index % 3 === 0 ? '، ' : ' ')
    return {quote: {text, anchor: `L${index}`}, article: {id: `a${index % 17}`}}
  })
  // Short quotes that several longer groups contain: the first group made takes them.
  for (const [index, text] of ['قطر', 'الدفاع', 'غزة التعاون', 'الأمن'].entries()) quotes.push({quote: {text, anchor: `S${index}`}, article: {id: `s${index}`}})
  const grouped = groupQuotes(quotes).map((g) => [g.text, g.sources.map((s) => s.article.id)])
  assert.ok(grouped.length > 20 && grouped.length < 280, `${grouped.length} groups`)
  assert.deepEqual(grouped, reference(quotes))
})
