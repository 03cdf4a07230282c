import assert from 'node:assert/strict'
import {cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'node:test'
import {pathToFileURL} from 'node:url'
import {importBundled, withOwnImportMeta} from '../../../src/build/module-bundle.ts'

type Entry = {answer: () => string; here: string; helperHere: string}

test('a command is imported from one bundle, kept while its inputs are unchanged and made again when one changes', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'dossier-bundle-'))
  try {
    mkdirSync(path.join(root, 'src', 'lib'), {recursive: true})
    const helper = path.join(root, 'src', 'lib', 'helper.ts')
    writeFileSync(helper, "export const helperHere: string = import.meta.url\nexport const word = (): string => 'first'\n")
    writeFileSync(
      path.join(root, 'src', 'entry.ts'),
      "import {helperHere, word} from './lib/helper.ts'\nexport {helperHere}\nexport const here: string = import.meta.url\nexport const answer = (): string => word()\n"
    )
    const bundles = path.join(root, 'node_modules', '.cache', 'dossier-bundle')

    const first = await importBundled<Entry>(root, 'src/entry.ts', 'probe')
    assert.equal(first.answer(), 'first')
    // Each module still sees its own location, not the bundle's.
    assert.equal(first.here, pathToFileURL(path.join(root, 'src', 'entry.ts')).href)
    assert.equal(first.helperHere, pathToFileURL(helper).href)
    const made = readdirSync(bundles).filter((f) => f.endsWith('.mjs'))
    assert.equal(made.length, 1)
    const madeAt = statSync(path.join(bundles, made[0] as string)).mtimeMs

    const again = await importBundled<Entry>(root, 'src/entry.ts', 'probe')
    assert.equal(again, first, 'the same bundle is imported again, not made again')
    assert.equal(statSync(path.join(bundles, made[0] as string)).mtimeMs, madeAt)

    writeFileSync(helper, "export const helperHere: string = import.meta.url\nexport const word = (): string => 'second'\n")
    const changed = await importBundled<Entry>(root, 'src/entry.ts', 'probe')
    assert.equal(changed.answer(), 'second')
    const now = readdirSync(bundles).filter((f) => f.endsWith('.mjs'))
    assert.equal(now.length, 1, 'the outdated bundle is removed')
    assert.notEqual(now[0], made[0])
  } finally {
    rmSync(root, {recursive: true, force: true})
  }
})

test('a bundle is made again when the project moves (it holds its inputs’ locations) or its TypeScript settings change', async () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'dossier-bundle-'))
  const root = path.join(parent, 'first')
  try {
    mkdirSync(path.join(root, 'src', 'lib'), {recursive: true})
    writeFileSync(path.join(root, 'src', 'lib', 'helper.ts'), "export const helperHere: string = import.meta.url\nexport const word = (): string => 'first'\n")
    writeFileSync(path.join(root, 'src', 'entry.ts'), "export {helperHere} from './lib/helper.ts'\nexport const here: string = import.meta.url\n")
    writeFileSync(path.join(root, 'tsconfig.json'), '{"compilerOptions": {"strict": true}}\n')
    const first = await importBundled<Entry>(root, 'src/entry.ts', 'probe')
    assert.equal(first.here, pathToFileURL(path.join(root, 'src', 'entry.ts')).href)

    // A copy of the whole project, its bundle cache included.
    const moved = path.join(parent, 'second')
    cpSync(root, moved, {recursive: true})
    const copy = await importBundled<Entry>(moved, 'src/entry.ts', 'probe')
    assert.equal(copy.here, pathToFileURL(path.join(moved, 'src', 'entry.ts')).href)
    assert.equal(copy.helperHere, pathToFileURL(path.join(moved, 'src', 'lib', 'helper.ts')).href)

    const bundles = path.join(root, 'node_modules', '.cache', 'dossier-bundle')
    const before = readdirSync(bundles).filter((f) => f.endsWith('.mjs'))
    writeFileSync(path.join(root, 'tsconfig.json'), '{"compilerOptions": {"strict": true, "useDefineForClassFields": false}}\n')
    await importBundled<Entry>(root, 'src/entry.ts', 'probe')
    assert.notDeepEqual(readdirSync(bundles).filter((f) => f.endsWith('.mjs')), before)
  } finally {
    rmSync(parent, {recursive: true, force: true})
  }
})

test('a module that cannot be bundled is imported as it is, with a warning', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'dossier-bundle-'))
  const warnings: string[] = []
  const warn = console.warn
  console.warn = (message: string) => warnings.push(message)
  try {
    mkdirSync(path.join(root, 'src'))
    writeFileSync(path.join(root, 'src', 'entry.ts'), "import './missing.ts'\nexport const answer = (): string => 'unbundled'\n")
    // Node's own loader, not esbuild, reports the missing module: the source was imported.
    await assert.rejects(importBundled<Entry>(root, 'src/entry.ts', 'probe'), (error: NodeJS.ErrnoException) => error.code === 'ERR_MODULE_NOT_FOUND')
    assert.match(warnings[0] ?? '', /^probe: running its modules unbundled \(bundling failed: /)
  } finally {
    console.warn = warn
    rmSync(root, {recursive: true, force: true})
  }
})

test('import.meta.url, dirname and filename become the module’s own; import.meta.resolve is left', () => {
  const file = path.join(path.sep, 'project', 'src', 'a.ts')
  const text = 'const a = import.meta.url; const b = import.meta.dirname; const c = import.meta.filename; const d = import.meta.resolve("x")'
  assert.equal(
    withOwnImportMeta(text, file),
    `const a = ${JSON.stringify(pathToFileURL(file).href)}; const b = ${JSON.stringify(path.dirname(file))}; const c = ${JSON.stringify(file)}; const d = import.meta.resolve("x")`
  )
})
