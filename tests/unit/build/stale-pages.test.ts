import assert from 'node:assert/strict'
import {existsSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'node:test'
import {removePagesNotIn} from '../../../src/build/stale-pages.ts'

test('removePagesNotIn deletes the pages a build did not produce and the folders they leave empty, nothing else', async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'dossier-stale-'))
  const files = [
    'index.html',
    'articles/a/index.html',
    'articles/b/index.html',
    'entities/egypt/index.html',
    'entities/egypt/2/index.html',
    'entities/egypt/3/index.html',
    'entities/gone/index.html',
    'dossier.json',
    'favicon.svg',
    '_astro/Base.css',
    'pagefind/pagefind.js',
    'pagefind/fragment/x.pf_fragment'
  ]
  for (const file of files) {
    mkdirSync(path.dirname(path.join(out, file)), {recursive: true})
    writeFileSync(path.join(out, file), 'x')
  }
  const built = new Set(['index.html', 'articles/a/index.html', 'entities/egypt/index.html', 'entities/egypt/2/index.html', 'dossier.json'].map((f) => path.join(out, f)))
  assert.equal(await removePagesNotIn(`${out}/`, built), 3)
  const stale = ['articles/b/index.html', 'entities/egypt/3/index.html', 'entities/gone/index.html']
  for (const file of files) assert.equal(existsSync(path.join(out, file)), !stale.includes(file), file)
  for (const dir of ['articles/b', 'entities/egypt/3', 'entities/gone']) assert.equal(existsSync(path.join(out, dir)), false, dir)
  assert.ok(existsSync(path.join(out, 'entities/egypt/2')))
  assert.equal(await removePagesNotIn(path.join(out, 'missing'), built), 0)
})

test('removePagesNotIn, given the pages an earlier build produced, deletes those not built again, without looking at other files', async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'dossier-stale-record-'))
  const files = ['index.html', 'entities/egypt/index.html', 'entities/egypt/2/index.html', 'entities/other/index.html']
  for (const file of files) {
    mkdirSync(path.dirname(path.join(out, file)), {recursive: true})
    writeFileSync(path.join(out, file), 'x')
  }
  const at = (f: string) => path.join(out, f)
  const before = ['index.html', 'entities/egypt/index.html', 'entities/egypt/2/index.html', 'entities/removed-already/index.html'].map(at)
  assert.equal(await removePagesNotIn(out, new Set([at('index.html'), at('entities/egypt/index.html')]), before), 1)
  assert.equal(existsSync(at('entities/egypt/2')), false)
  // Not in the record: left alone (a walk of the folder would have removed it).
  assert.ok(existsSync(at('entities/other/index.html')))
  assert.ok(existsSync(at('entities/egypt/index.html')))
})
