import assert from 'node:assert/strict'
import {test} from 'node:test'
import {buildLookup, decodeModel, encodeModel, lookupWeights, quantise} from '../../../src/entities/tagger/model.ts'
import type {TaggerModel} from '../../../src/entities/tagger/model.ts'
import {labelCount} from '../../../src/entities/tagger/labels.ts'

function sampleModel(): TaggerModel {
  const rows = 5
  const weights = new Float64Array(rows * labelCount)
  weights.forEach((_, index) => {
    weights[index] = ((index * 37) % 11) - 5
  })
  weights.fill(0, 3 * labelCount, 4 * labelCount) // row 3 has no weight at all
  weights[4 * labelCount + 2] = 0.4 // row 4: a single small weight
  weights.fill(0, 4 * labelCount + 3, 5 * labelCount)
  const transitions = new Float64Array((labelCount + 1) * labelCount).fill(-1)
  const hashes = Uint32Array.of(0xdeadbeef, 0, 12345, 99, 0xffffffff)
  return {...quantise({weights, transitions}, hashes), outsideBias: -3, gazetteer: new Map([['قطر', 'LOC'], ['محمد', 'GIVEN']])}
}

test('quantising keeps features with weight, sorted by hash, and scales back', () => {
  const model = sampleModel()
  assert.deepEqual([...model.keys], [0, 12345, 0xdeadbeef, 0xffffffff])
  const row = [...model.keys].indexOf(12345)
  assert.ok(Math.abs((model.weights[row * labelCount] ?? 0) * model.scale - (((2 * labelCount * 37) % 11) - 5)) < 1e-3)
  // Pruning: row 4's largest weight is 0.4.
  assert.equal(quantise({weights: new Float64Array(labelCount).fill(0.4), transitions: new Float64Array(56)}, Uint32Array.of(7), {minWeight: 0.5}).keys.length, 0)
})

test('a model survives encoding byte for byte', () => {
  const model = sampleModel()
  const bytes = encodeModel(model)
  const decoded = decodeModel(bytes)
  assert.deepEqual(decoded, model)
  assert.deepEqual(encodeModel(decoded), bytes)
})

test('decoding rejects what is not a model of this format', () => {
  assert.throws(() => decodeModel(new Uint8Array(40)), /not an ANER tagger model/)
  const bytes = encodeModel(sampleModel())
  assert.throws(() => decodeModel(bytes.subarray(0, bytes.length - 3)), /expected|truncated/)
})

test('the lookup table finds every feature, including hash 0, and nothing else', () => {
  const model = sampleModel()
  const lookup = buildLookup(model)
  model.keys.forEach((key, row) => {
    const at = lookupWeights(lookup, key)
    assert.ok(at >= 0, `hash ${key}`)
    for (let y = 0; y < labelCount; y++) assert.equal(lookup.table[at + y], model.weights[row * labelCount + y])
  })
  for (const missing of [1, 2, 98, 100, 0x7fffffff, 0x80000000]) assert.equal(lookupWeights(lookup, missing), -1)
})
