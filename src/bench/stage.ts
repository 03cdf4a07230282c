/**
 * One build stage in a process of its own, so the benchmark can measure each
 * stage's memory: `node src/bench/stage.ts astro|pagefind`, with the same
 * calls `scripts/build.ts` makes (the ingest stage is `scripts/ingest.ts`
 * itself). Reads DOSSIER_CONTENT, DOSSIER_OUT and DOSSIER_BASE like the build.
 *
 * Keep in step with scripts/build.ts: the Astro stage also keeps the site
 * fingerprint, so a later `scripts/build.ts` run sees what a build left and
 * takes the same incremental path it would after `npm run build`.
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build as astroBuild} from 'astro'
import {indexSite} from '../build/pagefind.ts'
import {previousFingerprint, siteFingerprint, storeFingerprint} from '../build/site-fingerprint.ts'
import {dossierPaths} from '../paths.ts'

// As in scripts/build.ts: no telemetry calls from a build.
process.env['ASTRO_TELEMETRY_DISABLED'] = '1'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Run the named stage; returns the exit code. */
async function runStage(stage: string | undefined): Promise<number> {
  if (stage === 'astro') {
    const paths = dossierPaths(root)
    const fingerprint = await siteFingerprint(root, {base: paths.base, out: paths.out, content: paths.content})
    const stateFile = path.join(root, 'node_modules', '.astro', 'dossier-site-fingerprint')
    const force = (await previousFingerprint(stateFile)) !== fingerprint
    await astroBuild({root, logLevel: 'warn', force})
    await storeFingerprint(stateFile, fingerprint)
    console.log(`astro: ${force ? 'all pages rendered' : 'unchanged pages reused'}`)
    return 0
  }
  if (stage === 'pagefind') {
    const pages = await indexSite(dossierPaths(root).out)
    console.log(`pagefind: ${pages} pages indexed`)
    return 0
  }
  console.error('usage: node src/bench/stage.ts astro|pagefind')
  return 2
}

process.exitCode = await runStage(process.argv[2])
