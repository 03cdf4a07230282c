/**
 * Calendar words for the benchmark corpus: day arithmetic on UTC dates, the
 * month and weekday names Arabic news uses, and Hijri dates.
 *
 * Hijri dates come from the arithmetic (tabular) Islamic calendar rather than
 * `Intl`: the corpus must be the same bytes whatever ICU data the runtime
 * ships, and a date a day off Umm al-Qura is still a realistic-looking date.
 */

/** A calendar date. */
export interface Ymd {
  year: number
  month: number
  day: number
}

const dayMs = 86_400_000

/** Days since 1970-01-01 of a date. */
export function toDays(date: Ymd): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / dayMs)
}

/** The date `days` days after 1970-01-01. */
export function fromDays(days: number): Ymd {
  const d = new Date(days * dayMs)
  return {year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate()}
}

/** `YYYY-MM-DD`. */
export function isoDate(date: Ymd): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`
}

/** Weekday names, Sunday first (as `Date#getUTCDay`). */
export const weekdays = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'] as const

/** The weekday name of a date. */
export function weekdayOf(date: Ymd): string {
  return weekdays[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()] as string
}

/** Month names as written in Egypt and the Gulf (transliterated), January first. */
export const gregorianMonths = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'] as const

/** Month names as written in the Levant and Iraq (Syriac), January first. */
export const levantineMonths = ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'] as const

/** Hijri month names, Muharram first. */
export const hijriMonths = ['محرم', 'صفر', 'ربيع الأول', 'ربيع الآخر', 'جمادى الأولى', 'جمادى الآخرة', 'رجب', 'شعبان', 'رمضان', 'شوال', 'ذو القعدة', 'ذو الحجة'] as const

/** How an article names Gregorian months: "سبتمبر", "أيلول" or "سبتمبر/ أيلول". */
export type MonthStyle = 'gregorian' | 'levantine' | 'both'

/** A month's name in a style. */
export function monthName(month: number, style: MonthStyle): string {
  const g = gregorianMonths[month - 1] as string
  const l = levantineMonths[month - 1] as string
  return style === 'gregorian' ? g : style === 'levantine' ? l : `${g}/ ${l}`
}

/**
 * The Hijri date of a Gregorian date, by the tabular Islamic calendar (civil
 * epoch). Returns year, month (1 = Muharram) and day.
 */
export function toHijri(date: Ymd): Ymd {
  // Julian day number of the date, then the usual integer conversion.
  const jdn = toDays(date) + 2440588
  let l = jdn - 1948440 + 10632
  const n = Math.floor((l - 1) / 10631)
  l = l - 10631 * n + 354
  const j = Math.floor((10985 - l) / 5316) * Math.floor((50 * l) / 17719) + Math.floor(l / 5670) * Math.floor((43 * l) / 15238)
  l = l - Math.floor((30 - j) / 15) * Math.floor((17719 * j) / 50) - Math.floor(j / 16) * Math.floor((15238 * j) / 43) + 29
  const month = Math.floor((24 * l) / 709)
  const day = l - Math.floor((709 * month) / 24)
  return {year: 30 * n + j - 30, month, day}
}
