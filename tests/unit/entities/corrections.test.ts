/**
 * The analyst's entities.yaml: added entities, extra aliases, merges, splits
 * and blocked names take effect on the sample dossier and survive a rebuild.
 */
import assert from 'node:assert/strict'
import {writeFileSync} from 'node:fs'
import path from 'node:path'
import {test} from 'node:test'
import {VFile} from 'vfile'
import {parseCorrections} from '../../../src/entities/corrections.ts'
import {ingestFolder} from '../../../src/ingest/folder.ts'
import {dossierPaths} from '../../../src/paths.ts'
import {copySampleContent} from '../../helpers/site.ts'

const corrections = `
add:
  - id: hammam-al-hayya
    name: همام الحية
    type: person
    aliases: [همام خليل الحية]
aliases:
  majed-al-ansari: [الدكتور ماجد الأنصاري]
merge:
  - [steve-witkoff, jhad-lbd]
split:
  - alias: روبيو
    from: marco-rubio
    to: rubio-surname-only
block:
  - الناتو
`

test('entities.yaml: add, merge, split and block apply, and again on a rebuild', async () => {
  const content = copySampleContent()
  writeFileSync(path.join(content, 'entities.yaml'), corrections)
  const paths = dossierPaths('/', {DOSSIER_CONTENT: content})
  for (let run = 0; run < 2; run++) {
    const summary = await ingestFolder(paths, {buildDate: '2026-11-22'})
    const ids = (file: string) => summary.articles.find((a) => a.data.file === `sources/${file}`)?.data.entities.map((e) => e.id) ?? []
    const e002 = ids('002_6b8aedf88ece1897.txt')
    assert.ok(e002.includes('hammam-al-hayya'), 'the added entity replaces the extracted one')
    assert.ok(!e002.includes('hmam-alhya'))
    assert.ok(!e002.includes('jhad-lbd') && e002.includes('steve-witkoff'), 'the merged id is gone, the kept one stays')
    assert.ok(ids('000_343249e2a2f5d01d.txt').includes('rubio-surname-only'), 'the split alias has its own entity')
    assert.ok(ids('000_343249e2a2f5d01d.txt').includes('marco-rubio'), 'the full name keeps the original entity')
    assert.ok(!ids('000_343249e2a2f5d01d.txt').includes('nato') && !ids('004_e5837cf2311ce5b0.txt').includes('nato'), 'blocked names are never tagged')
    assert.equal(summary.written, run === 0 ? 5 : 0)
  }
})

test('entities.yaml: an invalid file names the field at fault', () => {
  const file = new VFile({path: 'entities.yaml'})
  assert.equal(parseCorrections('merge:\n  - [only-one]\n', file), null)
  assert.match(file.messages[0]?.reason ?? '', /merge\.0/)
  const broken = new VFile({path: 'entities.yaml'})
  assert.equal(parseCorrections('add: [\n', broken), null)
  assert.ok(broken.messages[0]?.line)
})
