/**
 * The benchmark's working folders: a snapshot of the project's code to build
 * with, and a content folder holding the generated corpus.
 *
 * The snapshot (a copy of the code, `node_modules` linked package by package)
 * gives the benchmark Astro caches and a `.astro/` folder of its own: a cold
 * build is really cold, other builds in the checkout are neither disturbed
 * nor disturbing, and code edited while a long run is under way does not
 * change what is measured.
 */
import {cp, mkdir, readdir, rm, symlink, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {benchDossierYaml, type GeneratedArticle} from './corpus.ts'

/** What of the project the build reads (besides node_modules). */
export const snapshotEntries = ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'] as const

/** Cache folders in node_modules that belong to one checkout's builds, never shared with the snapshot. */
const ownCaches = new Set(['.astro', '.vite', '.cache'])

/**
 * Copy the project's code to `target` and give it a `node_modules` folder of
 * links to the project's packages (but not its build caches). Returns `target`.
 */
export async function snapshotProject(projectRoot: string, target: string): Promise<string> {
  await mkdir(target, {recursive: true})
  for (const entry of snapshotEntries) {
    await cp(path.join(projectRoot, entry), path.join(target, entry), {recursive: true}).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error
    })
  }
  const modules = path.join(target, 'node_modules')
  await mkdir(modules)
  for (const name of await readdir(path.join(projectRoot, 'node_modules'))) {
    if (ownCaches.has(name)) continue
    await symlink(path.join(projectRoot, 'node_modules', name), path.join(modules, name))
  }
  return target
}

/** Write a corpus into a content folder: `dossier.yaml` and `sources/` (sidecars included). */
export async function writeCorpus(contentDir: string, articles: readonly GeneratedArticle[]): Promise<{files: number; bytes: number}> {
  const sources = path.join(contentDir, 'sources')
  await mkdir(sources, {recursive: true})
  await writeFile(path.join(contentDir, 'dossier.yaml'), benchDossierYaml())
  let files = 0
  let bytes = 0
  for (const article of articles) {
    const bytesOut = await writeArticle(contentDir, article)
    files += bytesOut.files
    bytes += bytesOut.bytes
  }
  return {files, bytes}
}

/** Write one article (and its sidecar) into `sources/`; returns the files and bytes written. */
export async function writeArticle(contentDir: string, article: GeneratedArticle): Promise<{files: number; bytes: number}> {
  const sources = path.join(contentDir, 'sources')
  const text = Buffer.from(article.text, 'utf8')
  await writeFile(path.join(sources, article.name), text)
  if (article.sidecar === undefined) return {files: 1, bytes: text.length}
  const sidecar = Buffer.from(article.sidecar, 'utf8')
  await writeFile(path.join(sources, article.name.replace(/\.txt$/u, '.meta.yaml')), sidecar)
  return {files: 2, bytes: text.length + sidecar.length}
}

/** Remove a folder and everything in it (no error when it is already gone). */
export async function removeDir(dir: string): Promise<void> {
  await rm(dir, {recursive: true, force: true})
}
