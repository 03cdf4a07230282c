import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {describe, test} from 'node:test';
import {DATE_BASIS, inferPublicationDate, splitSentences, timelineCandidates} from '../../../src/ingest/publication-date.ts';
import type {SourceParagraph} from '../../../src/ingest/publication-date.ts';

const SOURCES = new URL('../../../content/sources/', import.meta.url);
/** A fixed "today" for the build, long after the samples: results must not depend on the clock. */
const BUILD = '2026-11-22';

/** A sample article as the pipeline sees it: non-empty lines with their 1-based line numbers. */
function sample(prefix: string): SourceParagraph[] {
  const file = readdirSync(SOURCES).find((name) => name.startsWith(`${prefix}_`) && name.endsWith('.txt'));
  assert.ok(file, `sample ${prefix}`);
  return readFileSync(new URL(file, SOURCES), 'utf8')
    .split(/\r?\n/)
    .map((text, index) => ({text, line: index + 1}))
    .filter((paragraph) => paragraph.text.trim() !== '');
}

describe('inferPublicationDate on the sample articles', () => {
  test('000: "اليوم الثلاثاء" + "الأسبوع الماضي" + "9 سبتمبر 2025" → Tuesday 16 September 2025', () => {
    const result = inferPublicationDate({paragraphs: sample('000'), buildDate: BUILD});
    assert.equal(result.date, '2025-09-16');
    assert.equal(result.precision, 'day');
    assert.equal(result.basis, DATE_BASIS.weekdayAndExplicitDate);
    assert.equal(result.basis, 'weekday+explicit date in text');
    assert.deepEqual(result.evidence?.map((e) => e.line), [1, 14]);
    assert.match(result.reason, /Tuesday/);
  });

  test('002 alone: the anchor "9 سبتمبر/ أيلول الجاري" has no year, so the date is unknown', () => {
    // The brief expected 2025-09-16 here, but nothing in 002 states the year: "الجاري" only
    // says "this month", and the weekday does not pin a year either, since every week has a
    // Tuesday. Taking the year from the build date would date this article 2026-09-15 when
    // built in November 2026. So the honest answer from the text alone is null.
    const result = inferPublicationDate({paragraphs: sample('002'), buildDate: BUILD});
    assert.equal(result.date, null);
    assert.equal(result.precision, null);
    assert.equal(result.basis, null);
    assert.match(result.reason, /without a year/);
    assert.deepEqual(result.evidence?.map((e) => e.line), [16]);
  });

  test('002 with the dates of article 000 about the same attack → 2025-09-16', () => {
    const related = timelineCandidates(sample('000'), null)
      .filter((c) => c.precision === 'day')
      .map((c) => ({date: c.date, text: c.text, source: 'sources/000_343249e2a2f5d01d.txt'}));
    const result = inferPublicationDate({paragraphs: sample('002'), buildDate: BUILD, relatedDates: related});
    assert.equal(result.date, '2025-09-16');
    assert.equal(result.precision, 'day');
    assert.equal(result.basis, DATE_BASIS.weekdayAndRelatedYear);
    assert.match(result.reason, /000_343249e2a2f5d01d/);
  });

  test('002: a related date with the same day but another event does not supply the year', () => {
    const related = [{date: '2020-09-09', text: 'وقعت وزارة الاقتصاد في 9 سبتمبر 2020 مذكرة تفاهم لتبادل البيانات التجارية.'}];
    const result = inferPublicationDate({paragraphs: sample('002'), buildDate: BUILD, relatedDates: related});
    assert.equal(result.date, null);
  });

  test('001: only "الثلاثاء", "الأسبوع الماضي" and "أمس (الاثنين)" → unknown', () => {
    const result = inferPublicationDate({paragraphs: sample('001'), buildDate: BUILD});
    assert.equal(result.date, null);
    assert.equal(result.basis, null);
    assert.match(result.reason, /no explicit date/);
  });

  test('003: no date expressions at all → unknown', () => {
    const result = inferPublicationDate({paragraphs: sample('003'), buildDate: BUILD});
    assert.equal(result.date, null);
    assert.match(result.reason, /No date expressions/);
  });

  test('004: "الثلاثاء", "يناير 2022", "في يناير الماضي", "العام 1992" → unknown', () => {
    // The Tuesday is the day of the strategic dialogue, but nothing links it to a dated event:
    // "يناير 2022" is another event (the non-NATO ally designation) and "في يناير الماضي" is
    // relative to the unknown publication date, so it cannot fix the year (any year after 2022
    // fits). The text only shows the article is later than January 2022, which is not a date.
    const result = inferPublicationDate({paragraphs: sample('004'), buildDate: BUILD});
    assert.equal(result.date, null);
    assert.equal(result.precision, null);
    assert.match(result.reason, /2022-01/);
  });
});

