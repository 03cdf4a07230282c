/**
 * The content collection of generated entries. It reads `content/articles/*.mdx`
 * (or `$DOSSIER_CONTENT/articles`) with the same schema the ingest wrote them with.
 */
import {defineCollection} from 'astro:content'
import {glob} from 'astro/loaders'
import {pathToFileURL} from 'node:url'
import {dossierPaths} from './paths.ts'
import {articleSchema} from './schema.ts'

const paths = dossierPaths(process.cwd())

export const collections = {
  articles: defineCollection({
    // Pages render the compiled MDX, never the raw body: don't keep it in the data store.
    loader: glob({pattern: '*.mdx', base: pathToFileURL(`${paths.articles}/`), retainBody: false}),
    schema: articleSchema
  })
}
