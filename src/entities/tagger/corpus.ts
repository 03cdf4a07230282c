/**
 * Reading IOB-tagged corpora and bringing them to the tagger's label set.
 *
 * Handles the quirks of the published corpora: byte-order mark, CRLF line
 * ends, invisible direction marks inside tokens, `token<TAB>tag` or
 * `token tag` lines, IOB1/IOB2/IOBES tags, and the fine-grained NewsFANE
 * classes (mapped to PER/LOC/ORG by `classToType`).
 */
import type {EntityType, Label} from './labels.ts'
import {hashCode, hashString} from './hash.ts'

/** One sentence as read from a file: tokens and their tags as written. */
export interface RawSentence {
  tokens: string[]
  tags: string[]
}

/** One sentence with tags mapped to the tagger's IOB2 labels. */
export interface LabelledSentence {
  tokens: string[]
  labels: Label[]
}

// Direction marks, zero-width characters and the BOM: present in the corpora, never part of a word.
const invisible = /[\u200B\u200D\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\u2060\uFEFF]/g

/**
 * Parse the text of an IOB file into sentences.
 *
 * Takes the whole file; returns sentences split at blank lines. A line is
 * `token<TAB>tag` or `token tag` (the token is the first field, the tag the
 * last). Invisible marks are removed from tokens; a token that is only marks
 * is dropped. A line with a single field is a token tagged `O`.
 */
export function parseIobText(text: string): RawSentence[] {
  const sentences: RawSentence[] = []
  let tokens: string[] = []
  let tags: string[] = []
  const flush = (): void => {
    if (tokens.length > 0) sentences.push({tokens, tags})
    tokens = []
    tags = []
  }
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n?|\n/)) {
    const fields = line.trim().split(/\s+/)
    const token = (fields[0] ?? '').replace(invisible, '')
    const tag = fields.length > 1 ? (fields[fields.length - 1] ?? 'O').replace(invisible, '') : 'O'
    if (fields.length === 1 && token === '') {
      flush()
      continue
    }
    if (token === '') continue
    tokens.push(token)
    tags.push(tag)
  }
  flush()
  return sentences
}

/**
 * Entity classes and what they count as.
 *
 * Coarse names used by common Arabic corpora (ANERcorp: PERS/LOC/ORG/MISC,
 * AQMAR: PER/LOC/ORG/MIS, ACE: GPE/FAC) and the fine NewsFANE classes
 * (ACE taxonomy, two levels). `null` means "not a PER/LOC/ORG name".
 *
 * Decisions:
 * - Every kind of person (Politician … Police) is PER.
 * - Every kind of organisation (Government … Medical-Science) is ORG,
 *   including sports clubs and media outlets, as ANERcorp and CoNLL do.
 * - Geo-political and natural places are LOC.
 * - Named facilities (Building-Grounds, Airport, Path) are LOC: the
 *   CoNLL/ANERcorp tradition tags named airports, streets, palaces, mosques
 *   and bases as locations, and in NewsFANE these spans are names
 *   ("مطار دبي الدولي", "طريق الحرير", "المسجد الاقصى").
 * - Subarea-Facility is dropped: in NewsFANE it marks mostly unnamed parts of
 *   buildings ("المحراب", "قاعة الوضوء", "موقفا للسيارات").
 * - Group (collectives, mostly plural demonyms such as "العرب", "المسلمين")
 *   is not a named person: dropped, as the brief of this project asks.
 * - Works, products, vehicles, weapons and other MISC-like classes are
 *   dropped (MIS in AQMAR, MISC in ANERcorp).
 */
export const classTypes: Readonly<Record<string, EntityType | null>> = {
  // Coarse names.
  PER: 'PER',
  PERS: 'PER',
  PERSON: 'PER',
  LOC: 'LOC',
  LOCATION: 'LOC',
  GPE: 'LOC',
  FAC: 'LOC',
  ORG: 'ORG',
  ORGANIZATION: 'ORG',
  ORGANISATION: 'ORG',
  MIS: null,
  MISC: null,
  // NewsFANE persons.
  Politician: 'PER',
  Athlete: 'PER',
  Artist: 'PER',
  Other_PER: 'PER',
  Religious_PER: 'PER',
  Scientist: 'PER',
  Businessperson: 'PER',
  Lawyer: 'PER',
  Engineer: 'PER',
  Police: 'PER',
  // NewsFANE organisations.
  Government: 'ORG',
  'Non-Governmental': 'ORG',
  Commercial: 'ORG',
  Media: 'ORG',
  Educational: 'ORG',
  Sports: 'ORG',
  Religious_ORG: 'ORG',
  Entertainment: 'ORG',
  'Medical-Science': 'ORG',
  // NewsFANE places (GPE, natural locations) and named facilities.
  Nation: 'LOC',
  'Population-Center': 'LOC',
  'State-or-Province': 'LOC',
  'County-or-District': 'LOC',
  'GPE-Cluster': 'LOC',
  Continent: 'LOC',
  'Water-Body': 'LOC',
  'Land-Region-Natural': 'LOC',
  'Building-Grounds': 'LOC',
  Airport: 'LOC',
  Path: 'LOC',
  'Subarea-Facility': null,
  // NewsFANE classes that are not PER/LOC/ORG names.
  Group: null,
  Celestial: null,
  Book: null,
  Movie: null,
  Software: null,
  Hardware: null,
  Land: null,
  Air: null,
  Water: null,
  Projectile: null,
  Shooting: null,
  Food: null,
  Drug: null,
  Plant: null,
}

