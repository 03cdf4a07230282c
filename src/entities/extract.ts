/**
 * Entity mentions of one article, from three sources combined in order of
 * trust: the registry (hand-reviewed names), the statistical tagger and rules
 * (titles, given names, head nouns) for what both missed. A span claimed by
 * an earlier source is never re-claimed by a later one. The tagger comes
 * before the rules because it draws the edges of names better: on the
 * held-out NewsFANE test split, rules first gave 77 exact spans for 201 wrong
 * ones, and the whole extractor 63.9 span F1; tagger first, 69.4.
 *
 * Mentions carry the registry id when the registry knows the entity; the
 * others get their id when the dossier is resolved (`resolve.ts`).
 */
import {matchKey, tokenize, type Token} from '../arabic/index.ts'
import {keyedTextTokens, sliceKeyed, type KeyedTokens, type Lexicons, type Registry, type TextMatch} from './registry/index.ts'
import {findRuleSpans, type EntityKind} from './rules.ts'

/** A span the statistical tagger proposes, by character offsets into the text. */
export interface TaggedSpan {
  start: number
  end: number
  type: EntityKind
}

/** The tagger as the extractor uses it: text (and, when known, its tokens and their keys) in, spans out. */
export type SpanTagger = (text: string, tokens?: readonly Token[], keyed?: KeyedTokens) => TaggedSpan[]

/** One mention of an entity in a block of the article. */
export interface Mention {
  /** Index of the block (paragraph or heading) in the article body. */
  block: number
  /** UTF-16 offsets into the block's text. */
  start: number
  end: number
  /** The mention as written. */
  text: string
  type: EntityKind
  /** The registry id, or null until the dossier is resolved. */
  id: string | null
  /** Comparison key of the text (normalised, clitics and article handled). */
  key: string
  source: 'registry' | 'rule' | 'tagger'
}

/** What the extractor needs besides the text. */
export interface ExtractContext {
  registry: Registry
  lexicons: Lexicons
  tagger?: SpanTagger | undefined
  /** The article's date, for role titles (أمير قطر on that date). */
  date?: string | null | undefined
  /** Keys never to tag (from entities.yaml `block`). */
  blocked?: ReadonlySet<string> | undefined
}

/** A short form in brackets right after a mention: `حركة المقاومة الإسلامية (حماس)`. */
export interface Apposition {
  /** The mention the short form belongs to. */
  mention: Mention
  /** The short form's mention (made part of the same entity). */
  alias: Mention
}

/**
 * Find the entity mentions of an article.
 *
 * Takes the texts of its blocks (headline, sub-headings, paragraphs; never
 * boilerplate), the context, and each block's `tokenize` when the caller has
 * them; returns mentions in text order.
 */
export function extractMentions(
  blocks: readonly string[],
  context: ExtractContext,
  blockTokens: ReadonlyArray<readonly Token[]> = blocks.map((text) => tokenize(text))
): Mention[] {
  // The article is keyed as one text, so each distinct word is keyed once; the registry and the
  // rules read each block's part of it, the tagger (which tags the article as one text) all of it.
  const keyed = keyedTextTokens(blockTokens.flat())
  let from = 0
  const blockKeys = blockTokens.map((tokens) => sliceKeyed(keyed, from, (from += tokens.length)))
  const perBlock = blocks.map((text, block) => registryMentions(text, block, blockTokens[block] as Token[], blockKeys[block] as KeyedTokens, context))
  // A form that is also a common word (العديد، الحية) counts only when the article
  // names the same entity in a plain form somewhere.
  const established = new Set(
    perBlock.flatMap((b) => b.hits.filter((h) => !h.contextual && h.holders.length === 0).map((h) => h.mention.id))
  )
  const mentions: Mention[] = []
  const tagged = taggedByBlock(blocks, blockTokens, keyed, context.tagger)
  blocks.forEach((text, block) => {
    const {hits, reserved} = perBlock[block] ?? {hits: [], reserved: []}
    const fromRegistry = hits
      .map((h) => (h.mention.id === null ? resolveRole(h, established) : h))
      .filter((h): h is RegistryHit => h !== null && (!h.contextual || established.has(h.mention.id)))
      .map((h) => h.mention)
    const tokens = blockTokens[block] as Token[]
    const claimedSpans: Span[] = [...reserved]
    const fromTagger = (tagged[block] ?? [])
      .filter((span) => !claimedSpans.some((s) => span.start < s.end && span.end > s.start))
      .map((span) => ({block, start: span.start, end: span.end, text: text.slice(span.start, span.end), type: span.type, id: null, key: matchKey(text.slice(span.start, span.end)), source: 'tagger' as const}))
      .filter((m) => m.key.length > 1 && !/^[\p{P}\p{N}\s]*$/u.test(m.text))
    for (const m of fromTagger) claimedSpans.push({start: m.start, end: m.end})
    // A rule's name is the one right after its cue (a title, a given name); when the words
    // that follow are already a name ("مدير مكتبه جهاد لبد"), the rule was pointing at that one.
    const fromRules = findRuleSpans(tokens, blockKeys[block] as KeyedTokens, context.lexicons, overlapping(tokens, claimedSpans))
      .map((span) => mentionOf(text, block, tokens, span.start, span.end, span.type, 'rule'))
      .filter((m) => !claimedSpans.some((c) => c.start >= m.end && /^\s+$/.test(text.slice(m.end, c.start))))
    const all = [...fromRegistry, ...fromRules, ...fromTagger].filter((m) => !context.blocked?.has(m.key))
    all.sort((a, b) => a.start - b.start)
    mentions.push(...all)
  })
  return mentions
}

