/**
 * The last step of the ingest: an article → the text of its MDX entry.
 *
 * MDX is a programming language: `{...}` is JavaScript, a line starting with
 * `import`/`export` is a module statement, `<tag>` is JSX. Article text must
 * never become any of those. So the entry is built as a syntax tree (mdast)
 * whose text lives only in `text` nodes, and serialised by
 * mdast-util-to-markdown, which escapes whatever would be read as syntax.
 * Then the result is parsed back as MDX and compared with what went in:
 * if any block does not come back as the same plain text, the entry is refused.
 */
import type {Heading, Paragraph, PhrasingContent, Root, RootContent, Text, Yaml} from 'mdast'
import type {MdxJsxTextElement} from 'mdast-util-mdx-jsx'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {frontmatterFromMarkdown, frontmatterToMarkdown} from 'mdast-util-frontmatter'
import {mdxFromMarkdown, mdxToMarkdown} from 'mdast-util-mdx'
import {toMarkdown} from 'mdast-util-to-markdown'
import {frontmatter} from 'micromark-extension-frontmatter'
import {mdxjs} from 'micromark-extension-mdxjs'
import YAML from 'yaml'
import type {ArticleData} from '../schema.ts'
import type {Block} from './structure.ts'

/** A span of a block's text, by UTF-16 offsets. */
export interface Span {
  start: number
  end: number
}

/** A link to put on a span of a block (an entity mention → its page). */
export interface Link {
  block: number
  start: number
  end: number
  /** Relative URL, so the entry does not depend on the site's base path. */
  href: string
  /** Kind of thing linked (`person`, `place`, ...), for styling. */
  kind: string
}

/** How to mark up the body. */
export interface ToMdxOptions {
  /** Spans of each text to isolate as left-to-right (`<bdi dir="ltr">`); default none. */
  isolate?: ((text: string) => Span[]) | undefined
  /** Links on spans of blocks; overlapping links after the first are ignored. Default none. */
  links?: readonly Link[] | undefined
}

// `import`/`export` at the start of a line would be read as ESM by MDX; to-markdown
// escapes these first letters as character references when asked to.
const esmGuards = {
  unsafe: [
    {character: 'i', atBreak: true, after: 'mport\\b'},
    {character: 'e', atBreak: true, after: 'xport\\b'}
  ]
}

/** The JSX elements the body may contain: the ones this module writes, nothing else. */
const allowedElements = new Set(['span', 'bdi', 'a'])

/**
 * Serialise an article as MDX.
 *
 * Takes the validated frontmatter and the body blocks; returns the MDX text.
 * Each paragraph starts with an empty `<span id="L<line>" />` so other pages
 * can link to it by its source line; sub-headings are level-2 headings.
 * Throws when the result would not read back as exactly the given text.
 */
export function toMdx(data: ArticleData, blocks: readonly Block[], options: ToMdxOptions = {}): string {
  // Every string quoted: an unquoted 2025-09-16 or 1992 would be read back as a date or a number.
  const value = YAML.stringify(data, {lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN'}).trimEnd()
  const yaml: Yaml = {type: 'yaml', value}
  const children: RootContent[] = [yaml]
  const linksOf = new Map<number, Link[]>()
  for (const link of options.links ?? []) {
    const list = linksOf.get(link.block)
    if (list) list.push(link)
    else linksOf.set(link.block, [link])
  }
  blocks.forEach((block, index) => {
    const inline = phrasing(block.text, options.isolate?.(block.text) ?? [], linksOf.get(index) ?? [])
    if (block.kind === 'heading') {
      const heading: Heading = {type: 'heading', depth: 2, children: inline}
      children.push(heading)
    } else {
      const anchor: MdxJsxTextElement = {
        type: 'mdxJsxTextElement',
        name: 'span',
        attributes: [{type: 'mdxJsxAttribute', name: 'id', value: `L${block.line}`}],
        children: []
      }
      const paragraph: Paragraph = {type: 'paragraph', children: [anchor, ...inline]}
      children.push(paragraph)
    }
  })
  const tree: Root = {type: 'root', children}
  const mdx = toMarkdown(tree, {
    extensions: [frontmatterToMarkdown(['yaml']), mdxToMarkdown(), esmGuards]
  })
  verifyMdx(mdx, blocks)
  return mdx
}

/** A block's text as phrasing: links around mentions, `<bdi>` around Latin runs (inside links too). */
function phrasing(text: string, latin: readonly Span[], links: readonly Link[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  let at = 0
  for (const link of [...links].sort((a, b) => a.start - b.start)) {
    if (link.start < at || link.end <= link.start || link.end > text.length) continue
    out.push(...isolated(text, at, link.start, latin))
    const element: MdxJsxTextElement = {
      type: 'mdxJsxTextElement',
      name: 'a',
      attributes: [
        {type: 'mdxJsxAttribute', name: 'href', value: link.href},
        {type: 'mdxJsxAttribute', name: 'data-entity', value: link.kind}
      ],
      children: isolated(text, link.start, link.end, latin)
    }
    out.push(element)
    at = link.end
  }
  out.push(...isolated(text, at, text.length, latin))
  return out
}

/** The text from `from` to `to` with the Latin runs inside it (clipped) in `<bdi dir="ltr">`. */
function isolated(text: string, from: number, to: number, latin: readonly Span[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  let at = from
  for (const span of latin) {
    const start = Math.max(span.start, from)
    const end = Math.min(span.end, to)
    if (end <= start || start < at) continue
    if (start > at) out.push(textNode(text.slice(at, start)))
    const bdi: MdxJsxTextElement = {
      type: 'mdxJsxTextElement',
      name: 'bdi',
      attributes: [{type: 'mdxJsxAttribute', name: 'dir', value: 'ltr'}],
      children: [textNode(text.slice(start, end))]
    }
    out.push(bdi)
    at = end
  }
  if (at < to) out.push(textNode(text.slice(at, to)))
  return out
}

function textNode(value: string): Text {
  return {type: 'text', value}
}

/**
 * Parse MDX back and check that it holds the blocks as plain text and nothing
 * else: no expressions, no ESM, no element this module did not write.
 */
export function verifyMdx(mdx: string, blocks: readonly Block[]): void {
  const tree = fromMarkdown(mdx, {
    extensions: [frontmatter(['yaml']), mdxjs()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml']), mdxFromMarkdown()]
  })
  const texts: string[] = []
  for (const node of tree.children) {
    if (node.type === 'yaml') continue
    texts.push(plainText(node))
  }
  if (texts.length !== blocks.length) {
    throw new Error(`MDX round trip gave ${texts.length} blocks for ${blocks.length}`)
  }
  blocks.forEach((block, i) => {
    if (texts[i] !== block.text) {
      throw new Error(`MDX round trip changed the text of line ${block.line}`)
    }
  })
}

function plainText(node: RootContent): string {
  switch (node.type) {
    case 'text':
      return node.value
    case 'paragraph':
    case 'heading':
      return node.children.map((c) => plainText(c)).join('')
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      if (!node.name || !allowedElements.has(node.name)) throw new Error(`unexpected element <${node.name ?? ''}>`)
      for (const attribute of node.attributes) {
        if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') {
          throw new Error('unexpected attribute expression')
        }
      }
      return node.children.map((c) => plainText(c as RootContent)).join('')
    }
    default:
      throw new Error(`unexpected ${node.type} in MDX output`)
  }
}
