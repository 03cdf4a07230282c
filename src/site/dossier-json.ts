/**
 * `dist/dossier.json` (schema 1, see the README's data contract): everything
 * the build extracted, for other tools. Built from the same site data the pages
 * use; deterministic (sorted, no timestamps).
 */
import {dossierJsonSchema, type DossierJson} from '../contract.ts'
import {articlePath, type SiteData} from './data.ts'

/** Build the JSON document, checked against the contract. */
export function dossierJson(site: SiteData): DossierJson {
  return dossierJsonSchema.parse(buildDossierJson(site))
}

function buildDossierJson(site: SiteData) {
  const articles = [...site.articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return {
    schema: 1,
    title: site.config.title,
    articles: articles.map(({id, data}) => ({
      slug: id,
      path: articlePath(id),
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
    })),
    entities: site.entities.map(({entity, path}) => ({
      id: entity.id,
      name: entity.name,
      type: entity.type,
      aliases: entity.aliases,
      path,
      articles: [...entity.articles].sort()
    })),
    topics: site.topics.map((t) => ({
      slug: t.topic.slug,
      title: t.topic.title,
      path: t.path,
      articles: t.articles.map((a) => a.id).sort()
    })),
    timeline: articles
      .flatMap(({id, data}) => data.timeline.map((item) => ({date: item.date, text: item.text, article: id})))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.article < b.article ? -1 : a.article > b.article ? 1 : 0)),
    rejected: site.rejected
  }
}
