import assert from 'node:assert/strict'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'node:test'
import {articleDetails, articleFilesDir, articleHtml, pruneArticleFiles, storeArticleFiles, storedDossierPart} from '../../../src/site/article-files.ts'
import {storedArticleSchema} from '../../../src/site/article-parts.ts'
import {testArticleData} from '../../helpers/article-data.ts'

const entity = {id: 'qatar', name: 'قطر', type: 'place' as const, count: 1, sentence: 'قال قطر اليوم.', anchor: 'L1'}

function entryRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'dossier-article-files-'))
  mkdirSync(path.join(root, 'content', 'articles'), {recursive: true})
  const data = testArticleData({title: 'عنوان', entities: [entity]})
  const frontmatter = Object.entries(data)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n')
  writeFileSync(
    path.join(root, 'content', 'articles', 'a.mdx'),
    `---\n${frontmatter}\n---\n\nقال <a href="../../entities/qatar/" data-entity="place">قطر</a> اليوم.\n`
  )
  return root
}

test('article files: body and lists stored per entry and digest, read back, pruned, and rendered from the entry when missing', async () => {
  const root = entryRoot()
  const details = {entities: [entity], quotes: [], timeline: []}
  const dossierPart = Buffer.from('      "file": "a"\n    }')
  await storeArticleFiles(root, 'a', 'd1', {
    html: '<p>stored</p>',
    details: {...details, quotes: [{speaker: null, speakerName: 'x', text: 'stored', anchor: 'L1'}]},
    dossierPart
  })
  await storeArticleFiles(root, 'b', 'd2', {html: '<p>gone</p>', details, dossierPart})
  const a1 = {id: 'a', digest: 'd1', filePath: 'content/articles/a.mdx'}
  assert.equal(await articleHtml(root, a1), '<p>stored</p>')
  assert.equal((await articleDetails(root, a1)).quotes[0]?.text, 'stored')
  assert.deepEqual(storedDossierPart(root, a1), dossierPart)
  await pruneArticleFiles(root, new Map([['a', 'd1']]))
  assert.deepEqual(readdirSync(articleFilesDir(root)).sort(), ['a.d1.dossier', 'a.d1.html', 'a.d1.json'])
  // Another digest (the stored files are stale) or no stored file: rendered from the entry.
  const a9 = {id: 'a', digest: 'd9', filePath: 'content/articles/a.mdx'}
  assert.equal(await articleHtml(root, a9), '<p>قال <a href="../../entities/qatar/" data-entity="place">قطر</a> اليوم.</p>')
  assert.deepEqual(await articleDetails(root, a9), details)
  assert.equal(storedDossierPart(root, a9), null, 'a part is never made from another digest')
  await pruneArticleFiles(root, new Map())
  assert.equal(existsSync(path.join(articleFilesDir(root), 'a.d1.html')), false)
  assert.equal(existsSync(path.join(articleFilesDir(root), 'a.d1.json')), false)
  assert.equal(storedDossierPart(root, a1), null)
})

test('article parts: the data store keeps the frontmatter without its lists', () => {
  const stored = storedArticleSchema.parse(testArticleData({entities: [entity]}))
  assert.equal('entities' in stored || 'quotes' in stored || 'timeline' in stored, false)
  assert.equal(stored.title, testArticleData().title)
})
