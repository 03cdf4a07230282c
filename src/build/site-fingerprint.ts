/**
 * Astro's experimental incremental build can restore a page that still names
 * a script or style file a code change has since renamed. So the build keeps
 * a fingerprint of the site's code and settings, and renders every page again
 * (`force`) when it changed; content-only rebuilds keep the fast path.
 */
import {createHash} from 'node:crypto'
import {mkdir, readdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'

/** Fingerprint of everything but the content that shapes the pages. */
export async function siteFingerprint(root: string, settings: Record<string, string>): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify(settings))
  const entries = await readdir(path.join(root, 'src'), {recursive: true, withFileTypes: true})
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
  for (const file of [...files, path.join(root, 'astro.config.mjs'), path.join(root, 'package-lock.json')]) {
    hash.update(path.relative(root, file)).update(await readFile(file).catch(() => Buffer.alloc(0)))
  }
  return hash.digest('hex')
}

/** The fingerprint the previous successful build stored, or null. */
export async function previousFingerprint(stateFile: string): Promise<string | null> {
  return readFile(stateFile, 'utf8').catch(() => null)
}

/** Store the fingerprint after a successful build. */
export async function storeFingerprint(stateFile: string, fingerprint: string): Promise<void> {
  await mkdir(path.dirname(stateFile), {recursive: true})
  await writeFile(stateFile, fingerprint)
}
