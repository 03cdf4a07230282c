/**
 * Every surface form under which an entry is indexed, with its flags.
 */
import {inflectNisba} from './keys.ts'
import type {PartialDate, RegistryEntry} from './types.ts'

/** A period in which a role title designated the entity (bounds as in `RoleSpan`). */
export interface RolePeriod {
  from?: PartialDate
  to?: PartialDate
}

/** One indexed form of an entry. */
export interface SurfaceForm {
  /** As written in the data (or inflected from an adjective). */
  text: string
  adjective: boolean
  role: boolean
  requiresContext: boolean
  ambiguous: boolean
  /** Role titles: when the title applied (one period, `{}` when undated); empty for other forms. */
  periods: RolePeriod[]
}

/**
 * The forms an entry is found by: its display name (unless an alias repeats
 * the same text to give it flags), its aliases, the inflected forms of its
 * nationality adjectives (unless they equal a name or alias: جيبوتي is the
 * country's name, not only its adjective) and the titles of its roles.
 */
export function surfaceForms(entry: RegistryEntry): SurfaceForm[] {
  const forms: SurfaceForm[] = []
  const named = new Set(entry.aliases.map((alias) => alias.text))
  const plain = {adjective: false, role: false, requiresContext: false, ambiguous: false, periods: []}
  if (!named.has(entry.name)) forms.push({...plain, text: entry.name})
  named.add(entry.name)
  for (const alias of entry.aliases) {
    forms.push({
      text: alias.text,
      adjective: alias.adjective === true,
      role: alias.role === true,
      requiresContext: alias.requiresContext === true,
      ambiguous: alias.ambiguous === true,
      periods: []
    })
  }
  for (const adjective of entry.adjectives ?? []) {
    for (const text of inflectNisba(adjective)) {
      if (!named.has(text)) forms.push({...plain, text, adjective: true})
    }
  }
  for (const role of entry.roles ?? []) {
    const period: RolePeriod = {}
    if (role.from !== undefined) period.from = role.from
    if (role.to !== undefined) period.to = role.to
    for (const title of role.titles) forms.push({...plain, text: title, role: true, periods: [period]})
  }
  return forms
}

/**
 * Whether a role period covers a date (all partial dates compare as strings:
 * `from` inclusive, `to` exclusive; a missing bound is open).
 */
export function periodCovers(period: RolePeriod, date: PartialDate): boolean {
  if (period.from !== undefined && date < period.from) return false
  if (period.to !== undefined && date >= period.to) return false
  return true
}

/** Whether two role periods share at least one day (open bounds count as unlimited). */
export function periodsOverlap(a: RolePeriod, b: RolePeriod): boolean {
  const aStartsBeforeBEnds = a.from === undefined || b.to === undefined || a.from < b.to
  const bStartsBeforeAEnds = b.from === undefined || a.to === undefined || b.from < a.to
  return aStartsBeforeBEnds && bStartsBeforeAEnds
}
