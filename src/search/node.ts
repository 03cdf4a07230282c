/**
 * A built Pagefind bundle (`dist/pagefind/`) opened in Node, for tests and
 * tools: the same `pagefind.js` the browser loads, given a `fetch` that reads
 * `file:` URLs. Node only (reads files); never imported by page scripts.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import type {PagefindApi} from './engine.ts'
import {openSegments, type SearchSegment} from './segments.ts'

/** A Pagefind instance over one bundle, plus `destroy` to free it. */
export interface NodePagefind extends PagefindApi {
  destroy(): Promise<void>
}

interface PagefindModule {
  createInstance(options: Record<string, unknown>): NodePagefind & {init(): Promise<void>}
}

/** Marks the `fetch` wrapper below, so it is installed once however often bundles are opened. */
const READS_FILES = Symbol.for('dossier.fetch-reads-files')

/**
 * Let `fetch` read `file:` URLs (Node's cannot); other URLs go to the real
 * `fetch`. Pagefind calls the global `fetch`, so the global is wrapped, once.
 */
function allowFileFetch(): void {
  if ((globalThis.fetch as typeof fetch & {[READS_FILES]?: true})[READS_FILES]) return
  const networkFetch = globalThis.fetch
  const fileFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (url.startsWith('file:')) return new Response(await readFile(fileURLToPath(url)))
    return networkFetch(input, init)
  }
  globalThis.fetch = Object.assign(fileFetch, {[READS_FILES]: true as const})
}

/**
 * Open the Pagefind bundle in `bundleDir` (a folder holding `pagefind.js`).
 * Result URLs come out relative to the site root (`/articles/x/`), whatever
 * base the site was built with. `indexDir` opens another index (a delta,
 * which has no `pagefind.js` of its own) with this bundle's module.
 */
export async function openPagefind(bundleDir: string, indexDir = bundleDir): Promise<NodePagefind> {
  allowFileFetch()
  const module = (await import(pathToFileURL(path.join(path.resolve(bundleDir), 'pagefind.js')).href)) as PagefindModule
  const instance = module.createInstance({basePath: `${pathToFileURL(path.resolve(indexDir)).href}/`, baseUrl: '/'})
  await instance.init()
  return instance
}

/** The site's whole search index in `bundleDir` (`dist/pagefind`): the main index and its delta, if any. */
export async function openSearchIndex(bundleDir: string): Promise<{segments: SearchSegment[]; destroy(): Promise<void>}> {
  const opened: NodePagefind[] = []
  const open = async (indexDir: string): Promise<NodePagefind> => {
    const index = await openPagefind(bundleDir, indexDir)
    opened.push(index)
    return index
  }
  const main = await open(bundleDir)
  const segments = await openSegments({bundle: `${pathToFileURL(path.resolve(bundleDir)).href}/`, main, openIndex: (basePath) => open(fileURLToPath(basePath))})
  return {segments, destroy: async () => void (await Promise.all(opened.map((index) => index.destroy())))}
}
