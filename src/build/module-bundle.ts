/**
 * A command's modules bundled into one file, kept between runs.
 *
 * Node loads an ES module graph file by file: it resolves each specifier,
 * reads packages' `package.json`, strips the types of each TypeScript file and
 * links them one by one. The ingest's graph is about 445 modules (370 of them
 * from packages: Zod about 95, yaml 72, the Markdown writer's micromark and
 * mdast utilities most of the rest), and loading it took about 0.25 s of every
 * ingest; bundled into one module by esbuild (a project dependency already) it
 * loads in about 0.1 s. Most of a run that adds one article to a large dossier
 * is that kind of fixed cost (BENCHMARKS.md).
 *
 * The bundle is made on first use and again when anything it was made from
 * changes. Its manifest lists the input files with a hash of the contents
 * esbuild read (so a file edited while it was bundled is seen as changed on the
 * next run) and of the setup: the project's real location (inputs' locations
 * are written into the bundle), this module, esbuild's version and
 * `tsconfig.json`. Each run checks it before using the bundle. Inside the
 * bundle, `import.meta.url` (and `dirname`, `filename`) of each input is that
 * input's own location, so a module that finds files beside itself (the
 * tagger's model, the ingest's worker script) finds them where they are. When
 * bundling fails, or the bundle is gone by the time it is imported (another run
 * made a newer one), the command imports its modules as they are; it is slower,
 * not wrong.
 */
import {createHash} from 'node:crypto'
import {mkdirSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

/** What is kept beside a bundle: its inputs (relative to the project) and the hash of what it was made from. */
interface Manifest {
  entry: string
  inputs: string[]
  hash: string
}

/**
 * Import the module `entry` (a path relative to `root`) from its bundle, made or remade first
 * when needed; `name` names the bundle's files in `node_modules/.cache/dossier-bundle/`.
 */
export async function importBundled<T>(root: string, entry: string, name: string): Promise<T> {
  const dir = path.join(root, 'node_modules', '.cache', 'dossier-bundle')
  const manifestFile = path.join(dir, `${name}.json`)
  const setup = setupHash(root)
  const kept = readManifest(manifestFile)
  if (kept?.entry === entry && inputsHash(setup, root, kept.inputs, readFromDisk) === kept.hash) {
    // A bundle removed since (a cleaned cache, or a newer one made by another run) is made again.
    const loaded = await importIfPresent<T>(bundleFile(dir, name, kept.hash))
    if (loaded !== undefined) return loaded
  }
  let manifest: Manifest
  try {
    manifest = await writeBundle(root, entry, dir, name, setup)
  } catch (error) {
    return unbundled(root, entry, name, `bundling failed: ${(error as Error).message.split('\n')[0]}`)
  }
  writeAtomically(manifestFile, JSON.stringify(manifest))
  return (await importIfPresent<T>(bundleFile(dir, name, manifest.hash))) ?? unbundled(root, entry, name, 'its bundle was removed meanwhile')
}

/** Bundle `entry` into `dir` (older bundles of `name` removed); returns its manifest. */
async function writeBundle(root: string, entry: string, dir: string, name: string, setup: string): Promise<Manifest> {
  const {build} = await import('esbuild')
  // What esbuild read of each file, by absolute path: the manifest's hash is of these.
  const read = new Map<string, Buffer>()
  const result = await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    write: false,
    metafile: true,
    outfile: path.join(dir, `${name}.mjs`),
    logLevel: 'silent',
    // Packages published as CommonJS call `require`, which an ES module does not have.
    banner: {js: "import {createRequire as __bundleRequire} from 'node:module';\nconst require = __bundleRequire(import.meta.url);"},
    plugins: [
      {
        name: 'read-once',
        setup(on) {
          on.onLoad({filter: /\.(?:[cm]?[jt]s|json)$/}, (args) => {
            const bytes = readFileSync(args.path)
            read.set(args.path, bytes)
            const loader = args.path.endsWith('.json') ? 'json' : /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js'
            return {contents: withOwnImportMeta(bytes.toString('utf8'), args.path), loader, resolveDir: path.dirname(args.path)}
          })
        }
      }
    ]
  })
  const code = result.outputFiles[0]?.contents
  if (code === undefined) throw new Error('esbuild wrote no bundle')
  const inputs = Object.keys(result.metafile.inputs).sort()
  const hash = inputsHash(setup, root, inputs, (file) => read.get(file) ?? readFromDisk(file))
  if (hash === null) throw new Error('an input could not be read')
  mkdirSync(dir, {recursive: true})
  const file = bundleFile(dir, name, hash)
  for (const old of readdirSync(dir)) {
    if (old.startsWith(`${name}-`) && old.endsWith('.mjs') && path.join(dir, old) !== file) rmSync(path.join(dir, old), {force: true})
  }
  writeAtomically(file, code)
  return {entry, inputs, hash}
}

