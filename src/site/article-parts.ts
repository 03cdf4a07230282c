/**
 * An entry's frontmatter in two parts: what Astro's data store keeps, and the
 * lists kept beside it (src/site/article-files.ts).
 *
 * Every build reads the whole store, writes it back, and Vite bundles it into
 * a module that is compiled and parsed again: its cost grows with its size,
 * not with what changed. Each entry's entities (with the sentence of their
 * first mention), quotes and timeline sentences were 90 % of it (85 of 94 MB
 * at 10,000 articles), so they are stored once per entry and digest outside
 * it, and the site data joins them back (src/site/data.ts).
 */
import type {z} from 'zod'
import {articleSchema, type ArticleData} from '../schema.ts'

/** What the data store keeps of an entry. */
export const storedArticleSchema = articleSchema.omit({entities: true, quotes: true, timeline: true})

/** The lists kept outside the store. */
export const articleDetailsSchema = articleSchema.pick({entities: true, quotes: true, timeline: true})

export type StoredArticleData = z.infer<typeof storedArticleSchema>
export type ArticleDetails = z.infer<typeof articleDetailsSchema>

/**
 * Validate an entry's lists; `file` names it in the error (the rest of the
 * frontmatter is validated by the collection's schema).
 */
export function parseArticleDetails(data: Record<string, unknown>, file: string): ArticleDetails {
  const parsed = articleDetailsSchema.safeParse(data)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  throw new Error(`${file}: frontmatter field "${issue?.path.join('.') ?? ''}": ${issue?.message ?? 'invalid'}`)
}

/** The whole frontmatter again. */
export function joinArticle(stored: StoredArticleData, details: ArticleDetails): ArticleData {
  return {...stored, ...details}
}
