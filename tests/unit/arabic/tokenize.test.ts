import assert from 'node:assert/strict';
import {test} from 'node:test';
import {tokenize, wordForms} from '../../../src/arabic/tokenize.ts';
import {sampleText} from './samples.ts';

test('offsets point into the original text for every token of the samples', () => {
  const text = sampleText();
  const tokens = tokenize(text);
  assert.ok(tokens.length > 2500);
  let previousEnd = 0;
  for (const token of tokens) {
    assert.equal(text.slice(token.start, token.end), token.text);
    assert.ok(token.start >= previousEnd, 'tokens are ordered and disjoint');
    previousEnd = token.end;
  }
});

test('splits a sample sentence into words, Latin words, numbers and punctuation', () => {
  const sentence = 'وقطر هي ثالث أكبر مشتر لأنظمة الدفاع الأمريكية في العالم، بما في ذلك الطائرة المقاتلة F-15 QA، وطائرة النقل C-17.';
  const tokens = tokenize(sentence);
  const summary = tokens.map((token) => `${token.kind}:${token.text}`);
  assert.deepEqual(summary.slice(-8), [
    'word:المقاتلة',
    'latin:F-15',
    'latin:QA',
    'punct:،',
    'word:وطائرة',
    'word:النقل',
    'latin:C-17',
    'punct:.',
  ]);
  assert.equal(tokens.find((token) => token.text === 'لأنظمة')?.norm, 'لانظمه');
});

test('keeps diacritics and tatweel inside the word and normalises them in norm', () => {
  const tokens = tokenize('اتفاق معزّز وقّعت الدولتان قـطر');
  assert.deepEqual(
    tokens.map((token) => [token.text, token.norm]),
    [
      ['اتفاق', 'اتفاق'],
      ['معزّز', 'معزز'],
      ['وقّعت', 'وقعت'],
      ['الدولتان', 'الدولتان'],
      ['قـطر', 'قطر'],
    ],
  );
});

test('reads numbers in both digit sets with separators', () => {
  const tokens = tokenize('أكثر من 8 مليارات، ٢٠٢٥ و1,000.5 و٣٫٥');
  assert.deepEqual(
    tokens.filter((token) => token.kind === 'number').map((token) => [token.text, token.norm]),
    [
      ['8', '8'],
      ['٢٠٢٥', '2025'],
      ['1,000.5', '1,000.5'],
      ['٣٫٥', '3.5'],
    ],
  );
  // The conjunction و before a number is its own word.
  assert.equal(tokens.filter((token) => token.text === 'و').length, 2);
});

test('punctuation: Arabic and Latin quotes, brackets, ، ؛ ؟', () => {
  const text = 'بحسب «رويترز»: “نافذة زمنية” (الاثنين)؛ ماذا يعني تهديد قطر؟ "قنا" + RT';
  const punct = tokenize(text)
    .filter((token) => token.kind === 'punct')
    .map((token) => token.text);
  assert.deepEqual(punct, ['«', '»', ':', '“', '”', '(', ')', '؛', '؟', '"', '"', '+']);
});

test('dotted abbreviations and inner hyphens stay one Latin token; invisibles make no token', () => {
  const tokens = tokenize('\u200Eالولايات المتحدة U.S. و\u200FCOVID-19 end.');
  assert.deepEqual(
    tokens.map((token) => `${token.kind}:${token.text}`),
    ['word:الولايات', 'word:المتحدة', 'latin:U.S.', 'word:و', 'latin:COVID-19', 'latin:end', 'punct:.'],
  );
});

test('wordForms lists the matching forms without punctuation', () => {
  assert.deepEqual(wordForms('روبيو: «لدينا شراكة وثيقة مع القطريين».'), ['روبيو', 'لدينا', 'شراكه', 'وثيقه', 'مع', 'القطريين']);
});
