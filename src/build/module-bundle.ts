/**
 * A command's modules bundled into one file, kept between runs.
 *
 * Node loads an ES module graph file by file: it resolves each specifier,
 * reads packages' `package.json`, strips the types of each TypeScript file and
 * links them one by one. The ingest's graph is about 445 modules (370 of them
 * from packages: Zod about 95, yaml 72, the Markdown writer's micromark and
 * mdast utilities most of the rest), and loading it took about 0.25 s of every
 * ingest; bundled into one module by esbuild (a project dependency already) it
 * loads in a few hundredths of a second. Most of a run that adds one article
 * to a large dossier is that kind of fixed cost (BENCHMARKS.md).
 *
 * The bundle is made on first use and again when any of its inputs changes:
 * its manifest lists the input files with a hash of their contents, which each
 * run checks before using it. Inside the bundle, `import.meta.url` (and
 * `dirname`, `filename`) of each input is that input's own location, so a
 * module that finds files beside itself (the tagger's model, the ingest's
 * worker script) finds them where they are. When bundling fails, the command
 * imports its modules as they are and says so once; it is slower, not wrong.
 */
import {createHash} from 'node:crypto'
import {mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

/** What is kept beside a bundle: its inputs (relative to the project) and their contents' hash. */
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
  const kept = readManifest(manifestFile)
  if (kept?.entry === entry && contentsHash(root, kept.inputs) === kept.hash) {
    const bundle = bundleFile(dir, name, kept.hash)
    // A bundle removed since (a cleaned cache) is made again below.
    const loaded = (await import(pathToFileURL(bundle).href).catch(() => null)) as T | null
    if (loaded !== null) return loaded
  }
  let manifest: Manifest
  try {
    manifest = await writeBundle(root, entry, dir, name)
  } catch (error) {
    console.warn(`${name}: running its modules unbundled (bundling failed: ${(error as Error).message.split('\n')[0]})`)
    return (await import(pathToFileURL(path.join(root, entry)).href)) as T
  }
  writeAtomically(manifestFile, JSON.stringify(manifest))
  return (await import(pathToFileURL(bundleFile(dir, name, manifest.hash)).href)) as T
}

/** Bundle `entry` into `dir` (older bundles of `name` removed); returns its manifest. */
export async function writeBundle(root: string, entry: string, dir: string, name: string): Promise<Manifest> {
  const {build} = await import('esbuild')
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
        name: 'own-import-meta',
        setup(on) {
          on.onLoad({filter: /\.[cm]?[jt]s$/}, (args) => {
            const text = readFileSync(args.path, 'utf8')
            if (!text.includes('import.meta.')) return undefined
            return {contents: withOwnImportMeta(text, args.path), loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js', resolveDir: path.dirname(args.path)}
          })
        }
      }
    ]
  })
  const code = result.outputFiles[0]?.contents
  if (code === undefined) throw new Error('esbuild wrote no bundle')
  const inputs = Object.keys(result.metafile.inputs).sort()
  const hash = contentsHash(root, inputs)
  if (hash === null) throw new Error('an input changed while it was bundled')
  const manifest = {entry, inputs, hash}
  mkdirSync(dir, {recursive: true})
  const file = bundleFile(dir, name, manifest.hash)
  for (const old of readdirSync(dir)) {
    if (old.startsWith(`${name}-`) && old.endsWith('.mjs') && path.join(dir, old) !== file) rmSync(path.join(dir, old), {force: true})
  }
  writeAtomically(file, code)
  return manifest
}

/**
 * The module's text with `import.meta.url`, `.dirname` and `.filename` written as the module's
 * own (in a bundle they would be the bundle's). `import.meta.resolve` and other uses are left.
 */
export function withOwnImportMeta(text: string, file: string): string {
  const own: Record<string, string> = {url: pathToFileURL(file).href, dirname: path.dirname(file), filename: file}
  return text.replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_, key: string) => JSON.stringify(own[key]))
}

/** The hash of the input files' contents (paths relative to `root`); null when one cannot be read. */
function contentsHash(root: string, inputs: readonly string[]): string | null {
  const hash = createHash('sha256')
  try {
    for (const input of inputs) hash.update(input).update('\0').update(readFileSync(path.resolve(root, input)))
  } catch {
    return null
  }
  return hash.digest('hex')
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
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, contents)
  renameSync(temporary, file)
}
