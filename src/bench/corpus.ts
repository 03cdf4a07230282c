/**
 * The benchmark corpus: N realistic Arabic news articles, generated from a
 * seed, so two runs with the same N and seed write the same bytes.
 *
 * Each article gets its own random stream (from the seed and its index), so
 * the first N articles are the same whatever N is: a corpus of N + 1 is the
 * corpus of N plus one article. Articles are composed by compose.ts; this
 * module decides what each one is (an original, a near-duplicate of an earlier
 * one with a few words changed, or an exact copy), its theme, date and length,
 * its file name and optional sidecar, and the dossier.yaml topics.
 *
 * Proportions (per article, roughly): 3% near-duplicates, 0.6% exact
 * duplicates, 8% of originals with a sidecar, 78% with a headline, about 40%
 * with some furniture (source lines, keywords, "read also", share lines).
 * Lengths: 200–2,000 words, log-normal around a median of about 500.
 */
import {isoDate, type Ymd} from './calendar.ts'
import {composeArticle, signatureQuotes, wordCount, type SignatureQuote} from './compose.ts'
import {siteSignatures} from './lexicon.ts'
import {createRandom, mixSeed, type Random} from './random.ts'
import {themes} from './themes.ts'

/** Options of `generateCorpus`. */
export interface CorpusOptions {
  /** How many articles (files `NNNNN_<hex>.txt`). */
  articles: number
  /** Seed of the generator; default 1. */
  seed?: number
}

/** One generated source file. */
export interface GeneratedArticle {
  /** File name in `sources/` ("00042_1a2b3c4d5e6f7a8b.txt"). */
  name: string
  /** The file's text (UTF-8 when written). */
  text: string
  /** The text of its sidecar `NAME.meta.yaml`, when it has one. */
  sidecar?: string
  /** An original, a copy with a few words changed, or a byte-identical copy. */
  kind: 'original' | 'near-duplicate' | 'duplicate'
  /** The name of the article it copies (duplicates only). */
  duplicateOf?: string
  /** Slug of its theme (a topic of `benchDossierYaml`). */
  theme: string
  /** Its word count (whitespace-separated runs). */
  words: number
}

/** Word limits of every generated article. */
export const wordLimits = {min: 200, max: 2000} as const

/** Share of articles that are near-duplicates and exact duplicates of an earlier one. */
export const duplicateShares = {near: 0.03, exact: 0.006} as const

const defaultSeed = 1
/** The latest publication date of the corpus (before any plausible build day). */
const latest: Ymd = {year: 2025, month: 10, day: 31}
/** Publication years and their weights: most news in a dossier is recent. */
const yearWeights: ReadonlyArray<[number, number]> = [
  [2013, 1], [2014, 1], [2015, 1], [2016, 1], [2017, 1.5], [2018, 1.5], [2019, 2],
  [2020, 2], [2021, 2.5], [2022, 3], [2023, 6], [2024, 8], [2025, 10]
]
/** Words near-duplicates put in place of one of the original's words. */
const editWords = ['أيضاً', 'كذلك', 'نحو', 'حوالي', 'مجدداً', 'رسمياً', 'حالياً', 'الجديد', 'عدة', 'مؤخراً', 'بالفعل', 'تقريباً']

function weighted<T>(rng: Random, items: ReadonlyArray<[T, number]>): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0)
  let roll = rng.next() * total
  for (const [item, w] of items) {
    roll -= w
    if (roll < 0) return item
  }
  return (items[items.length - 1] as [T, number])[0]
}

function publicationDate(rng: Random): Ymd {
  const year = weighted(rng, yearWeights)
  const lastMonth = year === latest.year ? latest.month : 12
  const month = rng.int(1, lastMonth)
  const day = rng.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate())
  return {year, month, day}
}

/** A length in words: log-normal with a median near 480, kept within the limits. */
function targetWords(rng: Random): number {
  for (let i = 0; i < 50; i++) {
    const words = Math.round(Math.exp(rng.normal(Math.log(480), 0.5)))
    if (words >= wordLimits.min && words <= wordLimits.max) return words
  }
  return 480
}

function sidecarText(rng: Random, date: Ymd, index: number, title: string | null): string {
  const lines: string[] = []
  if (title !== null) lines.push(`title: ${JSON.stringify(title)}`)
  const iso = isoDate(date)
  lines.push(`date: ${rng.chance(0.2) ? iso.slice(0, 7) : iso}`)
  lines.push(`outlet: ${JSON.stringify(rng.pick(siteSignatures))}`)
  lines.push(`url: https://news.example.com/${date.year}/${String(date.month).padStart(2, '0')}/${index}`)
  if (rng.chance(0.5)) lines.push('lang: ar')
  return `${lines.join('\n')}\n`
}

/**
 * A near-duplicate of `original`: a few words replaced, sometimes the headline
 * marked or the furniture dropped (another site's copy). Stays within the
 * word limits.
 */
