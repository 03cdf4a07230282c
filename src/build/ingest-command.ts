/**
 * The ingest command (`npm run ingest`, and the first step of `npm run build`
 * and `npm run dev`): runs the ingest and prints its report.
 *
 * Flags: `--strict` (or DOSSIER_STRICT=1) fails on any rejected file;
 * `--verbose` also prints informational notes (encodings, removed furniture).
 * Exit codes: 0 done, 1 strict failure or an unusable dossier.
 */
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {fromPlainFile} from '../ingest/engine.ts'
import {ingestFolder} from '../ingest/folder.ts'
import {dossierPaths} from '../paths.ts'

/** Run the ingest of the project at `root` and print the report; returns the process exit code. */
export async function runIngest(root: string, argv: readonly string[]): Promise<number> {
  const strict = argv.includes('--strict') || process.env['DOSSIER_STRICT'] === '1'
  const verbose = argv.includes('--verbose')
  const paths = dossierPaths(root)
  const started = performance.now()
  let summary
  try {
    summary = await ingestFolder(paths)
  } catch (error) {
    console.error(`ingest failed: ${(error as Error).message}`)
    return 1
  }
  // Warnings and errors (fatal or not) always; informational notes (encoding, removed furniture, fatal
  // neither) with --verbose. Only files with something to show are made VFiles: at 10,000 articles
  // most have nothing.
  const shows = (m: {fatal?: boolean | null | undefined}) => verbose || typeof m.fatal === 'boolean'
  const shown = summary.files
    .filter((f) => f.messages.some(shows))
    .map((f) => {
      const file = f instanceof VFile ? f : fromPlainFile(f)
      const copy = new VFile({path: file.path})
      copy.messages = file.messages.filter(shows)
      return copy
    })
  if (shown.length > 0) console.error(reporter(shown, {quiet: true}))
  const seconds = ((performance.now() - started) / 1000).toFixed(2)
  console.log(
    `ingest: ${summary.articles.length} articles (${summary.written} written, ${summary.unchanged} unchanged, ` +
      `${summary.removed} stale removed), ${summary.rejected.length} rejected, in ${seconds} s ` +
      `(${summary.engine.cached} from cache, ${summary.engine.computed} read${summary.engine.workers > 1 ? ` on ${summary.engine.workers} threads` : ''})`
  )
  for (const r of summary.rejected) console.log(`  rejected ${r.file}: ${r.reason}`)
  if (strict && summary.rejected.length > 0) {
    console.error(`strict mode: ${summary.rejected.length} file(s) rejected`)
    return 1
  }
  return 0
}
