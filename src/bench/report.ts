/**
 * The benchmark's result: its shape (what `--json` prints), the issue's
 * budgets checked against it, and the report people read.
 */
import type {PageTransfer, SearchDownload} from './site.ts'

/** One measured stage. */
export interface StageResult {
  wallMs: number
  /** Corpus articles per second of wall time (articles, not pages). */
  articlesPerSecond: number
  /** Peak resident memory of the stage's process tree, bytes (null without /proc). */
  peakRssBytes: number | null
}

/** Everything one benchmark run measured. */
export interface BenchResult {
  articles: number
  seed: number
  machine: {
    cpus: number
    cpuModel: string
    memoryBytes: number
    node: string
    platform: string
    /** 1-minute load average when the run started and when it ended: other work on the machine skews the times. */
    loadAverage: {start: number; end: number}
  }
  corpus: {
    files: number
    bytes: number
    generateMs: number
    words: {min: number; median: number; max: number}
    nearDuplicates: number
    duplicates: number
    sidecars: number
  }
  /** Entity extraction (registry, rules, tagger) on one core, in this process. */
  extraction: {bytes: number; ms: number; mbPerSecond: number}
  /** Each stage in a process of its own; `total` sums their times, its peak is the largest stage's. */
  cold: {ingest: StageResult; astro: StageResult; pagefind: StageResult; total: StageResult}
  /** The same cold build as one `scripts/build.ts` process (as `npm run build`), unless skipped with --quick. */
  coldFull: FullBuild | null
  /** What the build made of the corpus (from dist/dossier.json). */
  built: {articles: number; rejected: number; duplicatesMarked: number; withTopics: number; entities: number; pagesIndexed: number | null}
  site: {
    distBytes: number
    distFiles: number
    articlePages: number
    medianArticlePage: PageTransfer | null
    largestArticlePage: PageTransfer | null
    fonts: {files: number; bytes: number}
    firstSearch: SearchDownload
  }
  addOne: FullBuild & {file: string}
  budgets: BudgetCheck[]
}

/** A whole `scripts/build.ts` run. */
export interface FullBuild {
  wallMs: number
  peakRssBytes: number | null
  /** Stage times the build printed, ms. */
  stages: {ingest: number | null; astro: number | null; pagefind: number | null}
  /** The ingest's own time as it printed it (without process start and imports), ms. */
  ingestReportedMs: number | null
  /** True when Astro rendered every page again (its code or settings changed), false when it reused unchanged ones. */
  astroAllPages: boolean | null
  /** Pages indexed into the search index's delta (src/build/search-delta.ts); null when every page was indexed. */
  searchDeltaPages: number | null
}

/**
 * What a `scripts/build.ts` run printed: its stage times from the last line ("build: … (ingest
 * 1.1 s, astro 4.7 s, pagefind (3 changed pages) 0.2 s)") and the ingest's own time.
 */
export function parseBuildOutput(stdout: string): Omit<FullBuild, 'wallMs' | 'peakRssBytes'> {
  const seconds = (label: string, text: string) => {
    // "astro 4.7 s" or "astro (all pages) 12.0 s"
    const match = new RegExp(`${label}(?: \\([^)]*\\))? ([\\d.]+) s`).exec(text)
    return match ? Number(match[1]) * 1000 : null
  }
  const buildLine = stdout.split('\n').find((line) => line.startsWith('build:')) ?? ''
  const ingestLine = stdout.split('\n').find((line) => line.startsWith('ingest:')) ?? ''
  const delta = /pagefind \((\d+) changed pages\)/.exec(buildLine)
  return {
    stages: {ingest: seconds('ingest', buildLine), astro: seconds('astro', buildLine), pagefind: seconds('pagefind', buildLine)},
    ingestReportedMs: seconds('in', ingestLine),
    astroAllPages: buildLine === '' ? null : buildLine.includes('astro (all pages)'),
    searchDeltaPages: delta ? Number(delta[1]) : null
  }
}

/** One budget of the issue, checked. */
export interface BudgetCheck {
  name: string
  limit: string
  measured: string
  pass: boolean
  /** Budgets are set for this corpus size; a check at another size is indicative only. */
  appliesAt: number
}

const budgetSize = 10_000

/** Check the issue's budgets (set for 10,000 articles) against a result. */
export function checkBudgets(result: Omit<BenchResult, 'budgets'>): BudgetCheck[] {
  const checks: BudgetCheck[] = []
  const add = (name: string, limit: string, measured: string, pass: boolean) => checks.push({name, limit, measured, pass, appliesAt: budgetSize})
  // The single-process build is what `npm run build` does; without it, the stages stand in.
  const coldMs = result.coldFull?.wallMs ?? result.cold.total.wallMs
  add('cold full build', '≤ 120 s', seconds(coldMs), coldMs <= 120_000)
  const peak = result.coldFull?.peakRssBytes ?? result.cold.total.peakRssBytes
  add('peak memory', '≤ 3 GB', peak === null ? 'unknown' : bytes(peak), peak !== null && peak <= 3 * 1024 ** 3)
  add('add one article and rebuild', '≤ 20 s', seconds(result.addOne.wallMs), result.addOne.wallMs <= 20_000)
  const ingestStep = result.addOne.stages.ingest
  add('… of which the ingest step', '≤ 2 s', ingestStep === null ? 'unknown' : seconds(ingestStep), ingestStep !== null && ingestStep <= 2000)
  add('ingest alone, cold', '≥ 300 articles/s', `${result.cold.ingest.articlesPerSecond.toFixed(0)} articles/s`, result.cold.ingest.articlesPerSecond >= 300)
  const page = result.site.medianArticlePage
  add('median article page (HTML + CSS, gzip)', '≤ 40 KB', page ? bytes(page.total) : 'none', page !== null && page.total <= 40 * 1024)
  return checks
}

