import assert from 'node:assert/strict'
import {test} from 'node:test'
import {entityPageKey} from '../../../src/site/entity-page-key.ts'

const article = (id: string, digest: string) => ({id, collection: 'articles', digest, data: {title: id}})
const page = (a: ReturnType<typeof article>, sentence: string, quote = 'قال') => ({
  name: 'قطر',
  path: '/entities/qatar/',
  mentions: [{article: a, sentence, anchor: 'L1', count: 1}],
  first: {total: 1, quotedIn: [a], quotes: [{text: quote, sources: [{article: a, anchor: 'L2'}]}]}
})

test('entity page key: mentions and the articles quoting the entity count as their id and digest, everything else as itself', () => {
  // The sentence and the quote are the article's: its digest changes with them (the groups are not read).
  assert.equal(entityPageKey(page(article('a', 'd1'), 'x', 'q1')), entityPageKey(page(article('a', 'd1'), 'y', 'q2')))
  assert.notEqual(entityPageKey(page(article('a', 'd1'), 'x')), entityPageKey(page(article('a', 'd2'), 'x')))
  assert.notEqual(entityPageKey(page(article('a', 'd1'), 'x')), entityPageKey({...page(article('a', 'd1'), 'x'), name: 'دولة قطر'}))
  const withoutQuotes = {...page(article('a', 'd1'), 'x'), first: {total: 1, quotedIn: [], quotes: []}}
  assert.notEqual(entityPageKey(page(article('a', 'd1'), 'x')), entityPageKey(withoutQuotes))
  const continuation = {name: 'قطر', path: '/entities/qatar/', mentions: [{article: article('a', 'd1')}]}
  assert.notEqual(entityPageKey(continuation), entityPageKey({...continuation, mentions: [{article: article('b', 'd1')}]}))
})

test('entity page key: the quote groups are not read (they are made only for a page rendered)', () => {
  const a = article('a', 'd1')
  let read = 0
  const first = {
    total: 1,
    quotedIn: [a],
    get quotes() {
      read++
      return []
    }
  }
  const key = entityPageKey({name: 'قطر', path: '/entities/qatar/', mentions: [{article: a}], first})
  assert.equal(read, 0)
  assert.equal(key, entityPageKey(page(a, 'x')))
})
