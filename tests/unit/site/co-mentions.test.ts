import assert from 'node:assert/strict'
import {test} from 'node:test'
import {coMentionCounter} from '../../../src/site/co-mentions.ts'

const sorted = (pairs: Array<[string, number]>) => [...pairs].sort((a, b) => (a[0] < b[0] ? -1 : 1))

test('co-mentions: each other entity counted once per item in the given articles, counts not carried over between entities', () => {
  const a = {entities: [{id: 'qatar'}, {id: 'egypt'}, {id: 'iran'}]}
  const b = {entities: [{id: 'qatar'}, {id: 'egypt'}, {id: 'egypt'}]}
  const c = {entities: [{id: 'iran'}, {id: 'israel'}]}
  const counter = coMentionCounter([a, b, c], (article) => article.entities)
  assert.deepEqual(sorted(counter('qatar', [a, b])), [['egypt', 3], ['iran', 1]])
  // Only the articles given count: another entity's call starts from zero.
  assert.deepEqual(sorted(counter('iran', [a, c])), [['egypt', 1], ['israel', 1], ['qatar', 1]])
  assert.deepEqual(counter('israel', []), [])
  assert.deepEqual(sorted(counter('qatar', [a, b])), [['egypt', 3], ['iran', 1]])
})
