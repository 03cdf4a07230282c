/**
 * A generated dossier large enough for long lists (200 benchmark articles,
 * src/bench/corpus.ts): the output contract on every page, and entity pages
 * timeline years and the list of all articles whose items continue on
 * numbered pages.
 */
import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {before, describe, test} from 'node:test'
import {generateCorpus} from '../../src/bench/corpus.ts'
import {writeCorpus} from '../../src/bench/workspace.ts'
import {ARTICLE_LIST_PAGE_SIZE, ENTITY_PAGE_SIZE, TIMELINE_PAGE_SIZE} from '../../src/site/paging.ts'
import {byNewest} from '../../src/site/sort.ts'
import {buildSite, tempDir, type BuiltSite} from '../helpers/site.ts'

interface DossierJson {
  articles: Array<{slug: string; path: string; title: string; date: string | null; duplicateOf: string | null}>
  entities: Array<{id: string; path: string; articles: string[]}>
  topics: Array<{path: string}>
  timeline: Array<{date: string; article: string}>
}

/** The page file a site path is served from. */
const pageFile = (out: string, sitePath: string) => path.join(out, sitePath, 'index.html')

/**
 * Every page reachable from the home page by the site's own links (paths
 * ending in `/`, absolute or relative); a link to a page that does not exist fails.
 */
