/**
 * A worker thread of the ingest: loads the per-file steps once, then runs
 * each batch of inputs it is sent through one of them, stores each result in
 * the cache under the key it was sent with, and posts the results back in
 * the same order (of an analysis, its digest only).
 */
import {parentPort, workerData} from 'node:worker_threads'
import {cacheKind, digestFrom, readCache, toPlainFile, writeCache, type AnalyseTask, type PlainAnalysis, type RenderInput} from './engine.ts'
import {createSteps, type StepSettings} from './steps.ts'

const {settings, cacheDir} = workerData as {settings: StepSettings; cacheDir: string}
const steps = createSteps(settings)

parentPort?.on('message', ({kind, inputs, keys}: {kind: 'analyse' | 'render'; inputs: unknown[]; keys: string[]}) => {
  const outputs = inputs.map((input, i) => {
    const key = keys[i] as string
    if (kind === 'analyse') {
      const result = steps.analyse(input as AnalyseTask)
      const plain = {...result, file: toPlainFile(result.file)}
      writeCache(cacheDir, cacheKind.analyse, key, plain)
      // Only the digest goes back: the dossier-wide pass reads nothing else, and a rendering
      // reads the analysis from the cache in the worker that renders it.
      return digestFrom(plain)
    }
    const {facts, ...given} = input as RenderInput
    const analysis = 'analysis' in given ? given.analysis : readCache<PlainAnalysis>(cacheDir, cacheKind.analyse, given.analysisKey)
    if (!analysis) throw new Error(`the analysis ${'analysisKey' in given ? given.analysisKey : ''} is missing from the cache`)
    const rendered = steps.render(analysis, facts)
    writeCache(cacheDir, cacheKind.render, key, rendered)
    return rendered
  })
  parentPort?.postMessage(outputs)
})