interface Span {
  start: number
  end: number
}

/**
 * The tagger's spans per block. The article is tagged as one text, so a name
 * the tagger recognises in one paragraph helps it in the others; spans are
 * then given back to their blocks with block-relative offsets.
 */
function taggedByBlock(
  blocks: readonly string[],
  blockTokens: ReadonlyArray<readonly Token[]>,
  keyed: KeyedTokens,
  tagger: SpanTagger | undefined
): TaggedSpan[][] {
  const perBlock: TaggedSpan[][] = blocks.map(() => [])
  if (!tagger) return perBlock
  const starts: number[] = []
  const tokens: Token[] = []
  let at = 0
  blocks.forEach((text, i) => {
    starts.push(at)
    for (const t of blockTokens[i] ?? []) tokens.push({...t, start: t.start + at, end: t.end + at})
    at += text.length + 1
  })
  for (const span of tagger(blocks.join('\n'), tokens, keyed)) {
    let block = starts.length - 1
    while (block > 0 && (starts[block] as number) > span.start) block--
    const offset = starts[block] as number
    const end = span.end - offset
    if (end <= (blocks[block] ?? '').length) perBlock[block]?.push({start: span.start - offset, end, type: span.type})
  }
  return perBlock
}

/** For each token (in text order), whether any of the spans overlaps it: one sweep, not tokens × spans. */
function overlapping(tokens: readonly Token[], spans: readonly Span[]): boolean[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start)
  const out: boolean[] = []
  let i = 0
  let reach = -1
  for (const t of tokens) {
    while (i < sorted.length && (sorted[i] as Span).start < t.end) reach = Math.max(reach, (sorted[i++] as Span).end)
    out.push(reach > t.start)
  }
  return out
}

/** Index of the first token starting at or after `at` (tokens in text order). */
function firstAtOrAfter(tokens: readonly Token[], at: number): number {
  let lo = 0
  let hi = tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((tokens[mid] as Token).start < at) lo = mid + 1
    else hi = mid
  }
  return lo
}

interface RegistryHit {
  mention: Mention
  /** Needs another mention of the same entity to count. */
  contextual: boolean
  /** A role title with several possible holders: the ids it may name. */
  holders: string[]
}

/**
 * Registry matches of one block, resolved to one candidate each where
 * possible. Matches that name no one (a nationality adjective, a role with
 * several possible holders) still reserve their characters.
 */
