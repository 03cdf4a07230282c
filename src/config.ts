/**
 * Reading the dossier's own files: `dossier.yaml` (title, topics) and the
 * ingest's build data. Shared by the ingest and the site, so neither imports
 * the other.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import YAML from 'yaml'
import {dossierConfigSchema, type DossierConfig} from './schema.ts'

/** Read and validate `dossier.yaml`; throws naming the file and field at fault. */
export async function readConfig(contentDir: string): Promise<DossierConfig> {
  const file = path.join(contentDir, 'dossier.yaml')
  const text = await readFile(file, 'utf8')
  const parsed = dossierConfigSchema.safeParse(YAML.parse(text))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`${file}: field "${issue?.path.join('.') ?? ''}": ${issue?.message ?? 'invalid'}`)
  }
  return parsed.data
}

/** Read a JSON file the ingest wrote into the build-data folder, or `fallback` when there is none. */
export async function readBuildData<T>(buildDataDir: string, name: string, fallback: T): Promise<T> {
  const text = await readFile(path.join(buildDataDir, name), 'utf8').catch(() => null)
  return text === null ? fallback : (JSON.parse(text) as T)
}
