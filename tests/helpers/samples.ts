/** The sample dossier's sources, read for tests. */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const sampleSourcesDir = path.join(projectRoot, 'content', 'sources')

/** The names of the sample sources, sorted. */
export function sampleNames(): string[] {
  return readdirSync(sampleSourcesDir).filter((n) => n.endsWith('.txt')).sort()
}

/** The raw bytes of one sample source. */
export function sampleBytes(name: string): Buffer {
  return readFileSync(path.join(sampleSourcesDir, name))
}

/** The text of one sample source. */
export function sampleText(name: string): string {
  return sampleBytes(name).toString('utf8')
}

/** The non-blank lines of a sample, as written (trimmed), with their 1-based line numbers. */
export function sampleLines(name: string): Array<{text: string; line: number}> {
  return sampleText(name)
    .split(/\r?\n/)
    .map((l, i) => ({text: l.trim(), line: i + 1}))
    .filter((l) => l.text !== '')
}

/** Fold white space so texts can be compared regardless of spacing. */
export function foldSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
