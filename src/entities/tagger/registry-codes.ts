/**
 * What the built-in registry says about each token of a sentence, as small
 * codes the tagger takes as features.
 *
 * The registry is hand-reviewed and knows multi-word names ("الولايات
 * المتحدة", "مجلس التعاون الخليجي"), nationality adjectives, role titles and
 * given names. Rather than trusting it blindly, the tagger learns from the
 * training corpora how far each kind of registry match agrees with how names
 * are annotated there (an adjective such as "الأمريكي" is not a name; a
 * country is), and still tags names the registry has never heard of.
 *
 * Codes are computed per sentence (greedy longest match, left to right), so a
 * word's code depends on its neighbours: "المتحدة" is inside a place after
 * "الولايات" and inside an organisation after "الأمم".
 */
import {keyTokens, type KeyedTokens, type Lexicon, type Registry, type RegistryCandidate} from '../registry/index.ts'

/**
 * Registry codes of a sentence's tokens: one per token, below `registryCodeCount`.
 * Takes the token texts, or the same already keyed (`keyTokens`).
 */
export type RegistryCoder = (tokens: readonly string[] | KeyedTokens) => Uint8Array

/**
 * The codes: 0 nothing known; names by type, first word and later words; a
 * nationality adjective; the first word of a role title; a form that is also
 * a common word (العديد); a given name, first and later words.
 */
export const registryCodes = {
  none: 0,
  name: {PER: [1, 4], LOC: [2, 5], ORG: [3, 6]},
  adjective: 7,
  role: 8,
  contextual: 9,
  given: [10, 11],
} as const

/** Number of registry codes, 0 (nothing known) included. */
export const registryCodeCount = 12

const typeOf = {person: 'PER', place: 'LOC', organization: 'ORG'} as const

/** First and later words' codes of a match, by its best candidate. */
function codesOf(candidate: RegistryCandidate): readonly [number, number] {
  if (candidate.requiresContext) return [registryCodes.contextual, registryCodes.contextual]
  if (candidate.adjective) return [registryCodes.adjective, registryCodes.adjective]
  if (candidate.role) return [registryCodes.role, registryCodes.role]
  return registryCodes.name[typeOf[candidate.type]]
}

/**
 * Make the registry coder.
 *
 * Takes the registry and the given-names lexicon; returns a function giving
 * each token of a sentence its code: registry phrases first (longest match),
 * then given names among the tokens no phrase took. Pure: the same tokens
 * always give the same codes.
 */
export function registryCoder(registry: Registry, givenNames: Lexicon): RegistryCoder {
  return (tokens) => {
    // Keyed once: both lists are looked up at every position.
    const keyed = 'firstForms' in tokens ? tokens : keyTokens(tokens)
    const codes = new Uint8Array(keyed.keys.length)
    for (let i = 0; i < codes.length; ) {
      const match = registry.lookupPhrase(keyed, i)
      const candidate = match?.candidates[0]
      if (match === undefined || candidate === undefined) {
        const given = givenNames.lookupPhrase(keyed, i)
        if (given === undefined) {
          i++
          continue
        }
        for (let t = i; t < given.end; t++) codes[t] = t === i ? registryCodes.given[0] : registryCodes.given[1]
        i = Math.max(given.end, i + 1)
        continue
      }
      const [first, later] = codesOf(candidate)
      if (candidate.role) {
        // A title names a place or organisation inside it ("أمير قطر", "حاكم دبي"), which the
        // corpora annotate: mark the title's first word and read on from the next.
        codes[i] = first
        i++
        continue
      }
      for (let t = i; t < match.end; t++) codes[t] = t === i ? first : later
      i = Math.max(match.end, i + 1)
    }
    return codes
  }
}