/** "12.3 s". */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

/** "1.2 MB", "340 KB", "512 B" (binary multiples: KB = 1,024 bytes). */
export function bytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(2)} GB`
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${n} B`
}

const pad = (text: string, width: number) => text.padStart(width)

function formatFull(run: FullBuild): string {
  const stage = (ms: number | null) => (ms === null ? '?' : seconds(ms))
  return (
    `${seconds(run.wallMs)}, peak RSS ${run.peakRssBytes === null ? 'unknown' : bytes(run.peakRssBytes)}; ` +
    `stages as the build printed them: ingest ${stage(run.stages.ingest)} (its own count ${stage(run.ingestReportedMs)}), astro ${stage(run.stages.astro)}${run.astroAllPages ? ' (all pages)' : ''}, pagefind ${stage(run.stages.pagefind)}` +
    (run.searchDeltaPages === null ? '' : ` (${run.searchDeltaPages} changed page${run.searchDeltaPages === 1 ? '' : 's'} indexed into the delta)`)
  )
}

/** The report people read: plain text, one section per measurement. */
export function formatReport(r: BenchResult): string {
  const lines: string[] = []
  const m = r.machine
  lines.push(`benchmark: ${r.articles.toLocaleString('en')} articles, seed ${r.seed}`)
  lines.push(`machine: ${m.cpus} cores (${m.cpuModel}), ${bytes(m.memoryBytes)} RAM, Node ${m.node}, ${m.platform}; load average ${m.loadAverage.start.toFixed(1)} at start, ${m.loadAverage.end.toFixed(1)} at end`)
  lines.push(
    `corpus: ${r.corpus.files.toLocaleString('en')} files, ${bytes(r.corpus.bytes)}, words min ${r.corpus.words.min} / median ${r.corpus.words.median} / max ${r.corpus.words.max}; ` +
      `${r.corpus.nearDuplicates} near-duplicates, ${r.corpus.duplicates} exact duplicates, ${r.corpus.sidecars} sidecars; generated in ${seconds(r.corpus.generateMs)}`
  )
  lines.push(`entity extraction, one core: ${(r.extraction.bytes / 1e6).toFixed(2)} MB of article text in ${seconds(r.extraction.ms)} = ${r.extraction.mbPerSecond.toFixed(2)} MB/s (budget ≥ 1 MB/s)`)
  lines.push('')
  lines.push('cold build            wall   articles/s    peak RSS')
  for (const [name, stage] of [['ingest', r.cold.ingest], ['astro', r.cold.astro], ['pagefind', r.cold.pagefind], ['total', r.cold.total]] as const) {
    lines.push(`  ${name.padEnd(10)} ${pad(seconds(stage.wallMs), 10)} ${pad(stage.articlesPerSecond.toFixed(1), 12)} ${pad(stage.peakRssBytes === null ? 'unknown' : bytes(stage.peakRssBytes), 11)}`)
  }
  lines.push('  (each stage a process of its own; total = sum of the stages, peak = the largest stage peak)')
  if (r.coldFull) lines.push(`  as one process (scripts/build.ts, like npm run build): ${formatFull(r.coldFull)}`)
  lines.push('')
  const b = r.built
  lines.push(
    `built: ${b.articles.toLocaleString('en')} articles, ${b.rejected} rejected, ${b.duplicatesMarked} marked as duplicates, ${b.withTopics.toLocaleString('en')} with a topic, ` +
      `${b.entities.toLocaleString('en')} entities${b.pagesIndexed === null ? '' : `, ${b.pagesIndexed.toLocaleString('en')} pages indexed`}`
  )
  lines.push(`dist: ${bytes(r.site.distBytes)} in ${r.site.distFiles.toLocaleString('en')} files`)
  const page = r.site.medianArticlePage
  if (page) {
    lines.push(
      `median article page: ${bytes(page.total)} transferred (HTML ${bytes(page.htmlGzip)} gzip of ${bytes(page.htmlBytes)} + CSS ${bytes(page.cssGzip)}; ` +
        `scripts ${bytes(page.jsGzip)} not counted) ${page.path}`
    )
  }
  if (r.site.largestArticlePage) lines.push(`largest article page: ${bytes(r.site.largestArticlePage.total)} transferred ${r.site.largestArticlePage.path}`)
  lines.push(`fonts (fetched once per visitor): ${r.site.fonts.files} woff2 files, ${bytes(r.site.fonts.bytes)}`)
  const s = r.site.firstSearch
  const parts = Object.entries(s.bytes).map(([kind, n]) => `${kind} ${bytes(n)}${(s.files[kind] ?? 0) > 1 ? ` in ${s.files[kind]} files` : ''}`)
  lines.push(`first search «${s.query}»: ${bytes(s.total)} (${parts.join(', ')}); ${s.results.toLocaleString('en')} results; search page itself ${bytes(s.searchPage)}`)
  lines.push('')
  lines.push(`add one article (${r.addOne.file}) and rebuild with scripts/build.ts: ${formatFull(r.addOne)}`)
  lines.push('')
  lines.push(`budgets (issue 7, set for ${budgetSize.toLocaleString('en')} articles${r.articles === budgetSize ? '' : `; this run has ${r.articles.toLocaleString('en')}, so indicative only`}):`)
  for (const c of r.budgets) lines.push(`  ${c.pass ? 'ok    ' : 'MISSED'} ${c.name}: ${c.measured} (budget ${c.limit})`)
  return lines.join('\n')
}