/**
 * The entity type of a class name.
 *
 * Takes a class as written after `B-`/`I-` ("Politician", "PERS", "gpe");
 * returns PER/LOC/ORG, `null` for a known class that is not one of them, or
 * `undefined` for a class this module does not know.
 */
export function classToType(name: string): EntityType | null | undefined {
  if (Object.hasOwn(classTypes, name)) return classTypes[name]
  const upper = name.toUpperCase()
  if (Object.hasOwn(classTypes, upper)) return classTypes[upper]
  return undefined
}

/** Result of mapping one sentence's tags: the labels and the classes that were not recognised. */
export interface MappedTags {
  labels: Label[]
  unknownClasses: string[]
}

/**
 * Map written tags to the tagger's IOB2 labels, the way conlleval reads chunks.
 *
 * Takes tags in IOB2, IOB1 or IOBES with any class names; returns IOB2 labels.
 * A chunk starts at `B-`/`S-` or at an `I-`/`E-` whose type differs from the
 * chunk before (so IOB1 input becomes IOB2). Classes are mapped with
 * `classToType`; unmapped ones become `O` and are listed in `unknownClasses`.
 */
export function mapTags(tags: readonly string[]): MappedTags {
  const labels: Label[] = []
  const unknownClasses: string[] = []
  let previousType: EntityType | null = null
  for (const tag of tags) {
    const match = /^([BIESLU])[-_](.+)$/.exec(tag)
    if (match === null) {
      // "O" and anything unreadable end the chunk.
      if (tag !== 'O' && !unknownClasses.includes(tag)) unknownClasses.push(tag)
      labels.push('O')
      previousType = null
      continue
    }
    const prefix = match[1] ?? 'B'
    const name = match[2] ?? ''
    const type = classToType(name)
    if (type === undefined && !unknownClasses.includes(name)) unknownClasses.push(name)
    if (type === null || type === undefined) {
      labels.push('O')
      previousType = null
      continue
    }
    const starts = prefix === 'B' || prefix === 'S' || prefix === 'U' || previousType !== type
    labels.push(starts ? `B-${type}` : `I-${type}`)
    // A single-token (S/U) or end (E/L) chunk closes the chunk.
    previousType = prefix === 'S' || prefix === 'U' || prefix === 'E' || prefix === 'L' ? null : type
  }
  return {labels, unknownClasses}
}

// Clitics written as separate tokens in ATB-style segmented text (NewsFANE).
const proclitics = new Set(['و', 'ف', 'ب', 'ل', 'س'])
const enclitics = new Set(['ه', 'ها', 'هم', 'هما', 'هن', 'نا', 'كم', 'كما', 'ي', 'ني'])
const arabicWord = /^[\u0621-\u064A]+$/

/** A word of running text made from tokens `start` … `end - 1` of a segmented sentence. */
export interface CliticGroup {
  start: number
  /** The token holding the word itself (the others are clitics). */
  stem: number
  end: number
  /** The word as running text writes it. */
  text: string
}

/**
 * Group clitics that segmented text writes as separate tokens with their word.
 *
 * NewsFANE follows ATB segmentation ("و قال", "ب هونج كونج", "ان ه"), and
 * some typists put a space after و; running text — what the tagger learns
 * from — writes "وقال", "بهونج كونج", "انه". Takes tokens and a test of which
 * tokens may be joined (default: all); returns one group per word: a
 * proclitic (و ف ب ل س, and ك before a word) goes with the next token when
 * that is an Arabic word of two or more letters (or another proclitic before
 * one: "و ب هونج"), a pronoun suffix (ه ها هم …,
 * and ك after a word) with the previous word. "ل" + "ال…" is written "لل…"
 * and ة before a suffix is written ت, as Arabic spelling does.
 */
