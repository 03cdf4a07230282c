import assert from 'node:assert/strict'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {after, test} from 'node:test'
import {setTimeout} from 'node:timers/promises'
import {indexSite} from '../../../src/build/pagefind.ts'
import {
  indexedBody,
  planIndex,
  readArticlePages,
  readPageRecords,
  splitParts,
  writePageRecords,
  type SearchIndexState
} from '../../../src/build/search-delta.ts'
import type {RunOptions} from '../../../src/search/engine.ts'
import {DELTA_FILE, DELTA_FOLDER, partFolder, STATE_FILE, type DeltaDescriptor} from '../../../src/search/fields.ts'
import {openSearchIndex} from '../../../src/search/node.ts'
import {parseQuery} from '../../../src/search/query.ts'
import {filterTotals, searchSegments, type SearchSegment} from '../../../src/search/segments.ts'

const work = mkdtempSync(path.join(tmpdir(), 'dossier-search-delta-'))
after(() => rmSync(work, {recursive: true, force: true}))

test('indexedBody is the element marked data-pagefind-body, nested elements of its kind included', () => {
  const html = '<html><body><nav>x</nav><main class="a" data-pagefind-body><main>inner</main><p>نص</p></main><footer>y</footer></body></html>'
  assert.equal(indexedBody(html), '<main class="a" data-pagefind-body><main>inner</main><p>نص</p></main>')
  assert.equal(indexedBody('<html><body><main><p>بلا علامة</p></main></body></html>'), null)
  // The marker spelled out in article text (its "<" escaped) or inside an attribute's value is not the attribute.
  assert.equal(indexedBody('<main><p>&lt;main data-pagefind-body&gt; نص</p></main>'), null)
  assert.equal(indexedBody('<main><a title="x data-pagefind-body">نص</a></main>'), null)
  assert.equal(indexedBody('<p title="data-pagefind-body">a</p><article data-pagefind-body>b</article>'), '<article data-pagefind-body>b</article>')
})

const page = (url: string, body: string | null, sortKey = '2024') => ({url, file: `articles${url}index.html`, body, sortKey: body === null ? null : sortKey})

test('splitParts: successive ranges of dates, newest first and undated last, as few as the size allows, of equal size', () => {
  const pages = [
    page('/a/', 'x', '2024-01-01'),
    page('/b/', 'x', '2025-05'),
    page('/c/', 'x', '2024-01-01'),
    page('/d/', null),
    page('/e/', 'x', '0000'),
    page('/f/', 'x', '2023'),
    page('/g/', 'x', '2024-01-01'),
    page('/h/', 'x', '2026-02-02')
  ]
  const urls = (parts: ReturnType<typeof splitParts>) => parts.map((part) => part.map((p) => p.url))
  assert.deepEqual(urls(splitParts(pages, 10)), [['/h/', '/b/', '/a/', '/c/', '/g/', '/f/', '/e/']], 'one part: every searchable page, by date')
  assert.deepEqual(
    urls(splitParts(pages, 4)),
    [
      ['/h/', '/b/', '/a/', '/c/'],
      ['/g/', '/f/', '/e/']
    ],
    'a date may be split'
  )
  assert.deepEqual(urls(splitParts(pages, 3)), [['/h/', '/b/', '/a/'], ['/c/', '/g/', '/f/'], ['/e/']])
  assert.deepEqual(urls(splitParts(pages, 1)).length, 7)
  assert.deepEqual(urls(splitParts([], 2)), [[]])
})

