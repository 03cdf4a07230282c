/** Every string the site shows, in Arabic. Components take them from here, never inline. */

const arabicPlural = new Intl.PluralRules('ar')

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
  // Arabic number agreement follows the CLDR plural categories: 3–10 (and 103–110 …) take the plural.
  articleCount: (n: number) => {
    const category = arabicPlural.select(n)
    return category === 'one' ? 'مقالة واحدة' : category === 'two' ? 'مقالتان' : category === 'few' ? `${n} مقالات` : `${n} مقالة`
  },
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
  dateBasis: 'أساس التاريخ',
  entities: 'الأشخاص والجهات والأماكن',
  entityTypes: {person: 'الأشخاص', organization: 'المنظمات والجهات', place: 'الأماكن'} as const,
  entityType: {person: 'شخص', organization: 'منظمة أو جهة', place: 'مكان', other: 'أخرى'} as const,
  aliases: 'يرد أيضاً باسم',
  mentionedIn: 'المقالات التي تذكره',
  firstMention: 'أول ذكر',
  mentions: (n: number) => {
    const category = arabicPlural.select(n)
    return category === 'one' ? 'ذكر واحد' : category === 'two' ? 'ذكران' : category === 'few' ? `${n} مرات` : `${n} مرة`
  },
  relatedEntities: 'يرد معه كثيراً',
  listPages: 'صفحات القائمة',
  previousPage: 'الصفحة السابقة',
  nextPage: 'الصفحة التالية',
  pageOf: (n: number, last: number) => `الصفحة ${n} من ${last}`,
  newestHere: (n: number) => `هنا أحدث ${n}، والبقية في الصفحات التالية.`,
  quotes: 'تصريحات',
  quotesOf: 'تصريحاته',
  quoteSources: 'ورد في',
  speakerUnknown: 'متحدث غير معروف',
  outlets: 'المصادر ووسائل الإعلام',
  outletPublished: 'مقالات نشرها',
  outletCitedBy: 'مقالات تنقل عنه',
  cites: 'ينقل عن',
  keywords: 'كلمات دلالية',
  articleEntities: 'ورد في المقالة',
  timeline: 'الخط الزمني',
  timelineIntro: 'كل جملة في المقالات تربط حدثاً بتاريخ مذكور صراحة في النص، من الأقدم إلى الأحدث.',
  timelineYear: (year: string) => `الخط الزمني: ${year}`,
  timelineYears: 'سنوات الخط الزمني',
  timelineHere: (n: number) => `هنا أقدم ${n}، والبقية في الصفحات التالية.`,
  previousYear: 'السنة السابقة',
  nextYear: 'السنة التالية',
  // Dated sentences of the timeline; 11–99 (CLDR "many") take the accusative singular, 100 and 0 the genitive.
  eventCount: (n: number) => {
    const category = arabicPlural.select(n)
    return category === 'one' ? 'حدث واحد' : category === 'two' ? 'حدثان' : category === 'few' ? `${n} أحداث` : category === 'many' ? `${n} حدثاً` : `${n} حدث`
  },
  fromArticle: 'من',
  alsoPublishedAs: 'نشرت أيضاً في',
  duplicateOf: 'هذه المقالة منشورة أيضاً في',
  browse: 'تصفح الملف',
  topEntities: 'أبرز من يرد في الملف',
  searchLabel: 'كلمات البحث',
  searchSort: 'الترتيب',
  searchSortDate: 'الأحدث أولاً',
  searchSortRelevance: 'الأكثر صلة',
  searchFilters: 'تضييق النتائج',
  searchFilterAll: 'الكل',
  searchFilterLabels: {topic: 'الموضوع', person: 'شخص', organization: 'منظمة أو جهة', place: 'مكان', outlet: 'مصدر النشر', year: 'السنة'} as const,
  searchHint: 'اكتب كلمة أو أكثر، أو اختر ما يضيّق النتائج. لا يهم الإملاء ولا السوابق مثل «و» و«ال» ولا التشكيل؛ وضع العبارة بين علامتي تنصيص لتبحث عنها متصلة.',
  searchTooShort: 'اكتب حرفين على الأقل.',
  searchBusy: 'جارٍ البحث…',
  searchMatching: 'تطابق',
  searchNone: 'لا مقالات تطابق',
  searchTruncated: 'النتائج كثيرة: أضف كلمة لتضييق البحث.',
  searchMore: 'نتائج أخرى',
  searchUnavailable: 'تعذّر تحميل فهرس البحث.',
  searchResults: 'نتائج البحث',
  /** Article counts by CLDR plural category (Intl.PluralRules('ar')), `{n}` the number: for the search page's script. */
  searchCount: {zero: 'لا مقالات', one: 'مقالة واحدة', two: 'مقالتان', few: '{n} مقالات', many: '{n} مقالة', other: '{n} مقالة'} as const
} as const

export type Strings = typeof ar
