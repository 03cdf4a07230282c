/**
 * A worker thread of the ingest: loads the per-file steps once, then runs
 * each batch of inputs it is sent through one of them and posts the results
 * back in the same order.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {toPlainFile} from './engine.ts'
import {createSteps, type StepSettings} from './steps.ts'

const {settings} = workerData as {settings: StepSettings}
const steps = createSteps(settings)

parentPort?.on('message', ({kind, inputs}: {kind: 'analyse' | 'render'; inputs: unknown[]}) => {
  const outputs =
    kind === 'analyse'
      ? (inputs as Parameters<typeof steps.analyse>[0][]).map((task) => {
          const result = steps.analyse(task)
          return {...result, file: toPlainFile(result.file)}
        })
      : (inputs as Array<{analysis: Parameters<typeof steps.render>[0]; facts: Parameters<typeof steps.render>[1]}>).map((input) =>
          steps.render(input.analysis, input.facts)
        )
  parentPort?.postMessage(outputs)
})