test('planIndex: the changed and new pages go to a delta, changed and gone pages are superseded; too many changes mean a whole build', () => {
  const state: SearchIndexState = {
    version: 2,
    index: 'ar_x ar_y',
    parts: 2,
    pages: Object.fromEntries(['a', 'b', 'c', 'd'].map((slug, i) => [`/${slug}/`, {body: `body-${slug}`, part: i % 2, id: `ar_${slug}`, sortKey: '2024'}]))
  }
  const pages = [page('/a/', 'body-a'), page('/b/', 'body-b2'), page('/d/', null), page('/e/', 'body-e')]
  const plan = planIndex(pages, state, 0.75)
  assert.equal(plan.kind, 'delta')
  if (plan.kind !== 'delta') return
  assert.deepEqual(
    plan.changed.map((p) => p.url),
    ['/b/', '/e/']
  )
  assert.deepEqual(
    plan.superseded,
    [
      {id: 'ar_b', part: 1},
      {id: 'ar_c', part: 0},
      {id: 'ar_d', part: 1}
    ],
    'b changed, c gone, d now a duplicate (no body), each in its part'
  )
  assert.equal(plan.parts, 2)
  const whole = planIndex(pages, state, 0.25)
  assert.equal(whole.kind, 'whole')
  assert.match(whole.kind === 'whole' ? whole.reason : '', /3 pages changed since the main index, more than 1/)
  assert.equal(planIndex(pages, null).kind, 'whole')
})

interface Article {
  slug: string
  date: string | null
  topic: string
  text: string
}

/** An article page as the site writes it: body, sort key, date meta and filters (ArticleSearchMeta). */
function writeArticle(site: string, article: Article): void {
  mkdirSync(path.join(site, 'articles', article.slug), {recursive: true})
  const date = article.date
  writeFileSync(
    path.join(site, 'articles', article.slug, 'index.html'),
    `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${article.slug}</title></head><body>` +
      `<nav>الملف</nav><article data-pagefind-body><h1 data-pagefind-meta="title">${article.slug}</h1>` +
      `<span hidden data-pagefind-sort="date:${date ?? '0000'}"></span>` +
      (date ? `<span hidden data-pagefind-meta="date:${date}"></span><span hidden data-pagefind-filter="year:${date.slice(0, 4)}"></span>` : '') +
      `<span hidden data-pagefind-filter="topic:${article.topic}"></span><p>${article.text}</p></article></body></html>`
  )
}

const ARTICLES: Article[] = [
  {slug: 'a', date: '2024-03-01', topic: 'دفاع', text: 'وقعت قطر اتفاقية دفاعية مع واشنطن في الدوحة'},
  {slug: 'b', date: '2024-03-05', topic: 'دفاع', text: 'قاعدة العديد الجوية تستضيف القوات الأمريكية في قطر'},
  {slug: 'c', date: '2023-11-20', topic: 'اقتصاد', text: 'زيارة وزير الخارجية القطري إلى الرياض لبحث التجارة'},
  {slug: 'd', date: '2025-09-10', topic: 'دفاع', text: 'مناورات مشتركة بين قطر والولايات المتحدة'},
  {slug: 'e', date: null, topic: 'اقتصاد', text: 'صندوق قطر السيادي يستثمر في لندن'},
  {slug: 'f', date: '2025-01-15', topic: 'اقتصاد', text: 'الغاز القطري والأسواق الآسيوية وقطر'},
  {slug: 'g', date: '2022-06-30', topic: 'دفاع', text: 'صفقة طائرات مقاتلة لقطر'},
  {slug: 'h', date: '2024-12-01', topic: 'سياسة', text: 'وساطة قطرية في غزة والدوحة تستضيف المحادثات'}
]

/**
 * URLs, in order, and filter counts a search finds. Values counted 0 are left out: Pagefind counts
 * every value its index has, so the main index still lists one only a superseded page had
 * (and a key with no value counted is left out too).
 */
async function found(segments: SearchSegment[], query: string, options: RunOptions = {}) {
  const outcome = await searchSegments(segments, parseQuery(query), options)
  const fragments = await Promise.all(outcome.hits.map((hit) => hit.data()))
  // In date order; pages of one date in URL order: an index in parts lists those of each part in
  // turn, a whole index by score, and neither order says anything.
  const urls = fragments
    .map((fragment, i) => ({url: fragment.url, date: fragment.meta['date'] ?? '', i}))
    .sort((a, b) => (options.sort === 'relevance' || a.date !== b.date ? a.i - b.i : a.url < b.url ? -1 : 1))
    .map(({url}) => url)
  const filters = Object.fromEntries(
    Object.entries(outcome.filters)
      .map(([key, values]) => [key, Object.fromEntries(Object.entries(values).filter(([, count]) => count > 0))] as const)
      .filter(([, values]) => Object.keys(values).length > 0)
  )
  return {urls, filters}
}

