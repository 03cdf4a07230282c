/**
 * The site's data layer: everything pages show, computed once from the
 * entries and `dossier.yaml`. Pages and the JSON endpoint read from here and
 * never re-run extraction.
 */
import {getCollection, type CollectionEntry} from 'astro:content'
import {readConfig} from '../ingest/folder.ts'
import {dossierPaths} from '../paths.ts'
import type {DossierConfig, Rejection, Topic} from '../schema.ts'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {byNewest} from './sort.ts'

export type Article = CollectionEntry<'articles'>

export interface TopicPage {
  topic: Topic
  path: string
  articles: Article[]
}

export interface SiteData {
  config: DossierConfig
  /** Newest first; articles of unknown date last. */
  articles: Article[]
  topics: TopicPage[]
  rejected: Rejection[]
}

const base = import.meta.env.BASE_URL

/** A site path under the base, e.g. `href('articles/x/')` → `/base/articles/x/`. */
export function href(sitePath: string): string {
  return `${base}${sitePath.replace(/^\//, '')}`
}

export function articlePath(slug: string): string {
  return href(`articles/${slug}/`)
}

export function topicPath(slug: string): string {
  return href(`topics/${slug}/`)
}

/**
 * Load the dossier's data. Astro renders pages in one process, so callers may
 * share the returned object; nothing here mutates it.
 */
export async function loadSiteData(): Promise<SiteData> {
  const paths = dossierPaths(process.cwd())
  const config = await readConfig(paths.content)
  const articles = (await getCollection('articles')).sort((a, b) => byNewest(a.data, b.data, a.id, b.id))
  const topics = config.topics.map((topic) => ({
    topic,
    path: topicPath(topic.slug),
    articles: articles.filter((a) => a.data.topics.includes(topic.slug))
  }))
  const report = await readFile(path.join(paths.buildData, 'report.json'), 'utf8')
    .then((t) => JSON.parse(t) as {rejected: Rejection[]})
    .catch(() => ({rejected: []}))
  return {config, articles, topics, rejected: report.rejected}
}
