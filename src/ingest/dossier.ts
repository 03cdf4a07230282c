/**
 * What needs the whole dossier: the articles' analyses are done one by one,
 * then this pass decides what depends on all of them —
 * - dates: an article whose own text gives a yearless anchor ("9 سبتمبر
 *   الجاري") may take the year from a related article's full date;
 * - entities: one id per real-world referent across spellings and articles;
 * - duplicates: the same article published twice.
 * Pure: digests in (digest.ts), decisions out; an article's paragraphs are asked
 * for only when a date must be inferred again.
 */
import {hash} from 'node:crypto'
import type {Corrections} from '../entities/corrections.ts'
import type {Registry} from '../entities/registry/index.ts'
import {resolveForms, type CountedForm} from '../entities/resolve.ts'
import type {EntityIndexEntry} from '../schema.ts'
import {findDuplicates} from './duplicates.ts'
import type {ArticleDigest, MentionForm} from './digest.ts'
import type {SourceParagraph} from './publication-date.ts'
import {inferPublicationDate, type PublicationDate, type RelatedDate} from './publication-date.ts'

/** What the dossier decided about one article, by its mention forms (`ArticleDigest.mentions`). */
export interface ArticleDecision {
  date: PublicationDate
  /** The resolved entity id of each of the article's mention forms, in their order. */
  ids: string[]
  duplicateOf: string | null
}

/**
 * Run the dossier-wide decisions.
 *
 * Takes every accepted article's digest, the registry, the analyst's
 * corrections and the build date; returns each article's decisions by slug,
 * the dossier's entities sorted by id, the dates inferred from related
 * articles (by the hash of their inputs, for `knownDates` next time) and the
 * duplicate finder's comparisons (for `knownPairs`).
 */
export function decideDossier(
  digests: readonly ArticleDigest[],
  registry: Registry,
  corrections: Corrections,
  buildDate: string,
  options: DecideOptions
): {decisions: Map<string, ArticleDecision>; entities: EntityIndexEntry[]; inferredDates: Map<string, PublicationDate>; pairs: Map<string, number>} {
  const inferredDates = new Map<string, PublicationDate>()
  // Full dates stated anywhere in the dossier, by month and day: a yearless anchor
  // ("9 سبتمبر الجاري") can only take its year from a date with the same month and day.
  const related = new Map<string, RelatedDate[]>()
  for (const a of digests) {
    for (const item of a.fullDates) {
      const key = item.date.slice(5)
      const list = related.get(key) ?? []
      list.push({date: item.date, text: item.text, source: a.slug})
      related.set(key, list)
    }
  }
  // The related dates an article is offered are those of its anchors' days but its own, so its
  // date is keyed by its paragraphs, its slug and those days' lists, each list hashed once.
  const listHashes = new Map<string, string>()
  const listHash = (day: string) => {
    let digest = listHashes.get(day)
    if (digest === undefined) listHashes.set(day, (digest = hash('sha256', JSON.stringify(related.get(day) ?? []))))
    return digest
  }
  const dates = new Map(
    digests.map((a) => {
      if (a.date.date !== null || a.date.basis !== null) return [a.slug, a.date]
      // The related dates themselves are gathered only for a date to infer again, not for a known one.
      if (!a.anchors.some((day) => related.get(day)?.some((r) => r.source !== a.slug))) return [a.slug, a.date]
      const key = hash('sha256', JSON.stringify([buildDate, a.paragraphsHash, a.slug, a.anchors.map((day) => [day, listHash(day)])]))
      const date =
        options.knownDates?.get(key) ??
        inferPublicationDate({
          paragraphs: options.paragraphsOf(a.slug),
          buildDate,
          relatedDates: a.anchors.flatMap((day) => related.get(day) ?? []).filter((r) => r.source !== a.slug)
        })
      inferredDates.set(key, date)
      return [a.slug, date]
    })
  )

  // Resolution reads a form's type, key, id and text only, and its count over the dossier.
  const counted = new Map<MentionForm, CountedForm>()
  for (const a of digests) {
    for (const [form, count] of a.mentions) {
      const known = counted.get(form)
      if (known) known.count += count
      else counted.set(form, {type: form[0], key: form[1], id: form[2], text: form[3], count})
    }
  }
  const resolved = resolveForms([...counted.values()], registry, corrections)
  // By form, not by its counted form: one lookup for each of the dossier's ~350,000 mentions, not two.
  const idOf = new Map<MentionForm, string>()
  for (const [form, countedForm] of counted) idOf.set(form, resolved.idOf.get(countedForm) as string)

  const pairs = {known: options.knownPairs ?? new Map<string, number>(), used: new Map<string, number>()}
  const duplicates = findDuplicates(
    digests.map((a) => ({
      slug: a.slug,
      date: dates.get(a.slug)?.date ?? null,
      shingles: {words: a.words, bandKeys: a.bandKeys, key: a.shinglesKey, hashes: () => options.shinglesOf(a.slug)}
    })),
    {pairs}
  )

  const decisions = new Map<string, ArticleDecision>(
    digests.map((a) => [
      a.slug,
      {date: dates.get(a.slug) ?? a.date, ids: a.mentions.map(([form]) => idOf.get(form) as string), duplicateOf: duplicates.get(a.slug) ?? null}
    ])
  )

  // Articles in slug order, so each entity's list is made sorted and without repeats.
  const articlesOf = new Map<string, string[]>()
  for (const slug of [...decisions.keys()].sort()) {
    for (const id of (decisions.get(slug) as ArticleDecision).ids) {
      const list = articlesOf.get(id)
      if (list === undefined) articlesOf.set(id, [slug])
      else if (list.at(-1) !== slug) list.push(slug)
    }
  }
  const entities = [...resolved.entities.values()]
    .map((e) => ({...e, articles: articlesOf.get(e.id) ?? []}))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return {decisions, entities, inferredDates, pairs: pairs.used}
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
  /**
   * Duplicate-finder comparisons of an earlier pass (its `pairs`): the similarity of two articles'
   * shingles, by the pair of their `shinglesKey`s, so that adding one article does not
   * read the shingles of every candidate pair again.
   */
  knownPairs?: ReadonlyMap<string, number>
  /** An article's paragraphs, for a date to infer that is not known. */
  paragraphsOf: (slug: string) => SourceParagraph[]
  /** An article's shingle hashes, for the few pairs of articles the duplicate finder compares. */
  shinglesOf: (slug: string) => ArrayLike<number>
}
