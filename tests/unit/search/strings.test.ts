import assert from 'node:assert/strict'
import {test} from 'node:test'
import {ar} from '../../../src/i18n/ar.ts'
import {countText} from '../../../src/search/strings.ts'

test('result counts follow Arabic plural rules', () => {
  assert.equal(countText(ar.searchCount, 0), 'لا مقالات')
  // Up to 102 they agree with the site's own ar.articleCount.
  for (const n of [1, 2, 3, 5, 10, 11, 25, 99, 100, 101, 102]) assert.equal(countText(ar.searchCount, n), ar.articleCount(n), String(n))
  // Beyond, the plural follows the last two digits: مئة وثلاث مقالات, مئة وإحدى عشرة مقالة.
  assert.equal(countText(ar.searchCount, 103), '103 مقالات')
  assert.equal(countText(ar.searchCount, 111), '111 مقالة')
})
