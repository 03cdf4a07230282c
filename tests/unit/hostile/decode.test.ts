import assert from 'node:assert/strict'
import {test} from 'node:test'
import {VFile} from 'vfile'
import {encodeLegacy, encodeUtf16} from '../../../scripts/gen-hostile-fixtures.ts'
import {cleanText} from '../../../src/ingest/clean.ts'
import {decode, scoreArabicReading} from '../../../src/ingest/decode.ts'
import {sampleNames, sampleText} from '../../helpers/samples.ts'

/** A real paragraph of sample 000, with ASCII quotes so every code page can hold it. */
const paragraph =
  'ودعا روبيو قطر، خلال مغادرته تل أبيب متوجها للدوحة، إلى مواصلة دورها كوسيط بين إسرائيل وحماس للتوصل إلى وقف لإطلاق النار في الحرب الدائرة في غزة، وقال إن هناك "نافذة زمنية قصيرة للغاية للتوصل إلى اتفاق".'

/** The text without the characters a code page lacks (ISO-8859-6 has no Latin accents, for one). */
function representable(text: string, encoding: 'windows-1256' | 'iso-8859-6'): string {
  return [...text]
    .filter((ch) => {
      try {
        encodeLegacy(ch, encoding)
        return true
      } catch {
        return false
      }
    })
    .join('')
}

function decoded(bytes: Uint8Array) {
  const file = new VFile({path: 'sources/x.txt'})
  const result = decode(bytes, file)
  const info = file.messages.find((m) => m.ruleId === 'encoding')
  const fatal = file.messages.find((m) => m.fatal)
  return {...result, info: info?.reason ?? null, infoIsInfo: info ? info.fatal === undefined : null, fatal: fatal?.reason ?? null}
}

test('decode: UTF-8 with and without a byte-order mark gives the same text, and says which', () => {
  const plain = decoded(new TextEncoder().encode(paragraph))
  const bom = decoded(new TextEncoder().encode(`\uFEFF${paragraph}`))
  assert.equal(plain.text, paragraph)
  assert.equal(bom.text, paragraph)
  assert.equal(plain.encoding, 'utf-8')
  assert.equal(bom.encoding, 'utf-8')
  assert.match(plain.info ?? '', /decoded as utf-8: valid UTF-8/)
  assert.match(bom.info ?? '', /decoded as utf-8: byte-order mark/)
  assert.equal(plain.infoIsInfo, true, 'the encoding message is information, not a warning')
})

test('decode: UTF-16 LE and BE, with a byte-order mark or recognised without one', () => {
  for (const endian of ['le', 'be'] as const) {
    for (const bom of [true, false]) {
      const result = decoded(encodeUtf16(paragraph, endian, bom))
      assert.equal(result.text, paragraph, `utf-16${endian} bom=${bom}`)
      assert.equal(result.encoding, `utf-16${endian}`)
      assert.match(result.info ?? '', bom ? /byte-order mark/ : /no byte-order mark/)
    }
  }
})

test('decode: every sample article, in Windows-1256 and in ISO-8859-6, is read back exactly', () => {
  for (const name of sampleNames()) {
    // Quotes and dashes ISO-8859-6 lacks become ASCII; everything else is the sample as written.
    const text = sampleText(name).replace(/[“”«»]/g, '"').replace(/[‘’]/g, "'").replace(/[–—]/g, '-').replace(/…/g, '...')
    for (const encoding of ['windows-1256', 'iso-8859-6'] as const) {
      const bytes = encodeLegacy(representable(text, encoding), encoding)
      const result = decoded(bytes)
      assert.equal(result.encoding, encoding, `${name} in ${encoding}`)
      assert.equal(result.text, new TextDecoder(encoding).decode(bytes))
      assert.match(result.info ?? '', new RegExp(`not valid UTF-8; of the Arabic code pages it reads best in ${encoding}`))
    }
  }
})

test('decode: short Arabic texts are told apart between the two code pages too', () => {
  for (const text of ['السلام عليكم', 'قال', 'في الدوحة', 'وزير الخارجية القطري']) {
    for (const encoding of ['windows-1256', 'iso-8859-6'] as const) {
      const result = decoded(encodeLegacy(text, encoding))
      assert.equal(result.text, text, `${text} in ${encoding}`)
    }
  }
})

test('decode: the wrong code page scores worse (letters, marks and Latin letters out of place)', () => {
  const bytes = encodeLegacy(paragraph, 'windows-1256')
  const right = scoreArabicReading(new TextDecoder('windows-1256').decode(bytes))
  const wrong = scoreArabicReading(new TextDecoder('iso-8859-6').decode(bytes))
  assert.ok(right.score > wrong.score, `${right.score} > ${wrong.score}`)
  assert.equal(right.suspicious, 0)
  assert.ok(wrong.suspicious > 0)
  const back = encodeLegacy(paragraph, 'iso-8859-6')
  const misread = scoreArabicReading(new TextDecoder('windows-1256').decode(back))
  assert.equal(misread.plausible, false, 'ISO-8859-6 read as Windows-1256 puts Latin letters inside Arabic words')
})

test('decode: a Latin-script legacy file still reads (Windows-1256 keeps the French accents)', () => {
  const french = "L'armée qatarie a signé un accord à Doha, déclare le ministre."
  const result = decoded(Uint8Array.from([...french], (ch) => ch.charCodeAt(0)))
  assert.equal(result.text, french)
  assert.equal(result.encoding, 'windows-1256')
})

test('decode: binary, UTF-32, broken UTF-16 and byte soup are rejected with a reason', () => {
  const cases: Array<[Uint8Array, RegExp]> = [
    [Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d), /binary/],
    // A NUL after a long text header is binary too (a PDF or a database dump).
    [Uint8Array.from([...new TextEncoder().encode(paragraph.repeat(100)), 0, 1, 2]), /binary/],
    [Uint8Array.from({length: 200}, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)), /binary/],
    [Uint8Array.of(0xff, 0xfe, 0, 0, 0x27, 0x06, 0, 0), /UTF-32/],
    [Uint8Array.of(0xff, 0xfe, 0x27, 0x06, 0x00, 0xd8, 0x41, 0x00), /not valid utf-16le/],
    [Uint8Array.from({length: 3000}, (_, i) => (i % 7 === 6 ? 0x20 : 0x80 + ((i * 37) % 128))), /do not read as Arabic/]
  ]
  for (const [bytes, reason] of cases) {
    const result = decoded(bytes)
    assert.equal(result.text, null)
    assert.match(result.fatal ?? '', reason)
  }
})

test('clean: C0 and C1 controls go, line ends (CRLF, CR, NEL, LS, PS) become lines, tabs become spaces', () => {
  const raw = `أ\u0007ب\u001B[0m\r\nج\rد\u0085هـ\u2028و\u2029ز\tح\u009Bط\u007F\u000Bي\u000C`
  const lines = cleanText(raw).map((l) => l.text)
  assert.deepEqual(lines, ['أب[0m', 'ج', 'د', 'هـ', 'و', 'ز حطي'])
  const numbers = cleanText(raw).map((l) => l.line)
  assert.deepEqual(numbers, [1, 2, 3, 4, 5, 6])
})
