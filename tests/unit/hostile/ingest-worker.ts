/**
 * Worker for bounded-cost.test.ts: ingest one content folder in a thread the
 * test can stop (a hang or runaway memory must not take the test runner with
 * it). Posts the outcome: the entry's title and block texts, or the rejection.
 * The block texts are read from the entry as the site renders it (the
 * collection loader's parser), block by top-level HTML element, with a line
 * break read as the space it is on the page (the ingest writes a very long
 * paragraph on several lines).
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parentPort, workerData} from 'node:worker_threads'
import {ingestFolder} from '../../../src/ingest/folder.ts'
import {dossierPaths} from '../../../src/paths.ts'
import {mdxEntryToHast, textOf} from '../../../src/site/mdx-to-html.ts'

const {content} = workerData as {content: string}
const started = performance.now()
const summary = await ingestFolder(dossierPaths('/', {DOSSIER_CONTENT: content}))
const seconds = (performance.now() - started) / 1000
const article = summary.articles[0]
let shown: string[] = []
if (article) {
  const file = path.join(content, 'articles', `${article.slug}.mdx`)
  const {root} = mdxEntryToHast(readFileSync(file, 'utf8'), file)
  shown = [article.data.title, article.data.subtitle ?? '', ...root.children.filter((n) => n.type === 'element').map((n) => textOf(n).replaceAll('\n', ' '))]
}
parentPort?.postMessage({
  seconds,
  heapMiB: process.memoryUsage().heapUsed / 2 ** 20,
  maxRssMiB: process.resourceUsage().maxRSS / 1024,
  rejected: summary.rejected.map((r) => r.reason),
  removed: summary.report.flatMap((r) => r.removed.map((b) => b.text)),
  shown
})
