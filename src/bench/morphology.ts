/**
 * Arabic-looking words from roots and patterns, for the long tail of the
 * benchmark corpus's vocabulary.
 *
 * Real news has tens of thousands of distinct word forms in a few hundred
 * thousand words (Arabic morphology multiplies them: patterns, the article,
 * attached و/ب/ل, plural and feminine endings). Phrase tables alone give a few
 * thousand, which would make the search index, and every per-word cache of
 * the ingest, unrealistically small. So part of the vocabulary is made the way
 * Arabic makes it: a triliteral root (mostly real, sometimes drawn at random)
 * put into a derivational pattern (تفعيل، مفاعلة، استفعال، فاعل، مفعول ...).
 * The words are real or plausible; their meaning does not matter here.
 */
import type {Random} from './random.ts'

/** Common sound triliteral roots (no weak or doubled letters, so every pattern applies plainly). */
export const realRoots = [
  'بحث', 'تبع', 'جمع', 'حكم', 'خرج', 'درس', 'ذكر', 'رصد', 'سجل', 'شرك', 'صدر', 'طلب', 'عقد', 'فتح', 'قدم', 'كشف',
  'لزم', 'منع', 'نشر', 'هجم', 'بلغ', 'ترك', 'جلس', 'حسب', 'خطب', 'دخل', 'رسم', 'سلم', 'شغل', 'صنع', 'ضبط', 'طبق',
  'عرض', 'فرض', 'قرب', 'كتب', 'لحق', 'نظم', 'نقل', 'هدف', 'بدل', 'ثبت', 'جذب', 'حفظ', 'خلف', 'دفع', 'ربط', 'زرع',
  'سبق', 'شرح', 'صرف', 'ضمن', 'طرح', 'عمل', 'فحص', 'قسم', 'كمل', 'لمس', 'مثل', 'نفذ', 'هدم', 'بسط', 'تجر', 'جرب',
  'حرك', 'خصص', 'دعم', 'رفض', 'سعر', 'شكل', 'صلح', 'ضغط', 'طور', 'عدل', 'فصل', 'قبل', 'كسب', 'لعب', 'مدد', 'نقد',
  'بعث', 'جدد', 'حدث', 'خدم', 'دمج', 'رتب', 'سحب', 'شمل', 'صمم', 'ضرب', 'عزز', 'فقد', 'قطع', 'كلف', 'نسق', 'حمل',
  'خطط', 'درج', 'رجع', 'سند', 'شهد', 'صعد', 'عرف', 'فكر', 'قصد', 'كثف', 'نفق', 'بنك', 'حصل', 'خزن', 'رفع', 'سكن',
  'شرع', 'صحب', 'علم', 'فرق', 'قلب', 'كرم', 'نهج', 'حظر', 'دبر', 'ركز', 'سمح', 'شعر', 'عبر', 'فعل', 'قيس', 'نتج',
  'حرر', 'رغب', 'سلح', 'عمق', 'فوض', 'قرض', 'نزع', 'حشد', 'رحل', 'سقط', 'عطل', 'فرغ', 'قتل', 'نجح', 'حدد', 'رقب',
  'خبر', 'غلق', 'نمذج', 'ثمر', 'جند', 'حصن', 'خلص', 'رشح', 'سرع', 'شفع', 'صلب', 'عسكر', 'فسر', 'قنع', 'نسب', 'ترجم'
].filter((root) => root.length === 3)

/** Letters a random root is drawn from (sound consonants: no hamza, و, ي, ا). */
const consonants = [...'بتثجحخدذرزسشصضطظعغفقكلمنه']

/** A root: three letters. */
export type Root = readonly [string, string, string]

function split(root: string): Root {
  return [root[0] as string, root[1] as string, root[2] as string]
}

/** A root: a real one most of the time, else three random consonants (no two neighbours alike). */
export function pickRoot(rng: Random, realShare = 0.6): Root {
  if (rng.chance(realShare)) return split(rng.pick(realRoots))
  const a = rng.pick(consonants)
  let b = rng.pick(consonants)
  while (b === a) b = rng.pick(consonants)
  let c = rng.pick(consonants)
  while (c === b) c = rng.pick(consonants)
  return [a, b, c]
}

