/**
 * Bounded cost: one pathological source (2 MB on one line, 100,000 short
 * lines, brackets and quotes nested 12,000 deep, 50,000 `{`) is ingested in
 * seconds and within a bounded heap, and comes out as its text, read back by
 * the site's own MDX parser (whose cost per element grows with the length of
 * its line: the ingest wraps very long paragraphs so that it stays small).
 *
 * Each runs in a worker thread with a heap limit, stopped after a generous
 * 20 s (a hang guard, not a timing assertion); the time and memory taken are
 * printed as test diagnostics.
 */
import assert from 'node:assert/strict'
import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {test} from 'node:test'
import {Worker} from 'node:worker_threads'
import {pathologicalSources} from '../../../scripts/gen-hostile-fixtures.ts'
import {projectRoot} from '../../helpers/samples.ts'
import {tempDir} from '../../helpers/site.ts'

/** Hang guard, far above the few seconds each case needs. */
const guardSeconds = 20
/** Heap limit of the worker: the registry and the pipeline need about 200 MiB. */
const heapLimitMiB = 1024

interface Outcome {
  seconds: number
  heapMiB: number
  maxRssMiB: number
  rejected: string[]
  removed: string[]
  shown: string[]
}

/** Ingest a folder holding only `name` with `text`, in a worker; resolves to what it produced. */
function ingestAlone(name: string, text: string): Promise<Outcome> {
  const content = tempDir('bounded')
  mkdirSync(path.join(content, 'sources'))
  writeFileSync(path.join(content, 'dossier.yaml'), 'title: حالة مرضية\n')
  writeFileSync(path.join(content, 'sources', name), text)
  const worker = new Worker(path.join(projectRoot, 'tests', 'unit', 'hostile', 'ingest-worker.ts'), {
    workerData: {content},
    resourceLimits: {maxOldGenerationSizeMb: heapLimitMiB}
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate()
      reject(new Error(`the ingest of ${name} did not finish within ${guardSeconds} s`))
    }, guardSeconds * 1000)
    worker.once('message', (outcome: Outcome) => {
      clearTimeout(timer)
      void worker.terminate()
      resolve(outcome)
    })
    worker.once('error', (error) => {
      clearTimeout(timer)
      reject(new Error(`the ingest of ${name} failed (heap limit ${heapLimitMiB} MiB): ${error.message}`))
    })
  })
}

for (const source of pathologicalSources({large: true})) {
  test(`bounded cost: ${source.about} is ingested whole, in seconds`, async (t) => {
    const outcome = await ingestAlone(source.name, source.text)
    t.diagnostic(
      `${source.name} (${(Buffer.byteLength(source.text) / 2 ** 20).toFixed(2)} MiB): ${outcome.seconds.toFixed(2)} s, ` +
        `heap after ${outcome.heapMiB.toFixed(0)} MiB, process max RSS ${outcome.maxRssMiB.toFixed(0)} MiB`
    )
    assert.deepEqual(outcome.rejected, [], 'the file is accepted')
    const shown = new Set(outcome.shown)
    const lines = source.text.split('\n').map((l) => l.trim()).filter(Boolean)
    const missing = lines.filter((l) => !shown.has(l) && !outcome.removed.includes(l))
    assert.equal(missing.length, 0, `${missing.length} of ${lines.length} lines are not in the entry, e.g. «${missing[0]?.slice(0, 80)}»`)
  })
}
