/**
 * The site's data layer: everything pages show, computed once from the
 * entries, `dossier.yaml` and the ingest's entity index. Pages and the JSON
 * endpoint read from here and never re-run extraction.
 */
import {createHash} from 'node:crypto'
import {getCollection, type CollectionEntry} from 'astro:content'
import {readBuildData, readConfig} from '../config.ts'
import {dossierPaths} from '../paths.ts'
import type {ArticleData, DossierConfig, EntityIndexEntry, Rejection, Topic} from '../schema.ts'
import {articleDetails} from './article-files.ts'
import {joinArticle} from './article-parts.ts'
import {coMentionCounter} from './co-mentions.ts'
import {groupQuotes, type QuoteGroup} from './quotes.ts'
import {outletPages, type OutletPage} from './outlets.ts'
import {byNewest, mostShared} from './sort.ts'
import {timelineYears, type TimelineYear} from './timeline.ts'

/** An entry with its whole frontmatter: the data store's part and the lists kept beside it. */
export type Article = Omit<CollectionEntry<'articles'>, 'data'> & {data: ArticleData}

export interface TopicPage {
  topic: Topic
  path: string
  articles: Article[]
}

/** An entity's page: who or what it is, where it is mentioned, who it appears with, what it said. */
export interface EntityPage {
  entity: EntityIndexEntry
  path: string
  /** Newest first, each with the sentence and paragraph of the first mention. */
  mentions: Array<{article: Article; sentence: string; anchor: string; count: number}>
  /**
   * The entities most often mentioned in the same articles, most shared first:
   * only what the page shows of them (their index entries list their articles,
   * which change whenever they are mentioned again, and are page props).
   */
  related: Array<{name: string; path: string; shared: number}>
  /**
   * Its quotes, each shown once with every article that carries it: grouped when first read, so
   * only on pages rendered (grouping took about a second of every build at 10,000 articles).
   */
  readonly quotes: QuoteGroup<Article>[]
  /** The articles of its mentions that quote it, in mention order: all the grouping reads, and so what a page's key needs of the quotes. */
  quotedIn: Article[]
}

export interface SiteData {
  config: DossierConfig
  /** Newest first; articles of unknown date last. */
  articles: Article[]
  /** Articles not repeated elsewhere: what listings show (duplicates appear on their original's page). */
  listed: Article[]
  topics: TopicPage[]
  entities: EntityPage[]
  outlets: OutletPage[]
  timeline: TimelineYear[]
  rejected: Rejection[]
}

const base = import.meta.env.BASE_URL

/** A site path under the base, e.g. `href('articles/x/')` → `/base/articles/x/`. */
export function href(sitePath: string): string {
  return `${base}${sitePath.replace(/^\//, '')}`
}

/** Every spelling (name and aliases) of each entity with a page, by id; made once per site data. */
const spellingsMemo = new WeakMap<readonly EntityPage[], Map<string, string[]>>()
function spellingsById(entities: readonly EntityPage[]): Map<string, string[]> {
  let spellings = spellingsMemo.get(entities)
  if (!spellings) {
    spellings = new Map(entities.map(({entity}) => [entity.id, [entity.name, ...entity.aliases]]))
    spellingsMemo.set(entities, spellings)
  }
  return spellings
}

/** Every spelling of every entity an article mentions, sorted (what its page gives search, so ترمب finds ترامب). */
export function articleAliases(article: Article, entities: readonly EntityPage[]): string[] {
  const spellings = spellingsById(entities)
  return [...new Set(article.data.entities.flatMap((e) => spellings.get(e.id) ?? []))].sort()
}

/**
 * What an article page's key needs of its aliases: each mentioned entity's spellings, as a short
 * hash per entity (made once per site data), instead of the aliases themselves, which the page
 * works out only when it is rendered.
 */
const spellingKeysMemo = new WeakMap<readonly EntityPage[], Map<string, string>>()
export function aliasKey(article: Article, entities: readonly EntityPage[]): string[] {
  let keys = spellingKeysMemo.get(entities)
  if (!keys) {
    keys = new Map([...spellingsById(entities)].map(([id, spellings]) => [id, createHash('sha256').update(spellings.join('\n')).digest('base64url').slice(0, 12)]))
    spellingKeysMemo.set(entities, keys)
  }
  const known = keys
  return article.data.entities.map((e) => `${e.id}:${known.get(e.id) ?? ''}`)
}

export const articlePath = (slug: string) => href(`articles/${slug}/`)
export const topicPath = (slug: string) => href(`topics/${slug}/`)
export const entityPath = (id: string) => href(`entities/${id}/`)
export const outletPath = (slug: string) => href(`outlets/${slug}/`)
export const timelineYearPath = (year: string) => href(`timeline/${year}/`)

