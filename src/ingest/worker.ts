/**
 * A worker thread of the ingest: loads the per-file steps once, then runs
 * each batch of inputs it is sent through one of them, stores each result in
 * the cache under the key it was sent with, and posts the results back in
 * the same order.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {cacheKind, toPlainFile, writeCache} from './engine.ts'
import {createSteps, type StepSettings} from './steps.ts'

const {settings, cacheDir} = workerData as {settings: StepSettings; cacheDir: string}
const steps = createSteps(settings)

parentPort?.on('message', ({kind, inputs, keys}: {kind: 'analyse' | 'render'; inputs: unknown[]; keys: string[]}) => {
  const outputs: unknown[] =
    kind === 'analyse'
      ? (inputs as Parameters<typeof steps.analyse>[0][]).map((task) => {
          const result = steps.analyse(task)
          return {...result, file: toPlainFile(result.file)}
        })
      : (inputs as Array<{analysis: Parameters<typeof steps.render>[0]; facts: Parameters<typeof steps.render>[1]}>).map((input) =>
          steps.render(input.analysis, input.facts)
        )
  outputs.forEach((output, i) => writeCache(cacheDir, cacheKind[kind], keys[i] as string, output))
  parentPort?.postMessage(outputs)
})
