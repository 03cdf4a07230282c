/**
 * Where the dossier lives: the one place that reads DOSSIER_CONTENT, DOSSIER_OUT
 * and DOSSIER_BASE, used by the scripts and by astro.config.mjs alike.
 */
import path from 'node:path'

export interface DossierPaths {
  /** The content folder (`dossier.yaml`, `sources/`, `articles/`). */
  content: string
  /** Generated MDX entries. */
  articles: string
  /** Build data of the ingest (report, cache); not published. */
  buildData: string
  /** What the search step keeps about the main index between builds (src/build/search-delta.ts). */
  searchIndexState: string
  /** The site output folder. */
  out: string
  /** URL sub-path the site is served under, with leading and trailing slash. */
  base: string
}

/**
 * Resolve the dossier's folders.
 *
 * Takes the project root and an environment (default `process.env`); returns
 * absolute paths and the normalised base.
 */
export function dossierPaths(root: string, env: NodeJS.ProcessEnv = process.env): DossierPaths {
  const content = path.resolve(root, env['DOSSIER_CONTENT'] || 'content')
  const out = path.resolve(root, env['DOSSIER_OUT'] || 'dist')
  return {
    content,
    articles: path.join(content, 'articles'),
    buildData: path.join(content, '.build'),
    searchIndexState: path.join(content, '.build', 'cache', 'search-index.json'),
    out,
    base: normaliseBase(env['DOSSIER_BASE'] || '/')
  }
}

/** `sub/path` → `/sub/path/`; empty → `/`. */
export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '')
  return trimmed ? `/${trimmed}/` : '/'
}
