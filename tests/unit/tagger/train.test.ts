import assert from 'node:assert/strict'
import {existsSync} from 'node:fs'
import {test} from 'node:test'
import {fileURLToPath} from 'node:url'
import {loadAqmar, loadNewsFane} from '../../../src/entities/tagger/datasets.ts'
import {encodeModel} from '../../../src/entities/tagger/model.ts'
import {scoreTags} from '../../../src/entities/tagger/scoring.ts'
import {createTagger} from '../../../src/entities/tagger/tagger.ts'
import {trainTagger} from '../../../src/entities/tagger/train.ts'

const dataDir = fileURLToPath(new URL('../../../../shared/data/ner/', import.meta.url))
const skip = existsSync(dataDir) ? false : `corpora not found at ${dataDir}`
const fane = skip === false ? loadNewsFane(dataDir) : {train: [], dev: [], test: []}

test('the corpora load with the expected parts and labels', {skip}, () => {
  const aqmar = loadAqmar(dataDir)
  const sentences = fane.train.length + fane.dev.length + fane.test.length
  assert.ok(sentences > 4000, `${sentences} NewsFANE sentences`)
  assert.ok(fane.test.length > 0.05 * sentences && fane.test.length < 0.15 * sentences)
  assert.ok(aqmar.train.length > 1000 && aqmar.dev.length > 500 && aqmar.test.length > 500)
  for (const {tokens, labels} of [...fane.dev, ...aqmar.dev]) {
    assert.equal(tokens.length, labels.length)
    for (const token of tokens) assert.doesNotMatch(token, /[\u200E\u200F\uFEFF\s]/)
  }
  // Clitics are joined: a standalone conjunction و before a word is left only where the corpus
  // splits oddly ("و ف ي" for وفي), against thousands of joined ones.
  const standalone = fane.train.flatMap((s) => s.tokens.filter((token, i) => token === 'و' && s.labels[i] === 'O' && /^[\u0621-\u064A]{2,}$/.test(s.tokens[i + 1] ?? '')))
  const joined = fane.train.flatMap((s) => s.tokens.filter((token) => /^و[\u0621-\u064A]{2,}$/.test(token)))
  assert.ok(standalone.length <= 2, standalone.join(' '))
  assert.ok(joined.length > 5000, `${joined.length} joined`)
})

test('training is deterministic: the same data and seed give the same bytes', {skip}, () => {
  const train = fane.train.slice(0, 120)
  const dev = fane.dev.slice(0, 30)
  const run = (): Uint8Array => encodeModel(trainTagger(train, dev, {maxEpochs: 2}).model)
  const first = run()
  assert.deepEqual(run(), first)
  assert.notDeepEqual(encodeModel(trainTagger(train, dev, {maxEpochs: 2, seed: 2}).model), first)
})

test('a model trained on a little data has learned from it', {skip}, () => {
  const train = fane.train.slice(0, 300)
  const {model, epochs} = trainTagger(train, fane.dev.slice(0, 60), {maxEpochs: 4})
  assert.ok(epochs[0] !== undefined && epochs[0] >= 1 && epochs[0] <= 4)
  const tagger = createTagger(model)
  const f1 = scoreTags(
    train.map((s) => s.labels),
    train.map((s) => tagger.tag(s.tokens)),
  ).overall.f1
  assert.ok(f1 > 70, `training-set F1 ${f1}`)
})