/** The same searches over the kept site's index (main + delta) and over a whole index of the same pages. */
async function assertSameSearches(site: string): Promise<void> {
  const fresh = path.join(work, `fresh-${path.basename(site)}-${Date.now()}`)
  cpSync(path.join(site, 'articles'), path.join(fresh, 'articles'), {recursive: true})
  assert.equal((await indexSite(fresh)).kind, 'whole')
  const kept = await openSearchIndex(path.join(site, 'pagefind'))
  const whole = await openSearchIndex(path.join(fresh, 'pagefind'))
  try {
    assert.deepEqual(await filterTotals(kept.segments), await filterTotals(whole.segments), 'filter totals')
    for (const [query, options] of [
      ['قطر', {}],
      ['الدوحة', {}],
      ['مسيرة', {}],
      ['الرياض', {}],
      ['"قاعدة العديد"', {}],
      ['', {filters: {topic: 'دفاع'}}],
      ['قطر', {filters: {topic: 'اقتصاد'}}]
    ] as Array<[string, RunOptions]>) {
      assert.deepEqual(await found(kept.segments, query, options), await found(whole.segments, query, options), `${query} ${JSON.stringify(options)}`)
    }
    const byRelevance = await found(kept.segments, 'قطر', {sort: 'relevance'})
    assert.deepEqual([...byRelevance.urls].sort(), [...(await found(whole.segments, 'قطر', {sort: 'relevance'})).urls].sort(), 'relevance: the same pages')
  } finally {
    await Promise.all([kept.destroy(), whole.destroy()])
  }
}

/** Every superseded page of a descriptor, whatever its part. */
const supersededPages = (descriptor: DeltaDescriptor) => descriptor.superseded.flatMap((part) => Object.values(part))

for (const [parts, partPages] of [
  [1, undefined],
  [3, 3]
] as const) {
  test(`a main index in ${parts} part(s): after a whole build, changed pages go to a delta and searches find what a whole index of one part finds`, async () => {
    await deltaScenario(parts, partPages)
  })
}