function registryMentions(
  text: string,
  block: number,
  tokens: readonly Token[],
  keyed: KeyedTokens,
  context: ExtractContext
): {hits: RegistryHit[]; reserved: Span[]} {
  const options = context.date ? {date: context.date} : {}
  const hits: RegistryHit[] = []
  const reserved: Span[] = []
  for (const match of context.registry.scan(text, options, tokens, keyed)) {
    const span = {start: match.from, end: match.to}
    if (match.candidates.every((c) => c.requiresContext) && commonWordReading(text, tokens, match, context.lexicons)) continue
    reserved.push(span)
    const named = match.candidates.filter((c) => !c.adjective)
    const plain = named.filter((c) => !c.role)
    const candidate = plain[0] ?? named[0]
    if (!candidate) continue
    const holders = plain.length > 0 ? [] : [...new Set(named.map((c) => c.id))]
    hits.push({
      mention: {...mentionBase(match, block), type: candidate.type, id: holders.length > 1 ? null : candidate.id, source: 'registry'},
      contextual: candidate.requiresContext,
      holders
    })
    // A title names the office's organisation or country too: "المتحدث الرسمي لوزارة الخارجية القطرية"
    // mentions the ministry, "أمير دولة قطر" mentions Qatar.
    if (plain.length === 0) hits.push(...namesInsideTitle(text, match, block, context))
  }
  return {hits, reserved}
}

function mentionBase(match: TextMatch, block: number) {
  return {block, start: match.from, end: match.to, text: match.text, key: matchKey(match.text)}
}

/** Registry names (not titles or adjectives) inside a role title's words, as mentions of their own. */
function namesInsideTitle(text: string, title: TextMatch, block: number, context: ExtractContext): RegistryHit[] {
  const inner = text.slice(title.from, title.to)
  return context.registry
    .scan(inner, {roles: false, adjectives: false, contextual: false})
    .filter((m) => m.from > 0)
    .flatMap((m) => {
      const candidate = m.candidates[0]
      if (!candidate) return []
      const start = title.from + m.from
      const end = title.from + m.to
      const mention: Mention = {block, start, end, text: text.slice(start, end), key: matchKey(m.text), type: candidate.type, id: candidate.id, source: 'registry'}
      return [{mention, contextual: false, holders: []}]
    })
}

/**
 * A form that is also a common word is read as the common word when "من"
 * follows it (العديد من "many of"), and as someone else's family name when a
 * given name precedes it (همام الحية is not خليل الحية).
 */
function commonWordReading(text: string, tokens: readonly Token[], match: TextMatch, lexicons: Lexicons): boolean {
  const next = tokens[firstAtOrAfter(tokens, match.to)]
  if (next && next.norm === 'من') return true
  let j = firstAtOrAfter(tokens, match.from) - 1
  while (j >= 0 && ((tokens[j] as Token).end > match.from || (tokens[j] as Token).kind === 'punct')) j--
  const before = j >= 0 ? tokens[j] : undefined
  const gap = before ? text.slice(before.end, match.from) : ''
  return before !== undefined && /^\s*$/.test(gap) && lexicons.givenNames.groupOf(before.text) !== undefined
}

/**
 * A role title whose date leaves several holders (وزير الخارجية الأمريكي with
 * no article date) names the one holder the article also names plainly, or
 * no one.
 */
function resolveRole(hit: RegistryHit, established: ReadonlySet<string | null>): RegistryHit | null {
  const named = hit.holders.filter((id) => established.has(id))
  if (named.length !== 1) return null
  return {...hit, mention: {...hit.mention, id: named[0] as string}}
}

function mentionOf(
  text: string,
  block: number,
  tokens: readonly Token[],
  first: number,
  end: number,
  type: EntityKind,
  source: Mention['source']
): Mention {
  const start = (tokens[first] as Token).start
  const stop = (tokens[end - 1] as Token).end
  const surface = text.slice(start, stop)
  return {block, start, end: stop, text: surface, type, id: null, key: matchKey(surface), source}
}

/**
 * Appositions in a block: a mention directly followed by `(Short Name)`; the
 * bracketed mention, if any, names the same entity.
 */
export function findAppositions(text: string, mentions: readonly Mention[]): Apposition[] {
  const found: Apposition[] = []
  for (const mention of mentions) {
    const after = /^\s*\(\s*([^()]{1,40}?)\s*\)/u.exec(text.slice(mention.end))
    if (!after?.[1]) continue
    const aliasStart = mention.end + after[0].indexOf(after[1])
    const alias = mentions.find((m) => m.block === mention.block && m.start === aliasStart)
    if (alias && alias !== mention) found.push({mention, alias})
  }
  return found
}
