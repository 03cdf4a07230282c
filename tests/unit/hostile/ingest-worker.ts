/**
 * Worker for bounded-cost.test.ts: ingest one content folder in a thread the
 * test can stop (a hang or runaway memory must not take the test runner with
 * it). Posts the outcome: the entry's title and block texts, or the rejection.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parentPort, workerData} from 'node:worker_threads'
import type {Nodes} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter'
import {mdxFromMarkdown} from 'mdast-util-mdx'
import {frontmatter} from 'micromark-extension-frontmatter'
import {mdxjs} from 'micromark-extension-mdxjs'
import {ingestFolder} from '../../../src/ingest/folder.ts'
import {dossierPaths} from '../../../src/paths.ts'

/** The text of a node: its text descendants, joined. */
const textOf = (node: Nodes): string => (node.type === 'text' ? node.value : 'children' in node ? node.children.map((c) => textOf(c as Nodes)).join('') : '')

const {content} = workerData as {content: string}
const started = performance.now()
const summary = await ingestFolder(dossierPaths('/', {DOSSIER_CONTENT: content}))
const seconds = (performance.now() - started) / 1000
const article = summary.articles[0]
let shown: string[] = []
if (article) {
  const mdx = readFileSync(path.join(content, 'articles', `${article.slug}.mdx`), 'utf8')
  const tree = fromMarkdown(mdx, {
    extensions: [frontmatter(['yaml']), mdxjs()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml']), mdxFromMarkdown()]
  })
  shown = [article.data.title, article.data.subtitle ?? '', ...tree.children.filter((n) => n.type !== 'yaml').map(textOf)]
}
parentPort?.postMessage({
  seconds,
  heapMiB: process.memoryUsage().heapUsed / 2 ** 20,
  maxRssMiB: process.resourceUsage().maxRSS / 1024,
  rejected: summary.rejected.map((r) => r.reason),
  removed: summary.report.flatMap((r) => r.removed.map((b) => b.text)),
  shown
})
