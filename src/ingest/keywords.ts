/**
 * The "كلمات دلالية:" tag line: its terms are run together with single spaces
 * ("أنتوني بلينكن الإرهاب الجيش الأمريكي الدوحة ..."), so they are split with
 * what is known about names and Arabic noun phrases:
 * - a registry name is one term (أنتوني بلينكن، الشرق الأوسط، الولايات المتحدة);
 * - a definite nisba adjective belongs to the noun before it (الجيش الأمريكي،
 *   القواعد العسكرية الأمريكية);
 * - an indefinite noun in ة takes the definite noun after it (اتفاقية التعاون);
 * - a name joined by و+ال to another name forms one term (قطر والولايات المتحدة).
 * Terms are kept as written (Persian ی stays for display); matching uses the
 * normalised form.
 */
import {normalizeArabic} from '../arabic/index.ts'
import {keyTokens, type Registry} from '../entities/registry/index.ts'

const nisba = /^(?:ال|وال)\S+(?:ي|يه|يون|يين|يان)$/u

/**
 * Split a tag line into terms.
 *
 * Takes the line's value (after "كلمات دلالية:") and the registry; returns the
 * terms as written, in order, without duplicates.
 */
export function splitKeywords(line: string, registry: Registry): string[] {
  const words = line.split(/[\s،,؛;|]+/u).filter(Boolean)
  const norms = words.map((w) => normalizeArabic(w))
  const keyed = keyTokens(norms)
  const terms: string[][] = []
  let i = 0
  while (i < words.length) {
    const phrase = registry.lookupPhrase(keyed, i)
    let end = phrase && phrase.end > i ? phrase.end : i + 1
    const isName = phrase !== undefined
    for (;;) {
      const last = norms[end - 1] ?? ''
      const next = norms[end]
      if (next === undefined) break
      if (nisba.test(next) && !next.startsWith('وال') && (last.startsWith('ال') || end - i > 1)) {
        end++
        continue
      }
      if (end - i === 1 && !isName && /[هة]$/u.test(last) && !last.startsWith('ال') && next.startsWith('ال')) {
        end++
        continue
      }
      if (isName && next.startsWith('وال')) {
        const joined = registry.lookupPhrase(keyed, end)
        end = joined && joined.end > end ? joined.end : end + 1
        continue
      }
      break
    }
    terms.push(words.slice(i, end))
    i = end
  }
  return [...new Set(terms.map((t) => t.join(' ')))]
}
