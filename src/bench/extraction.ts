/**
 * Entity extraction speed on one core: registry, rules and the statistical
 * tagger over the corpus's article texts, as the ingest runs them (one call
 * per article, its lines as blocks). The loading of the registry and the
 * model is not counted; it happens once per build.
 */
import {extractMentions, type SpanTagger} from '../entities/extract.ts'
import {loadLexicons, loadRegistry} from '../entities/registry/index.ts'
import {loadTagger, tagText} from '../entities/tagger/index.ts'

export interface ExtractionSpeed {
  bytes: number
  ms: number
  mbPerSecond: number
}

const kinds = {PER: 'person', LOC: 'place', ORG: 'organization'} as const

/** Time extraction over texts until `limitBytes` of UTF-8 have been read. */
export function measureExtraction(texts: readonly string[], limitBytes = 2_000_000): ExtractionSpeed {
  const registry = loadRegistry()
  const lexicons = loadLexicons()
  const model = loadTagger()
  const tagger: SpanTagger = (text, tokens) => tagText(model, text, tokens ? {tokens} : {}).map(({start, end, type}) => ({start, end, type: kinds[type]}))
  const articles: string[][] = []
  let bytes = 0
  for (const text of texts) {
    if (bytes >= limitBytes) break
    articles.push(text.split('\n').filter((line) => line.trim() !== ''))
    bytes += Buffer.byteLength(text)
  }
  const started = performance.now()
  for (const blocks of articles) extractMentions(blocks, {registry, lexicons, tagger})
  const ms = performance.now() - started
  return {bytes, ms, mbPerSecond: bytes / 1e6 / (ms / 1000)}
}
