import assert from 'node:assert/strict'
import {createHash} from 'node:crypto'
import {test} from 'node:test'
import {parse} from 'yaml'
import {toHijri, weekdayOf} from '../../../src/bench/calendar.ts'
import {attach, wordCount} from '../../../src/bench/compose.ts'
import {personById, titlesOn} from '../../../src/bench/entities.ts'
import {benchDossierYaml, generateCorpus, wordLimits, type GeneratedArticle} from '../../../src/bench/corpus.ts'
import {createRandom, mixSeed} from '../../../src/bench/random.ts'
import {themes} from '../../../src/bench/themes.ts'

// One corpus shared by the proportion tests (generating it takes well under a second).
const corpus = generateCorpus({articles: 2000, seed: 1})
const share = (count: number) => count / corpus.length

function digest(articles: readonly GeneratedArticle[]): string {
  const hash = createHash('sha256')
  for (const a of articles) hash.update(a.name).update('\0').update(a.text).update('\0').update(a.sidecar ?? '').update('\0')
  return hash.digest('hex')
}

/** Diacritics and tatweel, which some articles carry as pasted text does. */
const strip = (text: string) => text.replace(/[\u064B-\u065F\u0670\u0640]/gu, '')

/** Jaccard similarity of two texts' sets of five-word shingles. */
function shingleSimilarity(a: string, b: string): number {
  const shingles = (text: string) => {
    const words = text.split(/\s+/u).filter(Boolean)
    const set = new Set<string>()
    for (let i = 0; i + 5 <= words.length; i++) set.add(words.slice(i, i + 5).join(' '))
    return set
  }
  const x = shingles(a)
  const y = shingles(b)
  let both = 0
  for (const s of x) if (y.has(s)) both++
  return both / (x.size + y.size - both)
}

test('the same articles and seed give the same bytes; another seed gives others', () => {
  const again = generateCorpus({articles: 2000, seed: 1})
  assert.equal(digest(again), digest(corpus))
  assert.deepEqual(again, corpus)
  const other = generateCorpus({articles: 200, seed: 2})
  assert.notEqual(digest(other), digest(corpus.slice(0, 200)))
})

test('a corpus of N + 1 is the corpus of N plus one article', () => {
  const smaller = generateCorpus({articles: 1500, seed: 1})
  assert.equal(digest(smaller), digest(corpus.slice(0, 1500)))
})

test('file names are unique, numbered and carry a 16-digit hexadecimal id like the samples', () => {
  assert.equal(new Set(corpus.map((a) => a.name)).size, corpus.length)
  for (const [i, a] of corpus.entries()) assert.match(a.name, new RegExp(`^${String(i).padStart(5, '0')}_[0-9a-f]{16}\\.txt$`))
})

test('every article has 200 to 2,000 words, with a median near 500', () => {
  for (const a of corpus) {
    assert.equal(a.words, wordCount(a.text))
    assert.ok(a.words >= wordLimits.min && a.words <= wordLimits.max, `${a.name} has ${a.words} words`)
  }
  const sorted = corpus.map((a) => a.words).sort((x, y) => x - y)
  const median = sorted[Math.floor(sorted.length / 2)] as number
  assert.ok(median >= 420 && median <= 600, `median ${median}`)
  // A realistic spread: some short items, some long features.
  assert.ok(sorted.filter((w) => w < 300).length > corpus.length * 0.05)
  assert.ok(sorted.filter((w) => w > 1000).length > corpus.length * 0.03)
})

test('about 3% near-duplicates and a few exact duplicates, each of an earlier article', () => {
  const near = corpus.filter((a) => a.kind === 'near-duplicate')
  const exact = corpus.filter((a) => a.kind === 'duplicate')
  assert.ok(share(near.length) > 0.015 && share(near.length) < 0.05, `near-duplicates ${near.length}`)
  assert.ok(exact.length >= 3 && share(exact.length) < 0.015, `exact duplicates ${exact.length}`)
  const byName = new Map(corpus.map((a, i) => [a.name, {a, i}]))
  for (const copy of [...near, ...exact]) {
    const original = byName.get(copy.duplicateOf as string)
    assert.ok(original, `${copy.name} names its original`)
    assert.equal(original.a.kind, 'original')
    assert.ok(original.i < corpus.indexOf(copy), 'the original comes first')
    if (copy.kind === 'duplicate') assert.equal(copy.text, original.a.text)
    else {
      assert.notEqual(copy.text, original.a.text)
      // A few words changed: still the same article to a duplicate finder (5-word shingles, Jaccard ≥ 0.7).
      assert.ok(shingleSimilarity(copy.text, original.a.text) >= 0.7, `${copy.name} vs ${original.a.name}`)
    }
  }
})

