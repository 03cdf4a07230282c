import assert from 'node:assert/strict'
import {test} from 'node:test'
import {cleanText} from '../../../src/ingest/clean.ts'
import {deriveTitle, findStructure} from '../../../src/ingest/structure.ts'
import {sampleText} from '../../helpers/samples.ts'

const structureOf = (name: string) => findStructure(cleanText(sampleText(name)))

test('structure: a short unpunctuated first line is the headline, the line under it the subtitle', () => {
  const s = structureOf('002_6b8aedf88ece1897.txt')
  assert.equal(s.title, 'الدوحة: هجوم إسرائيل يسرع الحاجة لاتفاق دفاعي محدث مع واشنطن')
  assert.equal(s.titleDerived, false)
  assert.equal(s.subtitle, 'بحسب متحدث الخارجية القطرية')
  assert.match(s.blocks[0]?.text ?? '', /^أعلنت قطر، مساء الثلاثاء/)
})

test('structure: with no headline the title comes from the lead, which stays in the body', () => {
  const s = structureOf('000_343249e2a2f5d01d.txt')
  assert.equal(s.titleDerived, true)
  assert.equal(
    s.title,
    'قال وزير الخارجية الأمريكي ماركو روبيو اليوم الثلاثاء إن قطر والولايات المتحدة تقتربان من وضع اللمسات النهائية على اتفاق معزّز للتعاون الدفاعي'
  )
  assert.match(s.blocks[0]?.text ?? '', /^قال وزير الخارجية الأمريكي/)
  assert.equal(s.subtitle, null)
})

test('structure: sub-headings of sample 000 are found, quotes without final stop stay paragraphs', () => {
  const s = structureOf('000_343249e2a2f5d01d.txt')
  const headings = s.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)
  assert.deepEqual(headings, [
    'روبيو: لدينا شراكة وثيقة مع القطريين، لدينا اتفاقية تعاون دفاعي معززة',
    'الاتفاقيات الدفاعية السابقة بين قطر وأمريكا',
    'أهمية إعلان روبيو'
  ])
  const quoteLine = s.blocks.find((b) => b.text.startsWith('وقال روبيو “لدينا'))
  assert.equal(quoteLine?.kind, 'paragraph')
  assert.equal(quoteLine?.line, 6)
})

test('structure: sample 003 has six sub-headings including a question', () => {
  const s = structureOf('003_2e6916bc45a88ae1.txt')
  const headings = s.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)
  assert.deepEqual(headings, [
    'خلفية الاتفاقية وأهميتها الاستراتيجية',
    'أسباب التوترات الأخيرة',
    'ردود فعل رسمية',
    'التداعيات الإقليمية',
    'ماذا يعني تهديد قطر؟',
    'الخلاصة'
  ])
})

test('structure: sample 001 has no sub-headings and every line is a paragraph', () => {
  const s = structureOf('001_ae05557b0c171265.txt')
  assert.equal(s.blocks.length, 10)
  assert.ok(s.blocks.every((b) => b.kind === 'paragraph'))
})

test('structure: every non-blank line of every sample is the title, subtitle or a block', () => {
  for (const name of ['000_343249e2a2f5d01d.txt', '002_6b8aedf88ece1897.txt', '004_e5837cf2311ce5b0.txt']) {
    const lines = cleanText(sampleText(name)).filter((l) => l.text)
    const s = findStructure(lines)
    const accounted = s.blocks.length + (s.titleDerived ? 0 : 1) + (s.subtitle ? 1 : 0)
    assert.equal(accounted, lines.length, name)
  }
})

test('deriveTitle: a long lead is cut at a clause boundary, a short sentence kept whole', () => {
  assert.equal(deriveTitle('أعلنت الولايات المتحدة وقطر عن تعديل اتفاقية التعاون الدفاعي. ثم شيء آخر.', 16), 'أعلنت الولايات المتحدة وقطر عن تعديل اتفاقية التعاون الدفاعي')
  const long = Array.from({length: 30}, (_, i) => `كلمة${i}`).join(' ')
  assert.equal(deriveTitle(long, 16).split(' ').length, 16)
  assert.ok(deriveTitle(long, 16).endsWith('…'))
})
