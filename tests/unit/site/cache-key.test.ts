import assert from 'node:assert/strict'
import {test} from 'node:test'
import {cacheKey} from '../../../src/site/cache-key.ts'

const entry = (digest: string, title: string) => ({id: 'a', collection: 'articles', digest, data: {title}, rendered: {html: `<p>${title}</p>`}})

test('cacheKey: an entry counts by its id and digest, the hash of its whole file', () => {
  assert.equal(cacheKey({article: entry('d1', 'x'), siteTitle: 's'}), cacheKey({article: entry('d1', 'x'), siteTitle: 's'}))
  assert.notEqual(cacheKey({article: entry('d1', 'x')}), cacheKey({article: entry('d2', 'x')}))
  // Its data is not hashed again: the digest already changed when the file did.
  assert.equal(cacheKey({mentions: [{article: entry('d1', 'x'), count: 1}]}), cacheKey({mentions: [{article: entry('d1', 'y'), count: 1}]}))
})

test('cacheKey: everything else in the props counts', () => {
  assert.notEqual(cacheKey({article: entry('d1', 'x'), siteTitle: 's'}), cacheKey({article: entry('d1', 'x'), siteTitle: 't'}))
  assert.notEqual(cacheKey({mentions: [{article: entry('d1', 'x'), count: 1}]}), cacheKey({mentions: [{article: entry('d1', 'x'), count: 2}]}))
})
