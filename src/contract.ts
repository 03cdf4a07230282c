/**
 * The outside contract of `dist/dossier.json`, schema 1 (see the README):
 * other tools rely on exactly these fields. The build checks its own output
 * against it, and so do the tests.
 */
import {z} from 'zod'
import {entityRef, entityType, partialDate, quote, rejection} from './schema.ts'

/** The contract of `dossier.json`, schema 1: other tools rely on exactly these fields. */
export const dossierJsonSchema = z
  .object({
    schema: z.literal(1),
    title: z.string(),
    articles: z.array(
      z
        .object({
          slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
          path: z.string().startsWith('/'),
          file: z.string(),
          title: z.string(),
          lang: z.string(),
          date: partialDate.nullable(),
          dateBasis: z.string().nullable(),
          outlet: z.string().nullable(),
          cites: z.array(z.string()),
          keywords: z.array(z.string()),
          topics: z.array(z.string()),
          entities: z.array(entityRef),
          quotes: z.array(quote),
          duplicateOf: z.string().nullable(),
          story: z.string().nullable()
        })
        .strict()
    ),
    entities: z.array(
      z
        .object({
          id: z.string(),
          name: z.string(),
          type: entityType,
          aliases: z.array(z.string()),
          path: z.string().startsWith('/'),
          articles: z.array(z.string())
        })
        .strict()
    ),
    topics: z.array(z.object({slug: z.string(), title: z.string(), path: z.string().startsWith('/'), articles: z.array(z.string())}).strict()),
    timeline: z.array(z.object({date: partialDate, text: z.string(), article: z.string()}).strict()),
    rejected: z.array(rejection.strict())
  })
  .strict()

export type DossierJson = z.infer<typeof dossierJsonSchema>

