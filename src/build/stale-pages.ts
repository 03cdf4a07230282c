/**
 * The site folder is not emptied before a build that reuses unchanged pages
 * (astro.config.mjs: `emptyOutDir: false`): Astro then leaves a page that is
 * already there and unchanged as it is, instead of deleting the whole site and
 * copying every page back from its cache. What a build no longer produces
 * (the page of a removed article, an entity's last continuation page) is
 * removed here, after the build, from the list of files the build produced.
 *
 * The pages a build produced are recorded (in Astro's cache folder), and the
 * next build removes those of them it did not produce again, without walking
 * the site: at 10,000 articles the site is some 20,000 folders, and listing
 * them took about 2 s of a build. Where there is no record (the first build,
 * or the last one did not finish: the record is removed when a build starts),
 * the site folder is walked instead.
 */
import {readdir, readFile, rm, rmdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {AstroIntegration} from 'astro'

/** Folders of the site that are not pages: bundled assets, and the search index (written after Astro). */
const notPages = new Set(['_astro', 'pagefind'])

/** An Astro integration that removes, after each build, the HTML pages the build did not produce. */
export function removeStalePages(): AstroIntegration {
  let record = ''
  let before: string[] | null = null
  return {
    name: 'dossier-remove-stale-pages',
    hooks: {
      'astro:config:done': ({config}) => {
        record = fileURLToPath(new URL('dossier-built-pages.json', config.cacheDir))
      },
      'astro:build:start': async () => {
        before = await readBuiltPages(record)
        await rm(record, {force: true})
      },
      'astro:build:done': async ({dir, assets, logger}) => {
        const built = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)))
        const removed = await removePagesNotIn(fileURLToPath(dir), built, before)
        await writeFile(record, JSON.stringify([...built].sort()))
        if (removed > 0) logger.info(`removed ${removed} page(s) this build no longer has`)
      }
    }
  }
}

/** The pages the last finished build produced (absolute paths), or null when unknown. */
async function readBuiltPages(record: string): Promise<string[] | null> {
  const text = await readFile(record, 'utf8').catch(() => null)
  return text === null ? null : (JSON.parse(text) as string[])
}

/**
 * Delete every `.html` file under `outDir` (outside `_astro/` and `pagefind/`)
 * whose absolute path is not in `built`, then the folders that left empty:
 * among `before` (the pages an earlier build produced) when given, else among
 * all files in the folder. Returns how many files were deleted.
 */
export async function removePagesNotIn(outFolder: string, built: ReadonlySet<string>, before: readonly string[] | null = null): Promise<number> {
  // Without a trailing slash (Astro gives the folder as a URL ending in one).
  const outDir = path.resolve(outFolder)
  const candidates = before ?? (await readdir(outDir, {recursive: true, withFileTypes: true}).catch(() => [])).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
  const emptied = new Set<string>()
  let removed = 0
  for (const file of candidates) {
    if (!file.endsWith('.html') || !file.startsWith(outDir + path.sep)) continue
    const top = path.relative(outDir, file).split(path.sep)[0] ?? ''
    if (notPages.has(top) || built.has(file)) continue
    // A recorded page may be gone already (a build that renders every page starts from an empty folder).
    if (!(await rm(file).then(() => true, () => false))) continue
    removed++
    emptied.add(path.dirname(file))
  }
  // Deepest first, so a folder whose only content was an emptied folder goes too.
  for (const dir of [...emptied].sort((a, b) => b.length - a.length)) {
    for (let d = dir; d.startsWith(outDir + path.sep); d = path.dirname(d)) {
      if (!(await rmdir(d).then(() => true, () => false))) break
    }
  }
  return removed
}
