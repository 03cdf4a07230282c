import assert from 'node:assert/strict';
import {test} from 'node:test';
import {candidateStems, isKnownWord, splitClitics, stripArticle} from '../../../src/arabic/clitics.ts';
import {normalizeArabic} from '../../../src/arabic/normalize.ts';

const split = (word: string) => splitClitics(normalizeArabic(word));
const candidates = (word: string) => candidateStems(normalizeArabic(word));

test('splits conjunctions, prepositions and article forms seen in the samples', () => {
  assert.deepEqual(split('والدوحة'), {prefix: 'و', stem: 'الدوحه'});
  assert.deepEqual(split('بغزة'), {prefix: 'ب', stem: 'غزه'});
  assert.deepEqual(split('للدوحة'), {prefix: 'ل', stem: 'الدوحه'});
  assert.deepEqual(split('لقاعدة'), {prefix: 'ل', stem: 'قاعده'});
  assert.deepEqual(split('وقطر'), {prefix: 'و', stem: 'قطر'});
  assert.deepEqual(split('بالمنطقة'), {prefix: 'ب', stem: 'المنطقه'});
  assert.deepEqual(split('والولايات'), {prefix: 'و', stem: 'الولايات'});
  assert.deepEqual(split('للغاية'), {prefix: 'ل', stem: 'الغايه'});
  assert.deepEqual(split('ولفت'), {prefix: 'و', stem: 'لفت'});
  assert.deepEqual(split('وبإشراف'), {prefix: 'وب', stem: 'اشراف'});
  assert.deepEqual(split('فلن'), {prefix: 'ف', stem: 'لن'});
});

test('keeps words whose first letter belongs to the root', () => {
  for (const word of ['وزير', 'فلسطين', 'وزارة', 'وقت', 'وصل', 'وفد', 'ولايات', 'فرنسا', 'فبراير', 'بريطانيا', 'بغداد', 'بيروت', 'كندا', 'لبنان', 'ليبيا', 'لندن', 'واشنطن', 'بلينكن', 'بيان', 'كبير', 'كانت']) {
    assert.deepEqual(split(word), {prefix: '', stem: normalizeArabic(word)}, word);
  }
});

test('lexicon entries are found with suffixes and construct-state ت', () => {
  assert.deepEqual(split('وزارتها'), {prefix: '', stem: 'وزارتها'});
  assert.deepEqual(split('بيانات'), {prefix: '', stem: 'بيانات'});
  assert.deepEqual(split('لكنه'), {prefix: '', stem: 'لكنه'});
  assert.deepEqual(split('بينهما'), {prefix: '', stem: 'بينهما'});
  assert.equal(isKnownWord('وفدها'), true);
  assert.equal(isKnownWord('قاعده'), false);
});

test('a known stem decides between analyses', () => {
  assert.deepEqual(split('ووزير'), {prefix: 'و', stem: 'وزير'});
  assert.deepEqual(split('للبنان'), {prefix: 'ل', stem: 'لبنان'});
  assert.deepEqual(split('لليبيا'), {prefix: 'ل', stem: 'ليبيا'});
  assert.deepEqual(split('بواشنطن'), {prefix: 'ب', stem: 'واشنطن'});
  assert.deepEqual(split('وبيان'), {prefix: 'و', stem: 'بيان'});
  assert.deepEqual(split('وفي'), {prefix: 'و', stem: 'في'});
});

test('length guards keep short words whole', () => {
  for (const word of ['بعد', 'بين', 'لدى', 'وصف', 'لله', 'فوق', 'كما', 'ولي', 'والي' /* a governor or و+إلى: only إلى is listed */]) {
    const result = split(word);
    if (word === 'والي') {
      assert.deepEqual(result, {prefix: 'و', stem: 'الي'});
    } else {
      assert.deepEqual(result, {prefix: '', stem: normalizeArabic(word)}, word);
    }
  }
});

test('candidateStems: the word first, then clitic-stripped and article-less forms', () => {
  assert.deepEqual(candidates('والدوحة'), ['والدوحه', 'الدوحه', 'دوحه']);
  assert.deepEqual(candidates('للدوحة'), ['للدوحه', 'الدوحه', 'دوحه']);
  assert.deepEqual(candidates('بغزة'), ['بغزه', 'غزه']);
  assert.deepEqual(candidates('لقاعدة'), ['لقاعده', 'قاعده']);
  assert.deepEqual(candidates('والولايات'), ['والولايات', 'الولايات', 'ولايات']);
  assert.deepEqual(candidates('وزير'), ['وزير']);
  assert.deepEqual(candidates('فلسطين'), ['فلسطين']);
  assert.deepEqual(candidates('الأمريكي'), ['الامريكي', 'امريكي']);
  assert.deepEqual(candidates('وبيان'), ['وبيان', 'بيان']);
});

test('stripArticle respects words where ال is not the article', () => {
  assert.equal(stripArticle('الدوحه'), 'دوحه');
  assert.equal(stripArticle('اللمسات'), 'لمسات');
  assert.equal(stripArticle(normalizeArabic('إلى')), 'الي');
  assert.equal(stripArticle(normalizeArabic('الذي')), 'الذي');
  assert.equal(stripArticle(normalizeArabic('التقيتُ')), 'التقيت');
  assert.equal(stripArticle(normalizeArabic('التزامنا')), 'التزامنا');
  assert.equal(stripArticle(normalizeArabic('ألمانيا')), 'المانيا');
  assert.equal(stripArticle(normalizeArabic('آل')), 'ال');
});
