import assert from 'node:assert/strict'
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'node:test'
import {gzipSync} from 'node:zlib'
import {runMeasured} from '../../../src/bench/measure.ts'
import {checkBudgets, parseBuildOutput, type BenchResult} from '../../../src/bench/report.ts'
import {articlePageTransfers, directorySize, firstSearch, fonts, linkedAssets} from '../../../src/bench/site.ts'
import {indexSite} from '../../../src/build/pagefind.ts'

// The head of a built article page, as Astro writes it (src/layouts/Base.astro).
const head =
  '<!DOCTYPE html><html lang="ar" dir="rtl"> <head><meta charset="utf-8"><title>روبيو: اتفاق دفاعي معزز مع قطر</title>' +
  '<link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/_astro/Base.D0F1CiE1.css"></head>'

test('linkedAssets finds the stylesheets and scripts of a page, not its icon', () => {
  const html = `${head}<body><script type="module" src="/_astro/page.gqsvOoKX.js"></script></body></html>`
  assert.deepEqual(linkedAssets(html), {styles: ['/_astro/Base.D0F1CiE1.css'], scripts: ['/_astro/page.gqsvOoKX.js']})
})

test('article pages: the median by HTML + CSS gzip, the stylesheet counted in each; fonts once', async () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'dossier-bench-site-'))
  try {
    mkdirSync(path.join(dist, '_astro'))
    const css = `@font-face{font-family:Naskh;src:url(/_astro/naskh.woff2) format("woff2"),url(/_astro/naskh.woff) format("woff")}body{direction:rtl}`
    writeFileSync(path.join(dist, '_astro', 'Base.D0F1CiE1.css'), css)
    writeFileSync(path.join(dist, '_astro', 'naskh.woff2'), Buffer.alloc(5000))
    writeFileSync(path.join(dist, '_astro', 'naskh.woff'), Buffer.alloc(9000))
    const paragraph = '<p>قال وزير الخارجية الأمريكي ماركو روبيو اليوم الثلاثاء إن قطر والولايات المتحدة تقتربان من وضع اللمسات النهائية على اتفاق معزّز للتعاون الدفاعي.</p>'
    for (const [slug, paragraphs] of [['a', 1], ['b', 20], ['c', 200]] as const) {
      mkdirSync(path.join(dist, 'articles', slug), {recursive: true})
      writeFileSync(path.join(dist, 'articles', slug, 'index.html'), `${head}<body>${paragraph.repeat(paragraphs)}</body></html>`)
    }
    const pages = await articlePageTransfers(dist)
    assert.equal(pages.count, 3)
    assert.equal(pages.median?.path, '/articles/b/')
    assert.equal(pages.largest?.path, '/articles/c/')
    const cssGzip = gzipSync(Buffer.from(css)).length
    assert.equal(pages.median?.cssGzip, cssGzip)
    assert.equal(pages.median?.total, (pages.median?.htmlGzip ?? 0) + cssGzip)
    assert.ok((pages.median?.htmlGzip ?? 0) < (pages.median?.htmlBytes ?? 0))
    assert.deepEqual(await fonts(dist), {files: 1, bytes: 5000})
    const size = await directorySize(dist)
    assert.equal(size.files, 6)
    assert.ok(size.bytes > 14_000)
  } finally {
    rmSync(dist, {recursive: true, force: true})
  }
})

test('budgets: the single-process build counts when there is one, else the stages', () => {
  const stage = {wallMs: 1000, articlesPerSecond: 10_000, peakRssBytes: 1e9}
  const full = {wallMs: 10_000, peakRssBytes: 2e9, stages: {ingest: 1500, astro: 8000, pagefind: 500}, ingestReportedMs: 1400, astroAllPages: false, searchDeltaPages: null}
  const result = {
    cold: {ingest: stage, astro: stage, pagefind: stage, total: {wallMs: 3000, articlesPerSecond: 3333, peakRssBytes: 1e9}},
    coldFull: {...full, wallMs: 130_000},
    addOne: {...full, file: 'x.txt'},
    site: {medianArticlePage: {path: '/articles/x/', htmlBytes: 90_000, htmlGzip: 30_000, cssGzip: 12_000, jsGzip: 0, total: 42_000}}
  } as unknown as Omit<BenchResult, 'budgets'>
  const checks = new Map(checkBudgets(result).map((c) => [c.name, c.pass]))
  assert.equal(checks.get('cold full build'), false)
  assert.equal(checks.get('peak memory'), true)
  assert.equal(checks.get('add one article and rebuild'), true)
  assert.equal(checks.get('… of which the ingest step'), true)
  assert.equal(checks.get('ingest alone, cold'), true)
  assert.equal(checks.get('median article page (HTML + CSS, gzip)'), false)
  const withoutFull = new Map(checkBudgets({...result, coldFull: null}).map((c) => [c.name, c.pass]))
  assert.equal(withoutFull.get('cold full build'), true)
})

