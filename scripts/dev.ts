/**
 * `npm run dev`: a local preview that re-ingests when a source file or
 * `dossier.yaml` changes; Astro's dev server picks up the rewritten entries.
 */
import {watch} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {dev} from 'astro'
import {dossierPaths} from '../src/paths.ts'
import {runIngest} from './ingest.ts'

// Astro's anonymous telemetry would call out to the network; a dossier build never does.
process.env['ASTRO_TELEMETRY_DISABLED'] = '1'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const paths = dossierPaths(root)

await runIngest([])
const server = await dev({root})

let timer: NodeJS.Timeout | undefined
let running = Promise.resolve(0)
const reingest = (_event: string, name: string | null) => {
  if (name && (name.startsWith('articles') || name.startsWith('.build'))) return
  clearTimeout(timer)
  // Editors write a file in several steps; wait for them to settle.
  timer = setTimeout(() => {
    running = running.then(() => runIngest([]))
  }, 200)
}
const watcher = watch(paths.content, {recursive: true}, reingest)

process.on('SIGINT', async () => {
  watcher.close()
  await server.stop()
  process.exit(0)
})
