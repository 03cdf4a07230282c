import assert from 'node:assert/strict'
import {writeFileSync} from 'node:fs'
import path from 'node:path'
import {test} from 'node:test'
import {ingestFolder} from '../../../src/ingest/folder.ts'
import {dossierPaths} from '../../../src/paths.ts'
import {copySampleContent} from '../../helpers/site.ts'

test('an English article gets its own lang and direction, and no isolation marks', async () => {
  const content = copySampleContent()
  writeFileSync(
    path.join(content, 'sources', 'reuters-en.txt'),
    'Qatar and US near enhanced defence pact, Rubio says\n\n' +
      'DOHA, Sept 16 (Reuters) - U.S. Secretary of State Marco Rubio said on Tuesday that Qatar and the United States were close to finalising an enhanced defence cooperation agreement.\n' +
      'The announcement came a week after an Israeli strike on Hamas leaders in Doha drew wide condemnation.\n'
  )
  const summary = await ingestFolder(dossierPaths('/', {DOSSIER_CONTENT: content}), {buildDate: '2026-11-22'})
  const entry = summary.articles.find((a) => a.data.file === 'sources/reuters-en.txt')
  assert.ok(entry)
  assert.equal(entry.data.lang, 'en')
  assert.equal(entry.data.dir, 'ltr')
  assert.equal(entry.data.title, 'Qatar and US near enhanced defence pact, Rubio says')
  const arabic = summary.articles.find((a) => a.data.file.startsWith('sources/000'))
  assert.equal(arabic?.data.lang, 'ar')
  assert.equal(arabic?.data.dir, 'rtl')
})