async function deltaScenario(parts: number, partPages: number | undefined): Promise<void> {
  const site = path.join(work, `site-${parts}`)
  const stateFile = path.join(work, `state-${parts}`, 'search-index.json')
  const options = {stateFile, deltaShare: 0.5, ...(partPages ? {partPages} : {})}
  for (const article of ARTICLES) writeArticle(site, article)
  const first = await indexSite(site, options)
  assert.deepEqual(first, {pages: 8, kind: 'whole', deltaPages: 0, reason: 'no index of an earlier build to add to'})
  assert.deepEqual(JSON.parse(readFileSync(path.join(site, 'pagefind', STATE_FILE), 'utf8')), {version: 1, parts, delta: null})
  for (let part = 2; part <= parts; part++) {
    assert.ok(existsSync(path.join(site, 'pagefind', partFolder(part), 'pagefind-entry.json')), `part ${part}`)
    assert.ok(!existsSync(path.join(site, 'pagefind', partFolder(part), 'pagefind.js')), "a part uses the main bundle's module")
  }
  if (parts > 1) await assertSameSearches(site)

  // Nothing changed: no delta.
  assert.deepEqual(await indexSite(site, options), {pages: 8, kind: 'delta', deltaPages: 0})
  assert.equal(existsSync(path.join(site, 'pagefind', DELTA_FOLDER)), false)

  // b changed (new words, other topic), c gone, i added with the newest date, j added without one.
  writeArticle(site, {...ARTICLES[1]!, topic: 'اقتصاد', text: 'قاعدة العديد الجوية تستقبل طائرات مسيرة'})
  rmSync(path.join(site, 'articles', 'c'), {recursive: true})
  writeArticle(site, {slug: 'i', date: '2026-01-02', topic: 'دفاع', text: 'قطر توقع عقد طائرات مسيرة'})
  writeArticle(site, {slug: 'j', date: null, topic: 'سياسة', text: 'الدوحة تستضيف مؤتمرا عن قطر'})
  const second = await indexSite(site, options)
  assert.deepEqual(second, {pages: 9, kind: 'delta', deltaPages: 3})
  const descriptor = JSON.parse(readFileSync(path.join(site, 'pagefind', DELTA_FOLDER, DELTA_FILE), 'utf8')) as DeltaDescriptor
  assert.equal(descriptor.superseded.length, parts)
  assert.equal(supersededPages(descriptor).length, 2, 'b and c')
  assert.ok(
    supersededPages(descriptor).some((filters) => filters['topic']?.includes('اقتصاد') && filters['year']?.includes('2023')),
    "c's filters"
  )
  assert.match(JSON.parse(readFileSync(path.join(site, 'pagefind', STATE_FILE), 'utf8')).delta, /^[\w-]{16}$/)
  assert.ok(!existsSync(path.join(site, 'pagefind', DELTA_FOLDER, 'pagefind.js')), "the delta uses the main bundle's module")
  await assertSameSearches(site)

  // A delta that cannot be read leaves the main index searched alone, with a warning.
  const descriptorFile = path.join(site, 'pagefind', DELTA_FOLDER, DELTA_FILE)
  const kept = readFileSync(descriptorFile)
  rmSync(descriptorFile)
  const warnings: string[] = []
  const warn = console.warn
  console.warn = (message: string) => warnings.push(message)
  try {
    const opened = await openSearchIndex(path.join(site, 'pagefind'))
    assert.equal(opened.segments.length, parts)
    assert.ok(opened.segments.every((segment) => segment.kind === 'main' && segment.superseded === undefined))
    await opened.destroy()
  } finally {
    console.warn = warn
  }
  assert.match(warnings.join('\n'), /the index of the latest changes could not be opened/)
  writeFileSync(descriptorFile, kept)

  // Only a removal since the main index: the delta is the descriptor alone.
  writeArticle(site, ARTICLES[1]!)
  writeArticle(site, ARTICLES[2]!)
  rmSync(path.join(site, 'articles', 'i'), {recursive: true})
  rmSync(path.join(site, 'articles', 'j'), {recursive: true})
  rmSync(path.join(site, 'articles', 'h'), {recursive: true})
  assert.deepEqual(await indexSite(site, options), {pages: 7, kind: 'delta', deltaPages: 0})
  assert.ok(existsSync(path.join(site, 'pagefind', DELTA_FOLDER, DELTA_FILE)))
  await assertSameSearches(site)

  // More changed than the share allows: the main index is built whole again and the delta dropped.
  for (const article of ARTICLES.slice(0, 6)) writeArticle(site, {...article, text: `${article.text} بعد التعديل`})
  const third = await indexSite(site, options)
  assert.equal(third.kind, 'whole')
  assert.match(third.reason ?? '', /more than 4 \(50 % of it\)/)
  assert.equal(existsSync(path.join(site, 'pagefind', DELTA_FOLDER)), false)
  assert.deepEqual(await indexSite(site, options), {pages: 7, kind: 'delta', deltaPages: 0}, 'and the state follows it')

  // Built whole in one part (without a state): the folders of the earlier parts go.
  await indexSite(site)
  assert.equal(existsSync(path.join(site, 'pagefind', partFolder(2))), false)
  assert.equal(JSON.parse(readFileSync(path.join(site, 'pagefind', STATE_FILE), 'utf8')).parts, 1)
  await assertSameSearches(site)
}

test('a state that does not describe the bundle in the site (deleted, or another) is not used', async () => {
  const site = path.join(work, 'other')
  const stateFile = path.join(work, 'other-state.json')
  for (const article of ARTICLES.slice(0, 4)) writeArticle(site, article)
  await indexSite(site, {stateFile, deltaShare: 1})
  rmSync(path.join(site, 'pagefind'), {recursive: true})
  writeArticle(site, ARTICLES[5]!)
  const rebuilt = await indexSite(site, {stateFile, deltaShare: 1})
  assert.equal(rebuilt.kind, 'whole')
  assert.equal(rebuilt.pages, 5)
  assert.deepEqual(
    readArticlePages(site).pages.map((p) => p.sortKey),
    ['2024-03-01', '2024-03-05', '2023-11-20', '2025-09-10', '2025-01-15']
  )
})