test('unrelated originals are not near-duplicates of each other', () => {
  const originals = corpus.filter((a) => a.kind === 'original').slice(0, 60)
  for (let i = 1; i < originals.length; i++) {
    const a = originals[i - 1] as GeneratedArticle
    const b = originals[i] as GeneratedArticle
    assert.ok(shingleSimilarity(a.text, b.text) < 0.2, `${a.name} and ${b.name}`)
  }
})

test('the furniture of pasted articles appears in realistic shares', () => {
  const originals = corpus.filter((a) => a.kind === 'original')
  const has = (pattern: RegExp) => originals.filter((a) => pattern.test(a.text)).length / originals.length
  const sources = has(/^المصدر: /mu)
  const keywords = has(/^كلمات دلالية: /mu)
  const readAlso = has(/^(?:[اإ]قرأ (?:أيضاً?|المزيد)|مقالات مشابهة|مواضيع ذات صلة|قد يعجبك أيضاً?|أخبار ذات صلة|المزيد من الأخبار)/mu)
  assert.ok(sources > 0.15 && sources < 0.32, `source lines ${sources}`)
  assert.ok(keywords > 0.1 && keywords < 0.25, `keyword lines ${keywords}`)
  assert.ok(readAlso > 0.15 && readAlso < 0.32, `read-also blocks ${readAlso}`)
  const sidecars = originals.filter((a) => a.sidecar !== undefined).length / originals.length
  assert.ok(sidecars > 0.05 && sidecars < 0.11, `sidecars ${sidecars}`)
  for (const a of originals.filter((x) => x.sidecar !== undefined)) {
    const meta = parse(a.sidecar as string) as Record<string, unknown>
    assert.match(String(meta['date']), /^\d{4}-\d{2}(-\d{2})?$/u)
    assert.ok(typeof meta['outlet'] === 'string' && String(meta['url']).startsWith('https://'))
  }
})

