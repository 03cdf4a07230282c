/**
 * Reading the registry's data files into typed entries.
 *
 * The files are JSON (one per group, sorted by id) imported as modules, so
 * they are bundled with the code wherever it runs (Node scripts, the Astro
 * build). Their shape is checked here, strictly: a malformed entry is a bug
 * in the data and stops the load with a message naming the entry.
 */
import countries from './data/countries.json' with {type: 'json'}
import media from './data/media.json' with {type: 'json'}
import movements from './data/movements.json' with {type: 'json'}
import organizations from './data/organizations.json' with {type: 'json'}
import persons from './data/persons.json' with {type: 'json'}
import places from './data/places.json' with {type: 'json'}
import type {AliasSpec, RegistryEntityType, RegistryEntry, RegistryKind, RoleSpan} from './types.ts'

/** The data files in load order (this order is also the tie order of ambiguous candidates). */
export const dataFiles: ReadonlyArray<{name: string; data: unknown}> = [
  {name: 'countries.json', data: countries},
  {name: 'places.json', data: places},
  {name: 'organizations.json', data: organizations},
  {name: 'movements.json', data: movements},
  {name: 'media.json', data: media},
  {name: 'persons.json', data: persons}
]

const entityTypes: readonly RegistryEntityType[] = ['person', 'organization', 'place']

/** Kinds allowed for each type. */
export const kindsByType: Readonly<Record<RegistryEntityType, readonly RegistryKind[]>> = {
  place: ['country', 'city', 'region', 'continent', 'water', 'facility'],
  organization: ['ministry', 'government', 'legislature', 'igo', 'ngo', 'military', 'agency', 'outlet', 'movement', 'party', 'company'],
  person: []
}

const entryFields = new Set(['id', 'type', 'kind', 'name', 'latin', 'aliases', 'adjectives', 'iso', 'capital', 'country', 'roles', 'died', 'note'])
const aliasFields = new Set(['text', 'adjective', 'role', 'requiresContext', 'ambiguous'])
const roleFields = new Set(['titles', 'from', 'to'])

/** Partial date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const partialDatePattern = /^\d{4}(-\d{2}(-\d{2})?)?$/

type Fields = Record<string, unknown>

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text(entry: Fields, field: string, where: string, required: boolean): string | undefined {
  const value = entry[field]
  if (value === undefined && !required) return undefined
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`${where}: "${field}" must be a non-empty string`)
  return value
}

function strings(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.trim() === '')) {
    throw new Error(`${where}: expected a list of non-empty strings`)
  }
  return value as string[]
}

function unknownFields(value: Fields, allowed: ReadonlySet<string>, where: string): void {
  for (const field of Object.keys(value)) if (!allowed.has(field)) throw new Error(`${where}: unknown field "${field}"`)
}

function parseAlias(raw: unknown, where: string): AliasSpec {
  if (typeof raw === 'string') {
    if (raw.trim() === '') throw new Error(`${where}: empty alias`)
    return {text: raw}
  }
  if (!isFields(raw)) throw new Error(`${where}: an alias is a string or an object`)
  unknownFields(raw, aliasFields, where)
  const alias: AliasSpec = {text: text(raw, 'text', where, true) ?? ''}
  for (const flag of ['adjective', 'role', 'requiresContext', 'ambiguous'] as const) {
    const value = raw[flag]
    if (value === undefined) continue
    if (typeof value !== 'boolean') throw new Error(`${where}: "${flag}" must be true or false`)
    if (value) alias[flag] = true
  }
  return alias
}

function parseDate(raw: Fields, field: string, where: string): string | undefined {
  const value = text(raw, field, where, false)
  if (value !== undefined && !partialDatePattern.test(value)) throw new Error(`${where}: "${field}" must be YYYY, YYYY-MM or YYYY-MM-DD`)
  return value
}

function parseRole(raw: unknown, where: string): RoleSpan {
  if (!isFields(raw)) throw new Error(`${where}: a role is an object`)
  unknownFields(raw, roleFields, where)
  const titles = strings(raw['titles'], `${where} titles`)
  if (titles.length === 0) throw new Error(`${where}: a role needs at least one title`)
  const role: RoleSpan = {titles}
  const from = parseDate(raw, 'from', where)
  const to = parseDate(raw, 'to', where)
  if (from !== undefined) role.from = from
  if (to !== undefined) role.to = to
  return role
}

/**
 * Check and convert one raw entry.
 * Takes the parsed JSON value and a label for messages; returns the entry
 * (aliases as objects) or throws on any malformed field.
 */
export function parseEntry(raw: unknown, where: string): RegistryEntry {
  if (!isFields(raw)) throw new Error(`${where}: an entry is an object`)
  const id = text(raw, 'id', where, true) ?? ''
  const at = `${where} (${id})`
  unknownFields(raw, entryFields, at)
  const type = text(raw, 'type', at, true) as RegistryEntityType
  if (!entityTypes.includes(type)) throw new Error(`${at}: unknown type "${type}"`)
  const entry: RegistryEntry = {
    id,
    type,
    name: text(raw, 'name', at, true) ?? '',
    latin: text(raw, 'latin', at, true) ?? '',
    aliases: raw['aliases'] === undefined ? [] : parseAliases(raw['aliases'], at)
  }
  const kind = text(raw, 'kind', at, false)
  if (kind !== undefined) {
    if (!kindsByType[type].includes(kind as RegistryKind)) throw new Error(`${at}: kind "${kind}" is not a kind of ${type}`)
    entry.kind = kind as RegistryKind
  }
  if (raw['adjectives'] !== undefined) entry.adjectives = strings(raw['adjectives'], `${at} adjectives`)
  for (const field of ['iso', 'capital', 'country', 'note'] as const) {
    const value = text(raw, field, at, false)
    if (value !== undefined) entry[field] = value
  }
  if (raw['roles'] !== undefined) {
    if (!Array.isArray(raw['roles'])) throw new Error(`${at}: "roles" must be a list`)
    entry.roles = raw['roles'].map((role, index) => parseRole(role, `${at} role ${index + 1}`))
  }
  const died = parseDate(raw, 'died', at)
  if (died !== undefined) entry.died = died
  return entry
}

function parseAliases(raw: unknown, where: string): AliasSpec[] {
  if (!Array.isArray(raw)) throw new Error(`${where}: "aliases" must be a list`)
  return raw.map((alias, index) => parseAlias(alias, `${where} alias ${index + 1}`))
}

/**
 * All entries of all data files, in load order.
 * Throws when a file is not a list or an entry is malformed.
 */
export function readEntries(): RegistryEntry[] {
  const entries: RegistryEntry[] = []
  for (const file of dataFiles) {
    if (!Array.isArray(file.data)) throw new Error(`${file.name}: expected a list of entries`)
    file.data.forEach((raw: unknown, index: number) => entries.push(parseEntry(raw, `${file.name}[${index}]`)))
  }
  return entries
}