test('readArticlePages: a page whose file has its recorded status is taken from the record, unread; any other page is read', async () => {
  const site = path.join(work, 'records')
  for (const article of ARTICLES.slice(0, 3)) writeArticle(site, article)
  const fileOf = (slug: string) => path.join(site, 'articles', slug, 'index.html')
  const slugs = ARTICLES.slice(0, 3).map((a) => a.slug)
  // Just written: read, and not recorded (a write in the same tick of a coarse clock would leave the same status).
  const fresh = readArticlePages(site)
  assert.deepEqual(fresh.records, {})
  // Written over two seconds ago: read once, then recorded. (Modification times in whole seconds,
  // so that one can be put back exactly below.)
  const past = Math.floor(Date.now() / 1000) - 60
  for (const slug of slugs) utimesSync(fileOf(slug), past, past)
  await setTimeout(2100)
  const first = readArticlePages(site)
  assert.deepEqual(first.pages, fresh.pages)
  assert.deepEqual(Object.keys(first.records).sort(), fresh.pages.map((p) => p.url).sort())
  // A record with the file's status is trusted: what it says is taken, the page is not read.
  const url = `/articles/${slugs[0]}/`
  const record = first.records[url]!
  const forged = {...first.records, [url]: [...record.slice(0, 4), ['recorded-hash', '1999']] as typeof record}
  const trusted = readArticlePages(site, forged).pages.find((p) => p.url === url)
  assert.deepEqual([trusted?.body, trusted?.sortKey], ['recorded-hash', '1999'])
  // A page written again (same size, its modification time put back) has another change time: it is read.
  writeFileSync(fileOf(slugs[0]!), readFileSync(fileOf(slugs[0]!)))
  utimesSync(fileOf(slugs[0]!), past, past)
  // Past the two seconds in which any changed page is read again: only the change time tells now.
  await setTimeout(2100)
  const again = readArticlePages(site, forged).pages.find((p) => p.url === url)
  assert.equal(again?.body, fresh.pages.find((p) => p.url === url)?.body)
  // A records file that is not one gives no records.
  const recordsFile = path.join(work, 'records-file.json')
  writePageRecords(recordsFile, first.records)
  assert.deepEqual(readPageRecords(recordsFile), first.records)
  for (const text of ['{"version":1}', '{"version":1,"pages":{"/articles/a/":[1,2,3,4,"x"]}}', '[]', '{"version":1,"pages":']) {
    writeFileSync(recordsFile, text)
    assert.deepEqual(readPageRecords(recordsFile), {}, text)
  }
  // A page gone is gone, whatever its record.
  rmSync(path.join(site, 'articles', slugs[1]!), {recursive: true})
  assert.deepEqual(
    readArticlePages(site, first.records).pages.map((p) => p.url),
    [slugs[0], slugs[2]].map((slug) => `/articles/${slug}/`).sort()
  )
})

test('indexSite keeps records that hold after a whole index in parts (linking a page changes its change time)', async () => {
  const site = path.join(work, 'linked')
  const stateFile = path.join(work, 'linked-state', 'search-index.json')
  for (const article of ARTICLES) writeArticle(site, article)
  await setTimeout(2100)
  const whole = await indexSite(site, {stateFile, deltaShare: 0.5, partPages: 3})
  assert.equal(whole.kind, 'whole')
  const records = JSON.parse(readFileSync(path.join(path.dirname(stateFile), 'search-pages.json'), 'utf8')) as {pages: Record<string, number[]>}
  assert.deepEqual(Object.keys(records.pages).sort(), readArticlePages(site).pages.map((p) => p.url).sort())
  for (const [url, record] of Object.entries(records.pages)) {
    const stats = statSync(path.join(site, url, 'index.html'))
    assert.deepEqual(record.slice(0, 4), [stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino], `${url}: the record is the page's status now`)
  }
})
