/**
 * Stable, URL-safe ASCII slugs from names in any script (source files, outlets).
 *
 * A slug is the article's address, so it must not change between builds and
 * must be ASCII whatever script the file name is in. Arabic names are
 * transliterated letter by letter; anything still unusable falls back to a
 * short hash of the name.
 */
import {createHash} from 'node:crypto'

// A plain, reversible-enough transliteration for addresses (not for display).
const arabicToLatin: Record<string, string> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ٱ: 'a', ء: '', ؤ: 'u', ئ: 'i', ب: 'b', ت: 't', ث: 'th', ج: 'j',
  ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'sh', ص: 's', ض: 'd', ط: 't',
  ظ: 'z', ع: '', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ک: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', ة: 'a',
  و: 'w', ي: 'y', ى: 'a', ی: 'y', پ: 'p', چ: 'ch', ژ: 'zh', گ: 'g',
  '٠': '0', '١': '1', '٢': '2', '٣': '3', '٤': '4', '٥': '5', '٦': '6', '٧': '7', '٨': '8', '٩': '9',
  '۰': '0', '۱': '1', '۲': '2', '۳': '3', '۴': '4', '۵': '5', '۶': '6', '۷': '7', '۸': '8', '۹': '9'
}

/** Longest slug, in characters. */
const maxLength = 60

/**
 * Make a slug from a file's base name (without extension).
 *
 * Takes e.g. `000_343249e2a2f5d01d` and returns `000-343249e2`: lowercase ASCII
 * words joined by hyphens, hexadecimal ids of 16+ digits shortened to 8.
 */
export function slugFromName(name: string): string {
  // An ASCII name (most file names) has nothing to transliterate: a build slugs ten thousand of them.
  const latin = /^[\x00-\x7f]*$/.test(name) ? name.toLowerCase() : transliterate(name)
  const words = latin
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => (/^[0-9a-f]{16,}$/.test(w) ? w.slice(0, 8) : w))
  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if (next.length > maxLength) break
    slug = next
  }
  return slug || `article-${shortHash(name)}`
}

/** A name in Latin letters: Arabic transliterated, accents dropped, lowercase. */
function transliterate(name: string): string {
  let latin = ''
  // Harakat, the madda of آ (split off by NFKD) and tatweel belong to their letter, not between words.
  for (const ch of name.normalize('NFKD').replace(/[\u064B-\u065F\u0670\u0640]/g, '')) latin += arabicToLatin[ch] ?? ch
  return latin.replace(/[\u0300-\u036F]/g, '').toLowerCase()
}

/** Eight hex digits of SHA-256: enough to tell file names apart. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8)
}

/**
 * Give every file a unique slug.
 *
 * Takes source paths (relative to the content folder); returns a map path →
 * slug. When two files would get the same slug, each of them gets the hash of
 * its path appended, so both survive and neither depends on the other's
 * existence order.
 */
export function assignSlugs(paths: readonly string[], nameOf: (path: string) => string): Map<string, string> {
  const base = new Map(paths.map((p) => [p, slugFromName(nameOf(p))]))
  const count = new Map<string, number>()
  for (const slug of base.values()) count.set(slug, (count.get(slug) ?? 0) + 1)
  const result = new Map<string, string>()
  const taken = new Set<string>()
  for (const [path, slug] of base) {
    if (count.get(slug) === 1) {
      result.set(path, slug)
      taken.add(slug)
    }
  }
  // Colliding names get a hash of their path; in the rare case that hash makes another
  // file's slug, hash again. Sorted, so the outcome does not depend on listing order.
  for (const path of [...base.keys()].filter((p) => !result.has(p)).sort()) {
    const slug = base.get(path) as string
    let candidate = `${slug}-${shortHash(path)}`
    for (let n = 1; taken.has(candidate); n++) candidate = `${slug}-${shortHash(`${path}#${n}`)}`
    result.set(path, candidate)
    taken.add(candidate)
  }
  return result
}
