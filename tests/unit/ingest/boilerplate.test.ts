import assert from 'node:assert/strict'
import {test} from 'node:test'
import {separateBoilerplate} from '../../../src/ingest/boilerplate.ts'
import {cleanText} from '../../../src/ingest/clean.ts'
import {sampleText} from '../../helpers/samples.ts'

const sample004 = () => separateBoilerplate(cleanText(sampleText('004_e5837cf2311ce5b0.txt')))
const textOf = (lines: {text: string}[]) => lines.map((l) => l.text).join('\n')

test('boilerplate: the "read also" tail of sample 004 is removed whole, with its headlines', () => {
  const b = sample004()
  const kept = textOf(b.lines)
  for (const headline of [
    'الخارجية السورية: تأكيد أمريكي على دعم دمشق وتعزيز التعاون في مكافحة الإرهاب',
    'نيوزويك: 3 مؤشرات على حرب وشيكة بين الولايات المتحدة وفنزويلا',
    'تركيا: لا تعديل على منظومة إس-400 ومحادثات إف-35 مستمرة',
    'واعتبر روبيو هجوم تدمر تحديًا جديدًا',
    'مقالات مشابهة'
  ]) {
    assert.ok(!kept.includes(headline), `kept: ${headline}`)
  }
  const tailBlock = b.removed.find((r) => r.reason.startsWith('related-articles block'))
  assert.ok(tailBlock)
  assert.equal(tailBlock.fromLine, 37)
  assert.equal(tailBlock.toLine, 60)
})

test('boilerplate: every sentence of the article itself stays', () => {
  const kept = textOf(sample004().lines)
  assert.ok(kept.startsWith('أعلنت الولايات المتحدة وقطر عن تعديل اتفاقية التعاون الدفاعي'))
  assert.ok(kept.includes('وأفادت تقارير إعلامية في يناير الماضي بأن الولايات المتحدة وقطر توصلتا إلى اتفاق'))
  assert.ok(kept.includes('وقاعدة العديد تحتضن مقر القيادة الوسطى للولايات المتحدة CENTCOM'))
})

test('boilerplate: the inline "read more" link and the stray punctuation line are removed with reasons', () => {
  const b = sample004()
  const reasons = new Map(b.removed.map((r) => [r.fromLine, r.reason]))
  assert.match(reasons.get(11) ?? '', /read more/)
  assert.match(reasons.get(7) ?? '', /stray punctuation/)
})

test('boilerplate: source and keyword lines are read, not shown', () => {
  const b = sample004()
  assert.deepEqual(b.sourceLines, [
    {text: '"قنا" + وزارة الخارجية الأمريكية', line: 31},
    {text: 'RT Arabic', line: 33}
  ])
  assert.match(b.keywordLine?.text ?? '', /^أنتوني بلينكن الإرهاب/)
  assert.equal(b.keywordLine?.line, 35)
})

test('boilerplate: articles without furniture are untouched', () => {
  for (const name of ['000_343249e2a2f5d01d.txt', '001_ae05557b0c171265.txt', '002_6b8aedf88ece1897.txt', '003_2e6916bc45a88ae1.txt']) {
    const lines = cleanText(sampleText(name))
    const b = separateBoilerplate(lines)
    assert.deepEqual(b.lines, lines, name)
    assert.deepEqual(b.removed, [], name)
  }
})

test('boilerplate: a related list in the middle takes only its headlines, not the prose after it', () => {
  const lines = cleanText('فقرة أولى من المقالة.\nاقرأ أيضاً:\nعنوان مقالة أخرى\n• عنوان ثالث\nوتابع الوزير حديثه قائلاً إن المفاوضات مستمرة.')
  const b = separateBoilerplate(lines)
  assert.deepEqual(b.lines.map((l) => l.text), ['فقرة أولى من المقالة.', 'وتابع الوزير حديثه قائلاً إن المفاوضات مستمرة.'])
})

test('boilerplate: share lines go, but a sentence mentioning Twitter stays', () => {
  const b = separateBoilerplate(cleanText('شارك على فيسبوك تويتر واتساب\nوقال روبيو عبر منصة إكس (تويتر سابقاً) إنه التقى أمير قطر.'))
  assert.deepEqual(b.lines.map((l) => l.text), ['وقال روبيو عبر منصة إكس (تويتر سابقاً) إنه التقى أمير قطر.'])
})
