/**
 * The project's statistical Arabic named-entity tagger.
 *
 *   const tagger = loadTagger()
 *   tagger.tag(['قال', 'ماركو', 'روبيو'])   // ['O', 'B-PER', 'I-PER']
 *   tagText(tagger, 'وصل روبيو إلى الدوحة') // [{start, end, type: 'PER', text: 'روبيو'}, …]
 *
 * The model (src/entities/model/ner-model.bin) is trained by
 * scripts/train-ner.ts on NewsFANE Gold and AQMAR (CC BY-SA 3.0); it is
 * loaded from disk at each `loadTagger` call, so callers keep the instance.
 */
import {readFileSync} from 'node:fs'
import {tokenize} from '../../arabic/tokenize.ts'
import type {Token} from '../../arabic/tokenize.ts'
import {keyedTextTokens, loadLexicons, loadRegistry, sliceKeyed} from '../registry/index.ts'
import type {KeyedTokens} from '../registry/index.ts'
import {tagDocument} from './document.ts'
import type {DocumentOptions} from './document.ts'
import type {EntityType, Label} from './labels.ts'
import {decodeModel} from './model.ts'
import {registryCoder} from './registry-codes.ts'
import type {RegistryCoder} from './registry-codes.ts'
import {findSpans} from './scoring.ts'
import {createTagger} from './tagger.ts'
import type {Tagger, TaggerOptions} from './tagger.ts'

export type {DocumentOptions} from './document.ts'
export {tagDocument, tagInDocuments} from './document.ts'
export type {Gazetteer, GazetteerHint} from './features.ts'
export type {EntityType, Label} from './labels.ts'
export type {RegistryCoder} from './registry-codes.ts'
export {registryCoder} from './registry-codes.ts'
export type {TagOptions, Tagger, TaggerOptions} from './tagger.ts'
export {createTagger} from './tagger.ts'

/** Where the committed model lives. */
export const defaultModelUrl = new URL('../model/ner-model.bin', import.meta.url)

/** Options of `loadTagger`. */
export interface LoadTaggerOptions extends Omit<TaggerOptions, 'registry'> {
  /** Model file to load (default: the committed model, `defaultModelUrl`). */
  modelPath?: string | URL
  /**
   * Registry codes as features: the committed model was trained with the
   * built-in registry's (the default); pass a coder of a registry with the
   * analyst's corrections, or null for none.
   */
  registry?: RegistryCoder | null
}

/**
 * Load the tagger.
 *
 * Takes options (model file, registry, default gazetteer, cache size); returns a new
 * tagger reading the model file now. Nothing is cached between calls: keep
 * the returned tagger and reuse it.
 */
export function loadTagger(options: LoadTaggerOptions = {}): Tagger {
  const bytes = readFileSync(options.modelPath ?? defaultModelUrl)
  const registry = options.registry === undefined ? registryCoder(loadRegistry(), loadLexicons().givenNames) : (options.registry ?? undefined)
  return createTagger(decodeModel(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)), {...options, registry})
}

/** A name found in text: `text === original.slice(start, end)` (UTF-16 offsets). */
export interface EntitySpan {
  start: number
  end: number
  type: EntityType
  text: string
}

// Tokens after which a new sentence starts; the tagger was trained on sentences.
const sentenceEnds = new Set(['.', '!', '?', '؟', '…', '۔'])

/**
 * Split tokens into sentences for tagging.
 *
 * Takes the text and its tokens; returns index ranges [from, to). A sentence
 * ends after . ! ? ؟ … or where a line break separates two tokens.
 */
export function sentenceRanges(text: string, tokens: readonly Token[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  let from = 0
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token
    const next = tokens[i + 1]
    const lineBreak = next !== undefined && text.slice(token.end, next.start).includes('\n')
    if (sentenceEnds.has(token.text) || lineBreak || next === undefined) {
      ranges.push([from, i + 1])
      from = i + 1
    }
  }
  return ranges
}

/**
 * Find the names of people, places and organisations in a text.
 *
 * Takes a tagger, the text as displayed (one document: a name found in one
 * sentence helps find it in the others, see document.ts) and options;
 * returns the spans in order, with offsets into `text` (tokens from `tokenize`;
 * a caller that has them passes the text's tokens and their keys, `keyedTextTokens`).
 */
export function tagText(
  tagger: Tagger,
  text: string,
  options: DocumentOptions & {tokens?: readonly Token[]; keyed?: KeyedTokens} = {},
): EntitySpan[] {
  const {tokens: given, keyed: givenKeys, ...documentOptions} = options
  const tokens = given ?? tokenize(text)
  // Keyed once for the registry codes of both passes (`keyed`: the caller's keys of `tokens`).
  const keyed = given !== undefined && givenKeys !== undefined ? givenKeys : keyedTextTokens(tokens)
  const ranges = sentenceRanges(text, tokens)
  const sentences = ranges.map(([from, to]) => tokens.slice(from, to))
  const labels = tagDocument(
    tagger,
    sentences.map((sentence) => sentence.map((token) => token.text)),
    {...documentOptions, sentenceKeys: ranges.map(([from, to]) => sliceKeyed(keyed, from, to))},
  )
  const spans: EntitySpan[] = []
  sentences.forEach((sentence, index) => {
    const tags: Label[] = labels[index] ?? []
    for (const span of findSpans(tags)) {
      const first = sentence[span.start] as Token
      const last = sentence[span.end - 1] as Token
      spans.push({start: first.start, end: last.end, type: span.type as EntityType, text: text.slice(first.start, last.end)})
    }
  })
  return spans
}
