/** Display helpers for dates and numbers in Arabic. */

const months = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر']

/**
 * A partial date as Arabic text, only as precise as it is:
 * `2025-09-16` → `16 سبتمبر 2025`, `2025-09` → `سبتمبر 2025`, `2025` → `2025`.
 * Digits stay Western, as in the articles themselves.
 */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-')
  const monthName = month ? months[Number(month) - 1] : undefined
  if (day && monthName) return `${Number(day)} ${monthName} ${year}`
  if (monthName) return `${monthName} ${year}`
  return year ?? date
}
