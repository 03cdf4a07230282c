/**
 * Train the Arabic entity tagger and write the committed model.
 *
 *   node scripts/train-ner.ts [--data DIR] [--out FILE] [--max-epochs N] [--patience N] [--seeds 1,2,3] [--no-refit] [--no-registry]
 *
 * Reads NewsFANE Gold and AQMAR from DIR (default ../shared/data/ner next to
 * the project). NewsFANE has no official split: sentences are split 80/10/10
 * by a seeded hash of 20-sentence blocks (see `splitPart`).
 *
 * 1. Tuning run: one averaged perceptron per seed (default three; they
 *    differ in sentence order, and their average is more accurate than
 *    any one), trained on NewsFANE-train + AQMAR-train with early stopping
 *    on NewsFANE-dev + AQMAR-dev; the outside bias is chosen on the same dev
 *    parts; dev scores are printed.
 * 2. Refit (unless --no-refit): train again on train + dev, each seed for
 *    the number of epochs it got in step 1, with the bias chosen there.
 * The model is written (default src/entities/model/ner-model.bin) and scored
 * on the test parts, which never take part in training or in any choice.
 * Two runs with the same options write byte-identical files.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {parseArgs} from 'node:util'
import type {LabelledSentence} from '../src/entities/tagger/corpus.ts'
import {loadAqmar, loadNewsFane} from '../src/entities/tagger/datasets.ts'
import {tagInDocuments} from '../src/entities/tagger/document.ts'
import {decodeModel, encodeModel} from '../src/entities/tagger/model.ts'
import type {TaggerModel} from '../src/entities/tagger/model.ts'
import {formatScores, scoreTags} from '../src/entities/tagger/scoring.ts'
import {loadLexicons, loadRegistry} from '../src/entities/registry/index.ts'
import {registryCoder} from '../src/entities/tagger/registry-codes.ts'
import {createTagger} from '../src/entities/tagger/tagger.ts'
import {trainTagger} from '../src/entities/tagger/train.ts'

const root = resolve(import.meta.dirname, '..')
const {values: args} = parseArgs({
  options: {
    data: {type: 'string', default: resolve(root, '../shared/data/ner')},
    out: {type: 'string', default: resolve(root, 'src/entities/model/ner-model.bin')},
    'max-epochs': {type: 'string', default: '25'},
    patience: {type: 'string', default: '4'},
    seeds: {type: 'string', default: '1,2,3'},
    'no-refit': {type: 'boolean', default: false},
    'no-registry': {type: 'boolean', default: false},
  },
})
const started = performance.now()
const seconds = (): string => ((performance.now() - started) / 1000).toFixed(1)
const log = (message: string): void => console.log(`[${seconds()}s] ${message}`)
const tokenCount = (sentences: readonly LabelledSentence[]): number => sentences.reduce((sum, s) => sum + s.tokens.length, 0)
const round = (value: number): number => Math.round(value * 100) / 100

const dataDir = resolve(args.data)
// The built-in registry's codes are features (see registry-codes.ts); the site's tagger uses the same.
const registry = args['no-registry'] ? undefined : registryCoder(loadRegistry(), loadLexicons().givenNames)
const seeds = args.seeds.split(',').map(Number)
const fane = loadNewsFane(dataDir)
const aqmar = loadAqmar(dataDir)
for (const [name, corpus] of [['NewsFANE', fane], ['AQMAR', aqmar]] as const) {
  log(`${name} train/dev/test: ${corpus.train.length}/${corpus.dev.length}/${corpus.test.length} sentences, ` +
    `${tokenCount(corpus.train)}/${tokenCount(corpus.dev)}/${tokenCount(corpus.test)} tokens`)
}

/**
 * Score a model on named parts, tagged as `eval-ner.ts` does (documents of
 * 50 sentences, with the consistency pass); print tables; return F1 per part and type.
 */
function report(model: TaggerModel, parts: ReadonlyArray<readonly [string, readonly LabelledSentence[]]>): Record<string, Record<string, number>> {
  const tagger = createTagger(model, {registry})
  const f1: Record<string, Record<string, number>> = {}
  for (const [name, sentences] of parts) {
    const scores = scoreTags(
      sentences.map((s) => s.labels),
      tagInDocuments(
        tagger,
        sentences.map((s) => s.tokens),
      ),
    )
    console.log(`\n${name} (${tokenCount(sentences)} tokens)\n${formatScores(scores)}\n`)
    f1[name] = {overall: round(scores.overall.f1), PER: round(scores.byType.PER?.f1 ?? 0), LOC: round(scores.byType.LOC?.f1 ?? 0), ORG: round(scores.byType.ORG?.f1 ?? 0)}
  }
  return f1
}

log('tuning run: train on the train parts, choose epochs and bias on the dev parts')
const tuned = trainTagger([...fane.train, ...aqmar.train], [...fane.dev, ...aqmar.dev], {
  maxEpochs: Number(args['max-epochs']),
  patience: Number(args.patience),
  seeds,
  registry,
  log,
})
log(`chosen: ${tuned.epochs.join('/')} epochs, outside bias ${tuned.outsideBias}, dev F1 ${tuned.devF1.toFixed(2)}`)
const devF1 = report(tuned.model, [['NewsFANE dev', fane.dev], ['AQMAR dev', aqmar.dev]])

let model = tuned.model
if (!args['no-refit']) {
  log(`refit: train on train + dev parts for ${tuned.epochs.join('/')} epochs`)
  model = trainTagger([...fane.train, ...fane.dev, ...aqmar.train, ...aqmar.dev], [], {
    epochs: tuned.epochs,
    outsideBias: tuned.outsideBias,
    seeds,
    registry,
    log,
  }).model
}

const bytes = encodeModel(model)
mkdirSync(dirname(args.out), {recursive: true})
writeFileSync(args.out, bytes)
log(`wrote ${args.out}: ${model.keys.length} features, ${model.gazetteer.size} words in its list, ${(bytes.byteLength / 1024 / 1024).toFixed(2)} MB`)

// Test scores of the model as written, read back through the same path the site uses.
const testF1 = report(decodeModel(bytes), [['NewsFANE test', fane.test], ['AQMAR test', aqmar.test]])
console.log(`training took ${seconds()} s`)
console.log(JSON.stringify({model: args.out, bytes: bytes.byteLength, features: model.keys.length, epochs: tuned.epochs, seeds, refit: !args['no-refit'], dev: devF1, test: testF1}))
