import assert from 'node:assert/strict'
import {test} from 'node:test'
import {findSpans, formatScores, scoreTags} from '../../../src/entities/tagger/scoring.ts'

const close = (actual: number, expected: number): void => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`)

test('finds spans the way conlleval reads chunks', () => {
  assert.deepEqual(findSpans(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-ORG', 'I-ORG', 'I-LOC']), [
    {start: 0, end: 2, type: 'PER'},
    {start: 3, end: 4, type: 'LOC'},
    {start: 4, end: 5, type: 'LOC'},
    {start: 5, end: 7, type: 'ORG'},
    {start: 7, end: 8, type: 'LOC'},
  ])
  // IOB1: an I- after O starts a chunk.
  assert.deepEqual(findSpans(['O', 'I-PER', 'I-PER']), [{start: 1, end: 3, type: 'PER'}])
})

test('perfect prediction scores 100', () => {
  const gold = [['B-PER', 'I-PER', 'O', 'B-LOC']]
  const {overall, byType} = scoreTags(gold, gold)
  assert.equal(overall.f1, 100)
  assert.equal(byType.PER?.f1, 100)
  assert.equal(byType.ORG?.f1, 0)
  assert.equal(byType.ORG?.truePositives, 0)
})

test('a boundary error is both a false positive and a false negative', () => {
  // قال وزير الخارجية ماركو روبيو : gold "ماركو روبيو" PER; predicted only "روبيو".
  const gold = [['O', 'O', 'O', 'B-PER', 'I-PER'], ['B-LOC', 'O']]
  const predicted = [['O', 'O', 'O', 'O', 'B-PER'], ['B-LOC', 'O']]
  const {overall, byType} = scoreTags(gold, predicted)
  assert.deepEqual([byType.PER?.truePositives, byType.PER?.falsePositives, byType.PER?.falseNegatives], [0, 1, 1])
  assert.deepEqual([byType.LOC?.truePositives, byType.LOC?.falsePositives, byType.LOC?.falseNegatives], [1, 0, 0])
  close(overall.precision, 50)
  close(overall.recall, 50)
  close(overall.f1, 50)
})

test('known precision, recall and F1 on a mixed case', () => {
  // Gold: 4 spans (PER, LOC, LOC, ORG). Predicted: 3 spans: PER right, LOC right, ORG with the wrong type (LOC).
  const gold = [['B-PER', 'I-PER', 'O', 'B-LOC'], ['B-LOC', 'O', 'B-ORG', 'I-ORG']]
  const predicted = [['B-PER', 'I-PER', 'O', 'B-LOC'], ['O', 'O', 'B-LOC', 'I-LOC']]
  const {overall, byType} = scoreTags(gold, predicted)
  close(overall.precision, 200 / 3)
  close(overall.recall, 50)
  close(overall.f1, (2 * (200 / 3) * 50) / (200 / 3 + 50))
  close(byType.LOC?.precision ?? -1, 50)
  close(byType.LOC?.recall ?? -1, 50)
  assert.equal(byType.ORG?.recall, 0)
  assert.equal(byType.ORG?.precision, 0)
  assert.equal(byType.PER?.f1, 100)
})

test('an IOB1 prediction is scored by its chunks', () => {
  const {overall} = scoreTags([['B-ORG', 'I-ORG', 'O']], [['I-ORG', 'I-ORG', 'O']])
  assert.equal(overall.f1, 100)
})

test('mismatched lengths are an error, not a silent score', () => {
  assert.throws(() => scoreTags([['O']], [['O', 'O']]), /sentence 0/)
  assert.throws(() => scoreTags([['O']], []), /gold sentences/)
})

test('formats a table with one row per type and an overall row', () => {
  const table = formatScores(scoreTags([['B-PER', 'O']], [['B-PER', 'O']]))
  const lines = table.split('\n')
  assert.equal(lines.length, 5)
  assert.match(lines[1] ?? '', /^PER\s+100\.00\s+100\.00\s+100\.00\s+1\s+1$/)
  assert.match(lines[4] ?? '', /^overall/)
})
