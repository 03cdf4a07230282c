/**
 * Sidecar metadata: `NAME.meta.yaml` beside a source overrides or adds what the
 * text cannot establish (title, date, outlet, url, lang, topics).
 */
import type {VFile} from 'vfile'
import YAML from 'yaml'
import {z} from 'zod'
import {partialDate} from '../schema.ts'

export const sidecarSchema = z
  .object({
    title: z.string().min(1).optional(),
    date: z.union([partialDate, z.date().transform((d) => d.toISOString().slice(0, 10))]).optional(),
    outlet: z.string().min(1).optional(),
    // Only web addresses: a javascript:, data: or file: URL would be a link that runs or reads.
    url: z.string().url().refine((u) => /^https?:\/\//i.test(u), 'only http and https addresses').optional(),
    lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/).optional(),
    topics: z.array(z.string()).optional()
  })
  .strict()

export type Sidecar = z.infer<typeof sidecarSchema>

/**
 * Read a sidecar's text.
 *
 * Takes the YAML text and the vfile of the sidecar (for messages); returns the
 * metadata, or null with a fatal message naming the line or field at fault.
 */
export function parseSidecar(text: string, file: VFile): Sidecar | null {
  const doc = YAML.parseDocument(text, {prettyErrors: true})
  const error = doc.errors[0]
  if (error) {
    const [line, column] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [1, 1]
    fail(file, `the sidecar is not valid YAML: ${error.message.split('\n')[0] ?? ''}`, {line, column})
    return null
  }
  const parsed = sidecarSchema.safeParse(doc.toJS() ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue?.path.join('.') || '(top level)'
    fail(file, `the sidecar's field "${field}" is invalid: ${issue?.message ?? 'unknown problem'}`)
    return null
  }
  return parsed.data
}

function fail(file: VFile, reason: string, place?: {line: number; column: number}): void {
  const message = file.message(reason, {ruleId: 'sidecar', source: 'dossier', ...(place ? {place} : {})})
  message.fatal = true
}
