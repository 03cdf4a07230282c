/**
 * `npm run bench -- --articles N [--seed S] [--keep DIR] [--json] [--query Q] [--quick] [--verbose]`
 *
 * Generates a realistic corpus of N Arabic articles (src/bench/corpus.ts,
 * seeded: same N and seed, same files), builds it with the real pipeline in a
 * temporary folder and prints, per stage (ingest, Astro, Pagefind), wall time,
 * articles per second and peak memory; then the size of dist/, the median
 * article page's transferred bytes and a first search's download; then adds
 * one article and rebuilds with scripts/build.ts (as `npm run build`); last,
 * unless --quick, the same cold build again as one scripts/build.ts process.
 *
 * Each stage runs as a child process (`scripts/ingest.ts`, then
 * `src/bench/stage.ts astro|pagefind`), measured from outside (src/bench/measure.ts).
 * The build runs in a snapshot of the project's code (src/bench/workspace.ts),
 * so its caches are its own and a cold build is cold.
 *
 * --keep DIR keeps the corpus (DIR/content) and the site (DIR/dist); --json
 * prints the result as one JSON object on the last line; --query sets the
 * first search's words (default «التعاون الدفاعي»); --verbose shows the
 * builds' output as they run.
 */
import {mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {generateCorpus, type GeneratedArticle} from '../src/bench/corpus.ts'
import {measureExtraction} from '../src/bench/extraction.ts'
import {runMeasured, type Measured} from '../src/bench/measure.ts'
import {checkBudgets, formatReport, parseBuildOutput, type BenchResult, type FullBuild, type StageResult} from '../src/bench/report.ts'
import {articlePageTransfers, directorySize, firstSearch, fonts} from '../src/bench/site.ts'
import {removeDir, snapshotProject, writeArticle, writeCorpus} from '../src/bench/workspace.ts'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

interface Options {
  articles: number
  seed: number
  keep: string | null
  json: boolean
  query: string
  quick: boolean
  verbose: boolean
}

function readOptions(argv: string[]): Options {
  const {values} = parseArgs({
    args: argv,
    options: {
      articles: {type: 'string'},
      seed: {type: 'string', default: '1'},
      keep: {type: 'string'},
      json: {type: 'boolean', default: false},
      query: {type: 'string', default: 'التعاون الدفاعي'},
      quick: {type: 'boolean', default: false},
      verbose: {type: 'boolean', default: false}
    },
    strict: true
  })
  const articles = Number(values.articles)
  if (!values.articles || !Number.isSafeInteger(articles) || articles < 1) {
    throw new Error('usage: npm run bench -- --articles N [--seed S] [--keep DIR] [--json] [--query Q] [--quick] [--verbose]')
  }
  const seed = Number(values.seed)
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`--seed must be a whole number, not "${values.seed}"`)
  return {articles, seed, keep: values.keep ?? null, json: values.json, query: values.query, quick: values.quick, verbose: values.verbose}
}

const progress = (message: string) => process.stderr.write(`bench: ${message}\n`)

function stageResult(run: Measured, articles: number): StageResult {
  return {wallMs: run.wallMs, articlesPerSecond: articles / (run.wallMs / 1000), peakRssBytes: run.peakRssBytes}
}

function checked(run: Measured, what: string): Measured {
  if (run.code !== 0) {
    process.stderr.write(run.stdout + run.stderr)
    throw new Error(`${what} failed with exit code ${run.code}`)
  }
  return run
}

/** A whole build run, from what it printed (src/bench/report.ts). */
function parseBuild(run: Measured): FullBuild {
  return {wallMs: run.wallMs, peakRssBytes: run.peakRssBytes, ...parseBuildOutput(run.stdout)}
}

