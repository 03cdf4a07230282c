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
import {readdirSync, rmSync, statSync} from 'node:fs'
import {enableCompileCache, getCompileCacheDir} from 'node:module'
import path from 'node:path'

/**
 * Entries larger than this are removed before each build. The module Astro bundles from the
 * content store changes whenever an article is added, and its compiled code (18 MB at 10,000
 * articles) would otherwise be kept once per build; the code of every other module the build
 * loads is about 7 MB in all, in entries of a few hundred KB at most.
 */
const LARGEST_KEPT_ENTRY = 4 * 1024 * 1024

/** Cache compiled code for the project at `root` from now on (a call once it is on changes nothing). */
export function cacheCompiledCode(root: string): void {
  // Enabled already: by NODE_COMPILE_CACHE, which a command sets for the processes it starts, so
  // the command that set it has pruned the cache too.
  if (getCompileCacheDir() !== undefined) return
  const dir = path.join(root, 'node_modules', '.cache', 'dossier-compile')
  pruneCompileCache(dir)
  enableCompileCache(dir)
  // Worker threads (the ingest's) and child processes read the cache folder from the environment.
  process.env['NODE_COMPILE_CACHE'] ??= dir
}

/** Remove the entries of the cache in `dir` larger than `LARGEST_KEPT_ENTRY` (nothing if there is no cache). */
export function pruneCompileCache(dir: string): void {
  let names: string[]
  try {
    names = readdirSync(dir, {recursive: true, encoding: 'utf8'})
  } catch {
    return
  }
  for (const name of names) {
    const file = path.join(dir, name)
    const stats = statSync(file, {throwIfNoEntry: false})
    if (stats?.isFile() && stats.size > LARGEST_KEPT_ENTRY) rmSync(file, {force: true})
  }
}
