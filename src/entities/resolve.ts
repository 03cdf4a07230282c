/**
 * Resolution across the dossier: every mention gets the id of one entity per
 * real-world referent. Registry mentions already carry their id; the others
 * are grouped by their comparison key (so spelling, clitics and diacritics do
 * not split them), a lone family name joins the one full name of the dossier
 * that ends with it (الأنصاري → ماجد الأنصاري), and the analyst's merges and
 * splits from entities.yaml are applied last.
 */
import {normalizeArabic} from '../arabic/index.ts'
import {shortHash, slugFromName} from '../arabic/slug.ts'
import type {Corrections} from './corrections.ts'
import {mergeMap} from './corrections.ts'
import type {Registry} from './registry/index.ts'
import type {EntityKind} from './rules.ts'

/** One entity of the dossier. */
export interface DossierEntity {
  id: string
  name: string
  type: EntityKind
  /** Every spelling seen in the dossier and, for registry entities, the registry's names. */
  aliases: string[]
  source: 'registry' | 'extracted'
}

/**
 * A distinct mention as resolution reads it: its type, comparison key, registry id (null when
 * extracted) and text as written, with how often the dossier has it. Resolution reads nothing
 * else of a mention, so the dossier's forms are resolved once each, however many articles have them.
 */
export interface CountedForm {
  type: EntityKind
  key: string
  id: string | null
  text: string
  count: number
}

/**
 * Resolve the dossier's mention forms.
 *
 * Takes every distinct form with its count over the dossier, the registry and the corrections;
 * returns the entities by id and the id of each form (by the form object given).
 */
export function resolveForms<F extends CountedForm>(
  forms: readonly F[],
  registry: Registry,
  corrections: Corrections
): {entities: Map<string, DossierEntity>; idOf: Map<F, string>} {
  const groupKey = (m: CountedForm) => `${m.type}\u0000${m.key}`
  const unresolved = new Map<string, CountedForm[]>()
  for (const m of forms) {
    if (m.id !== null) continue
    const list = unresolved.get(groupKey(m))
    if (list) list.push(m)
    else unresolved.set(groupKey(m), [m])
  }

  // A one-word person name joins the single longer person name (registry or extracted) ending in it.
  const fullNames = new Map<string, Set<string>>()
  const addFull = (key: string, target: string) => {
    const last = key.split(' ').at(-1) as string
    if (key.includes(' ')) fullNames.set(last, (fullNames.get(last) ?? new Set()).add(target))
  }
  for (const [group, list] of unresolved) if (list[0]?.type === 'person') addFull(list[0].key, group)
  for (const m of forms) if (m.id && m.type === 'person') addFull(m.key, `id:${m.id}`)

  const groupTarget = new Map<string, string>()
  for (const [group, list] of unresolved) {
    const first = list[0] as CountedForm
    if (first.type === 'person' && !first.key.includes(' ')) {
      const targets = fullNames.get(first.key)
      if (targets?.size === 1) groupTarget.set(group, [...targets][0] as string)
    }
  }

  // Ids for extracted entities: from the group's display name, made unique and stable.
  const extractedIds = new Map<string, string>()
  const taken = new Set(registry.entries.map((e) => e.id))
  for (const group of [...unresolved.keys()].sort()) {
    if (groupTarget.has(group)) continue
    const list = unresolved.get(group) as CountedForm[]
    let id = slugFromName(displayName(list))
    if (taken.has(id)) id = `${id}-${shortHash(group)}`
    taken.add(id)
    extractedIds.set(group, id)
  }
  const idOfGroup = (group: string): string => {
    const target = groupTarget.get(group)
    if (target?.startsWith('id:')) return target.slice(3)
    return extractedIds.get(target ?? group) as string
  }

  const merged = mergeMap(corrections)
  const splits = corrections.split.map((s) => ({...s, key: normalizeArabic(s.alias)}))
  const finalId = (m: CountedForm, id: string): string => {
    const split = splits.find((s) => s.from === id && (normalizeArabic(m.text) === s.key || m.key === s.key))
    const after = split ? split.to : id
    return merged.get(after) ?? after
  }

  const idOf = new Map<F, string>()
  const byId = new Map<string, CountedForm[]>()
  for (const m of forms) {
    const id = finalId(m, m.id ?? idOfGroup(groupKey(m)))
    idOf.set(m, id)
    const list = byId.get(id)
    if (list) list.push(m)
    else byId.set(id, [m])
  }
  const entities = new Map<string, DossierEntity>()
  for (const [id, list] of byId) {
    const entry = registry.byId(id)
    const seen = [...new Set(list.map((m) => m.text))]
    if (entry) {
      const names = [entry.name, ...entry.aliases.filter((a) => !a.adjective && !a.role).map((a) => a.text)]
      entities.set(id, {id, name: entry.name, type: entry.type, aliases: uniqueSorted([...names, ...seen].filter((a) => a !== entry.name)), source: 'registry'})
    } else {
      const name = displayName(list)
      entities.set(id, {id, name, type: majorityType(list), aliases: uniqueSorted(seen.filter((a) => a !== name)), source: 'extracted'})
    }
  }
  return {entities, idOf}
}

/**
 * The name to show for a group of mentions: the fullest form (most words),
 * preferring forms written without a proclitic, then the most frequent, then
 * the first in Arabic order, so the choice does not depend on article order.
 */
export function displayName(mentions: readonly CountedForm[]): string {
  const counts = new Map<string, number>()
  for (const m of mentions) counts.set(m.text, (counts.get(m.text) ?? 0) + (m.count ?? 1))
  const score = (text: string) => {
    const words = text.split(/\s+/).length
    const clean = mentions.some((m) => m.text === text && normalizeArabic(text) === m.key) ? 1 : 0
    return [words, clean, counts.get(text) ?? 0]
  }
  return [...counts.keys()].sort((a, b) => {
    const [sa, sb] = [score(a), score(b)]
    for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return (sb[i] as number) - (sa[i] as number)
    return a < b ? -1 : a > b ? 1 : 0
  })[0] as string
}

function majorityType(mentions: readonly CountedForm[]): EntityKind {
  const counts = new Map<EntityKind, number>()
  for (const m of mentions) counts.set(m.type, (counts.get(m.type) ?? 0) + m.count)
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? 'person'
}

function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort()
}
