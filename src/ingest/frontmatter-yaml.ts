/**
 * The YAML of an entry's frontmatter, written directly.
 *
 * The `yaml` library builds a document tree of the value and prints it node
 * by node: a fifth of the whole rendering of an article went there. The
 * frontmatter is always the same simple shape (a map of strings, numbers,
 * booleans, nulls and lists of those or of such maps), and for that shape,
 * with every string double-quoted and no line folding, the library's output
 * is plain: `key: value` lines, `  - ` for list items, `[]` for an empty list,
 * and each string as its JSON text. That is what `frontmatterYaml` writes.
 *
 * A string whose JSON text holds an escape other than `\"` and `\\` (a
 * control character, a line break, a lone surrogate) is escaped by the
 * library in its own way (`\e`, `\x..`, `\ ` before a line break), and any
 * other shape (a nested map, a list in a list, a key that needs quoting, a
 * fraction) is laid out by it too: then the whole value goes through the library.
 */
import YAML from 'yaml'

/** The options the frontmatter is written with: every string double-quoted, no folding. */
const yamlOptions = {lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN'} as const

/** A key the library writes as it is. */
const plainKey = /^[A-Za-z][A-Za-z0-9]*$/

/**
 * Takes a frontmatter value; returns its YAML without the final line break,
 * the same text as `YAML.stringify(value, yamlOptions).trimEnd()`.
 */
export function frontmatterYaml(value: Readonly<Record<string, unknown>>): string {
  const lines: string[] = []
  return writeMap(value, '', '', lines) ? lines.join('\n') : YAML.stringify(value, yamlOptions).trimEnd()
}

/** A scalar as the library writes it, or null when it would lay it out otherwise. */
function scalar(value: unknown): string | null {
  if (value === null) return 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') return Number.isSafeInteger(value) && !Object.is(value, -0) ? String(value) : null
  if (typeof value === 'string') {
    const json = JSON.stringify(value)
    // `\"` and `\\` stay as they are; any other escape (or a `\\` before one of its letters,
    // which this test cannot tell from it) is the library's to write.
    return /\\[^"\\]/.test(json) ? null : json
  }
  return null
}

/**
 * Write a map's lines: the first after `first` (a list item's `- `), the
 * others after `indent`. Returns false for a shape it does not write.
 */
function writeMap(map: Readonly<Record<string, unknown>>, first: string, indent: string, lines: string[]): boolean {
  const keys = Object.keys(map)
  if (keys.length === 0) return false
  let lead = first
  for (const key of keys) {
    const value = map[key]
    if (!plainKey.test(key) || value === undefined) return false
    if (Array.isArray(value)) {
      if (value.length === 0) {
        lines.push(`${lead}${key}: []`)
      } else {
        lines.push(`${lead}${key}:`)
        if (!writeList(value, `${indent}  `, lines)) return false
      }
    } else {
      const text = scalar(value)
      if (text === null) return false
      lines.push(`${lead}${key}: ${text}`)
    }
    lead = indent
  }
  return true
}

/** Write a non-empty list's items at `indent`: scalars, or maps. */
function writeList(list: readonly unknown[], indent: string, lines: string[]): boolean {
  for (const item of list) {
    if (item !== null && typeof item === 'object') {
      if (Array.isArray(item) || !writeMap(item as Record<string, unknown>, `${indent}- `, `${indent}  `, lines)) return false
    } else {
      const text = scalar(item)
      if (text === null) return false
      lines.push(`${indent}- ${text}`)
    }
  }
  return true
}
