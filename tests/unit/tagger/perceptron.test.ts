import assert from 'node:assert/strict'
import {test} from 'node:test'
import {isValidIob2, labelCount, labelId, labels} from '../../../src/entities/tagger/labels.ts'
import type {Label} from '../../../src/entities/tagger/labels.ts'
import {decode, mulberry32, trainPerceptron, viterbi} from '../../../src/entities/tagger/perceptron.ts'
import type {IndexedSentence} from '../../../src/entities/tagger/perceptron.ts'

const L = labelCount

test('Viterbi never starts with I- nor puts I-X after O or another type', () => {
  // Emissions that prefer I- labels everywhere.
  const scores = new Float64Array(4 * L)
  for (let t = 0; t < 4; t++) {
    scores[t * L + labelId('I-PER')] = 10
    scores[t * L + labelId('I-LOC')] = 9
    scores[t * L + labelId('B-LOC')] = 1
  }
  const path = Array.from(viterbi(scores, new Float64Array((L + 1) * L), 4), (id) => labels[id] as Label)
  assert.ok(isValidIob2(path), path.join(' '))
  assert.deepEqual(path, ['B-PER', 'I-PER', 'I-PER', 'I-PER'])
})

test('isValidIob2 accepts IOB2 and rejects dangling I- tags', () => {
  assert.equal(isValidIob2(['B-PER', 'I-PER', 'O', 'B-ORG']), true)
  assert.equal(isValidIob2(['I-PER']), false)
  assert.equal(isValidIob2(['B-PER', 'I-LOC']), false)
  assert.equal(isValidIob2(['O', 'I-ORG']), false)
  assert.equal(isValidIob2(['B-MISC']), false)
})

test('mulberry32 is a seeded, repeatable generator', () => {
  const a = mulberry32(42)
  const b = mulberry32(42)
  const first = Array.from({length: 5}, () => a())
  assert.deepEqual(first, Array.from({length: 5}, () => b()))
  assert.ok(first.every((x) => x >= 0 && x < 1))
  assert.notDeepEqual(first, Array.from({length: 5}, mulberry32(43)))
})

// A toy task: feature 0 = "title word", 1 = "name word", 2 = "other word", 3 = "city word".
// Labels: O for titles and others, a person name after a title, LOC for cities.
function toy(): IndexedSentence[] {
  const make = (words: number[], gold: Label[]): IndexedSentence => ({
    rows: Int32Array.from(words.flatMap((w, t) => [w, 4 + (words[t - 1] ?? 9)])),
    offsets: Uint32Array.from({length: words.length + 1}, (_, t) => 2 * t),
    gold: Int32Array.from(gold, labelId),
  })
  return [
    make([0, 1, 1, 2], ['O', 'B-PER', 'I-PER', 'O']),
    make([2, 3, 2], ['O', 'B-LOC', 'O']),
    make([0, 1, 2, 3], ['O', 'B-PER', 'O', 'B-LOC']),
    make([3, 2, 0, 1, 1], ['B-LOC', 'O', 'O', 'B-PER', 'I-PER']),
  ]
}

test('the perceptron learns a small task', () => {
  const sentences = toy()
  const {weights} = trainPerceptron(sentences, {rowCount: 14, maxEpochs: 30})
  // The average still carries the first epochs' mistakes, so allow one wrong label in 16.
  let right = 0
  for (const sentence of sentences) decode(sentence, weights).forEach((label, t) => (right += label === sentence.gold[t] ? 1 : 0))
  assert.ok(right >= 15, `${right} of 16`)
  assert.deepEqual([...decode(sentences[0] as IndexedSentence, weights)].map((id) => labels[id]), ['O', 'B-PER', 'I-PER', 'O'])
})

test('training is deterministic and the seed changes the order', () => {
  const run = (seed: number): Float64Array => trainPerceptron(toy(), {rowCount: 14, maxEpochs: 3, seed}).weights.weights
  assert.deepEqual(run(5), run(5))
  assert.notDeepEqual(run(5), run(6))
})

test('early stopping keeps the best-scoring epoch', () => {
  const scores = [1, 3, 2, 2, 2, 2]
  const result = trainPerceptron(toy(), {rowCount: 14, maxEpochs: 6, patience: 2, evaluate: (_, epoch) => scores[epoch - 1] ?? 0})
  assert.equal(result.epoch, 2)
  assert.equal(result.score, 3)
})
