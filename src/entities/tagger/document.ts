/**
 * Tagging a whole document with one name, one type.
 *
 * A story names a person in full once ("رئيس الوزراء نوري المالكي") and then
 * by one word, often where the context says little ("ووجه المالكي الشكر").
 * After a first pass over all sentences, the words the tagger marked as names
 * more often than not become a gazetteer for a second pass (consulted after
 * the caller's gazetteer, before the model's own word list), so a name found
 * once is found again. Sentences where that list could change nothing keep
 * their first-pass labels.
 */
import {collectGazetteer, firstGazetteer, tableGazetteer} from './gazetteer.ts'
import type {Label} from './labels.ts'
import type {TagOptions, Tagger} from './tagger.ts'
import type {KeyedTokens} from '../registry/index.ts'

/** Options of `tagDocument`. */
export interface DocumentOptions extends Omit<TagOptions, 'keyed'> {
  /** Run the second, document-consistency pass (default true). */
  consistency?: boolean
  /** Each sentence's tokens keyed for the registry codes (`keyTokens`), when the caller has them. */
  sentenceKeys?: readonly KeyedTokens[] | undefined
}

/**
 * Tag the sentences of one document.
 *
 * Takes a tagger, the document's sentences (token texts) and options; returns
 * one label array per sentence. Deterministic; the tagger is not changed.
 */
export function tagDocument(tagger: Tagger, sentences: readonly (readonly string[])[], options: DocumentOptions = {}): Label[][] {
  const {sentenceKeys, ...tagOptions} = options
  const keyedAt = (index: number): TagOptions => ({...tagOptions, keyed: sentenceKeys?.[index]})
  const first = sentences.map((tokens, index) => tagger.tag(tokens, keyedAt(index)))
  if (options.consistency === false) return first
  // The tagger has already normalised every word.
  const keysOf = (token: string): readonly string[] => tagger.lookupForms(token)
  const names = collectGazetteer(
    sentences.map((tokens, index) => ({tokens, labels: first[index] ?? []})),
    {keysOf},
  )
  if (names.size === 0) return first
  const documentGazetteer = tableGazetteer(names)
  const gazetteer = options.gazetteer === undefined ? documentGazetteer : firstGazetteer(options.gazetteer, documentGazetteer)
  return sentences.map((tokens, index) => {
    const labels = first[index] ?? []
    // Only a sentence with a listed word outside a name can change.
    const touched = tokens.some((token, t) => labels[t] === 'O' && keysOf(token).some((form) => names.has(form)))
    return touched ? tagger.tag(tokens, {...keyedAt(index), gazetteer}) : labels
  })
}

/**
 * Tag a long run of sentences (a corpus file) as consecutive documents.
 *
 * Takes a tagger, the sentences, the number of sentences per document
 * (default 50: files of gold sentences rarely mark where a story ends) and
 * options; returns one label array per sentence.
 */
export function tagInDocuments(tagger: Tagger, sentences: readonly (readonly string[])[], documentSize = 50, options: DocumentOptions = {}): Label[][] {
  const labels: Label[][] = []
  for (let start = 0; start < sentences.length; start += documentSize) {
    labels.push(...tagDocument(tagger, sentences.slice(start, start + documentSize), options))
  }
  return labels
}
