import assert from 'node:assert/strict'
import {test} from 'node:test'
import {cleanText} from '../../../src/ingest/clean.ts'
import {sampleText} from '../../helpers/samples.ts'

test('clean: CRLF and CR line ends become lines with their original numbers', () => {
  const lines = cleanText('أهمية إعلان روبيو\r\nيأتي هذا الإعلان\rفي وقت حساس')
  assert.deepEqual(lines, [
    {text: 'أهمية إعلان روبيو', line: 1},
    {text: 'يأتي هذا الإعلان', line: 2},
    {text: 'في وقت حساس', line: 3}
  ])
})

test('clean: direction marks, zero-width characters and controls are removed, words kept', () => {
  const [line] = cleanText('\u200Fقاعدة\u200B العديد\u202B الجوية\u202C\u0007 CENTCOM\uFEFF')
  assert.equal(line?.text, 'قاعدة العديد الجوية CENTCOM')
})

test('clean: runs of blank lines fold to one, leading and trailing blanks go', () => {
  const lines = cleanText('\n\nالخلاصة\n\n\n\nتظل العلاقة الأمنية\n\n\n')
  assert.deepEqual(lines, [
    {text: 'الخلاصة', line: 3},
    {text: '', line: 4},
    {text: 'تظل العلاقة الأمنية', line: 7}
  ])
})

test('clean: the sample with trailing blank lines keeps every text line, none blank at the end', () => {
  const text = sampleText('003_2e6916bc45a88ae1.txt')
  const lines = cleanText(text)
  const nonBlank = text.split('\n').filter((l) => l.trim() !== '')
  assert.equal(lines.filter((l) => l.text !== '').length, nonBlank.length)
  assert.notEqual(lines.at(-1)?.text, '')
})

test('clean: runs of spaces (the double space after CENTCOM in a sample) fold to one', () => {
  const [line] = cleanText('مقر القيادة الوسطى للولايات المتحدة CENTCOM  والمقر الأمامي')
  assert.equal(line?.text, 'مقر القيادة الوسطى للولايات المتحدة CENTCOM والمقر الأمامي')
})

test('clean: the Persian zero-width non-joiner is kept', () => {
  const [line] = cleanText('می\u200Cخواهم')
  assert.equal(line?.text, 'می\u200Cخواهم')
})
