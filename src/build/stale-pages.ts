/**
 * The site folder is not emptied before a build that reuses unchanged pages
 * (astro.config.mjs: `emptyOutDir: false`): Astro then leaves a page that is
 * already there and unchanged as it is, instead of deleting the whole site and
 * copying every page back from its cache. What a build no longer produces
 * (the page of a removed article, an entity's last continuation page) is
 * removed here, after the build, from the list of files the build produced.
 */
import {readdir, rm, rmdir} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {AstroIntegration} from 'astro'

/** Folders of the site that are not pages: bundled assets, and the search index (written after Astro). */
const notPages = new Set(['_astro', 'pagefind'])

/** An Astro integration that removes, after each build, the HTML pages the build did not produce. */
export function removeStalePages(): AstroIntegration {
  return {
    name: 'dossier-remove-stale-pages',
    hooks: {
      'astro:build:done': async ({dir, assets, logger}) => {
        const built = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)))
        const removed = await removePagesNotIn(fileURLToPath(dir), built)
        if (removed > 0) logger.info(`removed ${removed} page(s) this build no longer has`)
      }
    }
  }
}

/**
 * Delete every `.html` file under `outDir` (outside `_astro/` and `pagefind/`)
 * whose absolute path is not in `built`, then the folders that left empty.
 * Returns how many files were deleted.
 */
export async function removePagesNotIn(outFolder: string, built: ReadonlySet<string>): Promise<number> {
  // Without a trailing slash (Astro gives the folder as a URL ending in one).
  const outDir = path.resolve(outFolder)
  const entries = await readdir(outDir, {recursive: true, withFileTypes: true}).catch(() => [])
  const emptied = new Set<string>()
  let removed = 0
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue
    const file = path.join(entry.parentPath, entry.name)
    const top = path.relative(outDir, file).split(path.sep)[0] ?? ''
    if (notPages.has(top) || built.has(file)) continue
    await rm(file)
    removed++
    emptied.add(entry.parentPath)
  }
  // Deepest first, so a folder whose only content was an emptied folder goes too.
  for (const dir of [...emptied].sort((a, b) => b.length - a.length)) {
    for (let d = dir; d.startsWith(outDir + path.sep); d = path.dirname(d)) {
      if (!(await rmdir(d).then(() => true, () => false))) break
    }
  }
  return removed
}