/** Form VIII's infixed ت assimilates after emphatics (اصطلاح) and dentals (ازدحام, ادّخار). */
function form8Infix(first: string): string {
  if ('صضطظ'.includes(first)) return 'ط'
  if ('دذز'.includes(first)) return 'د'
  return 'ت'
}

/** The first radical with Form VIII's infix; a letter that meets itself is written once (اطّلاع → اطلاع). */
function form8Head(first: string): string {
  const infix = form8Infix(first)
  return infix === first ? first : `${first}${infix}`
}

/** Verbal nouns (masdars) of the derived forms; all masculine but مفاعلة. */
const masdarPatterns: ReadonlyArray<{make: (r: Root) => string; gender: 'm' | 'f'}> = [
  {make: ([a, b, c]) => `ت${a}${b}ي${c}`, gender: 'm'}, // II تفعيل
  {make: ([a, b, c]) => `م${a}ا${b}${c}ة`, gender: 'f'}, // III مفاعلة
  {make: ([a, b, c]) => `إ${a}${b}ا${c}`, gender: 'm'}, // IV إفعال
  {make: ([a, b, c]) => `ت${a}${b}${c}`, gender: 'm'}, // V تفعّل
  {make: ([a, b, c]) => `ت${a}ا${b}${c}`, gender: 'm'}, // VI تفاعل
  {make: ([a, b, c]) => `ان${a}${b}ا${c}`, gender: 'm'}, // VII انفعال
  {make: ([a, b, c]) => `ا${form8Head(a)}${b}ا${c}`, gender: 'm'}, // VIII افتعال
  {make: ([a, b, c]) => `است${a}${b}ا${c}`, gender: 'm'} // X استفعال
]

/** Nouns and participles: فاعل، مفعول، مفعّل، مستفعل، مفتعل، فعالة. */
const nounPatterns: ReadonlyArray<{make: (r: Root) => string; gender: 'm' | 'f'}> = [
  {make: ([a, b, c]) => `${a}ا${b}${c}`, gender: 'm'},
  {make: ([a, b, c]) => `م${a}${b}و${c}`, gender: 'm'},
  {make: ([a, b, c]) => `م${a}${b}${c}`, gender: 'm'},
  {make: ([a, b, c]) => `مست${a}${b}${c}`, gender: 'm'},
  {make: ([a, b, c]) => `م${form8Head(a)}${b}${c}`, gender: 'm'},
  {make: ([a, b, c]) => `${a}${b}ا${c}ة`, gender: 'f'},
  {make: ([a, b, c]) => `م${a}${b}${c}ة`, gender: 'f'}
]

/** A verbal noun in construct (no article): "استحداث", "مراجعة". */
export function masdar(rng: Random, root: Root = pickRoot(rng)): {word: string; gender: 'm' | 'f'} {
  const pattern = rng.pick(masdarPatterns)
  return {word: pattern.make(root), gender: pattern.gender}
}

/**
 * A definite noun: a masdar or a participle, sometimes in the sound feminine
 * plural ("الإجراءات"-like, feminine for agreement).
 */
export function definiteNoun(rng: Random): {word: string; gender: 'm' | 'f'} {
  const root = pickRoot(rng)
  const base = rng.chance(0.5) ? masdar(rng, root) : (() => {
    const pattern = rng.pick(nounPatterns)
    return {word: pattern.make(root), gender: pattern.gender}
  })()
  if (rng.chance(0.3)) return {word: `ال${base.word.replace(/ة$/u, '')}ات`, gender: 'f'}
  return {word: `ال${base.word}`, gender: base.gender}
}

/** A relative adjective (nisba) from a root, definite, agreeing: "التنظيمي" / "التنظيمية". */
export function nisba(rng: Random, gender: 'm' | 'f'): string {
  const stem = masdar(rng).word.replace(/ة$/u, '')
  return `ال${stem}${gender === 'f' ? 'ية' : 'ي'}`
}