/**
 * The module's text with `import.meta.url`, `.dirname` and `.filename` written as the module's
 * own (in a bundle they would be the bundle's). `import.meta.resolve` and other uses are left.
 */
export function withOwnImportMeta(text: string, file: string): string {
  if (!text.includes('import.meta.')) return text
  const own: Record<string, string> = {url: pathToFileURL(file).href, dirname: path.dirname(file), filename: file}
  return text.replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_, key: string) => JSON.stringify(own[key]))
}

/**
 * What a bundle depends on besides its inputs' contents: where the project is (the inputs'
 * locations are written into it), how it is made (this module, esbuild's version) and the
 * TypeScript settings esbuild reads.
 */
function setupHash(root: string): string {
  const here = fileURLToPath(import.meta.url)
  const esbuild = (() => {
    try {
      return readFileSync(createRequire(here).resolve('esbuild/package.json'))
    } catch {
      return 'no esbuild'
    }
  })()
  const hash = createHash('sha256').update(realpathSync(root)).update('\0').update(readFileSync(here)).update('\0').update(esbuild)
  return hash.update('\0').update(readFromDisk(path.join(root, 'tsconfig.json')) ?? 'no tsconfig').digest('hex')
}

/** The hash of the setup and of the inputs' contents (`contentOf` by absolute path); null when one cannot be read. */
function inputsHash(setup: string, root: string, inputs: readonly string[], contentOf: (file: string) => Buffer | null): string | null {
  const hash = createHash('sha256').update(setup)
  for (const input of inputs) {
    const content = contentOf(path.resolve(root, input))
    if (content === null) return null
    hash.update('\0').update(input).update('\0').update(content)
  }
  return hash.digest('hex')
}

function readFromDisk(file: string): Buffer | null {
  try {
    return readFileSync(file)
  } catch {
    return null
  }
}

/** The module at `file`, or undefined when there is no such file (other errors are thrown). */
async function importIfPresent<T>(file: string): Promise<T | undefined> {
  try {
    return (await import(pathToFileURL(file).href)) as T
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && readFromDisk(file) === null) return undefined
    throw error
  }
}

async function unbundled<T>(root: string, entry: string, name: string, why: string): Promise<T> {
  console.warn(`${name}: running its modules unbundled (${why})`)
  return (await import(pathToFileURL(path.join(root, entry)).href)) as T
}

function bundleFile(dir: string, name: string, hash: string): string {
  return path.join(dir, `${name}-${hash.slice(0, 16)}.mjs`)
}

function readManifest(file: string): Manifest | null {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Manifest
    return typeof value.entry === 'string' && Array.isArray(value.inputs) && typeof value.hash === 'string' ? value : null
  } catch {
    return null
  }
}

/** Write through a temporary file, so that a command started meanwhile never reads half a file. */
function writeAtomically(file: string, contents: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  writeFileSync(temporary, contents)
  renameSync(temporary, file)
}
