import assert from 'node:assert/strict'
import {test} from 'node:test'
import {mostShared} from '../../../src/site/sort.ts'

test('mostShared gives the n highest counts, ties by id, as sorting them all would', () => {
  let seed = 7
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  for (const size of [0, 1, 5, 12, 13, 200, 3000]) {
    const counts = new Map<string, number>()
    for (let i = 0; i < size; i++) counts.set(`e${Math.floor(random() * size * 2)}`, 1 + Math.floor(random() * 9))
    const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    for (const n of [1, 12]) assert.deepEqual(mostShared(counts, n), sorted.slice(0, n), `${size} entities, top ${n}`)
  }
})
