/**
 * Node's on-disk cache of compiled code (`module.enableCompileCache`), for the
 * build's commands: loading their modules (Astro, Vite, Rolldown, and this
 * project's TypeScript with its types stripped) took about a second of every
 * build, a tenth of the rebuild after adding one article at 10,000 articles
 * (BENCHMARKS.md). The cache is keyed by each module's source, so an edited
 * module is compiled afresh; it sits with the other build caches in
 * `node_modules/.cache/`.
 *
 * Only modules loaded after the call are cached: a command calls it first and
 * imports what it runs afterwards, dynamically.
 */
import {enableCompileCache} from 'node:module'
import path from 'node:path'

/** Cache compiled code for the project at `root` from now on (a second call changes nothing). */
export function cacheCompiledCode(root: string): void {
  enableCompileCache(path.join(root, 'node_modules', '.cache', 'dossier-compile'))
}
