/**
 * Timing note for `findDuplicates` (not a test: run it by hand).
 *
 *   node tests/unit/hostile/duplicates-timing.ts [count=10000] [words=600]
 *
 * Builds `count` synthetic articles of `words` words drawn (with a seeded
 * generator) from the sample dossier's vocabulary, plants one lightly edited
 * copy for every hundredth article, and prints the time taken, the memory in
 * use and how many planted copies were found (and how many pairs were wrongly
 * matched).
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {findDuplicates, type DuplicateCandidate} from '../../../src/ingest/duplicates.ts'
import {sampleSourcesDir} from '../../helpers/samples.ts'

const count = Number(process.argv[2] ?? 10000)
const words = Number(process.argv[3] ?? 600)

const vocabulary = [
  ...new Set(
    readdirSync(sampleSourcesDir)
      .filter((n) => n.endsWith('.txt'))
      .flatMap((n) => readFileSync(path.join(sampleSourcesDir, n), 'utf8').split(/\s+/))
      .filter(Boolean)
  )
]
let state = 42
const random = () => {
  state = (Math.imul(state, 1103515245) + 12345) >>> 0
  return state / 2 ** 32
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T

const docs: DuplicateCandidate[] = []
const planted = new Map<string, string>()
for (let i = 0; i < count; i++) {
  const text = Array.from({length: words}, () => pick(vocabulary)).join(' ')
  const slug = `doc-${String(i).padStart(6, '0')}`
  docs.push({slug, text, date: null})
  if (i % 100 === 0) {
    // A copy with every 40th word replaced and the last 10 words dropped: shorter, so the first is the original.
    const edited = text.split(' ').slice(0, -10).map((w, j) => (j % 40 === 7 ? pick(vocabulary) : w)).join(' ')
    docs.push({slug: `${slug}-copy`, text: edited, date: null})
    planted.set(`${slug}-copy`, slug)
  }
}

const started = performance.now()
const found = findDuplicates(docs)
const seconds = (performance.now() - started) / 1000
const hits = [...planted].filter(([copy, original]) => found.get(copy) === original).length
const wrong = [...found].filter(([copy, original]) => planted.get(copy) !== original).length
console.log(
  `findDuplicates: ${docs.length} docs × ${words} words in ${seconds.toFixed(2)} s; ` +
    `found ${hits}/${planted.size} planted copies, ${wrong} wrong matches; ` +
    `heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`
)
