/**
 * An article entry (`content/articles/*.mdx`) → its frontmatter and body HTML,
 * without the MDX runtime.
 *
 * The ingest writes entries that use none of what needs MDX's JavaScript
 * output: no imports or exports, no `{expressions}`, no components, only
 * Markdown and plain HTML elements (`<a href data-entity>`, `<span id>`,
 * `<bdi dir>`) with literal attributes. Compiling each entry into a JavaScript
 * module that Astro bundles on every build is the cost of MDX such entries
 * need not have. So the body is parsed as MDX by Sätteri, the parser Astro's
 * MDX integration rendered these entries with, its elements become HTML
 * elements, and anything that would need MDX's runtime is refused with the
 * file and line named instead of being dropped or run.
 *
 * The HTML is what Astro's MDX rendering gave for these entries: the same
 * elements, attributes, text and heading ids (github-slugger over the
 * heading's text, as Astro's heading-ids step). One difference: `"`, `'` and
 * `>` in the text are written as themselves, not as `&quot;`, `&#39;` and
 * `&gt;` (the same text on the page).
 */
import type {Element, ElementContent, Properties, Root, RootContent} from 'hast'
import Slugger from 'github-slugger'
import {toHtml} from 'hast-util-to-html'
import yaml from 'js-yaml'
import {mdxToHast} from 'satteri'
import {readFrontmatterYaml} from '../frontmatter-yaml.ts'

export interface RenderedEntry {
  data: Record<string, unknown>
  html: string
}

/** An entry that uses what only MDX's JavaScript runtime could render. */
export class UnrenderableEntryError extends Error {
  constructor(file: string, line: number | undefined, what: string) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${what} in an article entry; entries may hold Markdown and plain HTML elements only`)
    this.name = 'UnrenderableEntryError'
  }
}

// As the ingest writes it and Astro reads it: `---` lines around YAML at the very start.
const frontmatterBlock = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/

/** Lowercase HTML element names; a capitalised or dotted name is a component. */
const htmlElementName = /^[a-z][a-z0-9]*$/

/** Parse an entry's MDX text and render its body; `file` names it in errors. */
export function renderMdxEntry(mdx: string, file: string): RenderedEntry {
  const {data, root} = mdxEntryToHast(mdx, file)
  addHeadingIds(root)
  // Named references (`&lt;`, `&amp;`), as Astro's MDX output has them.
  return {data, html: toHtml(root, {characterReferences: {useNamedReferences: true}})}
}

/**
 * Parse an entry's MDX text: its frontmatter, and its body as an HTML tree
 * (before heading ids); what would need the MDX runtime is refused.
 */
export function mdxEntryToHast(mdx: string, file: string): {data: Record<string, unknown>; root: Root} {
  const block = frontmatterBlock.exec(mdx)
  const data = block ? frontmatterOf(block[1] ?? '', file) : {}
  const body = block ? mdx.slice(block[0].length) : mdx
  // Lines of the body are counted from its own start; errors name the line in the file.
  const bodyLine = block ? block[0].split('\n').length - 1 : 0
  let tree: Root
  try {
    // As Astro's MDX integration was configured: no GFM, no smart punctuation (article text as written).
    tree = mdxToHast(body, {features: {gfm: false, smartPunctuation: false, frontmatter: false}}) as Root
  } catch (error) {
    throw new Error(`${file}: not valid MDX: ${(error as Error).message}`)
  }
  return {data, root: {type: 'root', children: tree.children.map((node) => htmlNode(node, file, bodyLine))}}
}

function frontmatterOf(text: string, file: string): Record<string, unknown> {
  // The ingest's own shape is read directly; anything else (an entry written otherwise) by js-yaml.
  const value: unknown = readFrontmatterYaml(text) ?? yaml.load(text)
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${file}: the frontmatter is not a mapping`)
  return value as Record<string, unknown>
}

/**
 * The node as plain HTML: an element written as JSX becomes the same HTML
 * element; ESM, expressions, components and computed attributes are refused.
 */
function htmlNode<N extends RootContent>(node: N, file: string, bodyLine: number): N | Element {
  const line = node.position ? node.position.start.line + bodyLine : undefined
  switch (node.type) {
    case 'mdxjsEsm':
      throw new UnrenderableEntryError(file, line, 'an import/export statement')
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      throw new UnrenderableEntryError(file, line, `an expression {${node.value}}`)
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const name = node.name
      if (name === null) throw new UnrenderableEntryError(file, line, 'a JSX fragment <>')
      if (!htmlElementName.test(name)) throw new UnrenderableEntryError(file, line, `a component <${name}>`)
      const properties: Properties = {}
      for (const attribute of node.attributes) {
        if (attribute.type === 'mdxJsxExpressionAttribute') throw new UnrenderableEntryError(file, line, `a spread attribute on <${name}>`)
        if (attribute.value !== null && typeof attribute.value === 'object') {
          throw new UnrenderableEntryError(file, line, `an expression as the value of ${attribute.name} on <${name}>`)
        }
        // A bare attribute (`<x hidden>`) is true in JSX.
        properties[attribute.name] = attribute.value ?? true
      }
      const children = node.children.map((child) => htmlNode(child as RootContent, file, bodyLine)) as ElementContent[]
      return {type: 'element', tagName: name, properties, children}
    }
    case 'element':
      return {...node, children: node.children.map((child) => htmlNode(child, file, bodyLine)) as ElementContent[]}
    default:
      return node
  }
}

/** Give each heading the id Astro's Markdown and MDX rendering gives it. */
function addHeadingIds(tree: Root): void {
  const slugger = new Slugger()
  const visit = (node: Root | RootContent) => {
    if (node.type === 'element' && /^h[1-6]$/.test(node.tagName)) {
      const existing = node.properties['id']
      node.properties['id'] = typeof existing === 'string' ? existing : slugger.slug(textOf(node))
      return
    }
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
}

/** The text of a node: its text descendants, joined. */
export function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value
  return 'children' in node ? node.children.map(textOf).join('') : ''
}
