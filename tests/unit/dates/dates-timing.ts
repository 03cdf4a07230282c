/**
 * Timing note for the date modules (not a test: run it by hand, it asserts nothing).
 *
 *   node tests/unit/dates/dates-timing.ts
 *
 * Prints the time `findDateExpressions` and `timelineCandidates` take per MB (UTF-8) on two
 * inputs of 1 MB each: date-dense text (the dated sentences of the sample articles, plus
 * Hijri, numeric, Levantine and Eastern-digit dates, every line full of dates) and the sample
 * articles themselves; and the time of `inferPublicationDate` per sample article. Best of 5 runs.
 */
import {findDateExpressions} from '../../../src/ingest/dates.ts'
import {inferPublicationDate, timelineCandidates} from '../../../src/ingest/publication-date.ts'
import {sampleLines, sampleNames, sampleText} from '../../helpers/samples.ts'

const MEGABYTE = 1_048_576
const ROUNDS = 5
const REFERENCE = {year: 2025, month: 9, day: 16}

/** `text` repeated, then cut to `bytes` bytes of UTF-8 (on a character boundary). */
function toSize(text: string, bytes: number): string {
  const repeated = text.repeat(Math.ceil(bytes / Buffer.byteLength(text, 'utf8')))
  return Buffer.from(repeated, 'utf8').subarray(0, bytes).toString('utf8').replace(/\uFFFD$/u, '')
}

/** Best time of `ROUNDS` runs, in ms. */
function best(run: () => unknown): number {
  let fastest = Number.POSITIVE_INFINITY
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now()
    run()
    fastest = Math.min(fastest, performance.now() - started)
  }
  return fastest
}

const samples = sampleNames().map(sampleText).join('\n')
const datedSentences = samples.split('\n').filter((line) => findDateExpressions(line).length > 0)
const dateDense = [
  ...datedSentences,
  'وُقِّعَت الاتفاقيةُ في ١٠ إبْرِيلَ ٢٠٢٤ بالدوحة، وبدأت الحملة في 15 رمضان 1446 هـ، ثم في 16 ربيع الأول 1447هـ الموافق 8 سبتمبر 2025م.',
  'بين كانون الثاني 2024 و7 تشرين الأول 2023 نُشر (16/9/2025) وحُدّث 16-09-2025، واجتمع المجلس في 20 سبتمبر ويلتقيان يوم الخميس المقبل.',
  'تراجعت الأسعار الشهر الماضي وتعافت خلال الشهر الجاري، مقارنة بالعام الماضي، ووقع الاتفاق في سبتمبر من العام الماضي وأمس (الاثنين).',
].join('\n')

const inputs: Array<[string, string]> = [
  ['date-dense text', toSize(`${dateDense}\n`, MEGABYTE)],
  ['sample articles', toSize(`${samples}\n`, MEGABYTE)],
]

for (const [name, text] of inputs) {
  const megabytes = Buffer.byteLength(text, 'utf8') / MEGABYTE
  let found = 0
  const findMs = best(() => {
    found = findDateExpressions(text, {reference: REFERENCE}).length
  })
  const paragraphs = text.split('\n').map((line, index) => ({text: line, line: index + 1}))
  const timelineMs = best(() => timelineCandidates(paragraphs, REFERENCE))
  console.log(
    `${name.padEnd(16)} ${megabytes.toFixed(2)} MB, ${found} expressions: ` +
      `findDateExpressions ${(findMs / megabytes).toFixed(0)} ms/MB, timelineCandidates ${(timelineMs / megabytes).toFixed(0)} ms/MB`,
  )
}

for (const name of sampleNames()) {
  const paragraphs = sampleLines(name)
  const ms = best(() => inferPublicationDate({paragraphs, buildDate: '2026-11-22'}))
  console.log(`inferPublicationDate ${name}: ${ms.toFixed(1)} ms`)
}
