/**
 * Properties of the build itself: deterministic output, the data contract,
 * and a site served under a sub-path (DOSSIER_BASE) whose links and search work.
 */
import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import path from 'node:path'
import {describe, test} from 'node:test'
import {dossierJsonSchema} from '../../src/contract.ts'
import {buildSite, copySampleContent, launchBrowser, serve} from '../helpers/site.ts'

const readEntries = (dir: string) => new Map(readdirSync(dir).sort().map((n) => [n, readFileSync(path.join(dir, n))]))

describe('the build', () => {
  test('building twice gives byte-identical entries and dossier.json, which meets the contract', async () => {
    const content = copySampleContent()
    const first = await buildSite({content})
    const entries = readEntries(path.join(content, 'articles'))
    const second = await buildSite({content})
    assert.deepEqual(readEntries(path.join(content, 'articles')), entries)
    const json = readFileSync(path.join(first.out, 'dossier.json'), 'utf8')
    assert.equal(readFileSync(path.join(second.out, 'dossier.json'), 'utf8'), json)
    const parsed = dossierJsonSchema.safeParse(JSON.parse(json))
    assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues[0]))
    assert.match(second.stdout, /5 unchanged/)
  })

  test('a rebuild into the same folder after a source is removed leaves none of its pages and no stale search fragment', async () => {
    const content = copySampleContent()
    const first = await buildSite({content})
    type Json = {articles: Array<{slug: string; path: string; file: string}>; entities: Array<{path: string; articles: string[]}>}
    const before = JSON.parse(readFileSync(path.join(first.out, 'dossier.json'), 'utf8')) as Json
    const gone = before.articles.find((a) => a.file === 'sources/004_e5837cf2311ce5b0.txt')
    assert.ok(gone)
    const onlyThere = before.entities.filter((e) => e.articles.length === 1 && e.articles[0] === gone.slug)
    assert.ok(onlyThere.length > 0)
    rmSync(path.join(content, gone.file))
    const second = await buildSite({content, out: first.out})
    assert.match(second.stdout, /build: 4 pages searchable/)
    assert.doesNotMatch(second.stdout, /astro \(all pages\)/, 'the rebuild reuses unchanged pages')
    const after = JSON.parse(readFileSync(path.join(first.out, 'dossier.json'), 'utf8')) as Json
    for (const p of [...after.articles, ...after.entities].map((x) => x.path)) assert.ok(existsSync(path.join(first.out, p, 'index.html')), p)
    assert.equal(existsSync(path.join(first.out, gone.path)), false, `${gone.path} is removed`)
    for (const e of onlyThere) assert.equal(existsSync(path.join(first.out, e.path)), false, `${e.path} is removed`)
    assert.equal(readdirSync(path.join(first.out, 'pagefind', 'fragment')).length, 4)
  })

  test('under DOSSIER_BASE every link from the home page resolves and search results stay under the base', async () => {
    const base = '/briefing/qatar/'
    const site = await buildSite({content: copySampleContent(), base})
    const {origin, server} = await serve(site.out, base)
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage()
      const seen = new Set<string>()
      const queue = [base]
      while (queue.length > 0) {
        const next = queue.shift() as string
        if (seen.has(next)) continue
        seen.add(next)
        const response = await page.goto(`${origin}${next}`)
        assert.equal(response?.status(), 200, `${next} answers 200`)
        const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
        for (const href of hrefs) {
          const url = new URL(href)
          if (url.origin !== origin) continue
          assert.ok(url.pathname.startsWith(base), `${next} links to ${url.pathname} outside the base`)
          if (!url.pathname.endsWith('.json')) queue.push(url.pathname)
        }
        const assets = await page.locator('link[href], script[src]').evaluateAll((els) =>
          els.map((e) => (e as HTMLLinkElement).href || (e as HTMLScriptElement).src)
        )
        for (const asset of assets) assert.ok(new URL(asset).pathname.startsWith(base), `${next} loads ${asset} outside the base`)
      }
      assert.ok(seen.size >= 11, `crawled ${seen.size} pages`)
      await page.goto(`${origin}${base}search/?q=${encodeURIComponent('الدوحة')}`)
      const results = page.locator('.search-results a[href]')
      await results.first().waitFor({timeout: 15000})
      const hrefs = await results.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))
      for (const href of hrefs) assert.ok(href.startsWith(`${base}articles/`), href)
    } finally {
      await browser.close()
      server.close()
    }
  })
})
