/**
 * The entity registry's real names, as the benchmark corpus writes them: so
 * that entity extraction has real work (known people with the office titles
 * they held on the article's date, places, organisations, news agencies),
 * next to invented people the rules must find from a title.
 *
 * Reads the registry's data files (read-only) once, at import; everything
 * exported is constant.
 */
import countriesData from '../entities/registry/data/countries.json' with {type: 'json'}
import givenNamesData from '../entities/registry/data/given-names.json' with {type: 'json'}
import mediaData from '../entities/registry/data/media.json' with {type: 'json'}
import movementsData from '../entities/registry/data/movements.json' with {type: 'json'}
import organizationsData from '../entities/registry/data/organizations.json' with {type: 'json'}
import personsData from '../entities/registry/data/persons.json' with {type: 'json'}
import placesData from '../entities/registry/data/places.json' with {type: 'json'}
import {themes} from './themes.ts'

/** The registry entry fields the corpus reads. */
interface RawEntry {
  id: string
  name: string
  kind?: string
  aliases?: Array<string | {text: string; requiresContext?: boolean; role?: boolean; adjective?: boolean}>
  roles?: Array<{titles: string[]; from?: string; to?: string}>
}

/** A person of the registry: names, offices, grammatical gender. */
export interface Person {
  id: string
  name: string
  /** A shorter form for later mentions (روبيو), or the name. */
  short: string
  roles: ReadonlyArray<{titles: readonly string[]; from: string; to: string}>
  gender: 'm' | 'f'
}

/** A named thing with the gender its verbs agree with. */
export interface Named {
  id: string
  name: string
  gender: 'm' | 'f'
  /** The registry's kind (city, country, ministry...), when it has one. */
  kind?: string
}

const arabic = /^[\u0600-\u06FF\s]+$/u

function plainAliases(entry: RawEntry): string[] {
  return (entry.aliases ?? []).flatMap((a) => (typeof a === 'string' ? [a] : a.requiresContext || a.role || a.adjective ? [] : [a.text]))
}

/**
 * A feminine title or name head (وزيرة، المتحدثة، منظمة، وزارة، قوات) makes its
 * verbs feminine; so do names of movements that are called حركة (حماس).
 */
function genderOf(phrase: string): 'm' | 'f' {
  const head = phrase.split(' ')[0] ?? ''
  return /(?:ة|ات)$/u.test(head) || feminineNames.has(phrase) ? 'f' : 'm'
}
const feminineNames = new Set(['حماس', 'طالبان', 'داعش', 'أوبك', 'أوبك بلس', 'بريكس', 'اليونسكو', 'اليونيسف', 'الأونروا', 'الإنتربول'])

function toPerson(entry: RawEntry): Person {
  const aliases = plainAliases(entry).filter((a) => arabic.test(a))
  const single = aliases.filter((a) => !a.includes(' ')).sort((a, b) => a.length - b.length || (a < b ? -1 : 1))
  const roles = (entry.roles ?? []).map((r) => ({titles: r.titles.filter((t) => arabic.test(t)), from: r.from ?? '0000', to: r.to ?? '9999'}))
  const firstTitle = roles.find((r) => r.titles.length > 0)?.titles[0]
  return {id: entry.id, name: entry.name, short: single[0] ?? entry.name, roles, gender: firstTitle ? genderOf(firstTitle) : 'm'}
}

function toNamed(entry: RawEntry): Named {
  return entry.kind === undefined ? {id: entry.id, name: entry.name, gender: genderOf(entry.name)} : {id: entry.id, name: entry.name, gender: genderOf(entry.name), kind: entry.kind}
}

const persons = (personsData as RawEntry[]).map(toPerson)
const countries: Named[] = (countriesData as RawEntry[]).map((e) => ({id: e.id, name: e.name, gender: 'f', kind: 'country'}))
const places = (placesData as RawEntry[]).map(toNamed)
// Plural names (الحوثيون) would need plural verbs; the corpus leaves them to the themes' prose.
const organizations = [...(organizationsData as RawEntry[]), ...(movementsData as RawEntry[])].filter((e) => !/ون$/u.test(e.name)).map(toNamed)
const media = mediaData as RawEntry[]

function byId<T extends {id: string}>(items: readonly T[], what: string): (id: string) => T {
  const map = new Map(items.map((item) => [item.id, item]))
  return (id) => {
    const item = map.get(id)
    if (!item) throw new Error(`bench corpus: no ${what} "${id}" in the entity registry`)
    return item
  }
}

export const personById = byId(persons, 'person')
export const countryById = byId(countries, 'country')
export const placeById = byId([...places, ...countries], 'place')
export const organizationById = byId(organizations, 'organization')

/** All registry people, countries, places and organisations (for the share of mentions outside a theme). */
export const allPersons: readonly Person[] = persons
export const allCountries: readonly Named[] = countries
export const allPlaces: readonly Named[] = places.filter((p) => p.id !== 'arab-world')
export const allOrganizations: readonly Named[] = organizations
export const allCities: readonly Named[] = places.filter((p) => p.kind === 'city')

/** News agencies (رويترز، قنا) and outlets (الجزيرة، أكسيوس), by their registry names. */
export const agencies: readonly string[] = media.filter((m) => m.kind === 'agency').map((m) => m.name)
export const outlets: readonly string[] = media.filter((m) => m.kind === 'outlet').map((m) => m.name)

/** Given names for invented people. */
export const givenNames: {male: readonly string[]; female: readonly string[]} = {
  male: (givenNamesData as {male: string[]}).male,
  female: (givenNamesData as {female: string[]}).female
}

/**
 * The titles of the offices a person held on a date (`YYYY-MM-DD`), latest
 * office first (Rubio in September 2025: secretary of state and national
 * security adviser); empty when the registry records none for that day.
 */
export function titlesOn(person: Person, date: string): readonly string[] {
  const current = person.roles.filter((r) => r.titles.length > 0 && r.from <= date && date < r.to)
  current.sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0))
  return current.flatMap((r) => r.titles)
}

/** A theme's entities, resolved (throws at import when a theme names an id the registry lacks). */
export const themeEntities = themes.map((theme) => ({
  persons: theme.persons.map(personById),
  countries: theme.countries.map(countryById),
  places: theme.places.map(placeById),
  organizations: theme.organizations.map(organizationById)
}))
