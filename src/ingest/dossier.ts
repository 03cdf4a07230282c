/**
 * What needs the whole dossier: the articles' analyses are done one by one,
 * then this pass decides what depends on all of them —
 * - dates: an article whose own text gives a yearless anchor ("9 سبتمبر
 *   الجاري") may take the year from a related article's full date;
 * - entities: one id per real-world referent across spellings and articles;
 * - duplicates: the same article published twice.
 * Pure: analyses in, decisions out.
 */
import {createHash} from 'node:crypto'
import type {Corrections} from '../entities/corrections.ts'
import type {Registry} from '../entities/registry/index.ts'
import {resolveDossier} from '../entities/resolve.ts'
import type {EntityIndexEntry} from '../schema.ts'
import {findDuplicates} from './duplicates.ts'
import type {Analysis, DossierFacts} from './pipeline.ts'
import {inferPublicationDate, paragraphDates, timelineCandidates, type PublicationDate, type RelatedDate} from './publication-date.ts'


/**
 * Run the dossier-wide decisions.
 *
 * Takes every accepted article's analysis, the registry, the analyst's
 * corrections and the build date; returns each article's facts by slug and
 * the dossier's entities sorted by id, and the dates inferred from related articles (by the
 * hash of their inputs, for `knownDates` next time).
 */
export function decideDossier(
  analyses: readonly Analysis[],
  registry: Registry,
  corrections: Corrections,
  buildDate: string,
  options: DecideOptions = {}
): {facts: Map<string, DossierFacts>; entities: EntityIndexEntry[]; inferredDates: Map<string, PublicationDate>} {
  const inferredDates = new Map<string, PublicationDate>()
  // Full dates stated anywhere in the dossier, by month and day: a yearless anchor
  // ("9 سبتمبر الجاري") can only take its year from a date with the same month and day.
  const related = new Map<string, RelatedDate[]>()
  for (const a of analyses) {
    for (const item of timelineCandidates(a.paragraphs, null)) {
      if (item.precision !== 'day') continue
      const key = item.date.slice(5)
      const list = related.get(key) ?? []
      list.push({date: item.date, text: item.text, source: a.slug})
      related.set(key, list)
    }
  }
  const dates = new Map(
    analyses.map((a) => {
      if (a.date.date !== null || a.date.basis !== null) return [a.slug, a.date]
      const others = yearlessAnchors(a).flatMap((key) => related.get(key) ?? []).filter((r) => r.source !== a.slug)
      if (others.length === 0) return [a.slug, a.date]
      const key = createHash('sha256').update(JSON.stringify([buildDate, a.paragraphs, others])).digest('hex')
      const date = options.knownDates?.get(key) ?? inferPublicationDate({paragraphs: a.paragraphs, buildDate, relatedDates: others})
      inferredDates.set(key, date)
      return [a.slug, date]
    })
  )

  const resolved = resolveDossier(
    analyses.map((a) => ({slug: a.slug, mentions: a.mentions})),
    registry,
    corrections
  )
  const mentionsBySlug = new Map(resolved.articles.map((a) => [a.slug, a.mentions]))

  const duplicates = findDuplicates(
    analyses.map((a) => ({slug: a.slug, shingles: a.shingles, date: dates.get(a.slug)?.date ?? null}))
  )

  const nameOf = (id: string) => resolved.entities.get(id)?.name
  const facts = new Map<string, DossierFacts>(
    analyses.map((a) => [
      a.slug,
      {
        date: dates.get(a.slug) ?? a.date,
        mentions: mentionsBySlug.get(a.slug) ?? [],
        nameOf,
        duplicateOf: duplicates.get(a.slug) ?? null
      }
    ])
  )

  const articlesOf = new Map<string, Set<string>>()
  for (const {slug, mentions} of resolved.articles) {
    for (const m of mentions) if (m.id) articlesOf.set(m.id, (articlesOf.get(m.id) ?? new Set()).add(slug))
  }
  const entities = [...resolved.entities.values()]
    .map((e) => ({...e, articles: [...(articlesOf.get(e.id) ?? [])].sort()}))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return {facts, entities, inferredDates}
}

/** Options of `decideDossier`. */
export interface DecideOptions {
  /**
   * Dates inferred from related articles by an earlier pass (its `inferredDates`), by a hash of
   * everything the inference reads: the article's paragraphs, the related dates, the build day.
   * The caller keeps them between builds, so that adding one article does not infer every such
   * date again; an entry whose inputs changed is simply not found.
   */
  knownDates?: ReadonlyMap<string, PublicationDate>
}

/** Month and day (`MM-DD`) of the dates an article gives without a year ("9 سبتمبر الجاري"). */
function yearlessAnchors(analysis: Analysis): string[] {
  const keys = new Set<string>()
  for (const paragraph of analysis.paragraphs) {
    for (const e of paragraphDates(paragraph, null)) {
      if (e.value === null && e.month !== undefined && e.day !== undefined) {
        keys.add(`${String(e.month).padStart(2, '0')}-${String(e.day).padStart(2, '0')}`)
      }
    }
  }
  return [...keys]
}
