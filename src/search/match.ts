/**
 * Finding a query in text the way the search found the article: used for the
 * excerpts on the search page, for the highlights on the article page, and to
 * confirm results Pagefind may have matched too loosely.
 *
 * A word of the text matches a query key when its normalised form, one of its
 * keys (keys.ts), or that key's stem, begins with the query key — Pagefind
 * matches prefixes too: الاتفاقيات, اتفاقية and اتفاق all match اتفاق. Matching runs on `normalizeForOffsets`, and
 * `toOriginalSpan` maps every match back to the text as written, so the whole
 * written word is marked with its clitics, diacritics and tatweel.
 */
import {normalizeForOffsets, toOriginalSpan} from '../arabic/normalize.ts'
import {tokenize} from '../arabic/tokenize.ts'
import {pagefindForm, stemKey, wordKeys} from './keys.ts'
import type {ParsedQuery, QueryTerm} from './query.ts'

/** A span of the original text, in UTF-16 code units, `end` exclusive. */
export interface Span {
  start: number
  end: number
}

/** A word of a text with its span in the original, and its normalised form followed by its keys. */
interface Word extends Span {
  keys: readonly string[]
}

/**
 * Whether a word with these word keys matches a query key (itself a stem,
 * `queryKey`): one of the keys, or its stem, begins with the query key.
 */
export function keysMatch(wordKeyList: readonly string[], key: string): boolean {
  for (const candidate of wordKeyList) {
    if (candidate.startsWith(key) || stemKey(candidate).startsWith(key)) return true
  }
  return false
}

/**
 * The words of `text` with their original spans and keys. Keys of repeated
 * words come from `cache` (pass one Map across calls on the same page).
 */
function wordsOf(text: string, cache: Map<string, readonly string[]>): Word[] {
  const normalized = normalizeForOffsets(text)
  const words: Word[] = []
  for (const token of tokenize(normalized.text)) {
    if (token.kind === 'punct') continue
    let keys = cache.get(token.text)
    if (keys === undefined) {
      // The word as written counts too: a prefix being typed (ترم) matches ترمب before folding.
      keys = token.kind === 'word' ? [...new Set([token.text, ...wordKeys(token.text)])] : [pagefindForm(token.text)]
      cache.set(token.text, keys)
    }
    const span = toOriginalSpan(normalized, token.start, token.end)
    words.push({start: span.start, end: span.end, keys})
  }
  return words
}

/** Options of `findMatches`. */
export interface FindOptions {
  /** Cache of word keys shared across calls on one page (default: a fresh one). */
  cache?: Map<string, readonly string[]>
}

/**
 * Spans of `text` where the query occurs: every word matching a term, and
 * every run of words matching a phrase (one span for the run). Sorted,
 * non-overlapping.
 */
export function findMatches(text: string, query: ParsedQuery, options: FindOptions = {}): Span[] {
  if (query.terms.length === 0) return []
  const words = wordsOf(text, options.cache ?? new Map())
  const spans: Span[] = []
  for (const phrase of query.phrases) {
    for (const start of phraseStarts(words, phrase)) {
      const first = words[start]
      const last = words[start + phrase.length - 1]
      if (first && last) spans.push({start: first.start, end: last.end})
    }
  }
  const phraseKeys = new Set(query.phrases.flat().map((term) => term.key))
  const looseKeys = query.keys.filter((key) => !phraseKeys.has(key))
  for (const word of words) {
    if (looseKeys.some((key) => keysMatch(word.keys, key))) spans.push({start: word.start, end: word.end})
  }
  return mergeSpans(spans)
}

/** Indexes of the words where `phrase` begins. */
function phraseStarts(words: readonly Word[], phrase: readonly QueryTerm[]): number[] {
  const starts: number[] = []
  for (let index = 0; index + phrase.length <= words.length; index++) {
    if (phrase.every((term, offset) => keysMatch(words[index + offset]?.keys ?? [], term.key))) starts.push(index)
  }
  return starts
}

/** Sort spans and merge the overlapping ones. */
function mergeSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: Span[] = []
  for (const span of spans) {
    const previous = merged[merged.length - 1]
    if (previous && span.start <= previous.end) previous.end = Math.max(previous.end, span.end)
    else merged.push({...span})
  }
  return merged
}

/** What an article offers to be matched: its text, its alternate forms, its entities' aliases. */
export interface MatchTexts {
  content: string
  /** The alternate forms (index-terms.ts), space-separated; words only, never a phrase. */
  forms?: string
  /** The aliases, each a phrase. */
  aliases?: readonly string[]
}

/**
 * Whether an article contains each of `keys` (default: all the query's keys)
 * in its content, forms or aliases, and each phrase of the query within its
 * content or one alias. This is the test a result must pass to be shown.
 */
export function textsMatch(texts: MatchTexts, query: ParsedQuery, keys: readonly string[] = query.keys): boolean {
  const cache = new Map<string, readonly string[]>()
  const phraseTexts = [texts.content, ...(texts.aliases ?? [])].map((text) => wordsOf(text, cache))
  const wordTexts = [...phraseTexts, wordsOf(texts.forms ?? '', cache)]
  for (const key of keys) {
    if (!wordTexts.some((list) => list.some((word) => keysMatch(word.keys, key)))) return false
  }
  for (const phrase of query.phrases) {
    if (!phraseTexts.some((list) => phraseStarts(list, phrase).length > 0)) return false
  }
  return true
}
