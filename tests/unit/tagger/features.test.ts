import assert from 'node:assert/strict'
import {test} from 'node:test'
import {describeWord, describeWords, pairFeatures, sentenceFeatures, windowOffsets, wordFeatures} from '../../../src/entities/tagger/features.ts'
import type {Gazetteer, WordInfo} from '../../../src/entities/tagger/features.ts'
import {labelCount} from '../../../src/entities/tagger/labels.ts'
import type {TaggerModel} from '../../../src/entities/tagger/model.ts'
import {createTagger} from '../../../src/entities/tagger/tagger.ts'
import {loadLexicons, loadRegistry} from '../../../src/entities/registry/index.ts'
import {registryCoder} from '../../../src/entities/tagger/registry-codes.ts'

const coder = registryCoder(loadRegistry(), loadLexicons().givenNames)

const sentence = ['قال', 'وزير', 'الخارجية', 'الأمريكي', 'ماركو', 'روبيو', 'اليوم', 'الثلاثاء', 'إن', 'قطر', 'والولايات', 'المتحدة']

test('training spelling without hamza and real spelling with hamza give the same features', () => {
  // NewsFANE writes "اعلن", "المانيا", "الي"; the articles write "أعلن", "ألمانيا", "إلى".
  for (const [withHamza, without] of [['أعلن', 'اعلن'], ['ألمانيا', 'المانيا'], ['إلى', 'الي'], ['الأمريكي', 'الامريكي'], ['مُعزَّز', 'معزز']] as const) {
    assert.deepEqual(describeWord(withHamza), describeWord(without), withHamza)
  }
})

test('a word with clitics shares its stem features with the bare word', () => {
  assert.equal(describeWord('وقطر').stemHash, describeWord('قطر').stemHash)
  assert.equal(describeWord('بالدوحة').stemHash, describeWord('الدوحة').stemHash)
  assert.equal(describeWord('للدوحة').stemHash, describeWord('دوحة').stemHash)
  assert.notEqual(describeWord('وقطر').cliticHash, describeWord('قطر').cliticHash)
  assert.notEqual(describeWord('قطر').normHash, describeWord('وقطر').normHash)
})

test('trigger words are recognised with the article and clitics', () => {
  const trigger = (word: string): number => describeWord(word).trigger
  assert.ok(trigger('الرئيس') > 0 && trigger('الرئيس') === trigger('وزير'))
  assert.ok(trigger('لوزارة') > 0 && trigger('لوزارة') === trigger('حركة'))
  assert.ok(trigger('العاصمة') > 0 && trigger('العاصمة') === trigger('مدينة'))
  assert.notEqual(trigger('الرئيس'), trigger('وزارة'))
  assert.equal(trigger('قطر'), 0)
  assert.equal(trigger('روبيو'), 0)
})

test('the gazetteer is asked with the normalised word, then without clitics', () => {
  const asked: string[] = []
  const gazetteer: Gazetteer = (token) => {
    asked.push(token)
    return token === 'قطر' ? 'LOC' : token === 'الدوحه' ? 'LOC' : null
  }
  assert.notEqual(describeWord('وقطر', {gazetteer}).gazetteer, 0)
  assert.notEqual(describeWord('بالدوحة', {gazetteer}).gazetteer, 0)
  assert.equal(describeWord('روبيو', {gazetteer}).gazetteer, 0)
  assert.deepEqual(asked, ['وقطر', 'قطر', 'بالدوحه', 'الدوحه', 'روبيو'])
  // Punctuation and numbers are never looked up.
  describeWord('2024', {gazetteer})
  describeWord('،', {gazetteer})
  assert.equal(asked.length, 5)
})

test('sentence features are the words’ own features at their positions plus the pair features', () => {
  const words = describeWords(sentence, {}, new Map())
  const {ids, offsets} = sentenceFeatures(words)
  const i = 4 // ماركو
  const expected: number[] = []
  windowOffsets.forEach((offset, position) => {
    wordFeatures(words[i + offset] as WordInfo, (p, id) => {
      if (p === position) expected.push(id)
    })
  })
  pairFeatures(words[i - 1] as WordInfo, words[i] as WordInfo, words[i + 1] as WordInfo, (id) => expected.push(id))
  assert.deepEqual([...ids.subarray(offsets[i], offsets[i + 1])], expected)
  assert.equal(offsets.length, sentence.length + 1)
})

for (const withRegistry of [false, true]) {
  test(`the tagger scores exactly the features training sees (${withRegistry ? 'with' : 'without'} registry codes)`, () => {
    // A model with a weight on every training feature of the sentence, only on O and B- labels
    // (so every path is valid and Viterbi picks each token's best label).
    const registry = withRegistry ? coder : undefined
    const {ids, offsets} = sentenceFeatures(describeWords(sentence, {}, new Map()), registry?.(sentence))
    const keys = Uint32Array.from(new Set(ids)).sort()
    const weights = new Int16Array(keys.length * labelCount)
    const weightOf = (key: number, label: number): number => (label % 2 === 0 && label !== 0 ? 0 : 1 + ((key >>> (label * 3)) % 97))
    keys.forEach((key, row) => {
      for (let y = 0; y < labelCount; y++) weights[row * labelCount + y] = weightOf(key, y)
    })
    const model: TaggerModel = {keys, weights, transitions: new Int32Array((labelCount + 1) * labelCount), scale: 1, outsideBias: 0, gazetteer: new Map()}
    const expected = sentence.map((_, t) => {
      const totals = new Array<number>(labelCount).fill(0)
      for (const id of ids.subarray(offsets[t], offsets[t + 1])) for (let y = 0; y < labelCount; y++) totals[y] = (totals[y] ?? 0) + weightOf(id, y)
      return ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG'][totals.indexOf(Math.max(...totals))]
    })
    assert.deepEqual(createTagger(model, {registry}).tag(sentence), expected)
  })
}
