/**
 * Who published the article and whom it cites.
 *
 * - The outlet comes from a sidecar, or from the "المصدر:" lines at the foot of
 *   pasted articles: when there are several, the last is the site's own
 *   signature and the others name the story's sources; a single line naming a
 *   news agency (قنا، رويترز) is a source, not the publisher.
 * - Cited sources are the agencies, outlets and official bodies the text
 *   attributes to: after a cue (بحسب رويترز، نقلاً عن، وفق بيان للديوان
 *   الأميري، ذكرت وزارة ...), or named as a medium (موقع "أكسيوس").
 * Names are canonical (the registry's display name) wherever the registry
 * knows them, otherwise as written.
 */
import {normalizeArabic} from '../arabic/index.ts'
import type {Mention} from '../entities/extract.ts'
import type {Registry, RegistryEntry} from '../entities/registry/index.ts'

/** The outcome: outlet (or null) and cited sources, both as display names. */
export interface Attribution {
  outlet: string | null
  /** Registry id of the outlet when known (outlet pages are keyed by it). */
  outletId: string | null
  cites: string[]
}

/** Kinds of registry entity that can be cited as a source. */
const citableKinds = new Set(['agency', 'outlet', 'ministry', 'government', 'military', 'igo', 'legislature'])

// Words that attribute what follows to a source, in normalised form.
const cues = ['بحسب', 'حسب', 'وفق', 'وفقا', 'نقلا', 'ذكرت', 'ذكر', 'افادت', 'افاد', 'اوردت', 'اورد', 'نشرت', 'قال', 'قالت', 'اعلنت', 'بيان', 'موقع', 'صحيفه', 'وكاله', 'قناه', 'شبكه', 'مجله']
const cuePatterns = cues.map((cue) => new RegExp(`(^|\\s)[وف]?${cue}(\\s|$)`, 'u'))

/**
 * Read the "المصدر:" values.
 *
 * Takes the values as written (in order) and the registry; returns the outlet
 * and the sources they cite.
 */
export function readSourceLines(values: readonly string[], registry: Registry): Attribution {
  const lines = values.map((value) => splitSources(value).map((name) => canonical(name, registry)))
  let outlet: {name: string; entry: RegistryEntry | undefined} | null = null
  const cites: string[] = []
  lines.forEach((names, i) => {
    const last = i === lines.length - 1
    const single = names.length === 1 ? names[0] : undefined
    if (last && single && (lines.length > 1 || single.entry?.kind !== 'agency')) outlet = single
    else for (const n of names) cites.push(n.name)
  })
  const chosen = outlet as {name: string; entry: RegistryEntry | undefined} | null
  return {outlet: chosen?.name ?? null, outletId: chosen?.entry?.id ?? null, cites: unique(cites)}
}

/** "قنا" + وزارة الخارجية الأمريكية → ["قنا", "وزارة الخارجية الأمريكية"]. */
function splitSources(value: string): string[] {
  return value
    .split(/\s*(?:\+|\/|،|,|؛|;|\s-\s|\sو(?=\s))\s*/u)
    .map((part) => part.replace(/^["“«'‘(\s]+|["”»'’)\s.]+$/gu, '').trim())
    .filter((part) => /\p{L}/u.test(part))
}

function canonical(name: string, registry: Registry): {name: string; entry: RegistryEntry | undefined} {
  const match = registry.scan(name).find((m) => m.text.length >= name.length - 2)
  const entry = match ? registry.byId(match.candidates[0]?.id ?? '') : undefined
  return {name: entry?.name ?? name, entry}
}

/**
 * Sources the body attributes to.
 *
 * Takes the blocks' texts and their resolved mentions; returns the display
 * names of cited agencies, outlets and official bodies, in order of first
 * citation.
 */
export function findCitations(blocks: readonly string[], mentions: readonly Mention[], registry: Registry): string[] {
  const cited: string[] = []
  for (const mention of mentions) {
    const entry = mention.id ? registry.byId(mention.id) : undefined
    if (!entry?.kind || !citableKinds.has(entry.kind)) continue
    const text = blocks[mention.block] ?? ''
    // The cue stands within a few words before the name ("وفق بيان للديوان الأميري").
    const before = normalizeArabic(text.slice(Math.max(0, mention.start - 30), mention.start)).split(/\s+/).slice(-4).join(' ')
    if (cuePatterns.some((cue) => cue.test(before))) cited.push(entry.name)
  }
  return unique(cited)
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)]
}
