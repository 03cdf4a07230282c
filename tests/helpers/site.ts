/**
 * Helpers for tests against a built site: build a content folder into a
 * temporary output, serve it on 127.0.0.1, and drive Debian's Chromium.
 */
import {execFile} from 'node:child_process'
import {cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {chromium, type Browser} from 'playwright-core'
import {projectRoot} from './samples.ts'

const run = promisify(execFile)

export interface BuiltSite {
  content: string
  out: string
  base: string
  stdout: string
  stderr: string
}

/** A fresh temporary folder. */
export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `dossier-${prefix}-`))
}

/** What an ingest writes into a content folder: every entry, the report and the entity index, by path. */
export function ingestOutputs(content: string): Map<string, string> {
  const files = new Map(readdirSync(path.join(content, 'articles')).sort().map((n) => [`articles/${n}`, readFileSync(path.join(content, 'articles', n), 'utf8')]))
  for (const name of ['report.json', 'entities.json']) files.set(name, readFileSync(path.join(content, '.build', name), 'utf8'))
  return files
}

/** Copy the shipped content folder (dossier.yaml and sources, not generated entries) to a temp folder. */
export function copySampleContent(): string {
  const content = tempDir('content')
  cpSync(path.join(projectRoot, 'content', 'dossier.yaml'), path.join(content, 'dossier.yaml'))
  cpSync(path.join(projectRoot, 'content', 'sources'), path.join(content, 'sources'), {recursive: true})
  return content
}

/**
 * Run `scripts/build.ts` on a content folder into a temporary output folder.
 * Uses this process's Node (the project's Node 24 under `npm test`).
 */
export async function buildSite(options: {content: string; base?: string; out?: string; args?: string[]; env?: NodeJS.ProcessEnv}): Promise<BuiltSite> {
  const out = options.out ?? tempDir('dist')
  const base = options.base ?? '/'
  const env = {...process.env, ...options.env, DOSSIER_CONTENT: options.content, DOSSIER_OUT: out, DOSSIER_BASE: base}
  const {stdout, stderr} = await run(process.execPath, [path.join(projectRoot, 'scripts', 'build.ts'), ...(options.args ?? [])], {
    cwd: projectRoot,
    env,
    maxBuffer: 64 * 1024 * 1024
  })
  return {content: options.content, out, base, stdout, stderr}
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml'
}

/** Serve a built folder under its base path on 127.0.0.1; resolves to its origin URL. */
export async function serve(dir: string, base: string): Promise<{origin: string; server: Server}> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    let pathname = decodeURIComponent(url.pathname)
    if (!pathname.startsWith(base)) {
      res.writeHead(404).end('outside base')
      return
    }
    pathname = pathname.slice(base.length)
    let file = path.join(dir, pathname)
    if (!file.startsWith(dir)) {
      res.writeHead(403).end()
      return
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html')
    if (!existsSync(file)) {
      res.writeHead(404).end('not found')
      return
    }
    res.writeHead(200, {'content-type': types[path.extname(file)] ?? 'application/octet-stream'})
    res.end(readFileSync(file))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {origin: `http://127.0.0.1:${port}`, server}
}

/** The Chromium the tests drive: Debian's, headless, with no network of its own. */
export const chromiumPath = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium'

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: install it with "apt-get install -y chromium" or set CHROMIUM_PATH`)
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync']
  })
}
