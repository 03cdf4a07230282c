/**
 * A worker thread of the ingest: runs one kind of per-file step over the
 * inputs it is given and posts the results back in the same order.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {toPlainFile} from './engine.ts'
import {createSteps, type StepSettings} from './steps.ts'

const {kind, inputs, settings} = workerData as {kind: 'analyse' | 'render'; inputs: unknown[]; settings: StepSettings}
const steps = createSteps(settings)
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
