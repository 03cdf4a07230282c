/**
 * `dist/dossier.json` (schema 1, see the README's data contract): everything
 * the build extracted, for other tools. Built from the same site data the pages
 * use; deterministic (sorted, no timestamps), checked against the contract.
 *
 * Made as bytes, from parts: an article's item (three fifths of the file) but
 * for its slug and path depends on its entry's frontmatter alone, so it is made
 * once per entry digest when the entry is stored (src/site/article-loader.ts,
 * kept with the entry's other files, src/site/article-files.ts) instead of made,
 * checked and encoded again for every article on every build (at 10,000
 * articles about 1 s of each). The bytes are those of `JSON.stringify(document,
 * null, 2)` whether the parts were stored or made now.
 */
import {dossierJsonSchema} from '../contract.ts'
import type {ArticleData} from '../schema.ts'
import type {Article, SiteData} from './data.ts'

const articleSchema = dossierJsonSchema.shape.articles.element
const partSchema = articleSchema.omit({slug: true, path: true})
const restSchema = dossierJsonSchema.extend({articles: dossierJsonSchema.shape.articles.max(0)})

/**
 * An article's item but its slug and path, as it stands in the document (an item of a list two
 * levels deep, after the lines of its slug and path): the part kept per entry.
 */
export function articlePart(data: ArticleData): Buffer {
  const item = partSchema.parse({
    file: data.file,
    title: data.title,
    lang: data.lang,
    date: data.date,
    dateBasis: data.dateBasis,
    outlet: data.outlet,
    cites: data.cites,
    keywords: data.keywords,
    topics: data.topics,
    entities: data.entities.map(({id, name, type, count}) => ({id, name, type, count})),
    quotes: data.quotes.map(({speaker, speakerName, text}) => ({speaker, speakerName, text})),
    duplicateOf: data.duplicateOf,
    story: data.story
  })
  // `{\n  "file": …\n}` without its opening line, each line indented four more spaces.
  return Buffer.from(JSON.stringify(item, null, 2).replaceAll('\n', '\n    ').slice('{\n'.length))
}

/**
 * The document's bytes, in the order they stand (two chunks per article): a response streams
 * them, as joining them first, and the response copying them again, took half a second at 10,000
 * articles. `articlePath` gives an article page's path, base included; `storedPart` an article's
 * stored part (`articlePart` of its data), or null to make it now.
 */
export function dossierJsonChunks(
  site: SiteData,
  articlePath: (slug: string) => string,
  storedPart: (article: Article) => Buffer | null = () => null
): Buffer[] {
  const articles = [...site.articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const text = `${JSON.stringify(restSchema.parse(buildRest(site, articles)), null, 2)}\n`
  if (articles.length === 0) return [Buffer.from(text)]
  // The empty list is the one line of this text that starts with two spaces and `"articles"`:
  // a title's quotes are escaped, and no string holds a raw line break.
  const empty = '\n  "articles": [],\n'
  const at = text.indexOf(empty)
  const bytes: Buffer[] = [Buffer.from(`${text.slice(0, at)}\n  "articles": [\n`)]
  for (const [i, article] of articles.entries()) {
    const slug = articleSchema.shape.slug.parse(article.id)
    const path = articleSchema.shape.path.parse(articlePath(article.id))
    bytes.push(Buffer.from(`${i > 0 ? ',\n' : ''}    {\n      "slug": ${JSON.stringify(slug)},\n      "path": ${JSON.stringify(path)},\n`))
    bytes.push(storedPart(article) ?? articlePart(article.data))
  }
  bytes.push(Buffer.from(`\n  ],\n${text.slice(at + empty.length)}`))
  return bytes
}
/** Everything but the articles, which are spliced in as bytes. */
function buildRest(site: SiteData, articles: readonly Article[]) {
  return {
    schema: 1,
    title: site.config.title,
    articles: [],
    entities: site.entities.map(({entity, path}) => ({
      id: entity.id,
      name: entity.name,
      type: entity.type,
      aliases: entity.aliases,
      path,
      articles: [...entity.articles].sort()
    })),
    topics: site.topics.map((t) => ({slug: t.topic.slug, title: t.topic.title, path: t.path, articles: t.articles.map((a) => a.id).sort()})),
    timeline: articles
      .flatMap(({id, data}) => data.timeline.map((item) => ({date: item.date, text: item.text, article: id})))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.article < b.article ? -1 : a.article > b.article ? 1 : 0)),
    rejected: site.rejected
  }
}
