/**
 * Score the committed entity tagger on a gold IOB file.
 *
 *   node scripts/eval-ner.ts FILE [--model MODEL] [--no-consistency] [--speed] [--extractor]
 *
 * FILE holds one `token tag` or `token<TAB>tag` per line and a blank line
 * between sentences (a byte-order mark, CRLF line ends and invisible
 * direction marks are fine). Tags may be IOB2, IOB1, IO or IOBES, with the
 * classes PER/PERS/PERSON, LOC/GPE/FAC, ORG, MISC/MIS (not scored) or the
 * fine NewsFANE classes (mapped by `classToType`, see corpus.ts).
 *
 * Sentences are tagged in runs of 50 consecutive sentences taken as one
 * document (a name found in one sentence helps find it in the others, see
 * src/entities/tagger/document.ts; --no-consistency turns that off).
 * Sentences over 100 tokens — files without blank lines — are cut after
 * sentence-final punctuation for tagging only. Exact spans are scored as
 * conlleval does. Prints a table, then as its last line one JSON object:
 * file, tokens, sentences, overall and PER/LOC/ORG precision, recall, F1
 * (percentages, as conlleval prints them) and counts. With --speed it also
 * times `tagText` on the file's text (tokens joined by spaces, sentences by
 * line breaks) with a freshly loaded tagger: MB of UTF-8 per second of wall
 * time and of CPU time (the tagger is single-threaded; CPU time is the
 * fairer figure on a busy machine).
 *
 * With --extractor it scores the whole extractor the build runs (registry,
 * tagger, rules: src/entities/extract.ts) instead of the tagger alone, each
 * document's sentences as the blocks of one article.
 */
import {readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {extractorLabels} from '../src/entities/gold-labels.ts'
import {loadLexicons, loadRegistry} from '../src/entities/registry/index.ts'
import {mapTags, parseIobText} from '../src/entities/tagger/corpus.ts'
import {loadTagger, tagInDocuments, tagText} from '../src/entities/tagger/index.ts'
import type {Label} from '../src/entities/tagger/labels.ts'
import type {Token} from '../src/arabic/tokenize.ts'
import {formatScores, scoreTags} from '../src/entities/tagger/scoring.ts'
import type {SpanScore} from '../src/entities/tagger/scoring.ts'

const {values: args, positionals} = parseArgs({
  allowPositionals: true,
  options: {
    model: {type: 'string'},
    'no-consistency': {type: 'boolean', default: false},
    speed: {type: 'boolean', default: false},
    extractor: {type: 'boolean', default: false},
  },
})
const file = positionals[0]
if (file === undefined) {
  console.error('usage: node scripts/eval-ner.ts FILE [--model MODEL] [--no-consistency] [--speed] [--extractor]')
  process.exit(2)
}

const sentences = parseIobText(readFileSync(resolve(file), 'utf8'))
const gold = sentences.map((sentence) => mapTags(sentence.tags))
const unknown = [...new Set(gold.flatMap((g) => g.unknownClasses))]
if (unknown.length > 0) console.warn(`warning: classes not known, scored as O: ${unknown.join(', ')}`)

const loadTaggerOptions = args.model === undefined ? {} : {modelPath: resolve(args.model)}
const tagger = loadTagger(loadTaggerOptions)

const sentenceFinal = new Set(['.', '!', '?', '؟'])
const longSentence = 100
const documentSize = 50

/** Cut a long sentence after sentence-final punctuation; returns the pieces' token lists. */
function pieces(tokens: readonly string[]): string[][] {
  if (tokens.length <= longSentence) return [[...tokens]]
  const result: string[][] = []
  let from = 0
  for (let i = 0; i < tokens.length; i++) {
    if (sentenceFinal.has(tokens[i] ?? '') || i === tokens.length - 1) {
      result.push(tokens.slice(from, i + 1))
      from = i + 1
    }
  }
  return result
}

// Tag the pieces of all sentences in documents of 50 sentences, then put each sentence back together.
const cut = sentences.map((sentence) => pieces(sentence.tokens))
const pieceLabels = args.extractor ? extractorInDocuments(cut.flat()) : tagInDocuments(tagger, cut.flat(), documentSize, {consistency: !args['no-consistency']})
let next = 0
const predicted: Label[][] = cut.map((sentencePieces) => sentencePieces.flatMap(() => pieceLabels[next++] ?? []))
const scores = scoreTags(
  gold.map((g) => g.labels),
  predicted,
)
const tokens = sentences.reduce((sum, sentence) => sum + sentence.tokens.length, 0)

console.log(`${file}: ${sentences.length} sentences, ${tokens} tokens`)
console.log(formatScores(scores))
if (args.speed) {
  const text = sentences.map((sentence) => sentence.tokens.join(' ')).join('\n')
  const megabytes = Buffer.byteLength(text) / 1e6
  const loadStarted = performance.now()
  const fresh = loadTagger(loadTaggerOptions)
  const loaded = performance.now()
  const cpuBefore = process.cpuUsage()
  const spans = tagText(fresh, text, {consistency: !args['no-consistency']}).length
  const seconds = (performance.now() - loaded) / 1000
  const cpu = process.cpuUsage(cpuBefore)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  console.log(
    `speed: model loaded in ${(loaded - loadStarted).toFixed(0)} ms; tagText on ${megabytes.toFixed(2)} MB (${tokens} tokens, ${spans} spans): ` +
      `${seconds.toFixed(2)} s wall = ${(megabytes / seconds).toFixed(2)} MB/s; ${cpuSeconds.toFixed(2)} s CPU = ${(megabytes / cpuSeconds).toFixed(2)} MB per CPU-second`,
  )
}
const summary = (s: SpanScore | undefined): Record<string, number> => ({
  precision: round(s?.precision ?? 0),
  recall: round(s?.recall ?? 0),
  f1: round(s?.f1 ?? 0),
  gold: (s?.truePositives ?? 0) + (s?.falseNegatives ?? 0),
  found: (s?.truePositives ?? 0) + (s?.falsePositives ?? 0),
  correct: s?.truePositives ?? 0,
})
console.log(
  JSON.stringify({
    file,
    scored: args.extractor ? 'extractor' : 'tagger',
    tokens,
    sentences: sentences.length,
    overall: summary(scores.overall),
    PER: summary(scores.byType.PER),
    LOC: summary(scores.byType.LOC),
    ORG: summary(scores.byType.ORG),
  }),
)

/** The whole extractor's labels, documents of `documentSize` sentences taken as one article each. */
function extractorInDocuments(all: readonly string[][]): Label[][] {
  const registry = loadRegistry()
  const lexicons = loadLexicons()
  const kinds = {PER: 'person', LOC: 'place', ORG: 'organization'} as const
  const spanTagger = (text: string, tokens?: readonly Token[]) =>
    tagText(tagger, text, {consistency: !args['no-consistency'], ...(tokens ? {tokens} : {})}).map(({start, end, type}) => ({start, end, type: kinds[type]}))
  const labels: Label[][] = []
  for (let start = 0; start < all.length; start += documentSize) {
    labels.push(...extractorLabels(all.slice(start, start + documentSize), {registry, lexicons, tagger: spanTagger}))
  }
  return labels
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
