/**
 * `npm run ingest`: content/sources → content/articles/*.mdx and the build report
 * (src/build/ingest-command.ts, which lists the flags and exit codes).
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {cacheCompiledCode} from '../src/build/compile-cache.ts'
import {importBundled} from '../src/build/module-bundle.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// Before the import below, so that its compiled code is cached (src/build/compile-cache.ts).
cacheCompiledCode(root)
// One bundled module instead of some 445 loaded one by one (src/build/module-bundle.ts).
const {runIngest} = await importBundled<typeof import('../src/build/ingest-command.ts')>(root, 'src/build/ingest-command.ts', 'ingest')
process.exitCode = await runIngest(root, process.argv.slice(2))
