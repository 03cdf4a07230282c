/**
 * The text of an article entry for computing its search forms at build time.
 * The content collection does not keep entry bodies (retainBody: false), so
 * the body is read again from the MDX file. Node only (reads files).
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'

/** Frontmatter at the start of an MDX file: `---` lines around YAML. */
const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n/u

/**
 * The body of the MDX entry at `filePath` (relative to `root`, default the
 * working directory, or absolute), frontmatter removed; '' when the file
 * cannot be read. Markup in it is harmless for `indexTerms`.
 */
export function entryBody(filePath: string | undefined, root: string = process.cwd()): string {
  if (!filePath) return ''
  try {
    return readFileSync(path.resolve(root, filePath), 'utf8').replace(FRONTMATTER, '')
  } catch {
    return ''
  }
}
