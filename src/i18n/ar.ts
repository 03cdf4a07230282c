/** Every string the site shows, in Arabic. Components take them from here, never inline. */
export const ar = {
  siteNav: 'التنقل الرئيسي',
  home: 'الرئيسية',
  articles: 'المقالات',
  allArticles: 'كل المقالات',
  topics: 'الموضوعات',
  search: 'البحث',
  searchPlaceholder: 'ابحث في الملف…',
  searchButton: 'ابحث',
  searchTitle: 'البحث في الملف',
  searchNoScript: 'يحتاج البحث إلى تفعيل JavaScript في المتصفح.',
  latestArticles: 'أحدث المقالات',
  articleCount: (n: number) => (n === 1 ? 'مقالة واحدة' : n === 2 ? 'مقالتان' : n <= 10 ? `${n} مقالات` : `${n} مقالة`),
  dateUnknown: 'تاريخ غير معروف',
  outletUnknown: 'مصدر النشر غير معروف',
  derivedTitle: 'عنوان مأخوذ من الفقرة الأولى: لم يحمل النص عنواناً',
  publishedIn: 'نشر في',
  date: 'التاريخ',
  outlet: 'المصدر',
  sourceFile: 'ملف المصدر',
  articleTopics: 'موضوعات المقالة',
  noTopics: 'لا موضوع',
  previous: 'المقالة السابقة',
  next: 'المقالة التالية',
  topicArticles: 'مقالات الموضوع',
  noArticles: 'لا مقالات بعد.',
  skipToContent: 'انتقل إلى المحتوى',
  datePrecision: {day: 'باليوم', month: 'بالشهر', year: 'بالسنة'} as const,
  dateBasis: 'أساس التاريخ'
} as const

export type Strings = typeof ar
