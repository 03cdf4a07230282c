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
