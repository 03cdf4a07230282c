/**
 * Hostile and broken input, built into a real site beside the sample
 * articles (scripts/gen-hostile-fixtures.ts): the build finishes, every
 * rejection is named with its reason, every accepted file shows its text
 * exactly, no payload runs at build time (no marker file) or in the browser
 * (no `window.__pwned`, no changed title, no injected element), and every page
 * carries the Content-Security-Policy, which the browser never has to enforce
 * against the site's own scripts and styles (no violation reported).
 */
import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {existsSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import type {Server} from 'node:http'
import path from 'node:path'
import {after, before, describe, test} from 'node:test'
import {promisify} from 'node:util'
import type {Browser, Page} from 'playwright-core'
import {createHostileContent, type HostileCase} from '../../scripts/gen-hostile-fixtures.ts'
import {foldSpace, projectRoot} from '../helpers/samples.ts'
import {buildSite, launchBrowser, serve, tempDir, type BuiltSite} from '../helpers/site.ts'

const run = promisify(execFile)

interface DossierJson {
  articles: Array<{slug: string; path: string; file: string; title: string; duplicateOf: string | null}>
  rejected: Array<{file: string; reason: string}>
}

interface Report {
  rejected: Array<{file: string; reason: string}>
  files: Array<{file: string; removed: Array<{text: string}>}>
}

/** Every built HTML page, as a site path (`/articles/x/`). */
function htmlPages(out: string): string[] {
  return readdirSync(out, {recursive: true, withFileTypes: true})
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map((e) => `/${path.relative(out, e.parentPath).split(path.sep).join('/')}/`.replace(/^\/\/$/, '/'))
    .sort()
}

/**
 * The start tags of an HTML document, as written (`<script src="…">`), read
 * with quoted attribute values skipped, so a `<script>` inside an attribute's
 * text is not taken for a tag. Enough for the site's own, well-formed output.
 */
function startTags(html: string): string[] {
  const tags: string[] = []
  let i = 0
  while ((i = html.indexOf('<', i)) !== -1) {
    if (!/[a-zA-Z]/.test(html[i + 1] ?? '')) {
      i++
      continue
    }
    let j = i + 1
    let quote: string | null = null
    for (; j < html.length; j++) {
      const ch = html[j]
      if (quote) {
        if (ch === quote) quote = null
      } else if (ch === '"' || ch === "'") quote = ch
      else if (ch === '>') break
    }
    const tag = html.slice(i, j + 1)
    tags.push(tag)
    // Script contents are not markup: skip to the end tag.
    i = /^<script\b/i.test(tag) ? html.indexOf('</script>', j) : j + 1
    if (i === -1) break
  }
  return tags
}

describe('hostile and broken input in a built site', () => {
  let site: BuiltSite
  let cases: HostileCase[]
  let dossier: DossierJson
  let report: Report
  let origin: string
  let server: Server
  let browser: Browser
  const marker = path.join(tempDir('marker'), 'pwned')

  before(async () => {
    const created = createHostileContent({marker, large: false})
    cases = created.cases
    site = await buildSite({content: created.content})
    dossier = JSON.parse(readFileSync(path.join(site.out, 'dossier.json'), 'utf8')) as DossierJson
    report = JSON.parse(readFileSync(path.join(site.content, '.build', 'report.json'), 'utf8')) as Report
    ;({origin, server} = await serve(site.out, site.base))
    browser = await launchBrowser()
  })

  after(async () => {
    await browser?.close()
    server?.close()
    // The content folder holds an 8 MiB file: do not leave one behind per run.
    if (site) for (const dir of [site.content, site.out]) rmSync(dir, {recursive: true, force: true})
  })

  const pageOf = (file: string) => dossier.articles.find((a) => a.file === file)

  /**
   * A browser tab that collects, per visit, console errors, uncaught
   * exceptions and every Content-Security-Policy violation the browser reports.
   */
  async function tab(): Promise<{page: Page; visit: (url: string) => Promise<string[]>}> {
    const page = await browser.newPage()
    let problems: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`)
    })
    page.on('pageerror', (e) => problems.push(`exception: ${e.message}`))
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const w = window as unknown as {__violations?: string[]}
        ;(w.__violations ??= []).push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`)
      })
    })
    const visit = async (url: string) => {
      problems = []
      const response = await page.goto(`${origin}${url}`)
      assert.equal(response?.status(), 200, `${url} answers 200`)
      return problems
    }
    return {page, visit}
  }

  /** After the page settled: no payload ran, nothing was injected, no violation. */
  async function assertClean(page: Page, problems: string[], url: string): Promise<void> {
    const state = await page.evaluate(() => {
      const w = window as unknown as {__pwned?: unknown; __violations?: string[]}
      return {
        pwned: w.__pwned ?? null,
        title: document.title,
        violations: w.__violations ?? [],
        injected: [
          ...document.querySelectorAll('script:not([src]):not([type="application/json"]), main style, main img, main svg, main iframe, main object, main embed, [onerror], [onload], [onclick]')
        ].map((e) => e.outerHTML.slice(0, 80)),
        foreignScripts: [...document.querySelectorAll('script[src]')]
          .map((e) => new URL((e as HTMLScriptElement).src))
          .filter((u) => u.origin !== location.origin || !/^\/(_astro|pagefind)\//.test(u.pathname))
          .map((u) => u.href),
        scriptLinks: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '').filter((h) => /^\s*(javascript|data|vbscript):/i.test(h))
      }
    })
    assert.equal(state.pwned, null, `${url}: an injected script ran`)
    assert.notEqual(state.title, 'pwned', `${url}: an injected script changed the title`)
    assert.deepEqual(state.injected, [], `${url}: article text became elements`)
    assert.deepEqual(state.scriptLinks, [], `${url}: a link runs script`)
    assert.deepEqual(state.foreignScripts, [], `${url}: a script that is not the site's own`)
    assert.deepEqual(state.violations, [], `${url}: Content-Security-Policy violations`)
    assert.deepEqual(problems, [], `${url}: console errors`)
  }

  test('the build finishes; dossier.json, the report and the build output name every rejected file with its reason', () => {
    for (const c of cases.filter((x) => x.expect === 'rejected')) {
      const listed = dossier.rejected.find((r) => r.file === c.file)
      assert.ok(listed, `${c.file} (${c.about}) is listed as rejected`)
      assert.match(listed.reason, new RegExp(c.reason ?? ''), c.file)
      assert.ok(site.stdout.includes(`rejected ${c.file}: ${listed.reason}`), `the build output names ${c.file}`)
    }
    assert.deepEqual(dossier.rejected, report.rejected)
    assert.deepEqual(
      dossier.rejected.map((r) => r.file).sort(),
      cases.filter((c) => c.expect === 'rejected').map((c) => c.file).sort(),
      'nothing else is rejected'
    )
  })

  test('every source file is a page or a rejection; pages live at their ASCII slug and nowhere else', () => {
    const sources = readdirSync(path.join(site.content, 'sources'))
    const sidecarsOfSources = sources.filter((n) => n.endsWith('.meta.yaml') && sources.some((s) => s !== n && s.replace(/\.[^.]+$/, '.meta.yaml') === n))
    assert.equal(dossier.articles.length + dossier.rejected.length, sources.length - sidecarsOfSources.length)
    for (const c of cases.filter((x) => x.expect === 'page')) assert.ok(pageOf(c.file), `${c.file} (${c.about}) has a page`)
    const built = readdirSync(path.join(site.out, 'articles')).filter((n) => !n.includes('.')).sort()
    assert.deepEqual(built, dossier.articles.map((a) => a.slug).sort())
    for (const a of dossier.articles) {
      assert.match(a.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/)
      assert.equal(a.path, `/articles/${a.slug}/`)
    }
    for (const c of cases.filter((x) => x.slug)) assert.equal(pageOf(c.file)?.slug, c.slug, c.file)
    assert.ok(!readdirSync(site.out, {recursive: true}).some((p) => String(p).includes('passwd')), 'no path from a sidecar value')
  })

  test('no payload ran at build time: the marker file does not exist', () => {
    assert.equal(existsSync(marker), false)
  })

  test('every page carries the Content-Security-Policy first in <head>, the same one _headers sends, and no inline script or style', () => {
    const headers = readFileSync(path.join(site.out, '_headers'), 'utf8')
    const headerPolicy = /^\s+Content-Security-Policy: (.+)$/m.exec(headers)?.[1] ?? ''
    assert.match(headerPolicy, /script-src 'self' 'wasm-unsafe-eval';/)
    assert.doesNotMatch(headerPolicy, /'unsafe-inline'|'unsafe-eval'|\*/)
    const pages = htmlPages(site.out)
    assert.ok(pages.length > dossier.articles.length, `${pages.length} pages`)
    for (const url of pages) {
      const html = readFileSync(path.join(site.out, url, 'index.html'), 'utf8')
      const head = html.slice(0, html.indexOf('</head>'))
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(head)
      assert.ok(meta, `${url} has the policy`)
      assert.equal(`${meta[1]}; frame-ancestors 'none'`, headerPolicy, `${url}: the meta policy is the _headers one`)
      const first = head.search(/<(script|link|style)\b/)
      assert.ok(first === -1 || meta.index < first, `${url}: the policy comes before any script or stylesheet`)
      const tags = startTags(html)
      for (const script of tags.filter((t) => /^<script\b/i.test(t))) {
        assert.match(script, /\ssrc="|\stype="application\/json"/, `${url}: inline script ${script}`)
      }
      // Tag and attribute names only (values, article text among them, blanked): no <style>, no style="".
      const styled = tags.map((t) => t.replace(/"[^"]*"|'[^']*'/g, '""')).filter((t) => /^<style\b/i.test(t) || /\sstyle=/i.test(t))
      assert.deepEqual(styled, [], `${url}: inline style`)
    }
  })

  test('strict mode (--strict or DOSSIER_STRICT=1) fails the build on these rejections', async () => {
    const env = {...process.env, DOSSIER_CONTENT: site.content, DOSSIER_OUT: tempDir('strict')}
    const script = path.join(projectRoot, 'scripts', 'build.ts')
    for (const [args, extra] of [[['--strict'], {}], [[], {DOSSIER_STRICT: '1'}]] as const) {
      await assert.rejects(run(process.execPath, [script, ...args], {cwd: projectRoot, env: {...env, ...extra}, maxBuffer: 64 * 1024 * 1024}), (error: {code?: number; stderr?: string}) => {
        assert.equal(error.code, 1)
        assert.match(error.stderr ?? '', new RegExp(`strict mode: ${dossier.rejected.length} file\\(s\\) rejected`))
        return true
      })
    }
  })

  test('copies are marked as duplicates, shown on the original, kept out of listings and search', async () => {
    const duplicates = Object.fromEntries(dossier.articles.filter((a) => a.duplicateOf).map((a) => [a.file, a.duplicateOf]))
    assert.deepEqual(duplicates, {'sources/copy-of-000.txt': '000-343249e2', 'sources/near-copy-of-001.txt': '001-ae05557b'})
    const copy = pageOf('sources/copy-of-000.txt')
    assert.ok(copy)
    const copyHtml = readFileSync(path.join(site.out, 'articles', copy.slug, 'index.html'), 'utf8')
    assert.doesNotMatch(copyHtml, /data-pagefind-body/, 'a duplicate is not indexed for search')
    const original = readFileSync(path.join(site.out, 'articles', '000-343249e2', 'index.html'), 'utf8')
    assert.ok(original.includes(`href="/articles/${copy.slug}/"`), 'the original links to its copy')
    const {page, visit} = await tab()
    await visit('/articles/')
    const listed = await page.locator('.article-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    assert.ok(!listed.includes(copy.path), 'a duplicate is not listed')
    assert.equal(listed.filter((h) => h === '/articles/000-343249e2/').length, 1, 'the original is listed once')
    await page.close()
  })

  test('every accepted file shows its title and text exactly, and nothing in it runs (browser)', async () => {
    const {page, visit} = await tab()
    for (const c of cases.filter((x) => x.expect === 'page' && !x.duplicateOf)) {
      const entry = pageOf(c.file)
      assert.ok(entry, c.file)
      const removed = new Set(report.files.find((f) => f.file === c.file)?.removed.map((b) => foldSpace(b.text)) ?? [])
      const problems = await visit(entry.path)
      const text = foldSpace(await page.locator('article').innerText())
      for (const line of c.lines ?? []) {
        if (removed.has(foldSpace(line))) continue
        assert.ok(text.includes(foldSpace(line)), `${c.file}: the page shows «${line.slice(0, 80)}»`)
      }
      if (c.title) {
        assert.equal(foldSpace(await page.locator('article h1').innerText()), foldSpace(c.title), `${c.file}: title`)
        assert.ok((await page.title()).startsWith(c.title), `${c.file}: <title>`)
      }
      assert.ok((await page.locator('aside').innerText()).includes(c.file), `${c.file}: the source file name is shown as text`)
      await assertClean(page, problems, entry.path)
    }
    await page.close()
  })

  test('a page of every other kind and the search page: nothing runs, no violation; search shows payloads as text', async () => {
    // One page of each kind (home, lists, one topic, entity, outlet...): the policy's effect is per template.
    const kinds = new Map<string, string>()
    for (const url of htmlPages(site.out)) {
      const parts = url.split('/').filter(Boolean)
      const kind = parts.length > 1 ? `${parts[0]}/*` : url
      if (!url.startsWith('/articles/') && !kinds.has(kind)) kinds.set(kind, url)
    }
    assert.ok(kinds.size >= 6, [...kinds.values()].join(' '))
    const {page, visit} = await tab()
    for (const url of kinds.values()) await assertClean(page, await visit(url), url)
    // Search for words of the payloads: results and excerpts render, as text, under the policy.
    const problems = await visit(`/search/?q=${encodeURIComponent('pwned')}`)
    await page.locator('.search-results a').first().waitFor({timeout: 15000})
    const hrefs = await page.locator('.search-results a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))
    assert.ok(hrefs.includes(`/articles/${pageOf('sources/injection.txt')?.slug}/`), `results: ${hrefs.join(', ')}`)
    assert.ok((await page.locator('.search-results').innerText()).includes('pwned'))
    await assertClean(page, problems, '/search/?q=pwned')
    // The article opened from a search, with its words highlighted: still text.
    const injection = pageOf('sources/injection.txt')?.path ?? ''
    const highlighted = await visit(`${injection}?q=${encodeURIComponent('script')}`)
    await page.locator('article mark').first().waitFor({timeout: 10000})
    await assertClean(page, highlighted, `${injection}?q=script`)
    await page.close()
  })
})
