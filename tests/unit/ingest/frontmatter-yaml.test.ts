import assert from 'node:assert/strict'
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {test} from 'node:test'
import yaml from 'js-yaml'
import YAML from 'yaml'
import {frontmatterYaml, readFrontmatterYaml} from '../../../src/frontmatter-yaml.ts'
import {ingestFolder} from '../../../src/ingest/folder.ts'
import {dossierPaths} from '../../../src/paths.ts'
import {copySampleContent} from '../../helpers/site.ts'

const options = {lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN'} as const

test('frontmatterYaml: the same text as the yaml library, for the frontmatter shape and for anything else', () => {
  const values: Array<Record<string, unknown>> = [
    // The frontmatter's shape, written directly.
    {title: 'عنوان', titleDerived: false, subtitle: null, count: 0, words: 1234, cites: [], topics: ['a', 'ب'], entities: [{id: 'qatar', name: 'قطر', count: 9}, {id: 'x', name: '', count: 1}]},
    {a: '--- not the end', b: '%', c: '...', d: ' lead', e: 'trail ', f: '# hash', g: 'emoji 😀', h: 'U+2028 \u2028 U+00A0 \u00a0'},
    {a: [{list: ['n1', 'n2'], empty: []}], b: [null, true, 1, 'x']},
    {a: 'said "yes" (\"quoted\")', b: 'back\\slash', c: 'ends with \\', d: '\\"'},
    {a: 'a backslash then n: \\n', b: 'space then one: \\ n'},
    // Escaped or laid out by the library.
    {a: 'a "quote" and \\ backslash', b: 'line\nbreak', c: 'space \n before a break', d: '\u0000\u0007\u001b\u0085', e: 'lone \ud800'},
    {a: {nested: 1}},
    {a: 1.5, b: -0, c: -3, d: 2 ** 60},
    {'needs: quotes': 1},
    {a: [[1, 2]], b: [{}]}
  ]
  for (const value of values) assert.equal(frontmatterYaml(value), YAML.stringify(value, options).trimEnd())
})

test('readFrontmatterYaml: what js-yaml reads from the shape frontmatterYaml writes, and null for anything else', () => {
  const plain: Array<Record<string, unknown>> = [
    {title: 'عنوان', titleDerived: false, subtitle: null, count: 0, words: -1234, cites: [], topics: ['a', 'ب'], entities: [{id: 'qatar', name: 'قطر', count: 9}, {id: 'x', name: '', count: 1}]},
    {a: '--- not the end', b: '%', c: '...', d: ' lead', e: 'trail ', f: '# hash', g: 'emoji 😀', h: 'U+00A0 \u00a0', i: 'key: value', j: '- item', k: 'null', l: '12'},
    {a: [{list: ['n1', 'n2'], empty: [], more: [{deep: 'x', deeper: [1, 2]}]}], b: [null, true, 1, 'x'], c: 'after'},
    {a: 'said "yes"', b: 'back\\slash', c: 'ends with \\', d: '\\"'}
  ]
  for (const value of plain) {
    const text = frontmatterYaml(value)
    assert.deepEqual(readFrontmatterYaml(text), yaml.load(text), text)
    assert.deepEqual(readFrontmatterYaml(text), value)
  }
  // Laid out by the library, or read otherwise by YAML than by JSON: left to the library.
  const other: Array<Record<string, unknown>> = [
    {b: 'line\nbreak'},
    {d: '\u0000\u0007\u001b\u0085'},
    {e: 'U+2028 \u2028'},
    {a: {nested: 1}},
    {a: 1.5},
    {'needs: quotes': 1},
    {a: [[1, 2]]}
  ]
  for (const value of other) assert.equal(readFrontmatterYaml(frontmatterYaml(value)), null, JSON.stringify(value))
  // Text no writer of this shape gives.
  for (const text of ['', 'a: 1\na: 2', 'a: 01', 'a: -0', "a: 'single'", 'a: plain words', 'a:\n  - 1\n - 2', 'a:\n', 'a: 1\n', 'a: "x" # note', 'a:\r\n  - 1', 'a: 9007199254740993']) {
    assert.equal(readFrontmatterYaml(text), null, JSON.stringify(text))
  }
})

test('readFrontmatterYaml: the sample entries read as js-yaml reads them', async () => {
  const content = copySampleContent()
  await ingestFolder(dossierPaths('/', {DOSSIER_CONTENT: content}), {buildDate: '2026-11-22'})
  const dir = path.join(content, 'articles')
  const names = readdirSync(dir).filter((n) => n.endsWith('.mdx'))
  assert.equal(names.length, 5)
  for (const name of names) {
    const text = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(path.join(dir, name), 'utf8'))?.[1] ?? ''
    const read = readFrontmatterYaml(text)
    assert.notEqual(read, null, `${name}: the ingest's shape`)
    assert.deepEqual(read, yaml.load(text), name)
  }
})
