import assert from 'node:assert/strict'
import {createHash} from 'node:crypto'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {test} from 'node:test'
import type {LoaderContext} from 'astro/loaders'
import {storedDossierPart} from '../../../src/site/article-files.ts'
import {articleLoader} from '../../../src/site/article-loader.ts'
import {articlePart} from '../../../src/site/dossier-json.ts'
import {testArticleData} from '../../helpers/article-data.ts'

function entry(title: string): string {
  const frontmatter = Object.entries(testArticleData({title})).map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join('\n')
  return `---\n${frontmatter}\n---\n\nنص.\n`
}

/** The parts of a loader context the loader uses, over plain maps; counts the files it hashes (reads). */
function fakeContext(root: string) {
  const entries = new Map<string, {id: string; data: Record<string, unknown>; digest?: string}>()
  const meta = new Map<string, string>()
  const hashed: string[] = []
  const context = {
    config: {root: pathToFileURL(`${root}/`)},
    store: {
      get: (id: string) => entries.get(id),
      set: (e: {id: string; data: Record<string, unknown>; digest?: string}) => entries.set(e.id, e) && true,
      has: (id: string) => entries.has(id),
      delete: (id: string) => entries.delete(id),
      keys: () => [...entries.keys()],
      entries: () => [...entries]
    },
    meta: {get: (k: string) => meta.get(k), set: (k: string, v: string) => meta.set(k, v), has: (k: string) => meta.has(k), delete: (k: string) => meta.delete(k)},
    parseData: async ({data}: {data: Record<string, unknown>}) => data,
    generateDigest: (text: string) => {
      hashed.push(text)
      return createHash('sha256').update(text).digest('hex')
    }
  }
  return {context: context as unknown as LoaderContext, entries, hashed}
}

test('article loader: an entry whose file is unchanged since it was stored is not read again; a rewritten one is', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'dossier-article-loader-'))
  const dir = path.join(root, 'content', 'articles')
  mkdirSync(dir, {recursive: true})
  writeFileSync(path.join(dir, 'a.mdx'), entry('أول'))
  writeFileSync(path.join(dir, 'b.mdx'), entry('ثان'))
  const {context, entries, hashed} = fakeContext(root)
  const loader = articleLoader(dir)
  await loader.load(context)
  assert.equal(hashed.length, 2)
  assert.equal(entries.get('a')?.data['title'], 'أول')
  await loader.load(context)
  assert.equal(hashed.length, 2, 'unchanged files are not read again')
  writeFileSync(path.join(dir, 'a.mdx'), entry('جديد'))
  await loader.load(context)
  assert.equal(hashed.length, 3)
  assert.equal(entries.get('a')?.data['title'], 'جديد')
  // With the entry, its part of dossier.json is stored for its digest.
  assert.deepEqual(storedDossierPart(root, {id: 'a', digest: entries.get('a')?.digest}), articlePart(testArticleData({title: 'جديد'})))
})
