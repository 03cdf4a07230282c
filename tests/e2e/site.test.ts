/**
 * The sample dossier, built and served, in Chromium: home, article pages,
 * search, direction, console errors; and the build's outputs on disk.
 */
import assert from 'node:assert/strict'
import {readdirSync, readFileSync} from 'node:fs'
import type {Server} from 'node:http'
import path from 'node:path'
import {after, before, describe, test} from 'node:test'
import type {Browser, Page} from 'playwright-core'
import {foldSpace, sampleLines, sampleNames} from '../helpers/samples.ts'
import {buildSite, copySampleContent, launchBrowser, serve, type BuiltSite} from '../helpers/site.ts'

interface DossierJson {
  schema: number
  title: string
  articles: Array<{slug: string; path: string; file: string; title: string; lang: string; date: string | null; topics: string[]; duplicateOf: string | null}>
  topics: Array<{slug: string; path: string; articles: string[]}>
  timeline: Array<{date: string; article: string}>
  rejected: Array<{file: string; reason: string}>
}

describe('the sample dossier site', () => {
  let site: BuiltSite
  let origin: string
  let server: Server
  let browser: Browser
  let dossier: DossierJson

  before(async () => {
    site = await buildSite({content: copySampleContent()})
    ;({origin, server} = await serve(site.out, site.base))
    browser = await launchBrowser()
    dossier = JSON.parse(readFileSync(path.join(site.out, 'dossier.json'), 'utf8')) as DossierJson
  })

  after(async () => {
    await browser?.close()
    server?.close()
  })

  /** Open a page and collect console errors and uncaught exceptions on it. */
  async function open(url: string): Promise<{page: Page; errors: string[]}> {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    page.on('pageerror', (e) => errors.push(e.message))
    const response = await page.goto(`${origin}${url}`)
    assert.equal(response?.status(), 200, `${url} answers 200`)
    return {page, errors}
  }

  test('the build writes the pages the contract names', () => {
    assert.equal(dossier.schema, 1)
    assert.equal(dossier.articles.length, 5)
    const files = (p: string) => readdirSync(path.join(site.out, p))
    assert.ok(files('').includes('index.html'))
    assert.equal(files('articles').filter((f) => !f.includes('.')).length, 5)
    assert.ok(files('search').includes('index.html'))
    for (const topic of dossier.topics) assert.ok(files(`topics/${topic.slug}`).includes('index.html'))
    assert.ok(files('pagefind').includes('pagefind.js'))
  })

  test('the home page lists the 5 articles, is Arabic and right-to-left, without console errors', async () => {
    const {page, errors} = await open('/')
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl')
    assert.equal(await page.getAttribute('html', 'lang'), 'ar')
    const links = await page.locator('.article-list > li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    assert.deepEqual(new Set(links), new Set(dossier.articles.map((a) => a.path)))
    assert.equal(links.length, 5)
    assert.deepEqual(errors, [])
    await page.close()
  })

  test('every article page shows every line of its source but the furniture the report lists', async () => {
    const report = JSON.parse(readFileSync(path.join(site.content, '.build', 'report.json'), 'utf8')) as {
      files: Array<{file: string; removed: Array<{fromLine: number; toLine: number}>}>
    }
    for (const name of sampleNames()) {
      const entry = dossier.articles.find((a) => a.file === `sources/${name}`)
      assert.ok(entry, `${name} has an entry`)
      const removed = report.files.find((f) => f.file === `sources/${name}`)?.removed ?? []
      const isRemoved = (n: number) => removed.some((r) => n >= r.fromLine && n <= r.toLine)
      const {page, errors} = await open(entry.path)
      assert.equal(await page.getAttribute('html', 'dir'), 'rtl')
      const text = foldSpace(await page.locator('article').innerText())
      for (const {text: line, line: n} of sampleLines(name)) {
        if (isRemoved(n)) {
          if (line.length > 20) assert.ok(!text.includes(foldSpace(line)), `${name}:${n} is furniture and not shown`)
        } else {
          assert.ok(text.includes(foldSpace(line)), `${name}:${n}: the page shows «${line.slice(0, 60)}…»`)
        }
      }
      assert.deepEqual(errors, [], `${entry.path} has no console errors`)
      await page.close()
    }
  })

  test('Latin runs inside Arabic paragraphs are isolated', async () => {
    const entry = dossier.articles.find((a) => a.file === 'sources/004_e5837cf2311ce5b0.txt')
    assert.ok(entry)
    const {page} = await open(entry.path)
    const runs = await page.locator('article bdi[dir="ltr"]').allInnerTexts()
    assert.ok(runs.includes('CENTCOM'), `runs: ${runs.join(' | ')}`)
    assert.ok(runs.includes('F-15 QA'), `runs: ${runs.join(' | ')}`)
    await page.close()
  })

  test('searching الدوحة in the search box shows results that link to article pages', async () => {
    const {page, errors} = await open('/search/')
    await page.locator('#search-input').fill('الدوحة')
    const results = page.locator('.search-results a[href*="/articles/"]')
    await results.first().waitFor({timeout: 15000})
    const hrefs = await results.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))
    assert.ok(hrefs.length >= 4, `results: ${hrefs.join(', ')}`)
    for (const href of hrefs) assert.ok(dossier.articles.some((a) => a.path === href), `${href} is an article page`)
    assert.deepEqual(errors, [])
    await page.close()
  })

  test('the header search box sends the query to the search page', async () => {
    const {page} = await open('/topics/')
    await page.locator('header input[type=search]').fill('قاعدة العديد')
    await page.locator('header input[type=search]').press('Enter')
    await page.waitForURL(/\/search\/\?q=/)
    await page.locator('.search-results a[href*="/articles/"]').first().waitFor({timeout: 15000})
    await page.close()
  })

  test('topic pages list their articles, newest first', async () => {
    for (const topic of dossier.topics) {
      const {page} = await open(topic.path)
      const links = await page.locator('.article-list > li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
      assert.deepEqual(new Set(links), new Set(topic.articles.map((slug) => dossier.articles.find((a) => a.slug === slug)?.path)))
      await page.close()
    }
  })

  test('the timeline reads without JavaScript: its years oldest first, the pages of each year oldest first, each item linking to its sentence', async () => {
    const context = await browser.newContext({javaScriptEnabled: false})
    const page = await context.newPage()
    await page.goto(`${origin}/timeline/`)
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl')
    const yearLinks = await page.locator('.timeline-years a').evaluateAll((as) => as.map((a) => ({year: a.textContent ?? '', href: a.getAttribute('href') ?? ''})))
    const years = yearLinks.map((y) => y.year)
    assert.deepEqual(years, [...years].sort())
    assert.ok(years.includes('1992') && years.includes('2025'))
    // Every page of every year, through the pagers' "next" links: all dated sentences of the listed articles, in order.
    const dates: string[] = []
    const links: string[] = []
    for (const {year, href} of yearLinks) {
      let next: string | null = href
      while (next) {
        await page.goto(`${origin}${next}`)
        const onPage = await page.locator('.timeline time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''))
        assert.ok(onPage.length > 0 && onPage.every((d) => d.startsWith(year)), `${next} lists dates of ${year}`)
        dates.push(...onPage)
        links.push(...(await page.locator('.timeline a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))))
        const nextLink = page.locator('.page-nav a[rel=next]')
        next = (await nextLink.count()) > 0 ? await nextLink.getAttribute('href') : null
      }
    }
    assert.deepEqual(dates, [...dates].sort())
    const listed = new Set(dossier.articles.filter((a) => a.duplicateOf === null).map((a) => a.slug))
    assert.equal(dates.length, dossier.timeline.filter((t) => listed.has(t.article)).length)
    assert.ok(links.length >= 8)
    for (const href of links.slice(0, 5)) {
      const [pathname, anchor] = href.split('#')
      await page.goto(`${origin}${pathname}`)
      assert.equal(await page.locator(`[id="${anchor}"]`).count(), 1, `${href} points at a paragraph`)
    }
    await context.close()
  })

  test('an entity page lists its articles and shows a quote carried by three articles once, with its sources', async () => {
    const {page, errors} = await open('/entities/marco-rubio/')
    assert.equal(await page.locator('h1').innerText(), 'ماركو روبيو')
    assert.equal(await page.locator('#mentions + ol > li').count(), 4)
    const quotes = page.locator('.quotes > li')
    const partnership = quotes.filter({hasText: 'لدينا شراكة وثيقة مع القطريين'})
    assert.equal(await partnership.count(), 1)
    assert.equal(await partnership.locator('.quote-by a').count(), 3)
    assert.deepEqual(errors, [])
    await page.close()
  })

  test('article pages link entity mentions, and outlet pages list what an outlet published and who cites it', async () => {
    const entry = dossier.articles.find((a) => a.file === 'sources/004_e5837cf2311ce5b0.txt')
    assert.ok(entry)
    const {page} = await open(entry.path)
    const link = page.locator('article a[data-entity]', {hasText: 'بلينكن'}).first()
    await link.click()
    await page.waitForURL(/\/entities\/antony-blinken\/$/)
    await page.goto(`${origin}${entry.path}`)
    await page.locator('.meta a.outlet').click()
    await page.waitForURL(/\/outlets\//)
    assert.equal(await page.locator('h1').innerText(), 'روسيا اليوم')
    assert.equal(await page.locator('.article-list > li').count(), 1)
    await page.close()
  })

  test('the build report and dossier.json account for the removed furniture and the extracted facts', () => {
    const json = dossier as unknown as {timeline: Array<{date: string}>; entities: Array<{id: string; articles: string[]}>; articles: Array<{file: string; quotes: unknown[]; outlet: string | null}>}
    assert.ok(json.timeline.length >= 8)
    assert.deepEqual(json.timeline.map((t) => t.date), json.timeline.map((t) => t.date).sort())
    assert.deepEqual(json.entities.find((e) => e.id === 'donald-trump')?.articles, ['000-343249e2', '001-ae05557b'])
    assert.equal(json.articles.find((a) => a.file.startsWith('sources/004'))?.outlet, 'روسيا اليوم')
    const report = JSON.parse(readFileSync(path.join(site.content, '.build', 'report.json'), 'utf8')) as {files: Array<{file: string; removed: Array<{reason: string}>}>}
    const removed = report.files.find((f) => f.file === 'sources/004_e5837cf2311ce5b0.txt')?.removed ?? []
    assert.equal(removed.length, 5)
  })
})

