/**
 * The sample dossier read like an analyst would: dates, outlet, cited sources,
 * keywords, headings, quotes with speakers and entities, each compared with
 * tests/fixtures/sample-facts.json (written by reading the articles).
 */
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {before, describe, test} from 'node:test'
import {ingestFolder, type IngestSummary} from '../../../src/ingest/folder.ts'
import {dossierPaths} from '../../../src/paths.ts'
import type {ArticleData} from '../../../src/schema.ts'
import {projectRoot} from '../../helpers/samples.ts'
import {copySampleContent} from '../../helpers/site.ts'

interface Expected {
  title: {derived: boolean; text?: string; subtitle?: string}
  date: string | null
  precision: string | null
  dateBasis: string | null
  outlet: string | null
  cites: string[]
  keywords: string[]
  headings: string[]
  quotes: Array<[string | null, string]>
  entities: string[]
  notFromBoilerplate?: string[]
}

const fixtures = JSON.parse(readFileSync(path.join(projectRoot, 'tests/fixtures/sample-facts.json'), 'utf8')) as Record<string, Expected>
const names = Object.keys(fixtures).filter((k) => !k.startsWith('//'))

describe('the sample articles, read like an analyst', () => {
  let summary: IngestSummary
  let content: string
  const entry = (name: string): ArticleData => {
    const found = summary.articles.find((a) => a.data.file === `sources/${name}`)
    assert.ok(found, `${name} is an article`)
    return found.data
  }

  before(async () => {
    content = copySampleContent()
    summary = await ingestFolder(dossierPaths('/', {DOSSIER_CONTENT: content}), {buildDate: '2026-11-22'})
  })

  for (const name of names) {
    const want = fixtures[name] as Expected
    test(`${name}: title, date, outlet, sources and keywords`, () => {
      const data = entry(name)
      assert.equal(data.titleDerived, want.title.derived)
      if (want.title.text) assert.equal(data.title, want.title.text)
      if (want.title.subtitle) assert.equal(data.subtitle, want.title.subtitle)
      assert.equal(data.date, want.date)
      assert.equal(data.datePrecision, want.precision)
      assert.equal(data.dateBasis, want.dateBasis)
      assert.ok(data.dateReason.length > 10, 'the date carries its reason')
      assert.equal(data.outlet, want.outlet)
      assert.deepEqual(data.cites, want.cites)
      assert.deepEqual(data.keywords, want.keywords)
    })

    test(`${name}: sub-headings`, () => {
      const mdx = readFileSync(path.join(content, 'articles', `${summary.articles.find((a) => a.data.file === `sources/${name}`)?.slug}.mdx`), 'utf8')
      const headings = [...mdx.matchAll(/^## (.+)$/gm)].map((m) => (m[1] as string).replace(/<[^>]+>/g, '').replace(/\\(.)/g, '$1'))
      assert.deepEqual(headings, want.headings)
    })

    test(`${name}: every quote with its speaker`, () => {
      const quotes = entry(name).quotes.map((q) => [q.speaker, q.text] as const)
      assert.equal(quotes.length, want.quotes.length, quotes.map((q) => `${q[0]}: ${q[1].slice(0, 30)}`).join('\n'))
      want.quotes.forEach(([speaker, start], i) => {
        assert.equal(quotes[i]?.[0], speaker, `quote ${i + 1}: «${start}»`)
        assert.ok(quotes[i]?.[1].startsWith(start), `quote ${i + 1} starts «${start}», got «${quotes[i]?.[1].slice(0, 40)}»`)
      })
    })

    test(`${name}: every named person, organisation and place, merged`, () => {
      const ids = entry(name).entities.map((e) => e.id).sort()
      assert.deepEqual(ids, [...want.entities].sort())
      for (const id of want.notFromBoilerplate ?? []) assert.ok(!ids.includes(id), `${id} comes only from the read-also block`)
    })
  }

  test('spellings merge across the dossier: ترمب = ترامب, تميم بن حمد = الشيخ تميم بن حمد آل ثاني = أمير قطر, حماس = حركة المقاومة الإسلامية', () => {
    const byId = new Map(summary.entities.map((e) => [e.id, e]))
    const trump = byId.get('donald-trump')
    const trumpNames = [trump?.name, ...(trump?.aliases ?? [])]
    assert.ok(trump && trumpNames.includes('دونالد ترمب') && trumpNames.includes('دونالد ترامب'))
    assert.deepEqual(trump.articles, ['000-343249e2', '001-ae05557b'])
    const tamim = byId.get('tamim-bin-hamad-al-thani')
    assert.ok(tamim)
    assert.ok(tamim.aliases.includes('تميم بن حمد'))
    assert.ok(tamim.aliases.includes('أمير قطر') || tamim.aliases.includes('أمير دولة قطر'))
    assert.deepEqual(tamim.articles, ['001-ae05557b', '002-6b8aedf8'])
    assert.ok(byId.get('hamas')?.aliases.includes('حركة المقاومة الإسلامية'))
    assert.equal(summary.entities.filter((e) => e.name.includes('ترمب') || e.name.includes('ترامب')).length, 1)
  })

  test('the timeline holds only dates the text states, with their sentence and paragraph', () => {
    const timeline = entry('002_6b8aedf88ece1897.txt').timeline
    assert.deepEqual(timeline.map((t) => [t.date, t.precision]), [['1992-06', 'month'], ['2025-09-09', 'day'], ['2025-06', 'month']])
    assert.match(timeline[1]?.text ?? '', /^وفي 9 سبتمبر\/ أيلول الجاري، شن الجيش الإسرائيلي هجوما جويا/)
    assert.equal(timeline[1]?.anchor, 'L16')
  })
})
