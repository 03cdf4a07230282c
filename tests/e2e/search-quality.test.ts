/**
 * Search quality on the sample dossier: the query set in
 * tests/fixtures/search-queries.json run against the built `dist/pagefind`
 * from Node, through the same query rewriting (src/search/query.ts) and
 * engine (src/search/engine.ts) as the search page.
 *
 * Also printed, for comparison on the same articles:
 * - stock Pagefind: the raw query on an index of the same pages without the
 *   hidden search forms (what the site had before);
 * - the raw query on the site's index (what the forms alone give);
 * - ranking (NDCG@5) with the forms in a meta field (shipped) and in a hidden
 *   block inside the indexed body.
 */
import assert from 'node:assert/strict'
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {after, before, describe, test} from 'node:test'
import * as pagefind from 'pagefind'
import {runSearch, type Filters, type PagefindApi} from '../../src/search/engine.ts'
import {ALIASES_META, FORMS_META} from '../../src/search/fields.ts'
import {findMatches} from '../../src/search/match.ts'
import {openPagefind, type NodePagefind} from '../../src/search/node.ts'
import {parseQuery} from '../../src/search/query.ts'
import {buildSite, copySampleContent, tempDir, type BuiltSite} from '../helpers/site.ts'

interface QueryCase {
  q: string
  kind: string
  must: string[]
  mustNot: string[]
  note: string
  filters?: Filters
}

const fixture = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'search-queries.json'), 'utf8')
) as {queries: QueryCase[]}

/** Source file name (`000_….txt`) of each article URL path. */
type FileByPath = Map<string, string>

/** Scores of one way of searching over the query set. */
interface Score {
  found: number
  expected: number
  falseHits: number
  failures: string[]
}

/** The hidden search forms ArticleSearchMeta writes into an article page. */
const FORM_SPANS = new RegExp(`<span hidden data-pagefind-meta="(?:${FORMS_META}|${ALIASES_META}):([^"]*)"></span>`, 'gu')

/**
 * Index the site's article pages again from their HTML, changed by `edit`,
 * into a fresh folder; returns the bundle folder.
 */
async function indexVariant(site: BuiltSite, edit: (html: string) => string): Promise<string> {
  const out = path.join(tempDir('pagefind-variant'), 'pagefind')
  const {index, errors} = await pagefind.createIndex({forceLanguage: 'ar'})
  assert.ok(index, errors.join('; '))
  const articles = path.join(site.out, 'articles')
  for (const slug of readdirSync(articles).filter((name) => !name.includes('.'))) {
    const html = readFileSync(path.join(articles, slug, 'index.html'), 'utf8')
    const added = await index.addHTMLFile({url: `/articles/${slug}/`, content: edit(html)})
    assert.deepEqual(added.errors, [])
  }
  const written = await index.writeFiles({outputPath: out})
  assert.deepEqual(written.errors, [])
  await pagefind.close()
  return out
}

/** Source file names of the articles a search returned, best first. */
async function filesOf(urls: readonly string[], files: FileByPath): Promise<string[]> {
  return urls.map((url) => files.get(new URL(url, 'http://x').pathname) ?? url)
}

/** Run every query one way and score it against the fixture. */
async function score(search: (item: QueryCase) => Promise<string[]>): Promise<Score> {
  const result: Score = {found: 0, expected: 0, falseHits: 0, failures: []}
  for (const item of fixture.queries) {
    const got = await search(item)
    const missing = item.must.filter((file) => !got.includes(file))
    const wrong = item.mustNot.filter((file) => got.includes(file))
    result.expected += item.must.length
    result.found += item.must.length - missing.length
    result.falseHits += wrong.length
    if (missing.length > 0 || wrong.length > 0) {
      const short = (list: string[]) => list.map((file) => file.slice(0, 3)).join(',')
      result.failures.push(`${item.q}${missing.length ? ` missing ${short(missing)}` : ''}${wrong.length ? ` wrong ${short(wrong)}` : ''}`)
    }
  }
  return result
}

function describeScore(label: string, value: Score): string {
  const recall = value.expected === 0 ? 1 : value.found / value.expected
  return `${label}: recall ${recall.toFixed(3)} (${value.found}/${value.expected}), false hits ${value.falseHits}, failing queries ${value.failures.length}/${fixture.queries.length}`
}

/** The rewritten query through the site's engine. */
function engineSearch(api: PagefindApi, files: FileByPath) {
  return async (item: QueryCase): Promise<string[]> => {
    const outcome = await runSearch(api, parseQuery(item.q), {sort: 'relevance', ...(item.filters ? {filters: item.filters} : {})})
    return filesOf(await Promise.all(outcome.hits.map(async (hit) => (await hit.data()).url)), files)
  }
}

/** The raw query straight to Pagefind, as a stock setup would send it. */
function rawSearch(api: PagefindApi, files: FileByPath) {
  return async (item: QueryCase): Promise<string[]> => {
    const response = await api.search(item.q, item.filters ? {filters: item.filters} : {})
    return filesOf(await Promise.all((response?.results ?? []).map(async (result) => (await result.data()).url)), files)
  }
}

