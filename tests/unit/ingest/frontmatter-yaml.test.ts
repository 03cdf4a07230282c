import assert from 'node:assert/strict'
import {test} from 'node:test'
import YAML from 'yaml'
import {frontmatterYaml} from '../../../src/ingest/frontmatter-yaml.ts'

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
