/**
 * The one description of what the build knows about an article and a dossier.
 *
 * The ingest script validates every entry it writes with `articleSchema`, and
 * `src/content.config.ts` reads the same entries with the same schema, so the
 * writer and the reader cannot drift apart.
 */
import {z} from 'zod'

/** A date only as precise as the evidence: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')

export const datePrecision = z.enum(['day', 'month', 'year'])

export const entityType = z.enum(['person', 'organization', 'place', 'other'])

/** An entity as an article refers to it: the canonical id plus how often it is mentioned. */
export const entityRef = z.object({
  id: z.string(),
  name: z.string(),
  type: entityType,
  count: z.number().int().nonnegative()
})

/** A quoted passage with its speaker (an entity id where it resolves, else the name as written). */
export const quote = z.object({
  speaker: z.string().nullable(),
  speakerName: z.string().nullable(),
  text: z.string()
})

/** An entity as the article's frontmatter lists it: where it is first mentioned too. */
export const articleEntity = entityRef.extend({
  /** The sentence of its first mention, as written. */
  sentence: z.string(),
  /** Id of the paragraph of that sentence. */
  anchor: z.string()
})

/** A quote as the article's frontmatter lists it, with the paragraph it stands in. */
export const articleQuote = quote.extend({anchor: z.string()})

/** A sentence tying an event to an explicit date. */
export const timelineItem = z.object({
  date: partialDate,
  precision: datePrecision,
  text: z.string(),
  /** Id of the paragraph the sentence stands in, for a link to it. */
  anchor: z.string()
})

/** Frontmatter of one generated MDX entry (`content/articles/<slug>.mdx`). */
export const articleSchema = z.object({
  title: z.string().min(1),
  /** True when the source has no headline and the title was made from the lead sentence. */
  titleDerived: z.boolean(),
  subtitle: z.string().nullable(),
  /** Source path relative to the content folder, e.g. `sources/000_343249e2a2f5d01d.txt`. */
  file: z.string(),
  /** BCP 47 language of the article text and its writing direction. */
  lang: z.string(),
  dir: z.enum(['rtl', 'ltr']),
  date: partialDate.nullable(),
  datePrecision: datePrecision.nullable(),
  /** How the date was established (`sidecar`, `dateline`, ...), or null when unknown. */
  dateBasis: z.string().nullable(),
  /** Why the date is what it is, in words, for the reader and the build report. */
  dateReason: z.string(),
  outlet: z.string().nullable(),
  /** Registry id of the outlet, when the registry knows it (outlet pages are keyed by it). */
  outletId: z.string().nullable(),
  cites: z.array(z.string()),
  keywords: z.array(z.string()),
  topics: z.array(z.string()),
  entities: z.array(articleEntity),
  quotes: z.array(articleQuote),
  timeline: z.array(timelineItem),
  duplicateOf: z.string().nullable(),
  story: z.string().nullable(),
  /** Number of paragraphs and words of the article body (for the page and for checks). */
  paragraphs: z.number().int().nonnegative(),
  words: z.number().int().nonnegative(),
  /** SHA-256 of the source bytes: the key of the incremental cache. */
  sourceHash: z.string()
})

export type ArticleData = z.infer<typeof articleSchema>

/** A topic of the dossier as the analyst defines it in `dossier.yaml`. */
export const topicSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'topic slugs are lowercase ASCII words joined by hyphens'),
  title: z.string().min(1),
  description: z.string().default(''),
  /** Phrases whose presence in an article puts it under this topic (compared in normalised form). */
  terms: z.array(z.string()).default([]),
  /** Entity ids whose every mention counts as a match too (e.g. `al-udeid-air-base`). */
  entities: z.array(z.string()).default([]),
  /** How many term matches an article needs to belong to the topic. */
  minMatches: z.number().int().positive().default(1)
})

export type Topic = z.infer<typeof topicSchema>

/** `content/dossier.yaml`. */
export const dossierConfigSchema = z.object({
  title: z.string().min(1),
  description: z.string().default(''),
  topics: z.array(topicSchema).default([])
})

export type DossierConfig = z.infer<typeof dossierConfigSchema>

/** A source file that did not become a page, and why. */
export const rejection = z.object({
  file: z.string(),
  reason: z.string()
})

export type Rejection = z.infer<typeof rejection>

/** One entity of the dossier as the ingest's entity index (`.build/entities.json`) lists it. */
export const entityIndexEntry = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(['person', 'organization', 'place']),
  /** Every spelling seen in the dossier and, for registry entities, the registry's names. */
  aliases: z.array(z.string()),
  source: z.enum(['registry', 'extracted']),
  /** Slugs of the articles that mention it. */
  articles: z.array(z.string())
})

export type EntityIndexEntry = z.infer<typeof entityIndexEntry>
