import assert from 'node:assert/strict'
import {test} from 'node:test'
import {dossierJsonSchema} from '../../../src/contract.ts'

const valid = {
  schema: 1,
  title: 'ملف',
  articles: [
    {
      slug: '000-343249e2',
      path: '/articles/000-343249e2/',
      file: 'sources/000_343249e2a2f5d01d.txt',
      title: 'عنوان',
      lang: 'ar',
      date: '2025-09',
      dateBasis: 'dateline',
      outlet: null,
      cites: ['رويترز'],
      keywords: [],
      topics: ['al-udeid-air-base'],
      entities: [{id: 'qatar', name: 'قطر', type: 'place', count: 3}],
      quotes: [{speaker: null, speakerName: 'روبيو', text: 'نص'}],
      duplicateOf: null,
      story: null
    }
  ],
  entities: [],
  topics: [{slug: 'al-udeid-air-base', title: 'قاعدة العديد', path: '/topics/al-udeid-air-base/', articles: ['000-343249e2']}],
  timeline: [{date: '2025-09-09', text: 'الهجوم', article: '000-343249e2'}],
  rejected: [{file: 'sources/empty.txt', reason: 'the file is empty'}]
}

test('dossier.json contract: a well-formed document passes', () => {
  assert.equal(dossierJsonSchema.safeParse(valid).success, true)
})

test('dossier.json contract: wrong schema number, extra fields, bad dates and slugs fail', () => {
  const article = valid.articles[0] as (typeof valid.articles)[number]
  for (const broken of [
    {...valid, schema: 2},
    {...valid, extra: true},
    {...valid, articles: [{...article, date: '16/09/2025'}]},
    {...valid, articles: [{...article, slug: 'Not Safe'}]},
    {...valid, articles: [{...article, entities: [{id: 'x', name: 'x', type: 'city', count: 1}]}]},
    {...valid, timeline: [{date: null, text: 'x', article: 'y'}]}
  ]) {
    assert.equal(dossierJsonSchema.safeParse(broken).success, false, JSON.stringify(broken).slice(0, 80))
  }
})
