/**
 * Generate (or refresh) the country entries of the entity registry.
 *
 * Run: `node scripts/gen-registry-countries.ts` (writes
 * `src/entities/registry/data/countries.json`).
 *
 * The Arabic and English names come from the ICU data built into Node
 * (`Intl.DisplayNames`), so nobody has to type 197 country names by hand.
 * Everything else in the file (short forms, formal names, nationality
 * adjectives, capitals) is curated by hand *in the output file*: when the file
 * already exists the script keeps every hand-written field and only adds what
 * is missing (a new country, or the ICU name as an alias when the curated
 * display name differs from it). Running it again is therefore safe.
 */
import {readFileSync, writeFileSync, existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** The 193 UN member states (ISO 3166-1 alpha-2). */
export const unMembers: readonly string[] = [
  'AD', 'AE', 'AF', 'AG', 'AL', 'AM', 'AO', 'AR', 'AT', 'AU', 'AZ', 'BA', 'BB', 'BD', 'BE', 'BF', 'BG',
  'BH', 'BI', 'BJ', 'BN', 'BO', 'BR', 'BS', 'BT', 'BW', 'BY', 'BZ', 'CA', 'CD', 'CF', 'CG', 'CH', 'CI',
  'CL', 'CM', 'CN', 'CO', 'CR', 'CU', 'CV', 'CY', 'CZ', 'DE', 'DJ', 'DK', 'DM', 'DO', 'DZ', 'EC', 'EE',
  'EG', 'ER', 'ES', 'ET', 'FI', 'FJ', 'FM', 'FR', 'GA', 'GB', 'GD', 'GE', 'GH', 'GM', 'GN', 'GQ', 'GR',
  'GT', 'GW', 'GY', 'HN', 'HR', 'HT', 'HU', 'ID', 'IE', 'IL', 'IN', 'IQ', 'IR', 'IS', 'IT', 'JM', 'JO',
  'JP', 'KE', 'KG', 'KH', 'KI', 'KM', 'KN', 'KP', 'KR', 'KW', 'KZ', 'LA', 'LB', 'LC', 'LI', 'LK', 'LR',
  'LS', 'LT', 'LU', 'LV', 'LY', 'MA', 'MC', 'MD', 'ME', 'MG', 'MH', 'MK', 'ML', 'MM', 'MN', 'MR', 'MT',
  'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA', 'NE', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NZ', 'OM', 'PA',
  'PE', 'PG', 'PH', 'PK', 'PL', 'PT', 'PW', 'PY', 'QA', 'RO', 'RS', 'RU', 'RW', 'SA', 'SB', 'SC', 'SD',
  'SE', 'SG', 'SI', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS', 'ST', 'SV', 'SY', 'SZ', 'TD', 'TG', 'TH',
  'TJ', 'TL', 'TM', 'TN', 'TO', 'TR', 'TT', 'TV', 'TZ', 'UA', 'UG', 'US', 'UY', 'UZ', 'VC', 'VE', 'VN',
  'VU', 'WS', 'YE', 'ZA', 'ZM', 'ZW'
]

/** Places that are not UN members but that the news treats as countries. */
export const otherCountries: readonly string[] = ['PS', 'XK', 'TW', 'EH', 'VA']

// ICU's English names are sometimes not what a reader expects as a label
// ("Congo - Kinshasa"); these give the Latin name (and so the id) instead.
const latinOverrides: Record<string, string> = {
  BA: 'Bosnia and Herzegovina',
  CD: 'Democratic Republic of the Congo',
  CG: 'Republic of the Congo',
  CI: "Cote d'Ivoire",
  KN: 'Saint Kitts and Nevis',
  MM: 'Myanmar',
  PS: 'Palestine',
  ST: 'Sao Tome and Principe',
  TL: 'Timor-Leste',
  VC: 'Saint Vincent and the Grenadines',
  AG: 'Antigua and Barbuda',
  TT: 'Trinidad and Tobago',
  VA: 'Vatican City',
  LC: 'Saint Lucia'
}

/** One country as this script writes it (hand-curated fields pass through untouched). */
interface CountryRecord {
  id: string
  type: 'place'
  kind: 'country'
  iso: string
  name: string
  latin: string
  aliases?: unknown[]
  [field: string]: unknown
}

/** Lowercase ASCII slug: `Côte d’Ivoire` → `cote-d-ivoire`. */
export function slugify(latin: string): string {
  return latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/**
 * Surface forms of an ICU Arabic name: `ميانمار (بورما)` gives both names;
 * forms with a spaced dash (`الكونغو - كينشاسا`) are labels, not something a
 * news text writes, and are dropped.
 */
function surfaceForms(icuName: string): string[] {
  const forms: string[] = []
  const parenthesised = /^(.*?)\s*\((.*)\)\s*$/.exec(icuName)
  const candidates = parenthesised ? [parenthesised[1] ?? '', parenthesised[2] ?? ''] : [icuName]
  for (const candidate of candidates) {
    const trimmed = candidate.trim()
    if (trimmed && !/\s[-–]\s/.test(trimmed)) forms.push(trimmed)
  }
  return forms
}

/** Format entries one key per line, values on one line: compact and easy to review in a diff. */
export function formatEntries(entries: readonly Record<string, unknown>[]): string {
  const blocks = entries.map((entry) => {
    const lines = Object.entries(entry).map(([key, value]) => `    ${JSON.stringify(key)}: ${JSON.stringify(value)}`)
    return `  {\n${lines.join(',\n')}\n  }`
  })
  return `[\n${blocks.join(',\n')}\n]\n`
}

function main(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const file = path.join(root, 'src/entities/registry/data/countries.json')
  const arabic = new Intl.DisplayNames(['ar'], {type: 'region'})
  const english = new Intl.DisplayNames(['en'], {type: 'region'})

  const existing: CountryRecord[] = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : []
  const byIso = new Map(existing.map((entry) => [entry.iso, entry]))
  let added = 0
  let aliasesAdded = 0

  for (const iso of [...unMembers, ...otherCountries]) {
    const icuArabic = arabic.of(iso)
    const icuLatin = english.of(iso)
    if (!icuArabic || !icuLatin || icuArabic === iso) throw new Error(`ICU has no name for ${iso}`)
    const forms = surfaceForms(icuArabic)
    const record = byIso.get(iso)
    if (!record) {
      const latin = latinOverrides[iso] ?? icuLatin
      const [name = icuArabic, ...rest] = forms
      const fresh: CountryRecord = {id: slugify(latin), type: 'place', kind: 'country', iso, name, latin}
      if (rest.length > 0) fresh.aliases = rest
      byIso.set(iso, fresh)
      added++
      continue
    }
    // Keep the curated record; make sure ICU's forms stay reachable as aliases.
    const known = new Set<string>([record.name, ...(record.aliases ?? []).map((alias) => (typeof alias === 'string' ? alias : String((alias as {text?: unknown}).text)))])
    for (const form of forms) {
      if (known.has(form)) continue
      record.aliases = [...(record.aliases ?? []), form]
      aliasesAdded++
    }
  }

  const records = [...byIso.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  writeFileSync(file, formatEntries(records))
  console.log(`countries.json: ${records.length} countries (${added} new, ${aliasesAdded} ICU aliases added)`)
}

if (import.meta.url === `file://${process.argv[1]}`) main()
