/**
 * Consistency checks of the registry data beyond the shape that `load.ts`
 * already enforces: ids, references, dates and key collisions.
 */
import {periodsOverlap} from './forms.ts'
import type {Registry, RegistryCandidate} from './index.ts'
import {trieEntries} from './trie.ts'

/** Lowercase ASCII words joined by hyphens. */
export const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/

/**
 * Problems of a loaded registry, as human-readable lines (empty when the
 * data is consistent):
 * - ids: ASCII slug pattern (uniqueness is enforced by the loader); no alias
 *   listed twice in an entry (the name may be repeated once to give it flags);
 * - `country` points to a country, `capital` to a city of that country,
 *   `iso` is two capital letters and unique;
 * - adjectives are single words ending in ي (the loader inflects them);
 * - role periods: `from` before `to`; `died` not before a role's start;
 * - collisions: a key reaching two ids must be `ambiguous` for every one of
 *   them, except role titles of different people whose periods do not overlap.
 */
export function checkRegistry(registry: Registry): string[] {
  const problems: string[] = []
  const isoSeen = new Map<string, string>()
  for (const entry of registry.entries) {
    const at = entry.id
    if (!idPattern.test(entry.id)) problems.push(`${at}: id is not a lowercase ASCII slug`)
    if (entry.country !== undefined) {
      const country = registry.byId(entry.country)
      if (country?.kind !== 'country') problems.push(`${at}: country "${entry.country}" is not a country entry`)
    }
    if (entry.kind === 'country') {
      if (entry.iso === undefined || !/^[A-Z]{2}$/.test(entry.iso)) problems.push(`${at}: country without a valid ISO code`)
      else if (isoSeen.has(entry.iso)) problems.push(`${at}: ISO ${entry.iso} also used by ${isoSeen.get(entry.iso)}`)
      else isoSeen.set(entry.iso, entry.id)
      if (entry.capital !== undefined) {
        const capital = registry.byId(entry.capital)
        if (capital?.kind !== 'city' || capital.country !== entry.id) problems.push(`${at}: capital "${entry.capital}" is not a city of this country`)
      }
    } else if (entry.iso !== undefined || entry.capital !== undefined || entry.adjectives !== undefined) {
      problems.push(`${at}: iso, capital and adjectives are for countries only`)
    }
    const texts = entry.aliases.map((alias) => alias.text)
    const repeated = texts.filter((alias, index) => texts.indexOf(alias) !== index)
    for (const alias of new Set(repeated)) problems.push(`${at}: alias "${alias}" listed twice`)
    for (const adjective of entry.adjectives ?? []) {
      if (/\s/.test(adjective.trim()) || !adjective.endsWith('ي')) problems.push(`${at}: adjective "${adjective}" is not one word ending in ي`)
    }
    if (entry.type !== 'person' && (entry.roles !== undefined || entry.died !== undefined)) problems.push(`${at}: roles and died are for persons only`)
    for (const role of entry.roles ?? []) {
      if (role.from !== undefined && role.to !== undefined && role.from >= role.to) problems.push(`${at}: role "${role.titles[0]}" ends before it starts`)
      if (entry.died !== undefined && role.from !== undefined && role.from > entry.died) problems.push(`${at}: role "${role.titles[0]}" starts after death`)
    }
  }
  for (const {keys, values} of trieEntries(registry.index)) {
    const ids = new Set(values.map((value) => value.id))
    if (ids.size > 1) problems.push(...collisionProblems(keys.join(' '), values))
  }
  return problems
}

/** Problems of one key reached by several ids (see `checkRegistry`). */
function collisionProblems(key: string, values: readonly RegistryCandidate[]): string[] {
  const problems: string[] = []
  const roles = values.filter((value) => value.role)
  const others = values.filter((value) => !value.role)
  for (const value of others) {
    if (!value.ambiguous) problems.push(`"${key}": ${value.id} (${value.alias}) shares the key with ${otherIds(values, value.id)} but is not marked ambiguous`)
  }
  if (others.length > 0 && roles.length > 0) {
    problems.push(`"${key}": role title of ${roles.map((value) => value.id).join(', ')} is also a name of ${others.map((value) => value.id).join(', ')}`)
  }
  for (const [index, a] of roles.entries()) {
    for (const b of roles.slice(index + 1)) {
      if (a.periods.some((pa) => b.periods.some((pb) => periodsOverlap(pa, pb)))) {
        problems.push(`"${key}": role title held by both ${a.id} and ${b.id} in overlapping periods`)
      }
    }
  }
  return problems
}

function otherIds(values: readonly RegistryCandidate[], id: string): string {
  return [...new Set(values.map((value) => value.id).filter((other) => other !== id))].join(', ')
}
