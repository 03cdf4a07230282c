import assert from 'node:assert/strict'
import {test} from 'node:test'
import {runSearch, type Fragment, type PagefindApi, type PagefindResponse, type PagefindSearchOptions} from '../../../src/search/engine.ts'
import {FORMS_META} from '../../../src/search/fields.ts'
import {indexTerms} from '../../../src/search/index-terms.ts'
import {pagefindForm} from '../../../src/search/keys.ts'
import {parseQuery} from '../../../src/search/query.ts'

/**
 * A small stand-in for Pagefind's JS API with the behaviours the engine
 * relies on (pagefind_web search.rs): every word of a query must match; a
 * word matches indexed words it begins, and when it begins none, the longest
 * indexed word that begins IT (the fallback); a quoted word matches exactly.
 * Pages are indexed as the site indexes them: their words as Pagefind files
 * them, plus the alternate forms ArticleSearchMeta adds (index-terms.ts).
 */
function fakePagefind(pages: Array<{url: string; content: string; filters?: Record<string, string[]>}>) {
  const calls = {searches: [] as Array<{term: string | null; options: PagefindSearchOptions | undefined}>, fragments: 0}
  const forms = pages.map((page) => indexTerms({text: page.content}).forms)
  const words = pages.map(
    (page, index) => new Set([...page.content.split(/\s+/u), ...(forms[index] ?? [])].map(pagefindForm).filter(Boolean))
  )
  const vocabulary = [...new Set(words.flatMap((set) => [...set]))]
  const pagesWith = (predicate: (word: string) => boolean) =>
    pages.flatMap((_, index) => ([...(words[index] ?? [])].some(predicate) ? [index] : []))
  const matching = (term: string): number[] => {
    const extended = pagesWith((word) => word.startsWith(term))
    if (extended.length > 0) return extended
    const fallback = vocabulary.filter((word) => term.startsWith(word)).sort((a, b) => b.length - a.length)[0]
    return fallback ? pagesWith((word) => word === fallback) : []
  }
  const api: PagefindApi = {
    async search(term, options): Promise<PagefindResponse> {
      calls.searches.push({term, options})
      let found = pages.map((_, index) => index)
      if (term !== null) {
        const exact = /^".+"$/u.test(term)
        for (const word of term.split(' ').map(pagefindForm)) {
          const hits = exact ? pagesWith((candidate) => candidate === word) : matching(word)
          found = found.filter((index) => hits.includes(index))
        }
      }
      for (const [key, value] of Object.entries(options?.filters ?? {})) {
        found = found.filter((index) => pages[index]?.filters?.[key]?.includes(String(value)))
      }
      return {
        filters: {},
        results: found.map((index) => ({
          id: String(index),
          score: 1,
          data: async (): Promise<Fragment> => {
            calls.fragments++
            const page = pages[index]!
            return {url: page.url, content: page.content, meta: {[FORMS_META]: forms[index]?.join(' ')}, filters: page.filters ?? {}}
          }
        }))
      }
    }
  }
  return {api, calls}
}

const urls = async (hits: Array<{data(): Promise<Fragment>}>) => Promise.all(hits.map(async (hit) => (await hit.data()).url))

test('a key found as an index word is trusted: no fragment is loaded to confirm it', async () => {
  const {api, calls} = fakePagefind([
    {url: '/a/', content: 'أعلنت قطر عن تعديل'},
    {url: '/b/', content: 'وصل الوزير إلى الدوحة'}
  ])
  const outcome = await runSearch(api, parseQuery('قطر'), {sort: 'relevance'})
  assert.equal(calls.fragments, 0)
  assert.deepEqual(await urls(outcome.hits), ['/a/'])
  assert.deepEqual(calls.searches.map((call) => call.term), ['قطر', '"قطر"'])
})

test("Pagefind's prefix fallback does not bring back a page without the word", async () => {
  // No indexed word begins بوليفيا, so Pagefind falls back to بو, which begins it.
  const {api, calls} = fakePagefind([
    {url: '/a/', content: 'عاد بو علي إلى بيته'},
    {url: '/b/', content: 'وصل الوزير إلى الدوحة'}
  ])
  const stock = await api.search('بوليفيا')
  assert.equal(stock?.results.length, 1, 'the stand-in falls back like Pagefind')
  const outcome = await runSearch(api, parseQuery('بوليفيا'))
  assert.deepEqual(outcome.hits, [])
  assert.equal(calls.fragments, 1, 'the fallback result was checked against its text')
})

test('a half-typed word keeps the pages whose words it begins', async () => {
  const {api} = fakePagefind([
    {url: '/001/', content: 'الرئيس الأميركي دونالد ترمب'},
    {url: '/003/', content: 'وزير الخارجية'}
  ])
  const outcome = await runSearch(api, parseQuery('ترم'), {sort: 'relevance'})
  assert.deepEqual(await urls(outcome.hits), ['/001/'])
})

test('a quoted phrase keeps only the pages where its words stand together', async () => {
  const {api} = fakePagefind([
    {url: '/000/', content: 'متوجها من تل أبيب إلى الدوحة'},
    {url: '/x/', content: 'أبيب مدينة وهذا تل'}
  ])
  const outcome = await runSearch(api, parseQuery('"تل أبيب"'), {sort: 'relevance'})
  assert.deepEqual(await urls(outcome.hits), ['/000/'])
})

test('filters alone list their articles; no query and no filter searches nothing', async () => {
  const {api, calls} = fakePagefind([
    {url: '/a/', content: 'قطر', filters: {topic: ['قاعدة العديد الجوية']}},
    {url: '/b/', content: 'قطر', filters: {topic: ['الهجوم الإسرائيلي على الدوحة']}}
  ])
  const listed = await runSearch(api, parseQuery(''), {filters: {topic: 'قاعدة العديد الجوية'}})
  assert.deepEqual(await urls(listed.hits), ['/a/'])
  assert.deepEqual(calls.searches[0], {term: null, options: {filters: {topic: 'قاعدة العديد الجوية'}, sort: {date: 'desc'}}})
  const before = calls.searches.length
  assert.deepEqual((await runSearch(api, parseQuery('ق'))).hits, [])
  assert.equal(calls.searches.length, before)
})

test('confirming stops at confirmLimit and says the outcome is truncated', async () => {
  const pages = Array.from({length: 5}, (_, index) => ({url: `/${index}/`, content: `الدوحة صفحة ${index}`}))
  const {api, calls} = fakePagefind(pages)
  const outcome = await runSearch(api, parseQuery('"الدوحة صفحة"'), {confirmLimit: 3})
  assert.equal(outcome.hits.length, 3)
  assert.equal(outcome.truncated, true)
  assert.equal(calls.fragments, 3)
})
