/**
 * The per-file steps with what they need loaded once: the registry (with the
 * analyst's corrections), the word lists and the blocked names. Used in this
 * thread and in each worker thread alike.
 */
import {blockedKeys, correctedEntries, type Corrections} from '../entities/corrections.ts'
import {buildRegistry, loadLexicons, loadRegistry, readEntries, type Registry} from '../entities/registry/index.ts'
import type {ArticleData, Topic} from '../schema.ts'
import type {AnalyseTask, RenderFacts} from './engine.ts'
import {fromPlainFile, type PlainAnalysis} from './engine.ts'
import type {SpanTagger} from '../entities/extract.ts'
import {loadTagger, registryCoder, tagText, type Tagger} from '../entities/tagger/index.ts'
import {topicTerms} from './classify.ts'
import {withIds} from './digest.ts'
import {analyseSource, renderEntry, type Analysis, type Rejected} from './pipeline.ts'

export interface StepSettings {
  topics: readonly Topic[]
  corrections: Corrections
  buildDate: string
}

export interface Steps {
  registry: Registry
  analyse(task: AnalyseTask): Analysis | Rejected
  render(analysis: PlainAnalysis, facts: RenderFacts): {data: ArticleData; mdx: string} | {error: string}
}

/** The registry with the analyst's corrections applied. */
export function correctedRegistry(corrections: Corrections): Registry {
  return buildRegistry(correctedEntries(readEntries(), corrections))
}

/** Load what the steps need; returns the steps. */
export function createSteps(settings: StepSettings): Steps {
  const registry = correctedRegistry(settings.corrections)
  const lexicons = loadLexicons()
  const blocked = blockedKeys(settings.corrections)
  // The tagger reads the built-in registry's codes (what its model was trained with), given names from these lexicons.
  // Corrections that add no entity and no spelling leave it as it is: built once, not twice.
  const addsNothing = settings.corrections.add.length === 0 && Object.values(settings.corrections.aliases).every((list) => list.length === 0)
  const tagger = spanTagger(loadTagger({registry: registryCoder(addsNothing ? registry : loadRegistry(), lexicons.givenNames)}))
  const topics = topicTerms(settings.topics)
  return {
    registry,
    analyse: (task) =>
      analyseSource(task, {slug: task.slug, topics, registry, lexicons, tagger, blocked, buildDate: settings.buildDate}),
    render: (analysis, facts) => {
      try {
        const {forms, ids, names, ...rest} = facts
        return renderEntry(
          {...analysis, file: fromPlainFile(analysis.file)},
          {...rest, mentions: withIds(analysis.mentions, forms, ids), nameOf: (id) => names[id]}
        )
      } catch (error) {
        return {error: (error as Error).message}
      }
    }
  }
}

const kinds = {PER: 'person', LOC: 'place', ORG: 'organization'} as const

/** The statistical tagger as entity extraction uses it: text in, spans with entity kinds out. */
function spanTagger(tagger: Tagger): SpanTagger {
  return (text, tokens, keyed) => tagText(tagger, text, tokens ? {tokens, ...(keyed ? {keyed} : {})} : {}).map(({start, end, type}) => ({start, end, type: kinds[type]}))
}
