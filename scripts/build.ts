/**
 * `npm run build`: ingest → Astro → Pagefind, into `dist/` (or $DOSSIER_OUT).
 *
 * Flags: `--strict` (or DOSSIER_STRICT=1) stops on any rejected source;
 * `--force` renders every page again instead of reusing unchanged ones.
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {cacheCompiledCode} from '../src/build/compile-cache.ts'
import {importBundled} from '../src/build/module-bundle.ts'

// Astro's anonymous telemetry would call out to the network; a dossier build never does.
process.env['ASTRO_TELEMETRY_DISABLED'] = '1'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// Before the imports below, so that their compiled code is cached (src/build/compile-cache.ts).
cacheCompiledCode(root)
const [{buildAstroSite}, {indexSite}, {deltaShare, partPages}, {dossierPaths}, {runIngest}] = await Promise.all([
  import('../src/build/astro-site.ts'),
  import('../src/build/pagefind.ts'),
  import('../src/build/search-delta.ts'),
  import('../src/paths.ts'),
  // As in scripts/ingest.ts: one bundled module (src/build/module-bundle.ts).
  importBundled<typeof import('../src/build/ingest-command.ts')>(root, 'src/build/ingest-command.ts', 'ingest')
])

async function main(): Promise<number> {
  const argv = process.argv.slice(2)
  const timings: string[] = []
  let t = performance.now()
  const lap = (label: string) => {
    const now = performance.now()
    timings.push(`${label} ${((now - t) / 1000).toFixed(1)} s`)
    t = now
  }

  const ingestCode = await runIngest(root, argv)
  if (ingestCode !== 0) return ingestCode
  lap('ingest')

  const paths = dossierPaths(root)
  const {allPages} = await buildAstroSite(root, {force: argv.includes('--force')})
  lap(allPages ? 'astro (all pages)' : 'astro')

  const search = await indexSite(paths.out, {stateFile: paths.searchIndexState, deltaShare: deltaShare(), partPages: partPages()})
  lap(search.kind === 'delta' ? `pagefind (${search.deltaPages} changed pages)` : 'pagefind')
  console.log(`build: ${search.pages} pages searchable in ${path.relative(root, paths.out) || '.'}/ (${timings.join(', ')})`)
  return 0
}

process.exitCode = await main()