async function emptyOrMissing(dir: string): Promise<boolean> {
  const entries = await readdir(dir).catch(() => null)
  return entries === null || entries.length === 0
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2))
  const n = options.articles
  const loadAtStart = os.loadavg()[0] ?? 0
  // Ctrl-C or a kill stops the running stage and still cleans up (the finally below).
  const stop = new AbortController()
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort(new Error(`stopped by ${signal}`)))

  // The corpus, plus the first original after it: the article the rebuild adds.
  let started = performance.now()
  const generated = generateCorpus({articles: n + 50, seed: options.seed})
  const corpus = generated.slice(0, n)
  const extra = generated.slice(n).find((a) => a.kind === 'original') as GeneratedArticle
  const generateMs = performance.now() - started
  progress('entity extraction speed (one core)')
  const extraction = measureExtraction(corpus.map((a) => a.text))

  if (options.keep !== null && !(await emptyOrMissing(options.keep))) throw new Error(`--keep ${options.keep}: the folder exists and is not empty`)
  const work = options.keep ? path.resolve(options.keep) : await mkdtemp(path.join(os.tmpdir(), 'dossier-bench-'))
  const content = path.join(work, 'content')
  const out = path.join(work, 'dist')
  const root = path.join(work, 'code')
  try {
    progress(`writing ${n} articles into ${content}`)
    const written = await writeCorpus(content, corpus)
    await snapshotProject(projectRoot, root)
    const env = {...process.env, DOSSIER_CONTENT: content, DOSSIER_OUT: out, DOSSIER_BASE: '/', ASTRO_TELEMETRY_DISABLED: '1'}
    const logs: string[] = []
    const run = async (args: string[]) => {
      const result = await runMeasured(process.execPath, args, {cwd: root, env, echo: options.verbose, signal: stop.signal})
      logs.push(`$ node ${args.join(' ')}  (exit ${result.code}, ${(result.wallMs / 1000).toFixed(1)} s)\n${result.stdout}${result.stderr}`)
      return result
    }

    progress('cold build: ingest')
    const ingest = checked(await run(['scripts/ingest.ts']), 'ingest')
    progress(`  ${(ingest.wallMs / 1000).toFixed(1)} s; astro`)
    const astro = checked(await run(['src/bench/stage.ts', 'astro']), 'astro build')
    progress(`  ${(astro.wallMs / 1000).toFixed(1)} s; pagefind`)
    const pagefind = checked(await run(['src/bench/stage.ts', 'pagefind']), 'pagefind')
    progress(`  ${(pagefind.wallMs / 1000).toFixed(1)} s; measuring the site`)
    const totalMs = ingest.wallMs + astro.wallMs + pagefind.wallMs
    const peaks = [ingest, astro, pagefind].map((r) => r.peakRssBytes)
    const pagesIndexed = /pagefind: (\d+) pages/.exec(pagefind.stdout)?.[1]

    const dossier = JSON.parse(await readFile(path.join(out, 'dossier.json'), 'utf8')) as {
      articles: Array<{duplicateOf: string | null; topics: string[]}>
      entities: unknown[]
      rejected: unknown[]
    }
    const dist = await directorySize(out)
    const pages = await articlePageTransfers(out)
    const search = await firstSearch(out, options.query)
    const siteFonts = await fonts(out)

    progress(`adding ${extra.name} and rebuilding with scripts/build.ts`)
    await writeArticle(content, extra)
    const addOne = parseBuild(checked(await run(['scripts/build.ts']), 'rebuild'))

    let coldFull: FullBuild | null = null
    if (!options.quick) {
      progress('cold build again, as one scripts/build.ts process')
      await rm(path.join(content, 'sources', extra.name))
      if (extra.sidecar !== undefined) await rm(path.join(content, 'sources', extra.name.replace(/\.txt$/u, '.meta.yaml')))
      for (const cache of [path.join(content, 'articles'), path.join(content, '.build'), path.join(root, 'node_modules', '.astro'), path.join(root, '.astro'), out]) {
        await removeDir(cache)
      }
      coldFull = parseBuild(checked(await run(['scripts/build.ts']), 'cold build'))
    }

    const words = corpus.map((a) => a.words).sort((a, b) => a - b)
    const cpus = os.cpus()
    const partial: Omit<BenchResult, 'budgets'> = {
      articles: n,
      seed: options.seed,
      machine: {
        cpus: os.availableParallelism(),
        cpuModel: cpus[0]?.model.trim() ?? 'unknown',
        memoryBytes: os.totalmem(),
        node: process.version,
        platform: `${os.type()} ${os.release()} ${os.arch()}`,
        loadAverage: {start: loadAtStart, end: os.loadavg()[0] ?? 0}
      },
      corpus: {
        files: written.files,
        bytes: written.bytes,
        generateMs,
        words: {min: words[0] ?? 0, median: words[Math.floor((words.length - 1) / 2)] ?? 0, max: words[words.length - 1] ?? 0},
        nearDuplicates: corpus.filter((a) => a.kind === 'near-duplicate').length,
        duplicates: corpus.filter((a) => a.kind === 'duplicate').length,
        sidecars: corpus.filter((a) => a.sidecar !== undefined).length
      },
      extraction,
      cold: {
        ingest: stageResult(ingest, n),
        astro: stageResult(astro, n),
        pagefind: stageResult(pagefind, n),
        total: {
          wallMs: totalMs,
          articlesPerSecond: n / (totalMs / 1000),
          peakRssBytes: peaks.includes(null) ? null : Math.max(...(peaks as number[]))
        }
      },
      coldFull,
      built: {
        articles: dossier.articles.length,
        rejected: dossier.rejected.length,
        duplicatesMarked: dossier.articles.filter((a) => a.duplicateOf !== null).length,
        withTopics: dossier.articles.filter((a) => a.topics.length > 0).length,
        entities: dossier.entities.length,
        pagesIndexed: pagesIndexed === undefined ? null : Number(pagesIndexed)
      },
      site: {
        distBytes: dist.bytes,
        distFiles: dist.files,
        articlePages: pages.count,
        medianArticlePage: pages.median,
        largestArticlePage: pages.largest,
        fonts: siteFonts,
        firstSearch: search
      },
      addOne: {file: extra.name, ...addOne}
    }
    const result: BenchResult = {...partial, budgets: checkBudgets(partial)}
    console.log(formatReport(result))
    if (options.keep) {
      await writeFile(path.join(work, 'bench.json'), `${JSON.stringify(result, null, 2)}\n`)
      await writeFile(path.join(work, 'build.log'), logs.join('\n'))
      console.log(`\nkept: ${content} (corpus), ${out} (site), ${path.join(work, 'bench.json')}, ${path.join(work, 'build.log')}`)
    }
    if (options.json) console.log(JSON.stringify(result))
  } finally {
    // The code snapshot is never kept; the rest only with --keep.
    await removeDir(root)
    if (!options.keep) await removeDir(work)
  }
}

try {
  await main()
} catch (error) {
  console.error(`bench: ${(error as Error).message}`)
  process.exitCode = 1
}
