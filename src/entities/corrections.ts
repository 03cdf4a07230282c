/**
 * `content/entities.yaml`: the analyst's corrections to entity extraction,
 * applied on every build so they survive rebuilds.
 *
 * ```yaml
 * add:        # entities the registry lacks, with their spellings
 *   - id: hammam-al-hayya
 *     name: همام الحية
 *     type: person
 *     aliases: [همام خليل الحية]
 * aliases:    # more spellings of a known entity
 *   majed-al-ansari: [د. ماجد الأنصاري]
 * merge:      # these ids are one entity: the first id is kept
 *   - [khalil-al-hayya, khalil-alhya]
 * split:      # a spelling that the build merged into the wrong entity
 *   - alias: الحية
 *     from: khalil-al-hayya
 *     to: hammam-al-hayya
 * block:      # names never to tag as entities
 *   - العديد
 * ```
 */
import YAML from 'yaml'
import {z} from 'zod'
import type {VFile} from 'vfile'
import {matchKey} from '../arabic/index.ts'
import type {RegistryEntry} from './registry/index.ts'

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lowercase ASCII words joined by hyphens')

export const correctionsSchema = z
  .object({
    add: z
      .array(
        z
          .object({
            id,
            name: z.string().min(1),
            type: z.enum(['person', 'organization', 'place']),
            latin: z.string().optional(),
            aliases: z.array(z.string().min(1)).default([])
          })
          .strict()
      )
      .default([]),
    aliases: z.record(id, z.array(z.string().min(1))).default({}),
    merge: z.array(z.array(id).min(2)).default([]),
    split: z.array(z.object({alias: z.string().min(1), from: id, to: id}).strict()).default([]),
    block: z.array(z.string().min(1)).default([])
  })
  .strict()

export type Corrections = z.infer<typeof correctionsSchema>

/** Corrections that change nothing: what a dossier without `entities.yaml` gets. */
export const noCorrections: Corrections = {add: [], aliases: {}, merge: [], split: [], block: []}

/**
 * Read `entities.yaml`.
 *
 * Takes its text and vfile; returns the corrections, or null with a fatal
 * message naming the line or field when the file is unusable (the build then
 * stops: silently ignoring an analyst's decisions would be worse).
 */
export function parseCorrections(text: string, file: VFile): Corrections | null {
  const doc = YAML.parseDocument(text)
  const error = doc.errors[0]
  if (error) {
    const place = error.linePos?.[0] ? {line: error.linePos[0].line, column: error.linePos[0].col} : undefined
    file.message(`not valid YAML: ${error.message.split('\n')[0] ?? ''}`, {ruleId: 'entities', source: 'dossier', ...(place ? {place} : {})}).fatal = true
    return null
  }
  const parsed = correctionsSchema.safeParse(doc.toJS() ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    file.message(`field "${issue?.path.join('.') ?? ''}": ${issue?.message ?? 'invalid'}`, {ruleId: 'entities', source: 'dossier'}).fatal = true
    return null
  }
  return parsed.data
}

/**
 * The registry entries the corrections add, and the known entries given
 * their extra aliases. Takes the built-in entries; returns the full list.
 */
export function correctedEntries(entries: readonly RegistryEntry[], corrections: Corrections): RegistryEntry[] {
  const extra = corrections.aliases
  const out = entries.map((entry) =>
    extra[entry.id] ? {...entry, aliases: [...entry.aliases, ...(extra[entry.id] ?? []).map((text) => ({text}))]} : entry
  )
  for (const added of corrections.add) {
    out.push({
      id: added.id,
      type: added.type,
      name: added.name,
      latin: added.latin ?? added.id,
      aliases: added.aliases.map((text) => ({text}))
    })
  }
  return out
}

/** The ids each id is merged into (`merge`: all but the first point to the first). */
export function mergeMap(corrections: Corrections): Map<string, string> {
  const map = new Map<string, string>()
  for (const [keep, ...rest] of corrections.merge) for (const other of rest) map.set(other, keep as string)
  return map
}

/** Comparison keys of the names never to tag. */
export function blockedKeys(corrections: Corrections): Set<string> {
  return new Set(corrections.block.map((name) => matchKey(name)))
}
