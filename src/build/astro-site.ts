/**
 * The Astro step, shared by `scripts/build.ts` and the benchmark's stage
 * runner: renders the pages whose data or code changed, reuses the others
 * (Astro's incremental build), and renders all of them when the site's code
 * or settings changed (src/build/site-fingerprint.ts) or `force` is asked.
 *
 * The site folder is kept between builds (astro.config.mjs: `emptyOutDir:
 * false`; stale pages are removed after the build, src/build/stale-pages.ts),
 * except before a build that renders every page: that one starts from an
 * empty folder, so no file of an older build (assets of older code) remains.
 */
import {readdir, rm} from 'node:fs/promises'
import path from 'node:path'
import {build as astroBuild} from 'astro'
import {dossierPaths} from '../paths.ts'
import {previousFingerprint, siteFingerprint, storeFingerprint} from './site-fingerprint.ts'

/** Build the site of the project at `root` into its output folder; returns whether every page was rendered. */
export async function buildAstroSite(root: string, options: {force?: boolean} = {}): Promise<{allPages: boolean}> {
  const paths = dossierPaths(root)
  const fingerprint = await siteFingerprint(root, {base: paths.base, out: paths.out, content: paths.content})
  const stateFile = path.join(root, 'node_modules', '.astro', 'dossier-site-fingerprint')
  const force = options.force === true || (await previousFingerprint(stateFile)) !== fingerprint
  if (force) await emptyFolder(paths.out)
  await astroBuild({root, logLevel: 'warn', force})
  await storeFingerprint(stateFile, fingerprint)
  return {allPages: force}
}

/** Remove what a folder holds (a `.git` inside is kept, as Astro keeps it), or nothing if it does not exist. */
async function emptyFolder(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [])
  await Promise.all(names.filter((name) => name !== '.git').map((name) => rm(path.join(dir, name), {recursive: true, force: true})))
}