function nearDuplicate(rng: Random, original: {text: string; furniture: string}): string {
  // Edits go into the article's own text; the furniture is kept or dropped whole.
  const lines = original.text.slice(0, original.text.length - original.furniture.length).split('\n')
  const candidates = lines.map((line, i) => [line, i] as const).filter(([line]) => wordCount(line) > 12)
  const edits = rng.int(2, 6)
  let done = 0
  for (let attempt = 0; done < edits && attempt < 100 && candidates.length > 0; attempt++) {
    const [, i] = rng.pick(candidates)
    const words = (lines[i] as string).split(' ')
    const at = rng.int(1, words.length - 2)
    const replacement = rng.pick(editWords)
    if (!/^[\u0621-\u064A]{3,}$/u.test(words[at] ?? '') || words[at] === replacement) continue
    words[at] = replacement
    lines[i] = words.join(' ')
    done++
  }
  const main = lines.join('\n')
  const dropFurniture = original.furniture !== '' && rng.chance(0.3) && wordCount(main) >= wordLimits.min
  const text = dropFurniture ? main : main + original.furniture
  return rng.chance(0.2) && wordCount(text) < wordLimits.max ? `عاجل | ${text}` : text
}

/**
 * Generate a corpus.
 *
 * Takes the number of articles and the seed; returns the articles in file
 * name order. Same options, same bytes.
 */
export function generateCorpus(options: CorpusOptions): GeneratedArticle[] {
  const seed = options.seed ?? defaultSeed
  // Quotes several articles of a theme share: drawn once, from a stream of their own.
  const quoteRng = createRandom(mixSeed(seed, 0x7fffffff))
  const quotes: SignatureQuote[][] = themes.map((_, i) => signatureQuotes(quoteRng, i, 6))
  const themeWeights = themes.map((_, i) => [i, i === 0 ? 2.5 : 1] as [number, number])

  const articles: GeneratedArticle[] = []
  const originals: Array<{index: number; text: string; furniture: string}> = []
  const headlines: string[] = []
  for (let index = 0; index < options.articles; index++) {
    const rng = createRandom(mixSeed(seed, index))
    const name = `${String(index).padStart(5, '0')}_${rng.hex8()}${rng.hex8()}.txt`
    const roll = rng.next()
    if (originals.length >= 5 && roll < duplicateShares.near + duplicateShares.exact) {
      // Mostly a recent article (the same story picked up again), sometimes an old one.
      const pool = rng.chance(0.6) ? originals.slice(-50) : originals
      const source = rng.pick(pool)
      const copied = articles[source.index] as GeneratedArticle
      const near = roll < duplicateShares.near
      const text = near ? nearDuplicate(rng, source) : copied.text
      articles.push({name, text, kind: near ? 'near-duplicate' : 'duplicate', duplicateOf: copied.name, theme: copied.theme, words: wordCount(text)})
      continue
    }
    const theme = weighted(rng, themeWeights)
    const date = publicationDate(rng)
    const composed = composeArticle(rng, {
      theme,
      date,
      targetWords: targetWords(rng),
      maxWords: wordLimits.max,
      earlierHeadlines: headlines.slice(-200),
      signatureQuotes: quotes[theme] as SignatureQuote[]
    })
    let text = composed.text
    // Encodings and line ends of pasted text: a byte-order mark, Windows line ends.
    if (rng.chance(0.005)) text = `\uFEFF${text}`
    if (rng.chance(0.01)) text = text.replace(/\n/gu, '\r\n')
    const article: GeneratedArticle = {name, text, kind: 'original', theme: (themes[theme] as {slug: string}).slug, words: wordCount(text)}
    if (rng.chance(0.08)) article.sidecar = sidecarText(rng, date, index, composed.headline === null && rng.chance(0.4) ? composed.listingHeadline : null)
    articles.push(article)
    originals.push({index, text: composed.text, furniture: composed.furniture})
    headlines.push(composed.listingHeadline)
  }
  return articles
}

/** The `dossier.yaml` of a generated corpus: one topic per theme, with the terms its articles contain. */
export function benchDossierYaml(): string {
  const lines = [
    '# Generated by the benchmark (src/bench/corpus.ts): one topic per theme of the corpus.',
    `title: ${JSON.stringify('ملف اختبار الأداء: أخبار المنطقة')}`,
    `description: ${JSON.stringify('مقالات مولدة آلياً لقياس سرعة البناء واستهلاك الذاكرة.')}`,
    'topics:'
  ]
  for (const theme of themes) {
    lines.push(`  - slug: ${theme.slug}`)
    lines.push(`    title: ${JSON.stringify(theme.title)}`)
    lines.push(`    description: ${JSON.stringify(theme.description)}`)
    lines.push('    terms:')
    for (const term of theme.terms) lines.push(`      - ${JSON.stringify(term)}`)
    lines.push('    minMatches: 1')
  }
  return `${lines.join('\n')}\n`
}
