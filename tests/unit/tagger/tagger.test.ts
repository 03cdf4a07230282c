import assert from 'node:assert/strict'
import {readdirSync, readFileSync} from 'node:fs'
import {test} from 'node:test'
import {fileURLToPath} from 'node:url'
import {tokenize} from '../../../src/arabic/tokenize.ts'
import {loadTagger, sentenceRanges, tagDocument, tagText} from '../../../src/entities/tagger/index.ts'
import {isValidIob2} from '../../../src/entities/tagger/labels.ts'

const sourcesDirectory = fileURLToPath(new URL('../../../content/sources/', import.meta.url))
const articles = readdirSync(sourcesDirectory)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(sourcesDirectory + name, 'utf8'))
const tagger = loadTagger()

/** The sentences of all sample articles, as token texts. */
function sampleSentences(): string[][] {
  return articles.flatMap((text) => {
    const tokens = tokenize(text)
    return sentenceRanges(text, tokens).map(([from, to]) => tokens.slice(from, to).map((token) => token.text))
  })
}

const spansOf = (text: string): string[] => tagText(tagger, text).map((span) => `${span.text}/${span.type}`)

test('finds the people, places and ministry of the sample articles', () => {
  const lead = 'قال وزير الخارجية الأمريكي ماركو روبيو اليوم الثلاثاء إن قطر والولايات المتحدة تقتربان من وضع اللمسات النهائية على اتفاق معزّز للتعاون الدفاعي'
  assert.ok(spansOf(lead).includes('ماركو روبيو/PER'), spansOf(lead).join(' | '))
  assert.ok(spansOf(lead).includes('قطر/LOC'))
  const doha = 'ووصل روبيو إلى الدوحة، الثلاثاء، حيث التقى الشيخ تميم بن حمد آل ثاني أمير دولة قطر'
  assert.ok(spansOf(doha).includes('الدوحة/LOC'), spansOf(doha).join(' | '))
  assert.ok(spansOf(doha).includes('روبيو/PER'))
  const ministry = 'وسئل متحدث وزارة الخارجية القطرية ماجد الأنصاري، في مؤتمر صحفي بالدوحة'
  assert.ok(spansOf(ministry).includes('وزارة الخارجية القطرية/ORG'), spansOf(ministry).join(' | '))
  assert.ok(spansOf(ministry).includes('ماجد الأنصاري/PER'))
  // With a preposition attached, the span is the whole token.
  const attached = 'من جانبه، علَّق ماجد الأنصاري المتحدث الرسمي لوزارة الخارجية القطرية على إعلان روبيو'
  assert.ok(spansOf(attached).some((span) => span.endsWith('وزارة الخارجية القطرية/ORG')), spansOf(attached).join(' | '))
})

test('over all sample articles, the well-known names come out with the right type', () => {
  const found = new Set(articles.flatMap((text) => spansOf(text)))
  for (const expected of ['ماركو روبيو/PER', 'روبيو/PER', 'قطر/LOC', 'الدوحة/LOC', 'واشنطن/LOC', 'غزة/LOC', 'حماس/ORG']) {
    assert.ok(found.has(expected), expected)
  }
  for (const wrong of ['قطر/PER', 'الدوحة/PER', 'روبيو/LOC', 'قال/PER', 'الثلاثاء/PER']) assert.ok(!found.has(wrong), wrong)
})

test('every sentence of the samples gets one valid IOB2 label per token', () => {
  for (const tokens of sampleSentences()) {
    const labels = tagger.tag(tokens)
    assert.equal(labels.length, tokens.length)
    assert.ok(isValidIob2(labels), `${tokens.join(' ')}\n${labels.join(' ')}`)
  }
})

test('tagging is deterministic: same input, same tags, in one tagger and across loads', () => {
  const sentences = sampleSentences()
  const first = sentences.map((tokens) => tagger.tag(tokens))
  assert.deepEqual(
    sentences.map((tokens) => tagger.tag(tokens)),
    first,
  )
  const other = loadTagger({cacheSize: 0})
  assert.deepEqual(
    sentences.map((tokens) => other.tag(tokens)),
    first,
  )
})

test('spans point into the original text', () => {
  const text = articles[1] ?? ''
  const spans = tagText(tagger, text)
  assert.ok(spans.length > 10)
  for (const span of spans) assert.equal(text.slice(span.start, span.end), span.text)
})

test('segmented input ("و قال") is tagged like running text, one label per token', () => {
  assert.deepEqual(tagger.tag(['و', 'قال', 'ماركو', 'روبيو']), ['O', 'O', 'B-PER', 'I-PER'])
  assert.deepEqual(tagger.tag(['ووصل', 'روبيو', 'الى', 'ال', 'دوحة']).length, 5)
  const joined = tagger.tag(['وصل', 'روبيو', 'إلى', 'الدوحة'])
  const segmented = tagger.tag(['وصل', 'روبيو', 'إلى', 'الدوحة', 'و', 'قطر'])
  assert.deepEqual(segmented.slice(0, 4), joined)
  assert.deepEqual(segmented.slice(4), ['O', 'B-LOC'])
})

test('gazetteer hints steer unknown words to the hinted type', () => {
  const cases = [
    {tokens: ['وقعت', 'الحكومة', 'عقدا', 'مع', 'بلومكو', 'لتطوير', 'الميناء'], at: 4, hint: 'ORG'},
    {tokens: ['وصل', 'الوفد', 'إلى', 'كرانبو', 'صباح', 'اليوم'], at: 3, hint: 'LOC'},
    {tokens: ['وقالت', 'الشركة', 'إن', 'ترافكو', 'ستبدأ', 'العمل'], at: 3, hint: 'ORG'},
  ] as const
  const followed = (withHints: boolean): number =>
    cases.filter(({tokens, at, hint}) => {
      const word = tokens[at]
      const gazetteer = withHints ? (token: string) => (token === word ? hint : null) : undefined
      return tagger.tag(tokens, {gazetteer})[at] === `B-${hint}`
    }).length
  const before = followed(false)
  assert.ok(followed(true) >= 2, `${followed(true)} of ${cases.length}`)
  assert.ok(followed(true) > before)
  // A hint does not stick to the tagger after the call.
  assert.equal(followed(false), before)
})

test('a name found in one sentence of a document is found again where the context says little', () => {
  const document = [
    'وقال المدير التنفيذي كريم بلعيد إن العقد مهم .'.split(' '),
    'وحقق بلعيد أرباحا'.split(' '),
  ]
  const alone = tagDocument(tagger, document, {consistency: false})
  const together = tagDocument(tagger, document)
  assert.deepEqual(alone[0]?.slice(3, 5), ['B-PER', 'I-PER'])
  assert.equal(alone[1]?.[1], 'O')
  assert.equal(together[1]?.[1], 'B-PER')
  // The first sentence, where the name was found, keeps its labels.
  assert.deepEqual(together[0], alone[0])
})

test('empty input gives empty output', () => {
  assert.deepEqual(tagger.tag([]), [])
  assert.deepEqual(tagText(tagger, ''), [])
  assert.deepEqual(tagDocument(tagger, []), [])
})
