/**
 * The content collection of generated entries. It reads `content/articles/*.mdx`
 * (or `$DOSSIER_CONTENT/articles`) with the same schema the ingest wrote them with,
 * and renders each body to HTML once per file digest (src/site/article-loader.ts,
 * kept outside the data store by src/site/article-html.ts): the entries are MDX
 * but need none of MDX's JavaScript, so none is compiled or bundled.
 */
import {defineCollection} from 'astro:content'
import {dossierPaths} from './paths.ts'
import {articleSchema} from './schema.ts'
import {articleLoader} from './site/article-loader.ts'

const paths = dossierPaths(process.cwd())

export const collections = {
  articles: defineCollection({
    loader: articleLoader(paths.articles),
    schema: articleSchema
  })
}
