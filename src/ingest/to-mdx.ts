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
 *
 * Most blocks hold nothing MDX could read as syntax; those are written
 * directly (mdx-plain.ts says why that is safe and the same bytes). The others
 * go through the serialiser and the verifying parse in runs of at most
 * `verifiedRun` blocks, so that the cost and memory of one parse stay bounded
 * however long the article. Verifying runs apart is as strict as verifying
 * the whole: a run that parses back as exactly its paragraphs and headings
 * leaves the parser, after the blank line that follows, in the state it
 * starts in (no open container, fence, element or expression), and the one
 * thing markdown carries across blocks, link reference definitions, would
 * fail the run it is in.
 */
import type {Heading, Paragraph, PhrasingContent, Root, RootContent, Text} from 'mdast'
import type {MdxJsxTextElement} from 'mdast-util-mdx-jsx'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter'
import {mdxFromMarkdown, mdxToMarkdown} from 'mdast-util-mdx'
import {toMarkdown} from 'mdast-util-to-markdown'
import {frontmatter} from 'micromark-extension-frontmatter'
import {mdxjs} from 'micromark-extension-mdxjs'
import type {ArticleData} from '../schema.ts'
import {frontmatterYaml} from '../frontmatter-yaml.ts'
import {plainBlockMdx} from './mdx-plain.ts'
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

/** Most blocks serialised and verified in one parse (a bound on its time and memory). */
const verifiedRun = 64

/**
 * Paragraphs longer than this (UTF-16 units) are written on lines of about
 * `wrappedLine`: the site's MDX parser takes time proportional to a line's
 * length for each element on it, so a 2 MB paragraph with its entity links on
 * one line cost a minute and a half to render, and on lines of 1,000 a tenth
 * of a second. A line break inside a paragraph is read, and shown, as the
 * space it replaces.
 */
const longParagraph = 2000
const wrappedLine = 1000

/** A letter no Markdown or MDX construct starts with: a wrapped line starts with one. */
const arabicLetter = /[\u0621-\u064A]/

const toMarkdownOptions = {extensions: [mdxToMarkdown(), esmGuards]}

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
  const value = frontmatterYaml(data)
  // The frontmatter ends at the first line `---`; YAML of quoted strings never starts a line so.
  if (/^---/m.test(value)) throw new Error('the frontmatter would hold its own end')
  const parts = [`---\n${value}\n---`]
  const linksOf = new Map<number, Link[]>()
  for (const link of options.links ?? []) {
    const list = linksOf.get(link.block)
    if (list) list.push(link)
    else linksOf.set(link.block, [link])
  }
  let run: Array<{node: Paragraph | Heading; block: Block}> = []
  const writeRun = () => {
    if (run.length > 0) parts.push(verifiedMdx(run))
    run = []
  }
  blocks.forEach((block, index) => {
    const node = blockNode(block, phrasing(block.text, options.isolate?.(block.text) ?? [], linksOf.get(index) ?? []))
    const wrapped = node.type === 'paragraph' && block.text.length > longParagraph && wrapParagraph(node)
    const plain = wrapped ? null : plainBlockMdx(node, block.text)
    if (plain === null) {
      run.push({node, block})
      if (run.length === verifiedRun) writeRun()
    } else {
      writeRun()
      parts.push(plain)
    }
  })
  writeRun()
  return `${parts.join('\n\n')}\n`
}

/** A block as an mdast node: a level-2 heading, or a paragraph after its line anchor. */
function blockNode(block: Block, inline: PhrasingContent[]): Paragraph | Heading {
  if (block.kind === 'heading') return {type: 'heading', depth: 2, children: inline}
  const anchor: MdxJsxTextElement = {
    type: 'mdxJsxTextElement',
    name: 'span',
    attributes: [{type: 'mdxJsxAttribute', name: 'id', value: `L${block.line}`}],
    children: []
  }
  return {type: 'paragraph', children: [anchor, ...inline]}
}

/**
 * Replace spaces of the paragraph's own text (not inside its elements) by
 * line breaks, about every `wrappedLine` characters, where a non-space comes
 * before and an Arabic letter after; returns whether it replaced any.
 */
function wrapParagraph(paragraph: Paragraph): boolean {
  let column = 0
  let wrapped = false
  for (const child of paragraph.children) {
    if (child.type !== 'text') {
      column += plainText(child).length
      continue
    }
    const chars = [...child.value]
    child.value = chars
      .map((char, i) => {
        column++
        if (char !== ' ' || column < wrappedLine || i === 0 || i === chars.length - 1) return char
        if (/\s/.test(chars[i - 1] ?? ' ') || !arabicLetter.test(chars[i + 1] ?? '')) return char
        column = 0
        wrapped = true
        return '\n'
      })
      .join('')
  }
  return wrapped
}

/** Blocks through the general serialiser, checked by parsing the result back; returns their MDX. */
function verifiedMdx(run: ReadonlyArray<{node: Paragraph | Heading; block: Block}>): string {
  const mdx = toMarkdown({type: 'root', children: run.map((r) => r.node)}, toMarkdownOptions)
  checkBlocks(fromMarkdown(mdx, {extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()]}), run.map((r) => r.block))
  return mdx.replace(/\n$/, '')
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
  checkBlocks({...tree, children: tree.children.filter((node) => node.type !== 'yaml')}, blocks)
}

/**
 * Check that a parsed body is the blocks as plain text, block for block;
 * throws if not. A line break counts as the space it stands for (a block is
 * one line, so any line break in it is one `wrapParagraph` wrote).
 */
function checkBlocks(tree: Root, blocks: readonly Block[]): void {
  const texts = tree.children.map(plainText)
  if (texts.length !== blocks.length) {
    throw new Error(`MDX round trip gave ${texts.length} blocks for ${blocks.length}`)
  }
  blocks.forEach((block, i) => {
    if (texts[i]?.replaceAll('\n', ' ') !== block.text) {
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