export function groupClitics(tokens: readonly string[], joinable: (index: number) => boolean = () => true): CliticGroup[] {
  const groups: CliticGroup[] = []
  let pendingStart = -1
  let pending = ''
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? ''
    const next = tokens[i + 1]
    const nextIsWord = startsWord(tokens, i + 1)
    const previous = groups[groups.length - 1]
    const previousIsWord = pending === '' && previous !== undefined && arabicWord.test(previous.text)
    const isKaf = token === 'ك'
    // ك is "like" before a word that starts a phrase ("ك ما"), "your" after a word.
    const kafIsProclitic = isKaf && nextIsWord && (!previousIsWord || next === 'ما')
    if (joinable(i) && nextIsWord && (proclitics.has(token) || kafIsProclitic)) {
      if (pending === '') pendingStart = i
      pending += token
      continue
    }
    if (joinable(i) && previousIsWord && previous !== undefined && (enclitics.has(token) || isKaf)) {
      // Before a suffix, ة is written ت ("خطورة" + "هم" → "خطورتهم").
      const stem = previous.text.endsWith('ة') ? `${previous.text.slice(0, -1)}ت` : previous.text
      previous.text = `${stem}${token}`
      previous.end = i + 1
      continue
    }
    if (pending !== '') {
      const word = pending.endsWith('ل') && token.startsWith('ال') ? token.slice(1) : token
      groups.push({start: pendingStart, stem: i, end: i + 1, text: `${pending}${word}`})
      pending = ''
    } else {
      groups.push({start: i, stem: i, end: i + 1, text: token})
    }
  }
  return groups
}

/** Whether a token is one of the clitics that segmented text writes apart (a cheap first test). */
export function isCliticToken(token: string): boolean {
  return token === 'ك' || proclitics.has(token) || enclitics.has(token)
}

/** Whether token `index` is an Arabic word of two or more letters, or a proclitic before one. */
function startsWord(tokens: readonly string[], index: number): boolean {
  const token = tokens[index]
  if (token === undefined || !arabicWord.test(token)) return false
  return token.length >= 2 || ((proclitics.has(token) || token === 'ك') && startsWord(tokens, index + 1))
}

/**
 * Join clitics that a segmented corpus writes as separate tokens back onto their word.
 *
 * Takes a labelled sentence; returns it as running text writes it (see
 * `groupClitics`). A joined word takes the label of its word token, so
 * "ب هونج/B-LOC" becomes "بهونج/B-LOC". A clitic token labelled as part of
 * a name (the "ب" in "د ب ا") is left alone.
 */
export function joinSegmentedClitics(sentence: LabelledSentence): LabelledSentence {
  const groups = groupClitics(sentence.tokens, (index) => sentence.labels[index] === 'O')
  return {tokens: groups.map((group) => group.text), labels: groups.map((group) => sentence.labels[group.stem] ?? 'O')}
}

/** Which part of a split a sentence belongs to. */
export type SplitPart = 'train' | 'dev' | 'test'

/** Options of `splitPart`. */
export interface SplitOptions {
  /** Sentences per block; whole blocks go to one part so nearby sentences stay together (default 20). */
  blockSize?: number
  /** Tenths of the blocks for dev (default 1). */
  devTenths?: number
  /** Tenths of the blocks for test (default 1). */
  testTenths?: number
  /** Seed mixed into the hash (default 20250917). */
  seed?: number
}

/**
 * The split part of a sentence in a corpus without an official split.
 *
 * Takes the sentence's index in the file; returns train/dev/test. Sentences
 * are grouped in consecutive blocks (news stories run over many sentences, so
 * a block keeps most of a story on one side), and the hash of the block
 * number and seed picks the part: with the defaults about 80/10/10.
 * Deterministic: the same index and options always give the same part.
 */
export function splitPart(sentenceIndex: number, options: SplitOptions = {}): SplitPart {
  const blockSize = options.blockSize ?? 20
  const devTenths = options.devTenths ?? 1
  const testTenths = options.testTenths ?? 1
  const seed = options.seed ?? 20250917
  const block = Math.floor(sentenceIndex / blockSize)
  const h = hashCode(hashCode(hashString('split'), seed & 0xffff), (seed >>> 16) & 0xffff)
  const bucket = hashCode(hashCode(h, block & 0xffff), (block >>> 16) & 0xffff) % 10
  if (bucket < testTenths) return 'test'
  if (bucket < testTenths + devTenths) return 'dev'
  return 'train'
}
