/**
 * The content collection of generated entries. It reads `content/articles/*.mdx`
 * (or `$DOSSIER_CONTENT/articles`) with the same schema the ingest wrote them with,
 * and renders each body to HTML once per file digest (src/site/article-loader.ts):
 * the entries are MDX but need none of MDX's JavaScript, so none is compiled or
 * bundled. The store keeps the frontmatter but for its lists (entities, quotes,
 * timeline), which are kept beside it with the HTML (src/site/article-files.ts).
 */
import {defineCollection} from 'astro:content'
import {dossierPaths} from './paths.ts'
import {articleLoader} from './site/article-loader.ts'
import {storedArticleSchema} from './site/article-parts.ts'

const paths = dossierPaths(process.cwd())

export const collections = {
  articles: defineCollection({
    loader: articleLoader(paths.articles),
    schema: storedArticleSchema
  })
}