/**
 * `lang` and `dir` for an article's element in a list, only where they differ
 * from the page's (Arabic, right to left): most lists are all Arabic, and
 * repeating the page's own language on every item is bytes for nothing.
 */
export function langAttributes(data: {lang: string; dir: string}): {lang?: string; dir?: string} {
  return data.lang === 'ar' && data.dir === 'rtl' ? {} : {lang: data.lang, dir: data.dir}
}

/**
 * Load the dossier's data once. Astro renders pages in one process; callers
 * share the result, and nothing here mutates it.
 */
export function loadSiteData(): Promise<SiteData> {
  // The dev server re-reads on every request so edits show up; a build computes once.
  if (import.meta.env.DEV) return computeSiteData()
  cached ??= computeSiteData()
  return cached
}

// Every page asks for the same data; computing it once per build keeps page rendering linear in the articles.
let cached: Promise<SiteData> | undefined

async function computeSiteData(): Promise<SiteData> {
  const paths = dossierPaths(process.cwd())
  const config = await readConfig(paths.content)
  const articles = (await withDetails(await getCollection('articles'))).sort((a, b) => byNewest(a.data, b.data, a.id, b.id))
  const listed = articles.filter((a) => a.data.duplicateOf === null)
  const topics = config.topics.map((topic) => ({
    topic,
    path: topicPath(topic.slug),
    articles: listed.filter((a) => a.data.topics.includes(topic.slug))
  }))
  const index = await readBuildData<EntityIndexEntry[]>(paths.buildData, 'entities.json', [])
  const report = await readBuildData<{rejected: Rejection[]}>(paths.buildData, 'report.json', {rejected: []})
  return {
    config,
    articles,
    listed,
    topics,
    entities: entityPages(index, articles),
    outlets: outletPages(listed),
    timeline: timelineYears(listed),
    rejected: report.rejected
  }
}

/** Entries joined with their lists (src/site/article-files.ts). */
function withDetails(entries: ReadonlyArray<CollectionEntry<'articles'>>): Promise<Article[]> {
  const root = process.cwd()
  return Promise.all(entries.map(async (entry) => ({...entry, data: joinArticle(entry.data, await articleDetails(root, entry))})))
}

/**
 * Entity pages from all articles, newest first. An entity's page lists the
 * articles that are not duplicates; an entity mentioned only in duplicates
 * lists those, so that every entity an article page links to has its page.
 */
function entityPages(index: readonly EntityIndexEntry[], articles: readonly Article[]): EntityPage[] {
  const byId = new Map(index.map((e) => [e.id, e]))
  // Each entity's mentions in one pass over the articles (newest first), not one pass per entity.
  const mentionsOf = new Map<string, EntityPage['mentions']>()
  // Each mention's quotes by that entity, found once per article (not filtered out of every
  // article's quotes for each entity that article mentions).
  const quotesOf = new Map<EntityPage['mentions'][number], ArticleData['quotes']>()
  for (const article of articles) {
    const seen = new Set<string>()
    const bySpeaker = new Map<string, ArticleData['quotes']>()
    for (const quote of article.data.quotes) {
      if (quote.speaker === null) continue
      const list = bySpeaker.get(quote.speaker)
      if (list) list.push(quote)
      else bySpeaker.set(quote.speaker, [quote])
    }
    for (const ref of article.data.entities) {
      if (seen.has(ref.id)) continue
      seen.add(ref.id)
      const mention = {article, sentence: ref.sentence, anchor: ref.anchor, count: ref.count}
      const quotes = bySpeaker.get(ref.id)
      if (quotes) quotesOf.set(mention, quotes)
      const list = mentionsOf.get(ref.id)
      if (list) list.push(mention)
      else mentionsOf.set(ref.id, [mention])
    }
  }
  const coMentions = coMentionCounter(articles, (article) => article.data.entities)
  return index.flatMap((entity) => {
    const all = mentionsOf.get(entity.id)
    if (!all) return []
    const originals = all.filter((m) => m.article.data.duplicateOf === null)
    const mentions = originals.length > 0 ? originals : all
    const related = mostShared(coMentions(entity.id, mentions.map((m) => m.article)), 12).flatMap(([id, count]) => {
      const other = byId.get(id)
      return other ? [{name: other.name, path: entityPath(id), shared: count}] : []
    })
    const quoting = mentions.filter((mention) => quotesOf.has(mention))
    let quotes: QuoteGroup<Article>[] | undefined
    return [
      {
        entity,
        path: entityPath(entity.id),
        mentions,
        related,
        quotedIn: quoting.map((mention) => mention.article),
        get quotes() {
          return (quotes ??= groupQuotes(quoting.flatMap((mention) => (quotesOf.get(mention) ?? []).map((quote) => ({quote, article: mention.article})))))
        }
      }
    ]
  })
}
