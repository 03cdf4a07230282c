/**
 * `npm run dev`: a local preview that re-ingests when a source file or
 * `dossier.yaml` changes; Astro's dev server picks up the rewritten entries.
 *
 * Flags: `--port N` (default Astro's, 4321), `--host` (listen on every
 * address, to preview from another machine).
 */
import {watch} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {dev} from 'astro'
import {dossierPaths} from '../src/paths.ts'
import {runIngest} from '../src/build/ingest-command.ts'

// Astro's anonymous telemetry would call out to the network; a dossier build never does.
process.env['ASTRO_TELEMETRY_DISABLED'] = '1'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const paths = dossierPaths(root)

const flags = (() => {
  try {
    return parseArgs({options: {port: {type: 'string'}, host: {type: 'boolean'}}}).values
  } catch (error) {
    console.error(`npm run dev: ${(error as Error).message} (flags: --port N, --host)`)
    process.exit(2)
  }
})()
const port = flags.port === undefined ? undefined : Number(flags.port)
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error(`--port: a port number from 1 to 65535, not "${flags.port}"`)
  process.exit(2)
}

await runIngest(root, [])
const server = await dev({root, server: {...(port === undefined ? {} : {port}), ...(flags.host ? {host: true} : {})}})

let timer: NodeJS.Timeout | undefined
let running = Promise.resolve(0)
const reingest = (_event: string, name: string | null) => {
  if (name && (name.startsWith('articles') || name.startsWith('.build'))) return
  clearTimeout(timer)
  // Editors write a file in several steps; wait for them to settle.
  timer = setTimeout(() => {
    running = running.then(() => runIngest(root, []))
  }, 200)
}
const watcher = watch(paths.content, {recursive: true}, reingest)

process.on('SIGINT', async () => {
  watcher.close()
  await server.stop()
  process.exit(0)
})
