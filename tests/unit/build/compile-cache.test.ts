import assert from 'node:assert/strict'
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'node:test'
import {pruneCompileCache} from '../../../src/build/compile-cache.ts'

test('the compile cache loses its entries over 4 MB (a content bundle compiled once per build) and keeps the others', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dossier-compile-'))
  try {
    const version = path.join(dir, 'v24-x64-abc-0')
    mkdirSync(version)
    writeFileSync(path.join(version, 'small'), Buffer.alloc(300 * 1024))
    writeFileSync(path.join(version, 'large'), Buffer.alloc(18 * 1024 * 1024))
    pruneCompileCache(dir)
    assert.ok(existsSync(path.join(version, 'small')))
    assert.ok(!existsSync(path.join(version, 'large')))
    pruneCompileCache(path.join(dir, 'missing'))
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
})
