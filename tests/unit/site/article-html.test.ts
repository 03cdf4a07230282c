import assert from 'node:assert/strict'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'node:test'
import {articleHtml, articleHtmlDir, pruneArticleHtml, storeArticleHtml} from '../../../src/site/article-html.ts'

test('article bodies: stored per entry and digest, read back, pruned, and rendered from the entry when missing', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'dossier-article-html-'))
  mkdirSync(path.join(root, 'content', 'articles'), {recursive: true})
  writeFileSync(path.join(root, 'content', 'articles', 'a.mdx'), '---\ntitle: "عنوان"\n---\n\nقال <a href="../../entities/qatar/" data-entity="place">قطر</a> اليوم.\n')
  await storeArticleHtml(root, 'a', 'd1', '<p>stored</p>')
  await storeArticleHtml(root, 'b', 'd2', '<p>gone</p>')
  assert.equal(await articleHtml(root, {id: 'a', digest: 'd1', filePath: 'content/articles/a.mdx'}), '<p>stored</p>')
  await pruneArticleHtml(root, new Map([['a', 'd1']]))
  assert.deepEqual(readdirSync(articleHtmlDir(root)), ['a.d1.html'])
  // Another digest (the stored body is stale) or no stored file: rendered from the entry.
  const rendered = await articleHtml(root, {id: 'a', digest: 'd9', filePath: 'content/articles/a.mdx'})
  assert.equal(rendered, '<p>قال <a href="../../entities/qatar/" data-entity="place">قطر</a> اليوم.</p>')
  await pruneArticleHtml(root, new Map())
  assert.equal(existsSync(path.join(articleHtmlDir(root), 'a.d1.html')), false)
})
