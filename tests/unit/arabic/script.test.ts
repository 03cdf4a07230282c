import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {detectLang, latinRuns} from '../../../src/arabic/script.ts';
import {sampleText} from './samples.ts';

const runTexts = (text: string) => latinRuns(text).map((run) => text.slice(run.start, run.end));

test('detectLang: Arabic articles are ar/rtl, Latin text en or fr by function words', () => {
  assert.deepEqual(detectLang(sampleText()), {lang: 'ar', dir: 'rtl'});
  assert.deepEqual(detectLang('بحسب المصدر: RT Arabic'), {lang: 'ar', dir: 'rtl'});
  assert.deepEqual(detectLang('المصدر: RT Arabic'), {lang: 'en', dir: 'ltr'}); // 6 Arabic vs 8 Latin letters
  assert.deepEqual(detectLang('The United States and Qatar signed an amended defence cooperation agreement.'), {lang: 'en', dir: 'ltr'});
  assert.deepEqual(detectLang("Le Qatar et les États-Unis ont signé l'accord de coopération dans la défense."), {lang: 'fr', dir: 'ltr'});
  assert.deepEqual(detectLang('2025 — 9'), {lang: 'und', dir: 'ltr'});
});

test('latinRuns finds the Latin names in sample 004', () => {
  const text = readFileSync(new URL('../../../content/sources/004_e5837cf2311ce5b0.txt', import.meta.url), 'utf8');
  assert.deepEqual(runTexts(text), ['CENTCOM', 'AFCENT', 'F-15 QA', 'C-17', 'RT Arabic', 'No stories found']);
  for (const run of latinRuns(text)) assert.ok(run.end > run.start);
});

test('latinRuns: numbers alone are not runs and do not start or end one', () => {
  assert.deepEqual(runTexts('في 9 سبتمبر 2025 أعلنت CENTCOM 12 عن Boeing 777 jets 3'), ['CENTCOM', 'Boeing 777 jets']);
  assert.deepEqual(runTexts('عام 2024 و٢٠٢٥'), []);
  assert.deepEqual(runTexts('مقاتلات F-35، وU.S. Army.'), ['F-35', 'U.S', 'Army']);
});