test('most articles open with a headline, some with their lead sentence', () => {
  const originals = corpus.filter((a) => a.kind === 'original')
  const firstLines = originals.map((a) => a.text.replace(/^\uFEFF/u, '').split(/\r?\n/u)[0] as string)
  const headlines = firstLines.filter((line) => wordCount(line) <= 20 && !/[.،:؟»”"]$/u.test(line)).length / originals.length
  assert.ok(headlines > 0.7 && headlines < 0.88, `headlines ${headlines}`)
})

test('quotes in «», “” and "" with reporting verbs; dates in several forms', () => {
  const texts = corpus.map((a) => a.text)
  const count = (pattern: RegExp) => texts.filter((t) => pattern.test(t)).length
  assert.ok(count(/«[^»]+»/u) > 500)
  assert.ok(count(/“[^”]+”/u) > 300)
  assert.ok(count(/"[^"\n]+"/u) > 200)
  assert.ok(count(/(?:^|\s)و?(?:قال|قالت|أضاف|أكد|أكدت)\s/mu) > 1500)
  assert.ok(count(/\b\d{1,2} (?:يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر)(?:\/ [^\s]+(?: [^\s]+)?)? (?:\d{4}|الجاري)/u) > 500)
  assert.ok(count(/(?:كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين)/u) > 300)
  assert.ok(count(/عام \d{4}/u) > 500)
  assert.ok(count(/الأسبوع الماضي/u) > 100)
  const hijri = count(/\d+ (?:محرم|صفر|ربيع الأول|ربيع الآخر|جمادى الأولى|جمادى الآخرة|رجب|شعبان|رمضان|شوال|ذو القعدة|ذو الحجة) \d{4} هـ/u)
  assert.ok(hijri > 20 && hijri < 200, `Hijri dates ${hijri}`)
  assert.ok(count(/بحسب (?:رويترز|فرانس برس|الأناضول|أسوشيتد برس|قنا|واس|وام|كونا)/u) > 200)
})

test('every original carries a term of its theme, so it lands in that topic', () => {
  const bySlug = new Map(themes.map((t) => [t.slug, t]))
  for (const a of corpus.filter((x) => x.kind === 'original')) {
    const theme = bySlug.get(a.theme)
    assert.ok(theme, a.theme)
    assert.ok(theme.terms.some((term) => strip(a.text).includes(term)), `${a.name} (${a.theme})`)
  }
})

test('real registry names with their office titles, and invented people after titles', () => {
  const text = corpus.map((a) => a.text).join('\n')
  assert.ok(text.includes('وزير الخارجية الأمريكي ماركو روبيو') || text.includes('وزير الخارجية الأميركي ماركو روبيو'))
  assert.match(text, /(?:الخبير الاقتصادي|المحلل السياسي|الدكتور|العميد المتقاعد) [\u0600-\u06FF]+ [\u0600-\u06FF]+/u)
  // Offices follow the article's date: Blinken was secretary of state until 2025-01-20, Rubio after.
  const rubio = personById('marco-rubio')
  const blinken = personById('antony-blinken')
  assert.deepEqual(titlesOn(rubio, '2024-06-01'), [])
  assert.ok(titlesOn(blinken, '2024-06-01').includes('وزير الخارجية الأمريكي'))
  assert.ok(titlesOn(rubio, '2025-09-16').includes('وزير الخارجية الأمريكي'))
  assert.deepEqual(titlesOn(blinken, '2025-09-16'), [])
})

test('the vocabulary is wide, like real news rather than a few repeated sentences', () => {
  const words = new Set<string>()
  let tokens = 0
  for (const a of corpus.slice(0, 1000)) {
    for (const word of a.text.split(/\s+/u)) {
      const key = word.replace(/[^\p{L}\p{N}]/gu, '')
      if (key === '') continue
      words.add(key)
      tokens++
    }
  }
  // Real Arabic news has some 30,000–50,000 distinct forms in 570,000 words (Heaps' law from the five samples).
  assert.ok(words.size > 25_000, `${words.size} distinct forms in ${tokens} words`)
})

test('the dossier.yaml has one topic per theme with its terms', () => {
  const dossier = parse(benchDossierYaml()) as {title: string; topics: Array<{slug: string; title: string; terms: string[]; minMatches: number}>}
  assert.equal(typeof dossier.title, 'string')
  assert.deepEqual(dossier.topics.map((t) => t.slug), themes.map((t) => t.slug))
  for (const [i, topic] of dossier.topics.entries()) {
    assert.deepEqual(topic.terms, [...(themes[i]?.terms ?? [])])
    assert.equal(topic.minMatches, 1)
  }
})

test('attach contracts ل with the article and prefixes other letters', () => {
  assert.equal(attach('ل', 'الديوان الأميري'), 'للديوان الأميري')
  assert.equal(attach('ب', 'تعزيز'), 'بتعزيز')
  assert.equal(attach('ل', 'تعزيز'), 'لتعزيز')
  assert.equal(attach('', 'تعزيز'), 'تعزيز')
})

test('wordCount counts runs of non-space like /\\S+/ does', () => {
  const sample = 'قال وزير الخارجية الأمريكي ماركو روبيو اليوم الثلاثاء\u00A0إن قطر\n\nوالولايات  المتحدة\r\n'
  assert.equal(wordCount(sample), sample.match(/\S+/gu)?.length)
  assert.equal(wordCount(''), 0)
})

test('Hijri dates agree with the arithmetic Islamic calendar of Intl, weekdays with the samples', () => {
  const format = new Intl.DateTimeFormat('en-u-ca-islamic-civil', {year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC'})
  for (let days = 15_000; days < 20_500; days += 37) {
    const date = new Date(days * 86_400_000)
    const ymd = {year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate()}
    const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]))
    assert.deepEqual(toHijri(ymd), {year: Number.parseInt(parts['year'] as string, 10), month: Number(parts['month']), day: Number(parts['day'])})
  }
  // Sample 000: "اليوم الثلاثاء", a week after 9 September 2025.
  assert.equal(weekdayOf({year: 2025, month: 9, day: 16}), 'الثلاثاء')
})

test('the random stream is seeded and per-article streams differ', () => {
  const a = createRandom(42)
  const b = createRandom(42)
  const xs = Array.from({length: 5}, () => a.next())
  assert.deepEqual(Array.from({length: 5}, () => b.next()), xs)
  assert.ok(xs.every((x) => x >= 0 && x < 1))
  assert.notEqual(mixSeed(1, 0), mixSeed(1, 1))
  assert.notEqual(mixSeed(1, 0), mixSeed(2, 0))
})
