import assert from 'node:assert/strict'
import {test} from 'node:test'
import {pageCount, pageItems, pagePath, pagerNumbers} from '../../../src/site/paging.ts'

test('paging: page counts, the items of a page, and page paths', () => {
  assert.equal(pageCount(0, 50), 1)
  assert.equal(pageCount(50, 50), 1)
  assert.equal(pageCount(51, 50), 2)
  const items = Array.from({length: 120}, (_, i) => i)
  assert.deepEqual(pageItems(items, 1, 50), items.slice(0, 50))
  assert.deepEqual(pageItems(items, 3, 50), items.slice(100))
  assert.deepEqual([1, 2, 3].flatMap((n) => pageItems(items, n, 50)), items)
  assert.equal(pagePath('/entities/egypt/', 1), '/entities/egypt/')
  assert.equal(pagePath('/entities/egypt/', 2), '/entities/egypt/2/')
  // Continued under another folder, where the number could be another page's name.
  assert.equal(pagePath('/articles/', 1, '/articles/page/'), '/articles/')
  assert.equal(pagePath('/articles/', 3, '/articles/page/'), '/articles/page/3/')
})

test('paging: the pager shows the first, the last and the pages around the current one', () => {
  assert.deepEqual(pagerNumbers(1, 1), [1])
  assert.deepEqual(pagerNumbers(1, 4), [1, 2, 3, 4])
  assert.deepEqual(pagerNumbers(1, 132), [1, 2, 3, null, 132])
  assert.deepEqual(pagerNumbers(60, 132), [1, null, 58, 59, 60, 61, 62, null, 132])
  assert.deepEqual(pagerNumbers(131, 132), [1, null, 129, 130, 131, 132])
  assert.deepEqual(pagerNumbers(4, 7), [1, 2, 3, 4, 5, 6, 7])
})
