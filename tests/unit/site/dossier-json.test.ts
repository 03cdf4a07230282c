import assert from 'node:assert/strict'
import {test} from 'node:test'
import {dossierJsonSchema} from '../../../src/contract.ts'
import type {ArticleData} from '../../../src/schema.ts'
import type {Article, SiteData} from '../../../src/site/data.ts'
import {articlePart, dossierJsonChunks} from '../../../src/site/dossier-json.ts'
import {testArticleData} from '../../helpers/article-data.ts'

const articlePath = (slug: string) => `/base/articles/${slug}/`

function article(id: string, digest: string, data: Partial<ArticleData> = {}): Article {
  return {id, digest, collection: 'articles', data: testArticleData({file: `sources/${id}.txt`, ...data})} as unknown as Article
}

function site(articles: Article[], title = 'ملف قطر'): SiteData {
  return {
    config: {title},
    articles,
    listed: articles,
    topics: [{topic: {slug: 'defence', title: 'الدفاع'}, path: '/base/topics/defence/', articles: articles.filter((a) => a.data.topics.includes('defence'))}],
    entities: [
      {entity: {id: 'qatar', name: 'قطر', type: 'place', aliases: ['دولة قطر'], articles: articles.map((a) => a.id).reverse()}, path: '/base/entities/qatar/'}
    ],
    outlets: [],
    timeline: [],
    rejected: [{file: 'sources/empty.txt', reason: 'the file is empty'}]
  } as unknown as SiteData
}

const qatar = {id: 'qatar', name: 'قطر', type: 'place' as const, count: 2, sentence: 'قطر {x}', anchor: 'L1'}
const dossier = [
  article('b-2', 'd2', {
    title: 'الثاني "مقتبس"\\',
    date: '2025-09-10',
    topics: ['defence'],
    entities: [qatar],
    timeline: [{date: '2025-09-09', precision: 'day', text: 'الهجوم', anchor: 'L2'}]
  }),
  article('a-1', 'd1', {
    quotes: [{speaker: 'qatar', speakerName: 'قطر', text: 'نص </script>', anchor: 'L3'}],
    timeline: [{date: '2024-03', precision: 'month', text: 'زيارة', anchor: 'L1'}]
  }),
  article('c-3', 'd3', {lang: 'en', dir: 'ltr', title: 'Third\u2028line', outlet: 'Reuters'})
]

/** The document as JSON.stringify writes it, from the same data: what the bytes must equal. */
const canonical = (bytes: Buffer) => `${JSON.stringify(JSON.parse(bytes.toString('utf8')), null, 2)}\n`

test('dossier.json bytes are the pretty-printed document, which meets the contract, articles by slug and the timeline by date', () => {
  const bytes = Buffer.concat(dossierJsonChunks(site(dossier), articlePath))
  assert.equal(bytes.toString('utf8'), canonical(bytes))
  const json = dossierJsonSchema.parse(JSON.parse(bytes.toString('utf8')))
  assert.deepEqual(
    json.articles.map((a) => [a.slug, a.path, a.title, a.file]),
    [
      ['a-1', '/base/articles/a-1/', 'عنوان فيه {braces} و <script>', 'sources/a-1.txt'],
      ['b-2', '/base/articles/b-2/', 'الثاني "مقتبس"\\', 'sources/b-2.txt'],
      ['c-3', '/base/articles/c-3/', 'Third\u2028line', 'sources/c-3.txt']
    ]
  )
  assert.deepEqual(json.articles[1]?.entities, [{id: 'qatar', name: 'قطر', type: 'place', count: 2}])
  assert.deepEqual(json.articles[0]?.quotes, [{speaker: 'qatar', speakerName: 'قطر', text: 'نص </script>'}])
  assert.deepEqual(json.timeline, [
    {date: '2024-03', text: 'زيارة', article: 'a-1'},
    {date: '2025-09-09', text: 'الهجوم', article: 'b-2'}
  ])
  assert.deepEqual(json.entities[0]?.articles, ['a-1', 'b-2', 'c-3'])
})

test('a title that reads like the articles line does not move where the articles go; no articles is an empty list', () => {
  const title = 'x",\n  "articles": [],\n  "y'
  const bytes = Buffer.concat(dossierJsonChunks(site(dossier, title), articlePath))
  assert.equal(bytes.toString('utf8'), canonical(bytes))
  assert.equal((JSON.parse(bytes.toString('utf8')) as {title: string}).title, title)
  const empty = Buffer.concat(dossierJsonChunks(site([], title), articlePath))
  assert.equal(empty.toString('utf8'), canonical(empty))
  assert.deepEqual((JSON.parse(empty.toString('utf8')) as {articles: unknown[]}).articles, [])
})

test('stored parts give the bytes of parts made now, and are what the document carries', () => {
  const parts = new Map(dossier.map((a) => [a.id, articlePart(a.data)]))
  const stored = Buffer.concat(dossierJsonChunks(site(dossier), articlePath, (a) => parts.get(a.id) ?? null))
  assert.equal(stored.toString('utf8'), Buffer.concat(dossierJsonChunks(site(dossier), articlePath)).toString('utf8'))
  // Only some stored: the others are made now, in their place.
  const some = Buffer.concat(dossierJsonChunks(site(dossier), articlePath, (a) => (a.id === 'b-2' ? (parts.get(a.id) as Buffer) : null)))
  assert.equal(some.toString('utf8'), stored.toString('utf8'))
  // The stored part is what is written, not the data: a stale part would show.
  const stale = Buffer.concat(dossierJsonChunks(site([article('c-3', 'd3', {title: 'new title'})]), articlePath, () => parts.get('c-3') as Buffer))
  assert.ok(stale.toString('utf8').includes('"title": "Third\u2028line"') && !stale.toString('utf8').includes('new title'))
})

test('a part with data the contract refuses is not made', () => {
  assert.throws(() => articlePart(testArticleData({date: '16/09/2025' as ArticleData['date']})))
  assert.throws(() => Buffer.concat(dossierJsonChunks(site([article('Not Safe', 'd')]), articlePath)))
})
