/**
 * The ingest command as `npm run ingest` runs it, from its bundle (src/build/module-bundle.ts),
 * writes what the ingest run from the sources writes.
 */
import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {readdirSync} from 'node:fs'
import path from 'node:path'
import {test} from 'node:test'
import {promisify} from 'node:util'
import {ingestFolder} from '../../../src/ingest/folder.ts'
import {dossierPaths} from '../../../src/paths.ts'
import {projectRoot} from '../../helpers/samples.ts'
import {copySampleContent, ingestOutputs} from '../../helpers/site.ts'

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
