/**
 * Topics: which of the dossier's topics an article belongs to.
 *
 * A topic lists the phrases that mark it. An article belongs to the topic when
 * those phrases occur in its title or body often enough, compared word by word
 * in normalised form with clitics allowed (so "لقاعدة العديد" matches the term
 * "قاعدة العديد").
 */
import {candidateStems, tokenize, type Token} from '../arabic/index.ts'
import type {Mention} from '../entities/extract.ts'
import type {Topic} from '../schema.ts'

/** One term of a topic: its words, each as its comparable forms. */
interface Term {
  /** Index of its topic in `TopicTerms.topics`. */
  topic: number
  words: ReadonlyArray<readonly string[]>
}

/**
 * The dossier's topics read once for classifying (not once per article: the
 * terms would be tokenised again for every article), with the terms indexed by
 * the forms of their first word, so an article's words are looked up once
 * instead of compared with every term at every position.
 */
export interface TopicTerms {
  topics: ReadonlyArray<{slug: string; entities: ReadonlySet<string>; minMatches: number}>
  terms: readonly Term[]
  /** Indices of the terms whose first word has this form. */
  byFirstForm: ReadonlyMap<string, readonly number[]>
}

/** Read the dossier's topics for `classifyTopics`. */
export function topicTerms(topics: readonly Topic[]): TopicTerms {
  const terms: Term[] = topics.flatMap((topic, index) => topic.terms.map((term) => ({topic: index, words: comparableWords(tokenize(term))})))
  const byFirstForm = new Map<string, number[]>()
  terms.forEach((term, index) => {
    for (const form of term.words[0] ?? []) {
      const list = byFirstForm.get(form) ?? []
      if (!list.includes(index)) list.push(index)
      byFirstForm.set(form, list)
    }
  })
  return {
    topics: topics.map((topic) => ({slug: topic.slug, entities: new Set(topic.entities), minMatches: topic.minMatches})),
    terms,
    byFirstForm
  }
}

/**
 * The words of a text (its tokens), each as its comparable forms: `candidateStems`
 * of its matching form (a short list, compared with `includes`: cheaper than a set).
 */
function comparableWords(tokens: readonly Token[]): Array<readonly string[]> {
  const words: Array<readonly string[]> = []
  for (const t of tokens) {
    if (t.kind === 'word' || t.kind === 'latin' || t.kind === 'number') words.push(candidateStems(t.norm))
  }
  return words
}

/**
 * Non-overlapping occurrences of each term in a text's words, counted left to
 * right (an occurrence starting inside the previous one does not count).
 */
function countTerms(words: ReadonlyArray<readonly string[]>, terms: TopicTerms): Int32Array {
  const counts = new Int32Array(terms.terms.length)
  // Where each term may start again after its last occurrence, and where it was last tried.
  const nextFree = new Int32Array(terms.terms.length)
  const lastTried = new Int32Array(terms.terms.length).fill(-1)
  words.forEach((forms, i) => {
    for (const form of forms) {
      for (const index of terms.byFirstForm.get(form) ?? []) {
        if (lastTried[index] === i || i < (nextFree[index] as number)) continue
        lastTried[index] = i
        const term = (terms.terms[index] as Term).words
        if (i + term.length > words.length) continue
        let all = true
        for (let j = 1; j < term.length && all; j++) {
          const have = words[i + j] as readonly string[]
          all = (term[j] as readonly string[]).some((want) => have.includes(want))
        }
        if (all) {
          counts[index] = (counts[index] as number) + 1
          nextFree[index] = i + term.length
        }
      }
    }
  })
  return counts
}

/**
 * Classify an article.
 *
 * Takes the tokens of its title and body (`tokenize` of each, in order: terms
 * never span two of them), its entity mentions and the dossier's topics
 * (`topicTerms`); returns the slugs of the topics it belongs to, in the
 * dossier's order. A mention of one of the topic's entities counts as a match.
 */
export function classifyTopics(tokens: readonly Token[], mentions: readonly Mention[], topics: TopicTerms): string[] {
  const counts = countTerms(comparableWords(tokens), topics)
  const hits = topics.topics.map(() => 0)
  topics.terms.forEach((term, index) => {
    hits[term.topic] = (hits[term.topic] as number) + (counts[index] as number)
  })
  return topics.topics
    .filter((topic, index) => {
      const entityHits = mentions.filter((m) => m.id !== null && topic.entities.has(m.id)).length
      return (hits[index] as number) + entityHits >= topic.minMatches
    })
    .map((topic) => topic.slug)
}
