import assert from 'node:assert/strict'
import {test} from 'node:test'
import {toMdx, verifyMdx} from '../../../src/ingest/to-mdx.ts'
import type {Block} from '../../../src/ingest/structure.ts'
import type {ArticleData} from '../../../src/schema.ts'

const data: ArticleData = {
  title: 'عنوان فيه {braces} و <script>',
  titleDerived: false,
  subtitle: null,
  file: 'sources/x.txt',
  lang: 'ar',
  dir: 'rtl',
  date: null,
  datePrecision: null,
  dateBasis: null,
  dateReason: 'unknown',
  outlet: null,
  outletId: null,
  cites: [],
  keywords: [],
  topics: [],
  entities: [],
  quotes: [],
  timeline: [],
  duplicateOf: null,
  story: null,
  paragraphs: 0,
  words: 0,
  sourceHash: 'abc'
}

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