function crawl(out: string): Set<string> {
  const seen = new Set<string>()
  const queue: Array<[string, string]> = [['/', '(start)']]
  while (queue.length > 0) {
    const [next, from] = queue.pop() as [string, string]
    if (seen.has(next)) continue
    assert.ok(existsSync(pageFile(out, next)), `${from} links to ${next}, which is not a page`)
    seen.add(next)
    const html = readFileSync(pageFile(out, next), 'utf8')
    for (const [, href] of html.matchAll(/href="([^":#?]*\/)(?:[#?][^"]*)?"/g)) {
      const target = new URL(href as string, `http://site${next}`).pathname
      if (!seen.has(target)) queue.push([target, next])
    }
  }
  return seen
}

/** The articles an entity page lists, in order: the slug of each item's title link. */
function listedArticles(html: string): string[] {
  const section = /<section aria-labelledby="mentions">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? ''
  return [...section.matchAll(/<li[^>]*>\s*<a href="\/articles\/([^/"]+)\/">/g)].map((m) => m[1] as string)
}

describe('a dossier of 200 generated articles', () => {
  let site: BuiltSite
  let dossier: DossierJson

  before(async () => {
    const content = tempDir('scale')
    await writeCorpus(content, generateCorpus({articles: 200, seed: 1}))
    site = await buildSite({content})
    dossier = JSON.parse(readFileSync(path.join(site.out, 'dossier.json'), 'utf8')) as DossierJson
  })

  test('every path in dossier.json is a page, every page is Arabic and right-to-left, and reachable from the home page', () => {
    const paths = [...dossier.articles, ...dossier.entities, ...dossier.topics].map((x) => x.path)
    for (const p of paths) assert.ok(existsSync(pageFile(site.out, p)), `${p} exists`)
    const reachable = crawl(site.out)
    for (const p of paths) assert.ok(reachable.has(p), `${p} is reachable from the home page`)
    const pages = (readdirSync(site.out, {recursive: true}) as string[]).filter((f) => f.endsWith('.html'))
    assert.ok(pages.length > paths.length)
    for (const file of pages) {
      const html = readFileSync(path.join(site.out, file), 'utf8')
      assert.match(html.slice(0, 200), /<html lang="ar" dir="rtl">/, `${file} is lang="ar" dir="rtl"`)
      const sitePath = `/${path.dirname(file)}/`.replace(/^\/\.\/$/, '/')
      assert.ok(reachable.has(sitePath), `${sitePath} is reachable from the home page`)
    }
  })

  test('an entity in more articles than a page holds lists them all, newest first, over numbered pages', () => {
    const byslug = new Map(dossier.articles.map((a) => [a.slug, a]))
    const entity = [...dossier.entities].sort((a, b) => b.articles.length - a.articles.length)[0]
    assert.ok(entity)
    const expected = entity.articles
      .map((slug) => byslug.get(slug))
      .filter((a) => a !== undefined && a.duplicateOf === null)
      .sort((a, b) => byNewest(a!, b!, a!.slug, b!.slug))
      .map((a) => a!.slug)
    assert.ok(expected.length > 2 * ENTITY_PAGE_SIZE, `${entity.id}: ${expected.length} articles, enough for three pages`)
    const last = Math.ceil(expected.length / ENTITY_PAGE_SIZE)
    const listed: string[] = []
    for (let n = 1; n <= last; n++) {
      const html: string = readFileSync(pageFile(site.out, n === 1 ? entity.path : `${entity.path}${n}/`), 'utf8')
      const items = listedArticles(html)
      assert.equal(items.length, n < last ? ENTITY_PAGE_SIZE : expected.length - (last - 1) * ENTITY_PAGE_SIZE, `page ${n}`)
      // Each item keeps the sentence of the first mention, linked to its paragraph.
      assert.equal((html.match(/<p class="first-mention">/g) ?? []).length, items.length)
      if (n < last) assert.ok(html.includes(`rel="next" href="${entity.path}${n + 1}/"`), `page ${n} links to the next`)
      if (n > 1) assert.ok(html.includes(`rel="prev" href="${n === 2 ? entity.path : `${entity.path}${n - 1}/`}"`), `page ${n} links to the previous`)
      // What only the entity's own page shows: the entities mentioned with it.
      assert.equal(html.includes('aria-labelledby="related"'), n === 1)
      listed.push(...items)
    }
    assert.deepEqual(listed, expected)
    assert.equal(existsSync(pageFile(site.out, `${entity.path}${last + 1}/`)), false)
  })

  test('the timeline lists every dated sentence of the listed articles once, oldest first, over its years and their numbered pages', () => {
    const listed = new Set(dossier.articles.filter((a) => a.duplicateOf === null).map((a) => a.slug))
    const expected = dossier.timeline.filter((t) => listed.has(t.article)).map((t) => `${t.date} ${t.article}`)
    const index = readFileSync(pageFile(site.out, '/timeline/'), 'utf8')
    const years = [...index.matchAll(/<a href="\/timeline\/(\d{4})\/">/g)].map((m) => m[1] as string)
    assert.deepEqual(years, [...new Set(expected.map((item) => item.slice(0, 4)))])
    const shown: string[] = []
    let paged = 0
    for (const year of years) {
      const first = `/timeline/${year}/`
      for (let n = 1, more = true; more; n++) {
        const html = readFileSync(pageFile(site.out, n === 1 ? first : `${first}${n}/`), 'utf8')
        const items = [...html.matchAll(/<time datetime="([^"]+)">[\s\S]*?<a href="\/articles\/([^/"]+)\/#/g)].map((m) => `${m[1]} ${m[2]}`)
        assert.ok(items.length > 0 && items.length <= TIMELINE_PAGE_SIZE && items.every((item) => item.startsWith(year)), `${year} page ${n}`)
        shown.push(...items)
        more = html.includes(`rel="next" href="${first}${n + 1}/"`)
        if (more) paged++
      }
    }
    assert.ok(paged > 0, 'at least one year continues on a numbered page')
    assert.deepEqual(shown, expected)
  })

  test('the list of all articles shows every listed article once, newest first, over numbered pages', () => {
    const expected = dossier.articles
      .filter((a) => a.duplicateOf === null)
      .sort((a, b) => byNewest(a, b, a.slug, b.slug))
      .map((a) => a.slug)
    const last = Math.ceil(expected.length / ARTICLE_LIST_PAGE_SIZE)
    assert.ok(last > 1, `${expected.length} articles, enough for two pages`)
    const shown: string[] = []
    for (let n = 1; n <= last; n++) {
      const html = readFileSync(pageFile(site.out, n === 1 ? '/articles/' : `/articles/page/${n}/`), 'utf8')
      const items = [...html.matchAll(/<li[^>]*>\s*<a href="\/articles\/([^/"]+)\/">/g)].map((m) => m[1] as string)
      assert.equal(items.length, n < last ? ARTICLE_LIST_PAGE_SIZE : expected.length - (last - 1) * ARTICLE_LIST_PAGE_SIZE, `page ${n}`)
      if (n < last) assert.ok(html.includes(`rel="next" href="/articles/page/${n + 1}/"`), `page ${n} links to the next`)
      shown.push(...items)
    }
    assert.deepEqual(shown, expected)
  })
})
