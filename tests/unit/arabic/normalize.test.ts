import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
  normalizeArabic,
  normalizeDigits,
  normalizeForOffsets,
  stripDiacritics,
  stripInvisibles,
  toOriginalSpan,
} from '../../../src/arabic/normalize.ts';
import {sampleText} from './samples.ts';

test('removes harakat, shadda, tanwin and tatweel and folds alef/ya/ta marbuta', () => {
  assert.equal(normalizeArabic('اتفاق معزّز للتعاون الدفاعي'), 'اتفاق معزز للتعاون الدفاعي');
  assert.equal(normalizeArabic('علَّق ماجد الأنصاري'), 'علق ماجد الانصاري');
  assert.equal(normalizeArabic('اقتراحاً أمريكياً'), 'اقتراحا امريكيا');
  assert.equal(normalizeArabic('إسرائيل آلاف ٱلحمد'), 'اسرائيل الاف الحمد');
  assert.equal(normalizeArabic('وسعى مصطفى'), 'وسعي مصطفي');
  assert.equal(normalizeArabic('الدوحة قاعدة العديد الجوية'), 'الدوحه قاعده العديد الجويه');
  assert.equal(normalizeArabic('التقيتُ اليوم'), 'التقيت اليوم');
  assert.equal(normalizeArabic('قـــطـر'), 'قطر');
  assert.equal(normalizeArabic('الْقُرْآنُ ٰ ۖ'), 'القران');
});

test('keeps hamza carriers ؤ and ئ, and composes a decomposed و/ي + hamza above', () => {
  assert.equal(normalizeArabic('مسؤول رئيس يؤكد'), 'مسؤول رئيس يؤكد');
  assert.equal(normalizeArabic('مسو\u0654ول ري\u0654يس'), 'مسؤول رئيس');
  assert.equal(normalizeArabic('ا\u0654علن'), 'اعلن');
});

test('folds Persian/Urdu letters (sample 004 writes اتفاقیة with Farsi yeh)', () => {
  assert.equal(normalizeArabic('اتفاقیة التعاون الدفاعی'), 'اتفاقيه التعاون الدفاعي');
  assert.equal(normalizeArabic('قطر والولایات المتحدة'), 'قطر والولايات المتحده');
  assert.equal(normalizeArabic('کتاب ە ۀ ۆ'), 'كتاب ه ه و');
});

test('NFKC turns presentation forms into base letters', () => {
  assert.equal(normalizeArabic('ﻻ'), 'لا');
  assert.equal(normalizeArabic('ﺍﻟﺪﻭﺣﺔ'), 'الدوحه');
  assert.equal(normalizeArabic('ﺃﻣﻴﺮ'), 'امير');
  assert.equal(normalizeArabic('ＱＡＴＡＲ'), 'qatar');
});

test('converts Arabic-Indic and Persian digits and separators', () => {
  assert.equal(normalizeArabic('في ٩ سبتمبر ٢٠٢٥'), 'في 9 سبتمبر 2025');
  assert.equal(normalizeArabic('۱۴۰۳ و ٣٫٥٪ و ١٬٠٠٠'), '1403 و 3.5% و 1,000');
  assert.equal(normalizeDigits('عام ٢٠٢٤ و۱۲ and 7'), 'عام 2024 و12 and 7');
});

test('removes invisible and bidi characters, lower-cases Latin, collapses whitespace', () => {
  assert.equal(normalizeArabic('\u200Eقطر\u200F \u202BCENTCOM\u202C\u00A0\u00A0RT\tArabic\uFEFF'), 'قطر centcom rt arabic');
  assert.equal(normalizeArabic('  الدوحة \n\n  واشنطن  '), 'الدوحه واشنطن');
  assert.equal(normalizeArabic('ب\u200Cال\u2066تعاون\u2069'), 'بالتعاون');
  assert.equal(stripInvisibles('\u200Eاعلن\u061C'), 'اعلن');
});

test('stripDiacritics removes marks only, letters untouched', () => {
  assert.equal(stripDiacritics('مُعَزَّز أمريكياً قـطر'), 'معزز أمريكيا قطر');
});

test('is idempotent on the sample articles and on awkward input', () => {
  const inputs = [
    sampleText(),
    'ﷺ ﻻ ´ ﹰ x',
    'a \u064B b\u200B  c',
    'İstanbul ﬁ ½',
    '\u0654\u0654و\u0654',
  ];
  for (const input of inputs) {
    const once = normalizeArabic(input);
    assert.equal(normalizeArabic(once), once);
    // The fast path and the offset-keeping loop must agree.
    assert.equal(normalizeForOffsets(input).text, once);
  }
});

test('normalizeForOffsets gives the same text and a map back to the original', () => {
  const original = sampleText();
  const result = normalizeForOffsets(original);
  assert.equal(result.text, normalizeArabic(original));
  assert.equal(result.map.length, result.text.length + 1);
  for (let index = 1; index < result.map.length; index++) {
    assert.ok((result.map[index] ?? 0) >= (result.map[index - 1] ?? 0), 'map is monotonic');
  }
  // Every kept letter maps to the same letter or to its folded source.
  const at = result.text.indexOf('الامريكي');
  const span = toOriginalSpan(result, at, at + 'الامريكي'.length);
  assert.equal(original.slice(span.start, span.end), 'الأمريكي');
});

test('toOriginalSpan covers diacritics of the last letter and stops before spaces', () => {
  const original = 'وقّعت  الدولتانِ اتفاقاً';
  const result = normalizeForOffsets(original);
  assert.equal(result.text, 'وقعت الدولتان اتفاقا');
  const at = result.text.indexOf('الدولتان');
  const span = toOriginalSpan(result, at, at + 'الدولتان'.length);
  assert.equal(original.slice(span.start, span.end), 'الدولتانِ');
  const first = toOriginalSpan(result, 0, 4);
  assert.equal(original.slice(first.start, first.end), 'وقّعت');
  const ligature = normalizeForOffsets('ﻻ بد');
  assert.equal(ligature.text, 'لا بد');
  const half = toOriginalSpan(ligature, 0, 1);
  assert.equal('ﻻ بد'.slice(half.start, half.end), 'ﻻ');
});
