import assert from 'node:assert/strict'
import {test} from 'node:test'
import {extractorLabels} from '../../../src/entities/gold-labels.ts'
import {loadLexicons, loadRegistry} from '../../../src/entities/registry/index.ts'

const context = {registry: loadRegistry(), lexicons: loadLexicons()}

test('the extractor’s mentions become IOB2 labels of the gold tokens, sentence by sentence', () => {
  const sentences = ['وصل ماركو روبيو إلى الدوحة .'.split(' '), 'وقال الوزير إن قطر والولايات المتحدة شريكان .'.split(' ')]
  assert.deepEqual(extractorLabels(sentences, context), [
    ['O', 'B-PER', 'I-PER', 'O', 'B-LOC', 'O'],
    // والولايات: the mention starts after the conjunction, inside the token, which is labelled whole.
    ['O', 'O', 'O', 'B-LOC', 'B-LOC', 'I-LOC', 'O', 'O'],
  ])
})

test('a document without names gives only O', () => {
  assert.deepEqual(extractorLabels([['هذا', 'نص', 'عادي']], context), [['O', 'O', 'O']])
})
