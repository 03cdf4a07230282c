/**
 * The strings the search page's script shows. search.astro fills them from
 * src/i18n/ar.ts at build time and writes them into the page as JSON, so the
 * script ships without the site's whole string table.
 */
import type {FilterKey} from './fields.ts'

/** Plural categories of `Intl.PluralRules`. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other'

/** What the search page's script needs to say. */
export interface SearchStrings {
  hint: string
  tooShort: string
  matching: string
  none: string
  truncated: string
  unavailable: string
  dateUnknown: string
  outletUnknown: string
  filterAll: string
  filterLabels: Record<FilterKey, string>
  /** Article counts by plural category; `{n}` stands for the number. */
  count: Record<PluralCategory, string>
}

/** `count` for `n` by the plural rules of `locale` (default Arabic): 3 → "3 مقالات", 2 → "مقالتان". */
export function countText(count: Record<PluralCategory, string>, n: number, locale = 'ar'): string {
  const category = new Intl.PluralRules(locale).select(n) as PluralCategory
  return count[category].replace('{n}', String(n))
}