test('runMeasured sees the peak memory of a child and of the child it starts', {skip: !existsSync('/proc/self/status')}, async () => {
  // The child starts a grandchild that holds 200 MB for a moment; the parent itself stays small.
  const grandchild = 'const b = Buffer.alloc(200 * 1024 * 1024, 1); setTimeout(() => console.log(b[0]), 600)'
  const child = `require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(grandchild)}], {stdio: 'inherit'})`
  const run = await runMeasured(process.execPath, ['-e', child], {cwd: process.cwd(), env: process.env, pollMs: 20})
  assert.equal(run.code, 0)
  assert.equal(run.stdout.trim(), '1')
  assert.ok((run.peakRssBytes ?? 0) > 200 * 1024 * 1024, `peak ${run.peakRssBytes}`)
  assert.ok(run.wallMs >= 600)
})

test('parseBuildOutput reads the stage times, a render of every page and the search delta from what the build printed', () => {
  // As scripts/build.ts printed them in the 10,000-article bench.
  const incremental = parseBuildOutput(
    'ingest: 10001 articles (1 written, 10000 unchanged, 0 stale removed), 0 rejected, in 3.98 s (10000 from cache, 1 read)\n' +
      'build: 9652 pages searchable in ../dist/ (ingest 4.0 s, astro 15.5 s, pagefind (1 changed pages) 0.6 s)\n'
  )
  assert.deepEqual(incremental, {stages: {ingest: 4000, astro: 15500, pagefind: 600}, ingestReportedMs: 3980, astroAllPages: false, searchDeltaPages: 1})
  const whole = parseBuildOutput('ingest: 5 articles (5 written), 0 rejected, in 1.20 s\nbuild: 5 pages searchable in dist/ (ingest 1.3 s, astro (all pages) 9.1 s, pagefind 1.4 s)\n')
  assert.deepEqual(whole, {stages: {ingest: 1300, astro: 9100, pagefind: 1400}, ingestReportedMs: 1200, astroAllPages: true, searchDeltaPages: null})
  assert.equal(parseBuildOutput('nothing printed').astroAllPages, null)
})

test('the first search counts what the search page fetches from every part of the index, and finds what one index finds', async () => {
  const work = mkdtempSync(path.join(tmpdir(), 'dossier-bench-search-'))
  try {
    const sites = ['whole', 'parts'].map((name) => path.join(work, name))
    const texts = ['التعاون الدفاعي بين قطر وواشنطن', 'التعاون الدفاعي في قاعدة العديد', 'زيارة إلى الدوحة', 'اتفاق التعاون الدفاعي الجديد', 'الغاز القطري']
    for (const site of sites) {
      texts.forEach((text, i) => {
        mkdirSync(path.join(site, 'articles', `a${i}`), {recursive: true})
        writeFileSync(
          path.join(site, 'articles', `a${i}`, 'index.html'),
          `<!doctype html><html lang="ar"><head><meta charset="utf-8"></head><body><article data-pagefind-body><h1 data-pagefind-meta="title">a${i}</h1>` +
            `<span hidden data-pagefind-sort="date:2025-0${i + 1}-01"></span><span hidden data-pagefind-filter="year:2025"></span><p>${text}</p></article></body></html>`
        )
      })
    }
    await indexSite(sites[0] as string)
    await indexSite(sites[1] as string, {partPages: 2})
    // One after the other: each counts what it fetches through the global fetch.
    const whole = await firstSearch(sites[0] as string, 'التعاون الدفاعي')
    const parts = await firstSearch(sites[1] as string, 'التعاون الدفاعي')
    assert.equal(whole.results, 3)
    assert.equal(parts.results, 3)
    assert.equal(whole.files['wasm'], 1)
    assert.equal(parts.files['wasm'], 3, "each of the three parts' wasm (Pagefind fetches it from each part's folder)")
    assert.equal(parts.files['meta'], 3)
    assert.ok(parts.total > whole.total)
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
})
