import assert from 'node:assert/strict'
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import {toMdx} from '../../../src/ingest/to-mdx.ts'
import type {Block} from '../../../src/ingest/structure.ts'
import {articleSchema} from '../../../src/schema.ts'
import {testArticleData} from '../../helpers/article-data.ts'
import {renderMdxEntry, UnrenderableEntryError} from '../../../src/site/mdx-to-html.ts'

const data = testArticleData({date: '2025-09', datePrecision: 'month', dateBasis: 'dateline', dateReason: 'dateline', keywords: ['1992'], paragraphs: 2, words: 9})

const entry = (body: string) => `---\ntitle: "x"\n---\n\n${body}`

test('mdx-to-html: an entry the ingest wrote gives its frontmatter and HTML elements for its JSX', () => {
  const blocks: Block[] = [
    {kind: 'heading', text: 'تصريحات قطر', line: 2},
    {kind: 'paragraph', text: 'قال وزير الخارجية إن قطر تستضيف CENTCOM', line: 4}
  ]
  const qatar = blocks[1]!.text.indexOf('قطر')
  const mdx = toMdx(data, blocks, {
    isolate: (text) => [...text.matchAll(/[A-Z]+/g)].map((m) => ({start: m.index, end: m.index + m[0].length})),
    links: [{block: 1, start: qatar, end: qatar + 3, href: '../../entities/qatar/', kind: 'place'}]
  })
  const rendered = renderMdxEntry(mdx, 'articles/x.mdx')
  assert.deepEqual(articleSchema.parse(rendered.data), data)
  assert.equal(
    rendered.html,
    '<h2 id="تصريحات-قطر">تصريحات قطر</h2>\n' +
      '<p><span id="L4"></span>قال وزير الخارجية إن <a href="../../entities/qatar/" data-entity="place">قطر</a> تستضيف <bdi dir="ltr">CENTCOM</bdi></p>'
  )
})

test('mdx-to-html: text that looks like code is rendered as text, never as markup', () => {
  const hostile = ['import fs from "node:fs"', 'export const x = 1', 'قال {process.exit(1)} ثم <script>alert(1)</script>', '<img src=x onerror="alert(1)">']
  const blocks: Block[] = hostile.map((text, i) => ({kind: 'paragraph', text, line: i + 1}))
  const {html} = renderMdxEntry(toMdx(data, blocks), 'articles/x.mdx')
  assert.match(html, /<p><span id="L1"><\/span>import fs from "node:fs"<\/p>/)
  assert.match(html, /<p><span id="L2"><\/span>export const x = 1<\/p>/)
  assert.match(html, /\{process\.exit\(1\)\} ثم &lt;script>alert\(1\)&lt;\/script>/)
  assert.match(html, /&lt;img src=x onerror="alert\(1\)">/)
  assert.doesNotMatch(html, /<script|<img/)
})

test('mdx-to-html: what needs the MDX runtime is refused, naming the file and line', () => {
  const refused: Array<[string, RegExp]> = [
    ['import x from "y"\n', /^articles\/bad\.mdx:5: an import\/export statement/],
    ['export const a = 1\n', /^articles\/bad\.mdx:5: an import\/export statement/],
    ['نص\n\n{process.exit(1)}\n', /^articles\/bad\.mdx:7: an expression \{process\.exit\(1\)\}/],
    ['قال {1+1}\n', /^articles\/bad\.mdx:5: an expression \{1\+1\}/],
    ['<Chart data="x" />\n', /^articles\/bad\.mdx:5: a component <Chart>/],
    ['<a href={url}>x</a>\n', /^articles\/bad\.mdx:5: an expression as the value of href on <a>/],
    ['<a {...props}>x</a>\n', /^articles\/bad\.mdx:5: a spread attribute on <a>/],
    ['<>x</>\n', /^articles\/bad\.mdx:5: a JSX fragment/]
  ]
  for (const [body, message] of refused) {
    assert.throws(() => renderMdxEntry(entry(body), 'articles/bad.mdx'), (error: Error) => error instanceof UnrenderableEntryError && message.test(error.message), body)
  }
})

test('mdx-to-html: invalid MDX is an error naming the file', () => {
  assert.throws(() => renderMdxEntry(entry('<span id="L1">\n'), 'articles/broken.mdx'), /^Error: articles\/broken\.mdx: not valid MDX/)
})

test('mdx-to-html: repeated headings get distinct ids, as in Astro', () => {
  const {html} = renderMdxEntry(entry('## خلفية\n\n## خلفية\n'), 'x.mdx')
  assert.equal(html, '<h2 id="خلفية">خلفية</h2>\n<h2 id="خلفية-1">خلفية</h2>')
})

test('mdx-to-html: every sample article entry renders (when the ingest has written them)', async () => {
  const dir = path.resolve(import.meta.dirname, '../../../content/articles')
  const names = (await readdir(dir).catch(() => [])).filter((name) => name.endsWith('.mdx'))
  for (const name of names) {
    const rendered = renderMdxEntry(await readFile(path.join(dir, name), 'utf8'), name)
    assert.doesNotThrow(() => articleSchema.parse(rendered.data), name)
    assert.match(rendered.html, /^<p><span id="L\d+"><\/span>/, name)
  }
})
