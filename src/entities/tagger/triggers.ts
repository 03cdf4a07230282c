/**
 * Trigger words: common nouns and verbs that announce a name nearby.
 *
 * A title before a person ("الرئيس", "الشيخ"), the head noun that opens an
 * organisation's name ("وزارة", "حركة"), a place cue ("مدينة", "العاصمة") or a
 * speech verb whose subject is usually a person ("قال", "أكد"). The tagger
 * uses the class of the word as a feature, so a rare title learns from the
 * frequent ones. Words are listed without the article and clitics; lookups
 * use the clitic-stripped stem.
 */

/** The kind of cue a trigger word gives. */
export type TriggerClass = 'title' | 'orgHead' | 'placeCue' | 'speech' | 'kin'

/** Trigger words by class, as written (normalised when the table is built). */
export const triggerWords: Readonly<Record<TriggerClass, readonly string[]>> = {
  title: [
    'رئيس', 'رئيسة', 'وزير', 'وزيرة', 'شيخ', 'شيخة', 'أمير', 'أميرة', 'ملك', 'ملكة', 'سلطان',
    'متحدث', 'متحدثة', 'ناطق', 'سفير', 'سفيرة', 'نائب', 'نائبة', 'دكتور', 'دكتورة', 'سيد', 'سيدة',
    'جنرال', 'لواء', 'عقيد', 'عميد', 'مشير', 'مستشار', 'مستشارة', 'أمين', 'قائد', 'مدرب', 'لاعب',
    'فنان', 'فنانة', 'كاتب', 'كاتبة', 'شاعر', 'إمام', 'بابا', 'مطران', 'حاخام', 'مبعوث', 'مندوب',
    'زعيم', 'حاكم', 'محافظ', 'عمدة', 'مدير', 'مديرة', 'أستاذ', 'بروفيسور', 'محامي', 'قاضي', 'نجم',
    'مهاجم', 'حارس', 'مراسل', 'مخرج', 'مغني', 'مغنية', 'ممثل', 'ممثلة', 'مرشح',
    'المرشد', 'مرشد', 'ولي', 'خليفة', 'الحاج', 'حاج', 'السناتور', 'سناتور', 'عضو', 'الجنرال',
  ],
  orgHead: [
    'وزارة', 'حركة', 'مجلس', 'هيئة', 'جامعة', 'وكالة', 'منظمة', 'شركة', 'حزب', 'جمعية', 'اتحاد',
    'بنك', 'مصرف', 'نادي', 'منتخب', 'صحيفة', 'جريدة', 'قناة', 'مؤسسة', 'معهد', 'مركز', 'محكمة',
    'لجنة', 'جبهة', 'تنظيم', 'جماعة', 'مكتب', 'كلية', 'برلمان', 'مجموعة', 'صندوق', 'أكاديمية',
    'تحالف', 'ائتلاف', 'فريق', 'إذاعة', 'مجلة', 'رابطة', 'نقابة', 'سلطة', 'ديوان', 'قوات', 'جيش',
    'شرطة', 'مديرية', 'إدارة', 'بورصة', 'مستشفى', 'مجمع',
  ],
  placeCue: [
    'مدينة', 'محافظة', 'ولاية', 'قرية', 'عاصمة', 'إقليم', 'منطقة', 'جزيرة', 'جزر', 'بلدة',
    'مقاطعة', 'نهر', 'بحر', 'جبل', 'خليج', 'بلاد', 'مطار', 'ميناء', 'شارع', 'حي', 'مخيم', 'قاعدة',
    'صحراء', 'وادي', 'قطاع', 'ضاحية', 'شمال', 'جنوب', 'شرق', 'غرب', 'وسط', 'أنحاء', 'مدن', 'دول',
  ],
  speech: [
    'قال', 'وقال', 'أكد', 'أضاف', 'أوضح', 'صرح', 'أعلن', 'أشار', 'ذكر', 'اعتبر', 'رأى', 'شدد',
    'دعا', 'طالب', 'نفى', 'أفاد', 'قالت', 'أكدت', 'أضافت', 'أوضحت', 'أعلنت', 'التقى', 'استقبل',
  ],
  kin: ['بن', 'ابن', 'بنت', 'ابنة', 'أبو', 'أبي', 'أم', 'آل', 'نجل', 'زوجة', 'زوج', 'شقيق', 'شقيقة', 'عائلة'],
}

/**
 * Build the lookup table of trigger words.
 *
 * Takes the normaliser the features use (so the table matches the words
 * exactly as the features see them); returns normalised word → class. When a
 * word is listed under two classes the first listed class wins.
 */
export function buildTriggerTable(normalize: (text: string) => string): ReadonlyMap<string, TriggerClass> {
  const table = new Map<string, TriggerClass>()
  for (const [name, words] of Object.entries(triggerWords) as [TriggerClass, readonly string[]][]) {
    for (const word of words) {
      const key = normalize(word)
      if (!table.has(key)) table.set(key, name)
      // Also the form with the article: titles are usually written "الرئيس".
      const withArticle = normalize(`ال${word}`)
      if (!key.startsWith('ال') && !table.has(withArticle)) table.set(withArticle, name)
    }
  }
  return table
}
