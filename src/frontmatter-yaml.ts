/**
 * The YAML of an entry's frontmatter, written directly by the ingest and read
 * back directly by the site's loader (src/site/mdx-to-html.ts).
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
const KEY = '[A-Za-z][A-Za-z0-9]*'
const plainKey = new RegExp(`^${KEY}$`)

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

/**
 * Read a frontmatter in the shape `frontmatterYaml` writes it directly: the same value a YAML
 * library reads from it, or null for any other text, which the caller reads with the library.
 * js-yaml took 0.40–0.46 ms an entry on the 10,000-article bench entries (0.7 ms in a profile of
 * the loader), this 0.21 ms. Strict: a line it does not expect, a
 * key twice, a string with an escape other than `\"` and `\\` or with a character YAML may read
 * otherwise than JSON (C1 controls, line and paragraph separators, byte order marks) give null.
 */
export function readFrontmatterYaml(text: string): Record<string, unknown> | null {
  const lines = text.split('\n')
  let at = 0
  const readMap = (first: string, indent: string): Record<string, unknown> | null => {
    const map: Record<string, unknown> = {}
    for (let lead = first; at < lines.length; lead = indent) {
      const line = lines[at] as string
      const entry = line.startsWith(lead) ? MAP_ENTRY.exec(line.slice(lead.length)) : null
      if (entry === null) return lead === first ? null : map
      const [, key = '', value] = entry
      if (Object.hasOwn(map, key)) return null
      at++
      if (value === undefined) {
        const list = readList(`${indent}  `)
        if (list === null || list.length === 0) return null
        map[key] = list
      } else if (value === '[]') {
        map[key] = []
      } else {
        const read = readScalar(value)
        if (read === NOT_PLAIN) return null
        map[key] = read
      }
    }
    return map
  }
  const readList = (indent: string): unknown[] | null => {
    const list: unknown[] = []
    const item = `${indent}- `
    while (at < lines.length && (lines[at] as string).startsWith(item)) {
      const rest = (lines[at] as string).slice(item.length)
      if (MAP_ENTRY.test(rest)) {
        const map = readMap(item, `${indent}  `)
        if (map === null) return null
        list.push(map)
      } else {
        const read = readScalar(rest)
        if (read === NOT_PLAIN) return null
        list.push(read)
        at++
      }
    }
    return list
  }
  const value = readMap('', '')
  return value !== null && at === lines.length ? value : null
}

/** `key: value` or `key:` (a list follows), with a key `frontmatterYaml` writes as it is. */
const MAP_ENTRY = new RegExp(`^(${KEY}):(?: (.+))?$`)

/** Not a scalar `frontmatterYaml` writes. */
const NOT_PLAIN = Symbol('not plain')

/** A string as `frontmatterYaml` writes it: JSON text whose only escapes are `\"` and `\\`. */
const PLAIN_STRING = /^"(?:[^"\\\u0000-\u001F\u007F-\u009F\u2028\u2029\uFEFF]|\\["\\])*"$/
/** What makes a quoted text need the whole test above: an escape, or a character it refuses. */
const SPECIAL = /[\\\u0000-\u001F\u007F-\u009F\u2028\u2029\uFEFF]/

function readScalar(text: string): unknown {
  if (text === 'null') return null
  if (text === 'true') return true
  if (text === 'false') return false
  if (/^-?(?:0|[1-9][0-9]*)$/.test(text)) {
    const number = Number(text)
    return Number.isSafeInteger(number) && text !== '-0' ? number : NOT_PLAIN
  }
  if (text.length < 2 || text[0] !== '"' || text[text.length - 1] !== '"') return NOT_PLAIN
  // Most strings have no escape: then only a quote inside (which JSON.parse refuses) could make them other text.
  if (SPECIAL.test(text) && !PLAIN_STRING.test(text)) return NOT_PLAIN
  try {
    return JSON.parse(text) as string
  } catch {
    return NOT_PLAIN
  }
}