/**
 * NDCG@5 of the engine's relevance ranking over the queries with two or more
 * expected articles; an article's gain is log2(1 + how often the query occurs
 * in its visible text), counted with the site's own matcher.
 */
async function ndcg(api: PagefindApi, contentByUrl: Map<string, string>): Promise<number> {
  let total = 0
  let counted = 0
  for (const item of fixture.queries) {
    if (item.must.length < 2 || item.filters) continue
    const query = parseQuery(item.q)
    const gain = (url: string) => Math.log2(1 + findMatches(contentByUrl.get(url) ?? '', query).length)
    const outcome = await runSearch(api, query, {sort: 'relevance'})
    const ranked = await Promise.all(outcome.hits.map(async (hit) => new URL((await hit.data()).url, 'http://x').pathname))
    const dcg = (urls: string[]) => urls.slice(0, 5).reduce((sum, url, rank) => sum + gain(url) / Math.log2(rank + 2), 0)
    const ideal = dcg([...contentByUrl.keys()].sort((a, b) => gain(b) - gain(a)))
    if (ideal === 0) continue
    total += dcg(ranked) / ideal
    counted++
  }
  return total / counted
}

describe('search quality on the sample dossier', () => {
  let site: BuiltSite
  let files: FileByPath
  let shipped: NodePagefind
  let stock: NodePagefind
  let bodyBlock: NodePagefind

  before(async () => {
    site = await buildSite({content: copySampleContent()})
    const dossier = JSON.parse(readFileSync(path.join(site.out, 'dossier.json'), 'utf8')) as {
      articles: Array<{path: string; file: string}>
    }
    files = new Map(dossier.articles.map((article) => [article.path, path.basename(article.file)]))
    shipped = await openPagefind(path.join(site.out, 'pagefind'))
    stock = await openPagefind(await indexVariant(site, (html) => html.replace(FORM_SPANS, '')))
    bodyBlock = await openPagefind(
      await indexVariant(site, (html) => html.replace(FORM_SPANS, (_, value: string) => `<div hidden>${value}</div>`))
    )
  })

  after(async () => {
    await Promise.all([shipped?.destroy(), stock?.destroy(), bodyBlock?.destroy()])
  })

  test('the query set covers the required kinds of queries', () => {
    assert.ok(fixture.queries.length >= 40, `${fixture.queries.length} queries`)
    const kinds = new Set(fixture.queries.map((item) => item.kind))
    for (const kind of ['variant', 'clitic', 'diacritics', 'persian', 'digits', 'multi', 'phrase', 'boilerplate']) {
      assert.ok(kinds.has(kind), `a ${kind} query`)
    }
    const known = new Set(files.values())
    for (const item of fixture.queries) {
      for (const file of [...item.must, ...item.mustNot]) assert.ok(known.has(file), `${item.q}: ${file} is a sample article`)
    }
  })

  test('every query finds all its articles and none it must not (recall 1.0, no boilerplate hits)', async () => {
    const ours = await score(engineSearch(shipped, files))
    const stockScore = await score(rawSearch(stock, files))
    const rawOnForms = await score(rawSearch(shipped, files))
    console.log(describeScore('site search (rewritten query, index with forms)', ours))
    console.log(describeScore('stock Pagefind (raw query, index without forms)', stockScore))
    console.log(`  stock failures: ${stockScore.failures.join(' | ')}`)
    console.log(describeScore('raw query on the index with forms', rawOnForms))
    assert.deepEqual(ours.failures, [])
    assert.equal(ours.found, ours.expected)
    assert.equal(ours.falseHits, 0)
  })

  test('hidden forms as a meta field rank no worse than a hidden block in the body', async () => {
    const contentByUrl = new Map<string, string>()
    const all = await shipped.search(null)
    for (const result of all?.results ?? []) {
      const data = await result.data()
      contentByUrl.set(new URL(data.url, 'http://x').pathname, data.content)
    }
    const meta = await ndcg(shipped, contentByUrl)
    const body = await ndcg(bodyBlock, contentByUrl)
    const raw = await ndcg(stock, contentByUrl)
    console.log(`ranking NDCG@5: forms in meta ${meta.toFixed(3)}, forms in a hidden body block ${body.toFixed(3)}, stock index ${raw.toFixed(3)}`)
    // Meta keeps excerpts free of the forms too; it must not cost ranking (0.02: one swap in 5 articles is noise).
    assert.ok(meta >= body - 0.02, `meta ${meta} ranks worse than body ${body}`)
  })

  test('sorted by date, newest first, articles of unknown date come last and none is dropped', async () => {
    const query = parseQuery('قطر')
    const byDate = await runSearch(shipped, query, {sort: 'date'})
    const byRelevance = await runSearch(shipped, query, {sort: 'relevance'})
    assert.equal(byDate.hits.length, 5)
    assert.equal(byRelevance.hits.length, 5)
    const dates = await Promise.all(byDate.hits.map(async (hit) => (await hit.data()).meta['date'] ?? null))
    const known = dates.filter((date): date is string => date !== null)
    assert.deepEqual(known, [...known].sort().reverse(), `newest first: ${dates.join(', ')}`)
    assert.deepEqual(dates.slice(known.length), dates.filter((date) => date === null), `unknown dates last: ${dates.join(', ')}`)
  })
})
