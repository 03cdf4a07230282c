/**
 * A trie over token-key sequences, for longest-match phrase lookup.
 *
 * Plain data plus functions (no class) so it can be built once at load and
 * passed around; values are whatever the caller stores (registry candidates,
 * lexicon entries).
 */
import type {KeyedTokens} from './keys.ts'

/** One node: children by token key, and the values of phrases ending here. */
export interface TrieNode<Value> {
  children: Map<string, TrieNode<Value>>
  values: Value[]
}

/** An empty trie (its root node). */
export function createTrie<Value>(): TrieNode<Value> {
  return {children: new Map(), values: []}
}

/**
 * The node for a key sequence, created on the way when missing.
 * Takes the root and the keys (`phraseKeys`); returns the last node.
 */
export function nodeFor<Value>(root: TrieNode<Value>, keys: readonly string[]): TrieNode<Value> {
  let node = root
  for (const key of keys) {
    let child = node.children.get(key)
    if (child === undefined) {
      child = createTrie<Value>()
      node.children.set(key, child)
    }
    node = child
  }
  return node
}

/** Result of `longestMatch`. */
export interface TrieMatch<Value> {
  /** Token index after the match (exclusive). */
  end: number
  /** Proclitics split off the first token ('' when none). */
  prefix: string
  /** Key the first token was read as (the token itself, or its stem). */
  firstKey: string
  /** The values at the matched node that passed the filter (never empty). */
  values: Value[]
}

/**
 * Longest phrase of the trie starting at token `start`.
 *
 * Takes the text's keyed tokens (`keyTokens`), the start index and a filter
 * on values (a node only counts as a match when one of its values passes).
 * The first token is tried as written and without proclitics
 * (`firstTokenForms`); the longest match wins, the reading as written on
 * ties. Returns undefined when no phrase starts there.
 */
export function longestMatch<Value>(
  root: TrieNode<Value>,
  tokens: KeyedTokens,
  start: number,
  accept: (value: Value) => boolean = () => true
): TrieMatch<Value> | undefined {
  const forms = tokens.firstForms[start]
  if (forms === undefined) return undefined
  let best: TrieMatch<Value> | undefined
  for (const form of forms) {
    let node = root.children.get(form.key)
    let index = start + 1
    while (node !== undefined) {
      const values = node.values.filter(accept)
      if (values.length > 0 && (best === undefined || index > best.end)) best = {end: index, prefix: form.prefix, firstKey: form.key, values}
      const next = tokens.keys[index]
      if (next === undefined) break
      node = node.children.get(next)
      index++
    }
  }
  return best
}

/** Every node with values, with its key path (for checks and statistics). */
export function* trieEntries<Value>(root: TrieNode<Value>, path: string[] = []): Generator<{keys: string[]; values: Value[]}> {
  if (root.values.length > 0) yield {keys: path, values: root.values}
  for (const [key, child] of root.children) yield* trieEntries(child, [...path, key])
}
