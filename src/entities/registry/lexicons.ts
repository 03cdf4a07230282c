/**
 * Word lists for the rule-based recogniser: given names, person titles,
 * organisation head nouns and place head nouns (data/*.json, grouped, each
 * group sorted). Looked up with the same keys as the registry (keys.ts):
 * normalised, spelling variants folded, article kept, proclitics tolerated
 * on the first token.
 */
import givenNames from './data/given-names.json' with {type: 'json'}
import orgHeads from './data/org-heads.json' with {type: 'json'}
import personTitles from './data/person-titles.json' with {type: 'json'}
import placeHeads from './data/place-heads.json' with {type: 'json'}
import {keyTokens, phraseKeysOfAll, spacingVariants, type KeyedTokens} from './keys.ts'
import {createTrie, longestMatch, nodeFor} from './trie.ts'

/** A lexicon phrase found at a token position. */
export interface LexiconMatch {
  start: number
  /** Token index after the phrase (exclusive). */
  end: number
  /** Proclitics split off the first token. */
  prefix: string
  /** The listed phrase as written in the data. */
  text: string
  /** Its group (male, female, foreign; honorific, office, military, religious; ...). */
  group: string
}

/** One word list. */
export interface Lexicon {
  /** File stem: given-names, person-titles, org-heads, place-heads. */
  readonly name: string
  /** What the list is for (from the file). */
  readonly description: string
  /** Phrases by group, as written in the data. */
  readonly groups: Readonly<Record<string, readonly string[]>>
  /** Group of a single token (normalised or not, proclitics tolerated), or undefined when not listed. */
  groupOf(token: string): string | undefined
  /**
   * Longest listed phrase starting at token `i` (multi-word entries: عبد الله،
   * رئيس الوزراء، آية الله). Takes token texts, or the same keyed once
   * (`keyTokens`) when a text is looked up at many positions.
   */
  lookupPhrase(tokens: readonly string[] | KeyedTokens, i: number): LexiconMatch | undefined
}

/** The four lists. */
export interface Lexicons {
  givenNames: Lexicon
  personTitles: Lexicon
  orgHeads: Lexicon
  placeHeads: Lexicon
}

interface LexiconValue {
  text: string
  group: string
}

/** Build one lexicon from its parsed file (`{description, <group>: string[] ...}`); throws on a malformed file. */
function buildLexicon(name: string, data: unknown): Lexicon {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`${name}.json: expected an object`)
  const fields = data as Record<string, unknown>
  const description = fields['description']
  if (typeof description !== 'string') throw new Error(`${name}.json: missing "description"`)
  const groups: Record<string, readonly string[]> = {}
  const root = createTrie<LexiconValue>()
  for (const [group, list] of Object.entries(fields)) {
    if (group === 'description') continue
    if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || item.trim() === '')) {
      throw new Error(`${name}.json: "${group}" must be a list of non-empty strings`)
    }
    groups[group] = list as string[]
    const keysOfList = phraseKeysOfAll(list as string[])
    for (const [position, text] of (list as string[]).entries()) {
      const keys = keysOfList[position] ?? []
      for (const variant of [keys, ...spacingVariants(keys)]) {
        const values = nodeFor(root, variant).values
        if (!values.some((value) => value.group === group)) values.push({text, group})
      }
    }
  }
  const lookupPhrase = (tokens: readonly string[] | KeyedTokens, i: number): LexiconMatch | undefined => {
    const match = longestMatch(root, 'firstForms' in tokens ? tokens : keyTokens(tokens), i)
    const value = match?.values[0]
    if (match === undefined || value === undefined) return undefined
    return {start: i, end: match.end, prefix: match.prefix, text: value.text, group: value.group}
  }
  const groupOf = (token: string): string | undefined => {
    const match = lookupPhrase([token], 0)
    return match === undefined ? undefined : match.group
  }
  return {name, description, groups, groupOf, lookupPhrase}
}

/**
 * Load the four word lists.
 * Returns them ready for lookups; throws when a file is malformed.
 */
export function loadLexicons(): Lexicons {
  return {
    givenNames: buildLexicon('given-names', givenNames),
    personTitles: buildLexicon('person-titles', personTitles),
    orgHeads: buildLexicon('org-heads', orgHeads),
    placeHeads: buildLexicon('place-heads', placeHeads)
  }
}
