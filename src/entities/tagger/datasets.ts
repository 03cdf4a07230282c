/**
 * The two gold corpora used to train and measure the tagger, read from disk.
 *
 * NewsFANE Gold (newswire, fine ACE classes, ATB-segmented clitics, no
 * official split) and AQMAR (Wikipedia, PER/LOC/ORG/MIS, split of Liu et al.
 * 2019). Both are CC BY-SA 3.0; see ../shared/data/ner/README.md.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {joinSegmentedClitics, mapTags, parseIobText, splitPart} from './corpus.ts'
import type {LabelledSentence, SplitOptions, SplitPart} from './corpus.ts'

/** A corpus split into parts. */
export type SplitCorpus = Record<SplitPart, LabelledSentence[]>

/** Options of `loadNewsFane`. */
export interface NewsFaneOptions extends SplitOptions {
  /** Join ATB-segmented clitics back onto words, as running text writes them (default true). */
  joinClitics?: boolean
}

/**
 * Read NewsFANE Gold and split it deterministically.
 *
 * Takes the data folder (the one holding `newsfane/`) and options; returns
 * train/dev/test sentences with PER/LOC/ORG labels (see `splitPart` for the split).
 */
export function loadNewsFane(dataDir: string, options: NewsFaneOptions = {}): SplitCorpus {
  const text = readFileSync(join(dataDir, 'newsfane', 'NewsFANE_Gold_2014_170K.txt'), 'utf8')
  const result: SplitCorpus = {train: [], dev: [], test: []}
  parseIobText(text).forEach((raw, index) => {
    const labelled: LabelledSentence = {tokens: raw.tokens, labels: mapTags(raw.tags).labels}
    const sentence = options.joinClitics === false ? labelled : joinSegmentedClitics(labelled)
    result[splitPart(index, options)].push(sentence)
  })
  return result
}

/**
 * Read AQMAR's train, dev and test files.
 *
 * Takes the data folder (the one holding `aqmar/`); returns the three parts
 * with PER/LOC/ORG labels (MIS becomes O).
 */
export function loadAqmar(dataDir: string): SplitCorpus {
  const read = (part: SplitPart): LabelledSentence[] =>
    parseIobText(readFileSync(join(dataDir, 'aqmar', `${part}.txt`), 'utf8')).map((raw) => ({
      tokens: raw.tokens,
      labels: mapTags(raw.tags).labels,
    }))
  return {train: read('train'), dev: read('dev'), test: read('test')}
}
