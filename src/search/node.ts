/**
 * A built Pagefind bundle (`dist/pagefind/`) opened in Node, for tests and
 * tools: the same `pagefind.js` the browser loads, given a `fetch` that reads
 * `file:` URLs. Node only (reads files); never imported by page scripts.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import type {PagefindApi} from './engine.ts'

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
 * base the site was built with.
 */
export async function openPagefind(bundleDir: string): Promise<NodePagefind> {
  allowFileFetch()
  const dir = path.resolve(bundleDir)
  const module = (await import(pathToFileURL(path.join(dir, 'pagefind.js')).href)) as PagefindModule
  const instance = module.createInstance({basePath: `${pathToFileURL(dir).href}/`, baseUrl: '/'})
  await instance.init()
  return instance
}