describe('inferPublicationDate: order of evidence and limits', () => {
  test('sidecar metadata wins over the text, with its own precision', () => {
    assert.deepEqual(
      inferPublicationDate({sidecarDate: '2025-09-17', paragraphs: sample('000'), buildDate: BUILD}),
      {date: '2025-09-17', precision: 'day', basis: 'sidecar', reason: 'Date 2025-09-17 from the sidecar metadata.'},
    );
    const month = inferPublicationDate({sidecarDate: '2024-03', paragraphs: sample('004'), buildDate: BUILD});
    assert.deepEqual([month.date, month.precision, month.basis], ['2024-03', 'month', 'sidecar']);
    const arabic = inferPublicationDate({sidecarDate: '16 سبتمبر 2025', paragraphs: sample('001'), buildDate: BUILD});
    assert.deepEqual([arabic.date, arabic.precision], ['2025-09-16', 'day']);
  });

  test('a sidecar date after the build date is ignored, and the reason says so', () => {
    const result = inferPublicationDate({sidecarDate: '2030-01-01', paragraphs: sample('000'), buildDate: '2025-12-31'});
    assert.equal(result.date, '2025-09-16');
    assert.equal(result.basis, DATE_BASIS.weekdayAndExplicitDate);
    assert.match(result.reason, /Sidecar date 2030-01-01 is after the build date/);
  });

  test('never a date later than the build date', () => {
    // Built on Friday 12 September 2025, article 000 cannot be from Tuesday the 16th.
    const result = inferPublicationDate({paragraphs: sample('000'), buildDate: '2025-09-12'});
    assert.equal(result.date, null);
    assert.match(result.reason, /on or before the build date/);
    const dateline = inferPublicationDate({paragraphs: [{text: 'الدوحة - 16 سبتمبر 2025 - قال مسؤول', line: 1}], buildDate: '2025-09-12'});
    assert.equal(dateline.date, null);
  });

  test('a place dateline comes before inference', () => {
    const paragraphs = [{text: 'الدوحة - 15 سبتمبر 2025 (قنا) - ' + (sample('000')[0]?.text ?? ''), line: 1}, ...sample('000').slice(1)];
    const result = inferPublicationDate({paragraphs, buildDate: BUILD});
    assert.deepEqual([result.date, result.precision, result.basis], ['2025-09-15', 'day', 'dateline']);
    assert.deepEqual(result.evidence?.map((e) => e.line), [1]);
  });

  test('a closing "نُشر في" line and a date-only line are datelines', () => {
    const published = inferPublicationDate({paragraphs: [...sample('004'), {text: 'نُشر في 6 مارس 2024', line: 61}], buildDate: BUILD});
    assert.deepEqual([published.date, published.basis], ['2024-03-06', 'dateline']);
    const numeric = inferPublicationDate({paragraphs: [{text: '(16/9/2025)', line: 1}, ...sample('001')], buildDate: BUILD});
    assert.deepEqual([numeric.date, numeric.basis], ['2025-09-16', 'dateline']);
  });

  test('a first sentence that merely starts with a date is not a dateline', () => {
    const paragraphs = [{text: 'في 9 سبتمبر 2025، شن الجيش الإسرائيلي هجوما جويا على قيادة حركة حماس بالدوحة.', line: 1}];
    const result = inferPublicationDate({paragraphs, buildDate: BUILD});
    assert.equal(result.date, null);
  });

  test('boilerplate paragraphs are never read', () => {
    const line = {text: 'نُشر في 12 ديسمبر 2025', line: 61};
    assert.equal(inferPublicationDate({paragraphs: [...sample('004'), line], buildDate: BUILD}).date, '2025-12-12');
    assert.equal(inferPublicationDate({paragraphs: [...sample('004'), {...line, boilerplate: true}], buildDate: BUILD}).date, null);
  });

  test('without the weekday, "الأسبوع الماضي" after 9 September 2025 fixes only the month', () => {
    const paragraphs = sample('000').map((p) => ({...p, text: p.text.replace('اليوم الثلاثاء ', '')}));
    const result = inferPublicationDate({paragraphs, buildDate: BUILD});
    assert.deepEqual([result.date, result.precision, result.basis], ['2025-09', 'month', DATE_BASIS.explicitDate]);
  });

  test('the link and the anchor describe the same event in other inflections and clitics', () => {
    // الاتفاقيات/اتفاقيةً, الدفاعية/دفاعيةً, الدوحة/بالدوحة share their stems; the weekday then fixes the day.
    const link = {text: 'قال وزير الخارجية اليوم الثلاثاء إن الاتفاقيات الدفاعية التي وقعتها الدوحة وواشنطن الأسبوع الماضي تدخل حيز التنفيذ.', line: 1};
    const sameEvent = inferPublicationDate({paragraphs: [link, {text: 'ووقّعت قطر والولايات المتحدة اتفاقيةً دفاعيةً في 9 سبتمبر 2025 بالدوحة.', line: 3}], buildDate: BUILD});
    assert.deepEqual([sameEvent.date, sameEvent.basis], ['2025-09-16', DATE_BASIS.weekdayAndExplicitDate]);
    // Another event on the same day shares one word only (وزير): no date.
    const otherEvent = inferPublicationDate({paragraphs: [link, {text: 'وافتتح الوزير معرضاً للكتاب في 9 سبتمبر 2025.', line: 3}], buildDate: BUILD});
    assert.equal(otherEvent.date, null);
    assert.match(otherEvent.reason, /not tied to any explicit date of the same event/);
  });

  test('rejects a build date that is not YYYY-MM-DD', () => {
    assert.throws(() => inferPublicationDate({paragraphs: [], buildDate: 'today'}), RangeError);
  });
});

