/**
 * The ingest command as `npm run ingest` runs it, from its bundle (src/build/module-bundle.ts),
 * writes what the ingest run from the sources writes, and reports an article read from the cache
 * as it reported it when it was read.
 */
import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {readdirSync, readFileSync, rmSync} from 'node:fs'
import path from 'node:path'
import {test} from 'node:test'
import {promisify} from 'node:util'
import {createHostileContent} from '../../../scripts/gen-hostile-fixtures.ts'
import {ingestFolder} from '../../../src/ingest/folder.ts'
import {dossierPaths} from '../../../src/paths.ts'
import {projectRoot} from '../../helpers/samples.ts'
import {copySampleContent, ingestOutputs, tempDir} from '../../helpers/site.ts'

const buildDate = '2026-11-22'

test('npm run ingest (the bundled command) writes what the ingest from source writes', async () => {
  const bundled = copySampleContent()
  const fromSource = copySampleContent()
  const {stdout} = await promisify(execFile)(process.execPath, [path.join(projectRoot, 'scripts', 'ingest.ts')], {
    cwd: projectRoot,
    env: {...process.env, DOSSIER_CONTENT: bundled, DOSSIER_BUILD_DATE: buildDate}
  })
  assert.match(stdout, /^ingest: 5 articles \(5 written/m)
  assert.ok(readdirSync(path.join(projectRoot, 'node_modules', '.cache', 'dossier-bundle')).some((f) => /^ingest-[0-9a-f]{16}\.mjs$/.test(f)), 'it ran from a bundle')
  await ingestFolder(dossierPaths('/', {DOSSIER_CONTENT: fromSource}), {buildDate})
  assert.deepEqual(ingestOutputs(bundled), ingestOutputs(fromSource))
})

test('a second run, from the cache, prints and reports what the first printed and reported', async () => {
  const {content} = createHostileContent({marker: path.join(tempDir('marker'), 'pwned'), large: false})
  // What the command prints and the report it writes.
  const run = async (...args: string[]) => {
    const env = {...process.env, DOSSIER_CONTENT: content, DOSSIER_BUILD_DATE: buildDate}
    // A run that finds a rejection exits 0 (not --strict): execFile resolves.
    const {stderr} = await promisify(execFile)(process.execPath, [path.join(projectRoot, 'scripts', 'ingest.ts'), ...args], {cwd: projectRoot, env})
    return {stderr, report: readFileSync(path.join(content, '.build', 'report.json'), 'utf8')}
  }
  try {
    const [first, second] = [await run(), await run()]
    assert.deepEqual(second, first)
    // An article's diagnostics in the report, as the ingest made them: a note without a place, one with.
    const report = JSON.parse(second.report) as {files: Array<{file: string; messages: unknown[]}>}
    assert.deepEqual(report.files.find((f) => f.file === 'sources/004_e5837cf2311ce5b0.txt')?.messages.slice(0, 2), [
      {line: null, column: null, ruleId: 'encoding', reason: 'decoded as utf-8: valid UTF-8', fatal: null},
      {line: 7, column: 1, ruleId: 'boilerplate', reason: 'removed stray punctuation line', fatal: null}
    ])
    // Among them a warning about a page, whose diagnostics the second run took from the cache.
    assert.match(second.stderr, /sources\/sidecar-payload\.txt\n[^]*?warning the sidecar names topic/)
    // With the notes too, and their places (line:column-line:column).
    const [verbose, verboseAgain] = [await run('--verbose'), await run('--verbose')]
    assert.deepEqual(verboseAgain, verbose)
    assert.match(verbose.stderr, /\d+:\d+-\d+:\d+ +info +removed/)
  } finally {
    // The hostile folder holds payloads: do not leave it behind.
    rmSync(content, {recursive: true, force: true})
  }
})
