/**
 * Matching keys of the registry: how an alias and a text token become the
 * same string.
 *
 * A key is one token's matching form (`normalizeArabic`) with the spelling
 * variants of the Arabic module folded (أميركي → أمريكي، ترمب → ترامب). The
 * article is KEPT: `matchKey` drops it, which is right for comparing phrases
 * but would merge الخليل (Hebron) with the given name خليل, الرياض with
 * رياض, الهند with هند. Proclitics are tolerated on the first token of a
 * phrase only (`firstTokenForms`).
 */
import {candidateStems, foldVariants, normalizeArabic, tokenize} from '../../arabic/index.ts'
import {memoizeWord} from '../../arabic/memo.ts'

/** Key of one token, normalised or not: `الأميركية` → `الامريكيه`. */
export function tokenKey(token: string): string {
  return foldVariants(normalizeArabic(token))
}

/**
 * Keys of a phrase: its word, Latin and number tokens (punctuation dropped),
 * each as `tokenKey`. `'قاعدة العديد الجوية'` → `['قاعده', 'العديد', 'الجويه']`.
 */
export function phraseKeys(phrase: string): string[] {
  const keys: string[] = []
  for (const token of tokenize(phrase)) {
    if (token.kind === 'punct' || token.norm.length === 0) continue
    keys.push(foldVariants(token.norm))
  }
  return keys
}

/**
 * `phraseKeys` of many phrases at once: one tokenizer pass over all of them
 * (building the tokenizer's pattern dominates the cost of short phrases, and
 * the registry keys thousands). Returns one key list per phrase, in order.
 */
export function phraseKeysOfAll(phrases: readonly string[]): string[][] {
  // A newline never occurs inside a phrase, so every token belongs to one phrase.
  const starts: number[] = []
  let offset = 0
  for (const phrase of phrases) {
    starts.push(offset)
    offset += phrase.length + 1
  }
  const result: string[][] = phrases.map(() => [])
  let current = 0
  for (const token of tokenize(phrases.join('\n'))) {
    while (current + 1 < starts.length && token.start >= (starts[current + 1] ?? Infinity)) current++
    if (token.kind === 'punct' || token.norm.length === 0) continue
    result[current]?.push(foldVariants(token.norm))
  }
  return result
}

/** One reading of a text token as the first token of a phrase. */
export interface FirstTokenForm {
  /** Key to look up. */
  key: string
  /** Proclitics split off to get it (`و`, `ب`, `ل` …; '' for the token itself). */
  prefix: string
}

/**
 * Readings of a NORMALISED token as the first token of a phrase: the token
 * itself, then the token without proclitics (والولايات → الولايات، للدوحة →
 * الدوحة، وقطر → قطر), as `candidateStems` of the Arabic module proposes them.
 * Forms that only drop the article are left out (الحماس must not become
 * حماس); the article itself is kept or restored (لل → ل + ال).
 */
export function firstTokenForms(norm: string): FirstTokenForm[] {
  const stems = candidateStems(norm)
  const forms: FirstTokenForm[] = []
  for (const stem of stems) {
    if (stems.includes(`ال${stem}`)) continue
    const key = foldVariants(stem)
    if (forms.some((form) => form.key === key)) continue
    forms.push({key, prefix: writtenPrefix(norm, stem)})
  }
  return forms
}

/**
 * A token sequence as the tries read it, keyed once: each token's `tokenKey`
 * and its readings as the first token of a phrase (`firstTokenForms`). Keying
 * is most of the cost of a lookup, and every position of a text is looked up
 * in several tries (the registry, the word lists, the tagger's registry
 * codes), so a text is keyed once and the keys passed along.
 */
export interface KeyedTokens {
  /** `tokenKey` of each token ('' for an empty token, which never matches). */
  keys: readonly string[]
  /** `firstTokenForms` of each key (none for an empty one). */
  firstForms: ReadonlyArray<readonly FirstTokenForm[]>
}

/** A token's key and first-token readings; pure, so one bounded memo serves every text. */
const keyedToken = memoizeWord((token: string): {key: string; forms: readonly FirstTokenForm[]} => {
  const key = tokenKey(token)
  return {key, forms: key.length === 0 ? [] : firstTokenForms(key)}
}, 200_000)

/**
 * Key token texts (normalised or not) for `longestMatch`. News text repeats its
 * words (في، من، the names it is about) within and across articles, so each
 * distinct token is keyed once per thread (`keyedToken`).
 */
export function keyTokens(tokens: readonly string[]): KeyedTokens {
  const keys: string[] = []
  const firstForms: Array<readonly FirstTokenForm[]> = []
  for (const token of tokens) {
    const keyed = keyedToken(token)
    keys.push(keyed.key)
    firstForms.push(keyed.forms)
  }
  return {keys, firstForms}
}

/** The keyed tokens `from` … `to` (exclusive) of a keyed text, as if that part were keyed alone. */
export function sliceKeyed(keyed: KeyedTokens, from: number, to: number): KeyedTokens {
  return {keys: keyed.keys.slice(from, to), firstForms: keyed.firstForms.slice(from, to)}
}

/** The letters of `norm` before `stem` (للدوحه / الدوحه → ل). */
function writtenPrefix(norm: string, stem: string): string {
  if (stem === norm) return ''
  if (norm.endsWith(stem)) return norm.slice(0, norm.length - stem.length)
  // ل + ال is written لل: the stem's alef is not in the word.
  if (stem.startsWith('ال') && norm.endsWith(stem.slice(1))) return norm.slice(0, norm.length - stem.length + 1)
  return ''
}

/**
 * Spacing variants of compound given names, as token-key lists: names with
 * عبد are written both split and joined (عبد الرحمن / عبدالرحمن), so each
 * form is indexed both ways. Returns the variants other than `keys` itself.
 */
export function spacingVariants(keys: readonly string[]): string[][] {
  const joined: string[] = []
  let changedJoin = false
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] ?? ''
    const next = keys[index + 1]
    if (key === 'عبد' && next !== undefined && next.startsWith('ال')) {
      joined.push(key + next)
      index++
      changedJoin = true
    } else {
      joined.push(key)
    }
  }
  const split: string[] = []
  let changedSplit = false
  for (const key of keys) {
    if (key.startsWith('عبدال') && key.length > 'عبدال'.length + 1) {
      split.push('عبد', key.slice('عبد'.length))
      changedSplit = true
    } else {
      split.push(key)
    }
  }
  const variants: string[][] = []
  if (changedJoin) variants.push(joined)
  if (changedSplit) variants.push(split)
  return variants
}

/**
 * The inflected forms of a nationality adjective given in the masculine
 * singular (a nisba ending in ي): قطري → قطري، القطري، قطرية، القطرية،
 * قطريون، القطريون، قطريين، القطريين. Irregular forms (الأتراك، الأمريكان)
 * are listed as aliases in the data instead.
 */
export function inflectNisba(adjective: string): string[] {
  const stem = adjective.trim()
  const forms = [stem, `${stem}ة`, `${stem}ون`, `${stem}ين`]
  return forms.flatMap((form) => [form, `ال${form}`])
}
