import assert from 'node:assert/strict'
import {test} from 'node:test'
import type {Heading, Paragraph, PhrasingContent} from 'mdast'
import type {MdxJsxTextElement} from 'mdast-util-mdx-jsx'
import {mdxToMarkdown} from 'mdast-util-mdx'
import {toMarkdown} from 'mdast-util-to-markdown'
import {plainBlockMdx} from '../../../src/ingest/mdx-plain.ts'
import {toMdx, verifyMdx} from '../../../src/ingest/to-mdx.ts'
import {mdxEntryToHast, textOf} from '../../../src/site/mdx-to-html.ts'
import type {Block} from '../../../src/ingest/structure.ts'
import {testArticleData} from '../../helpers/article-data.ts'

const data = testArticleData()

const hostile = [
  'import fs from "node:fs"',
  'export const x = 1',
  'قال {process.exit(1)} ثم <script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '<!-- تعليق -->',
  '---',
  '`كود` و *مائل* و [رابط](http://x)',
  '# ليس عنوانا',
  '1 < 2 و 3 > 2',
  '\\ خط مائل عكسي'
]

const blocks: Block[] = hostile.map((text, i) => ({kind: i === 7 ? 'heading' : 'paragraph', text, line: i + 1}))

test('to-mdx: hostile text survives the MDX round trip as the same plain text', () => {
  const mdx = toMdx(data, blocks)
  assert.doesNotThrow(() => verifyMdx(mdx, blocks))
  assert.doesNotMatch(mdx, /^import /m)
  assert.doesNotMatch(mdx, /^export /m)
})

test('to-mdx: Latin runs are isolated in <bdi dir="ltr">, text unchanged', () => {
  const text = 'تحتضن مقر القيادة الوسطى CENTCOM والطائرة F-15 QA'
  const isolate = (t: string) => [...t.matchAll(/[A-Z][A-Z0-9-]*( [A-Z]+)?/g)].map((m) => ({start: m.index, end: m.index + m[0].length}))
  const mdx = toMdx(data, [{kind: 'paragraph', text, line: 3}], {isolate})
  assert.match(mdx, /<bdi dir="ltr">CENTCOM<\/bdi>/)
  assert.match(mdx, /<bdi dir="ltr">F-15 QA<\/bdi>/)
  assert.match(mdx, /^<span id="L3" \/>تحتضن/m)
})

test('to-mdx: frontmatter holds the title as YAML data', () => {
  const mdx = toMdx(data, blocks)
  assert.match(mdx, /^---\ntitle: "عنوان فيه \{braces\} و <script>"\n/)
})

test('verifyMdx: refuses MDX whose text does not match the blocks', () => {
  assert.throws(() => verifyMdx('---\na: 1\n---\n\n{1+1}\n', [{kind: 'paragraph', text: '{1+1}', line: 1}]))
  assert.throws(() => verifyMdx('export const a = 1\n', [{kind: 'paragraph', text: 'export const a = 1', line: 1}]))
})

test('mdx-plain: a plain block is written as the general serialiser writes it; anything else is left to it', () => {
  const anchor = (line: number): MdxJsxTextElement => ({type: 'mdxJsxTextElement', name: 'span', attributes: [{type: 'mdxJsxAttribute', name: 'id', value: `L${line}`}], children: []})
  const link: MdxJsxTextElement = {
    type: 'mdxJsxTextElement',
    name: 'a',
    attributes: [
      {type: 'mdxJsxAttribute', name: 'href', value: '/entities/qatar/'},
      {type: 'mdxJsxAttribute', name: 'data-entity', value: 'place'}
    ],
    children: [{type: 'text', value: 'قطر'}]
  }
  const bdi: MdxJsxTextElement = {type: 'mdxJsxTextElement', name: 'bdi', attributes: [{type: 'mdxJsxAttribute', name: 'dir', value: 'ltr'}], children: [{type: 'text', value: 'F-15 QA'}]}
  const plain: Array<Paragraph | Heading> = [
    {type: 'paragraph', children: [anchor(1), {type: 'text', value: 'وقال الوزير: "إن التعاون (مع '}, link, {type: 'text', value: ') بنسبة 40% مهم؛ 1. أ - ب / ج @ د\' هـ?"'}]},
    {type: 'paragraph', children: [anchor(2), {type: 'text', value: 'طائرات '}, bdi, {type: 'text', value: ' - 12.'}]},
    {type: 'heading', depth: 2, children: [{type: 'text', value: '1. عنوان فرعي -- وسطر'}]}
  ]
  for (const node of plain) {
    const text = node.children.map(function flat(c: PhrasingContent): string {
      return c.type === 'text' ? c.value : 'children' in c ? c.children.map((x) => flat(x as PhrasingContent)).join('') : ''
    }).join('')
    const general = toMarkdown({type: 'root', children: [node]}, {extensions: [mdxToMarkdown()]}).trimEnd()
    assert.equal(plainBlockMdx(node, text), general)
  }
  for (const text of ['نص *مائل*', 'أ < ب', 'قال {x}', ' يبدأ بمسافة', 'ينتهي بمسافة ', 'سطر\u2028آخر', 'رابط [x]', '']) {
    const node: Paragraph = {type: 'paragraph', children: [anchor(1), {type: 'text', value: text}]}
    assert.equal(plainBlockMdx(node, text), null, text)
  }
})

test('to-mdx: an article of many hostile and plain blocks (several verified runs) reads back as its text', () => {
  const many: Block[] = Array.from({length: 300}, (_, i) => ({
    kind: i % 50 === 7 ? 'heading' : 'paragraph',
    text: i % 3 === 0 ? (hostile[i % hostile.length] ?? '') : `فقرة عادية رقم ${i} عن التعاون الدفاعي.`,
    line: i + 1
  }))
  const mdx = toMdx(data, many)
  assert.doesNotThrow(() => verifyMdx(mdx, many))
  const {root} = mdxEntryToHast(mdx, 'many.mdx')
  assert.deepEqual(root.children.filter((n) => n.type === 'element').map(textOf), many.map((b) => b.text))
})

test('to-mdx: a very long paragraph is written on lines of bounded length and reads back, and renders, as its text', () => {
  const words = ['التعاون', 'الدفاعي', 'بين', 'قطر', 'والولايات', 'المتحدة', 'Pentagon', '2025', '{x}', '<b>']
  const text = Array.from({length: 3000}, (_, i) => words[(i * 7) % words.length]).join(' ')
  const links = [...text.matchAll(/قطر/g)].map((m) => ({block: 0, start: m.index, end: m.index + 3, href: '/entities/qatar/', kind: 'place'}))
  const long: Block[] = [{kind: 'paragraph', text, line: 5}]
  const mdx = toMdx(data, long, {links})
  const lines = mdx.slice(mdx.indexOf('<span id="L5"')).trimEnd().split('\n')
  assert.ok(lines.length > 10, `${lines.length} lines`)
  assert.ok(Math.max(...lines.map((l) => l.length)) < 4000)
  assert.doesNotThrow(() => verifyMdx(mdx, long))
  const {root} = mdxEntryToHast(mdx, 'long.mdx')
  assert.equal(textOf(root).trim().replaceAll('\n', ' '), text)
  // Below the threshold a paragraph stays on one line.
  const short: Block[] = [{kind: 'paragraph', text: text.slice(0, 1900), line: 1}]
  assert.equal(toMdx(data, short).trimEnd().split('\n').at(-1), `<span id="L1" />${text.slice(0, 1900).replaceAll('{', '\\{').replaceAll('<', '\\<')}`)
})
