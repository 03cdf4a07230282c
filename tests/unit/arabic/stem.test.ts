import assert from 'node:assert/strict';
import {test} from 'node:test';
import {lightStem} from '../../../src/arabic/stem.ts';
import {normalizeArabic} from '../../../src/arabic/normalize.ts';

const stem = (word: string) => lightStem(normalizeArabic(word));

test('removes one light10 prefix and the light10 suffixes', () => {
  assert.equal(stem('الدفاعي'), 'دفاع');
  assert.equal(stem('بالمنطقة'), 'منطق');
  assert.equal(stem('اتفاقيات'), 'اتفاق');
  assert.equal(stem('والقطريين'), 'قطر');
  assert.equal(stem('للتعاون'), 'تعا'); // ون read as a plural suffix: light10 over-stems
  assert.equal(stem('وقطر'), 'قطر');
  assert.equal(stem('كالعادة'), 'عاد');
  assert.equal(stem('فالحرب'), 'حرب');
});

test('suffixes are tried in order, each once (ات then ي)', () => {
  assert.equal(stem('والولايات'), 'ولا');
  assert.equal(stem('بيانها'), 'بي');
});

test('length guards: و needs 4 letters, at least 2 letters remain', () => {
  assert.equal(stem('وصل'), 'وصل');
  assert.equal(stem('وقت'), 'وقت');
  assert.equal(stem('الي'), 'ال'); // ال + ي is too short for the prefix; ي leaves 2 letters
  assert.equal(stem('له'), 'له');
  assert.equal(stem('فيه'), 'في');
  assert.equal(stem('وزير'), 'زير'); // light10 is recall-oriented: see splitClitics for identity
});
