import assert from 'node:assert/strict'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'node:test'
import {entryBody} from '../../../src/search/entry-text.ts'

test('entryBody reads an MDX entry without its frontmatter', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'entry-'))
  writeFileSync(
    path.join(dir, 'a.mdx'),
    '---\ntitle: الدوحة\nkeywords:\n  - فنزويلا\n---\n\n<span id="L1" />أعلنت قطر، مساء الثلاثاء\n'
  )
  assert.equal(entryBody('a.mdx', dir), '\n<span id="L1" />أعلنت قطر، مساء الثلاثاء\n')
  assert.equal(entryBody(path.join(dir, 'a.mdx')).includes('فنزويلا'), false)
  assert.equal(entryBody('missing.mdx', dir), '')
  assert.equal(entryBody(undefined), '')
})