describe('timelineCandidates', () => {
  test('ties the dated sentences of article 000 to their lines', () => {
    const candidates = timelineCandidates(sample('000'), {year: 2025, month: 9, day: 16});
    assert.deepEqual(
      candidates.map((c) => [c.line, c.date, c.precision, c.expression.text]),
      [
        [1, '2025-09-16', 'day', 'اليوم الثلاثاء'],
        [3, '2023-10', 'month', 'أكتوبر 2023'],
        [3, '2022-02', 'month', 'فبراير 2022'],
        [9, '2012', 'year', 'لعام 2012'],
        [9, '2013', 'year', 'لعام 2013'],
        [10, '2024-03', 'month', 'مارس 2024'],
        [11, '2024', 'year', 'عام 2024'],
        [14, '2025-09-09', 'day', '9 سبتمبر 2025'],
      ],
    );
    const attack = candidates.at(-1);
    assert.ok(attack?.text.startsWith('يأتي هذا الإعلان في وقت حساس بعد أسبوع من الهجوم الإسرائيلي على الدوحة في 9 سبتمبر 2025'));
  });

  test('relative dates need the reference; boilerplate is skipped', () => {
    const paragraphs = sample('002');
    const unresolved = timelineCandidates(paragraphs, null).map((c) => c.date);
    assert.deepEqual(unresolved, ['1992-06']);
    const resolved = timelineCandidates(paragraphs, {year: 2025, month: 9, day: 16}).map((c) => [c.line, c.date]);
    assert.deepEqual(resolved, [[4, '2025-09-16'], [7, '1992-06'], [8, '2025-09-16'], [11, '2025-09-16'], [13, '2025-09-16'], [16, '2025-09-09'], [20, '2025-06']]);
    const skipped = timelineCandidates(paragraphs.map((p) => ({...p, boilerplate: p.line === 7})), null);
    assert.deepEqual(skipped, []);
  });
});

describe('splitSentences', () => {
  test('splits at Arabic and Latin sentence ends, not inside numbers, with offsets', () => {
    const text = 'قال روبيو: لدينا شراكة وثيقة. هل ستوقع الاتفاقية؟ نُشر في 16.9.2025 بالدوحة!';
    const sentences = splitSentences(text);
    assert.deepEqual(sentences.map((s) => s.text), ['قال روبيو: لدينا شراكة وثيقة.', 'هل ستوقع الاتفاقية؟', 'نُشر في 16.9.2025 بالدوحة!']);
    for (const s of sentences) assert.equal(text.slice(s.start, s.end), s.text);
  });

  test('a dot between Arabic-Indic digits is not a sentence end', () => {
    const text = 'نُشر في ١٦.٩.٢٠٢٥. وقال الوزير إن الاتفاق قريب.';
    assert.deepEqual(splitSentences(text).map((s) => s.text), ['نُشر في ١٦.٩.٢٠٢٥.', 'وقال الوزير إن الاتفاق قريب.']);
  });
});
