/**
 * Topics: which of the dossier's topics an article belongs to.
 *
 * A topic lists the phrases that mark it. An article belongs to the topic when
 * those phrases occur in its title or body often enough, compared word by word
 * in normalised form with clitics allowed (so "لقاعدة العديد" matches the term
 * "قاعدة العديد").
 */
import {candidateStems, tokenize} from '../arabic/index.ts'
import type {Mention} from '../entities/extract.ts'
import type {Topic} from '../schema.ts'

/** The words of a text as sets of comparable forms. */
function wordFormSets(text: string): Set<string>[] {
  return tokenize(text)
    .filter((t) => t.kind === 'word' || t.kind === 'latin' || t.kind === 'number')
    .map((t) => new Set(candidateStems(t.norm)))
}

/** Count non-overlapping occurrences of a term (as word forms) in a text's word forms. */
function countTerm(words: Set<string>[], term: Set<string>[]): number {
  if (term.length === 0) return 0
  let count = 0
  for (let i = 0; i + term.length <= words.length; i++) {
    let all = true
    for (let j = 0; j < term.length && all; j++) {
      const want = term[j] as Set<string>
      const have = words[i + j] as Set<string>
      all = [...want].some((form) => have.has(form))
    }
    if (all) {
      count++
      i += term.length - 1
    }
  }
  return count
}

/**
 * Classify an article.
 *
 * Takes its title and body texts, its entity mentions and the dossier's
 * topics; returns the slugs of the topics it belongs to, in the dossier's order.
 * A mention of one of the topic's entities counts as a match.
 */
export function classifyTopics(texts: readonly string[], mentions: readonly Mention[], topics: readonly Topic[]): string[] {
  const words = wordFormSets(texts.join('\n'))
  return topics
    .filter((topic) => {
      const termHits = topic.terms.reduce((sum, term) => sum + countTerm(words, wordFormSets(term)), 0)
      const entityHits = mentions.filter((m) => m.id !== null && topic.entities.includes(m.id)).length
      return termHits + entityHits >= topic.minMatches
    })
    .map((topic) => topic.slug)
}
