/**
 * `npm run build`: ingest → Astro → Pagefind, into `dist/` (or $DOSSIER_OUT).
 *
 * Flags: `--strict` (or DOSSIER_STRICT=1) stops on any rejected source.
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build as astroBuild} from 'astro'
import * as pagefind from 'pagefind'
import {dossierPaths} from '../src/paths.ts'
import {runIngest} from './ingest.ts'

// Astro's anonymous telemetry would call out to the network; a dossier build never does.
process.env['ASTRO_TELEMETRY_DISABLED'] = '1'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Index the built article pages with Pagefind; returns the number of pages indexed. */
export async function indexSite(outDir: string): Promise<number> {
  const {index, errors} = await pagefind.createIndex({forceLanguage: 'ar'})
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`)
  const added = await index.addDirectory({path: outDir})
  if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`)
  const written = await index.writeFiles({outputPath: path.join(outDir, 'pagefind')})
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`)
  await pagefind.close()
  return added.page_count
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2)
  const timings: string[] = []
  let t = performance.now()
  const lap = (label: string) => {
    const now = performance.now()
    timings.push(`${label} ${((now - t) / 1000).toFixed(1)} s`)
    t = now
  }

  const ingestCode = await runIngest(argv)
  if (ingestCode !== 0) return ingestCode
  lap('ingest')

  const paths = dossierPaths(root)
  await astroBuild({root, logLevel: 'warn'})
  lap('astro')

  const pages = await indexSite(paths.out)
  lap('pagefind')
  console.log(`build: ${pages} pages indexed into ${path.relative(root, paths.out) || '.'}/ (${timings.join(', ')})`)
  return 0
}

process.exitCode = await main()
