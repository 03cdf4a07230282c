/**
 * The MDX of one body block written directly, for the common case where
 * nothing in its text means anything to MDX, so that the general serialiser
 * (mdast-util-to-markdown) and the verifying parse (micromark), which cost
 * about 0.1 ms a block, are kept for the blocks that need them.
 *
 * Why a block written here is safe and is what the general serialiser writes:
 *
 * - Its text holds only *inert* characters: non-ASCII ones (but line and
 *   paragraph separators), ASCII letters and digits, space, and the ASCII
 *   marks `. , : ; ? % ( ) " ' / @ -`. Markdown
 *   and MDX constructs inside a line start only at other ASCII marks (`\`,
 *   `` ` ``, `*`, `_`, `[`, `]`, `!`, `<`, `>`, `{`, `}`, `&`, `~`, `#`, `=`,
 *   `+`, `|`, ...) or at line endings; the inert marks matter only at the start
 *   of a line (list items like `1.` or `-`) or inside link destinations and
 *   titles, and a block's text never starts a line (a paragraph starts with
 *   its anchor element, a heading with `## `) nor holds a line ending. The
 *   serialiser's own escaping rules (its `unsafe` patterns) match the same:
 *   none applies to an inert character outside those places, so it would
 *   write the text unchanged too.
 * - The text neither starts nor ends with a space (those would be trimmed by
 *   the parser and are encoded by the serialiser) and is not empty (a line of
 *   elements alone would be read as block-level JSX).
 * - The elements are the ones `to-mdx.ts` makes, with attribute values of
 *   URL-safe characters only, written as mdast-util-mdx-jsx writes them.
 *
 * Anything else returns null, and the block takes the general path.
 */
import type {Heading, Paragraph, PhrasingContent} from 'mdast'
import type {MdxJsxTextElement} from 'mdast-util-mdx-jsx'

/** Text of inert characters only (see above). */
const inertText = /^[^\x00-\x1F\x7F\u0085\u2028\u2029!#$&*+<=>[\\\]^_`{|}~]*$/u

/** Attribute values that need no quoting or encoding. */
const plainAttribute = /^[A-Za-z0-9._/-]*$/

/** The elements `to-mdx.ts` writes, with their attributes in order. */
const elementAttributes: Record<string, readonly string[]> = {
  span: ['id'],
  a: ['href', 'data-entity'],
  bdi: ['dir']
}

/**
 * A paragraph or level-2 heading of body text as MDX, or null when its text
 * is not plain enough to be written without the general serialiser.
 */
export function plainBlockMdx(node: Paragraph | Heading, text: string): string | null {
  if (text === '' || text.startsWith(' ') || text.endsWith(' ') || !inertText.test(text)) return null
  if (node.type === 'heading' && node.depth !== 2) return null
  const inline = phrasingMdx(node.children)
  if (inline === null) return null
  return node.type === 'heading' ? `## ${inline}` : inline
}

function phrasingMdx(nodes: readonly PhrasingContent[]): string | null {
  let out = ''
  for (const node of nodes) {
    if (node.type === 'text') {
      if (!inertText.test(node.value)) return null
      out += node.value
    } else if (node.type === 'mdxJsxTextElement') {
      const element = elementMdx(node)
      if (element === null) return null
      out += element
    } else {
      return null
    }
  }
  return out
}

function elementMdx(node: MdxJsxTextElement): string | null {
  const expected = node.name ? elementAttributes[node.name] : undefined
  if (!expected || node.attributes.length !== expected.length) return null
  let open = `<${node.name}`
  for (const [i, attribute] of node.attributes.entries()) {
    if (attribute.type !== 'mdxJsxAttribute' || attribute.name !== expected[i]) return null
    if (typeof attribute.value !== 'string' || !plainAttribute.test(attribute.value)) return null
    open += ` ${attribute.name}="${attribute.value}"`
  }
  if (node.children.length === 0) return `${open} />`
  const children = phrasingMdx(node.children as PhrasingContent[])
  return children === null ? null : `${open}>${children}</${node.name}>`
}
