/**
 * One build stage in a process of its own, so the benchmark can measure each
 * stage's memory: `node src/bench/stage.ts astro|pagefind`, with the same
 * calls `scripts/build.ts` makes (the ingest stage is `scripts/ingest.ts`
 * itself). Reads DOSSIER_CONTENT, DOSSIER_OUT and DOSSIER_BASE like the build.
 *
 * The Astro stage is the build's own (src/build/astro-site.ts), site
 * fingerprint included, so a later `scripts/build.ts` run sees what a build
 * left and takes the same incremental path it would after `npm run build`.
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {buildAstroSite} from '../build/astro-site.ts'
import {indexSite} from '../build/pagefind.ts'
import {deltaShare, partPages} from '../build/search-delta.ts'
import {dossierPaths} from '../paths.ts'

// As in scripts/build.ts: no telemetry calls from a build.
process.env['ASTRO_TELEMETRY_DISABLED'] = '1'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Run the named stage; returns the exit code. */
async function runStage(stage: string | undefined): Promise<number> {
  if (stage === 'astro') {
    const {allPages} = await buildAstroSite(root)
    console.log(`astro: ${allPages ? 'all pages rendered' : 'unchanged pages reused'}`)
    return 0
  }
  if (stage === 'pagefind') {
    const paths = dossierPaths(root)
    const search = await indexSite(paths.out, {stateFile: paths.searchIndexState, deltaShare: deltaShare(), partPages: partPages()})
    console.log(`pagefind: ${search.pages} pages searchable (${search.kind === 'delta' ? `${search.deltaPages} changed pages indexed` : 'all indexed'})`)
    return 0
  }
  console.error('usage: node src/bench/stage.ts astro|pagefind')
  return 2
}

process.exitCode = await runStage(process.argv[2])
