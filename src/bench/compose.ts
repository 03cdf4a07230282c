/**
 * One generated news article: headline, lead, body paragraphs (quotes with
 * their speakers, background with dates, numbers, attributions, analysis),
 * sub-headings, and the furniture a copy-paste from a news site brings along.
 *
 * Pure: everything comes from the `Random` passed in, so the same stream
 * gives the same article.
 */
import {fromDays, hijriMonths, isoDate, monthName, toDays, toHijri, weekdayOf, type MonthStyle, type Ymd} from './calendar.ts'
import {
  agencies,
  allCities,
  allCountries,
  allOrganizations,
  allPersons,
  allPlaces,
  givenNames,
  outlets,
  themeEntities,
  titlesOn,
  type Named,
  type Person
} from './entities.ts'
import {
  adjectives,
  analysisOpenings,
  anonymousSources,
  closings,
  connectives,
  familyNames,
  inventedTitles,
  masdars,
  numberSentences,
  objectNouns,
  participles,
  pastVerbs,
  presentVerbs,
  quantities,
  quoteOpenings,
  quoteTails,
  readAlsoMarkers,
  relatedHeaders,
  reportingVerbs,
  shareLines,
  siteSignatures,
  subheadingShapes,
  type Gendered,
  type Verb
} from './lexicon.ts'
import {definiteNoun, masdar, nisba} from './morphology.ts'
import type {Random} from './random.ts'
import {themes, type Theme} from './themes.ts'

/** A quote several articles of a theme carry, with its speaker. */
export interface SignatureQuote {
  speaker: Person
  text: string
}

/** What the writer needs besides randomness. */
export interface ArticleContext {
  /** Index of the theme in `themes`. */
  theme: number
  /** Publication date (the article's "today"). */
  date: Ymd
  /** Words to aim for (the whole text, furniture included). */
  targetWords: number
  /** Never more words than this (a paragraph that would pass it is left out). */
  maxWords: number
  /** Headlines of earlier articles, for "read also" lists. */
  earlierHeadlines: readonly string[]
  /** Quotes shared by the theme's articles. */
  signatureQuotes: readonly SignatureQuote[]
}

/** A written article. */
export interface ComposedArticle {
  text: string
  /** The headline, or null when the text starts with its lead. */
  headline: string | null
  /** A headline for other articles' "read also" lists (the headline, or one made for the listing). */
  listingHeadline: string
  /** The end of `text` that is page furniture (source lines, keywords, "read also"...), or "". */
  furniture: string
}

/** How one article writes things: a site's habits, fixed per article. */
interface Style {
  open: string
  close: string
  months: MonthStyle
  /** أميركي rather than أمريكي. */
  americanWithE: boolean
  /** أيضاً (with tanwin) rather than أيضا. */
  tanwin: boolean
  /** Blank lines between paragraphs. */
  blankLines: boolean
}

/** Mutable state of one article being written (local to `composeArticle`). */
interface Writer {
  rng: Random
  theme: Theme
  entities: (typeof themeEntities)[number]
  date: Ymd
  isoDate: string
  style: Style
  mentioned: Set<string>
  lastSpeaker: {text: string; gender: 'm' | 'f'} | null
}

/** Words of a text: runs of characters other than white space (JavaScript's `\s`). */
export function wordCount(text: string): number {
  let count = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i))
    if (!space && !inWord) count++
    inWord = !space
  }
  return count
}

/** JavaScript's `\s`, by code unit (a loop over a string beats a global regular expression here). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d)
  if (c < 0xa0) return false
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}

/**
 * Attach a one-letter preposition (ب، ل) to a phrase; ل before the article
 * contracts (ل + الديوان = للديوان).
 */
export function attach(prefix: string, phrase: string): string {
  if (prefix === '') return phrase
  if (prefix === 'ل' && phrase.startsWith('ال')) return `لل${phrase.slice(2)}`
  return prefix + phrase
}

const g = (word: Gendered, gender: 'm' | 'f') => (gender === 'f' ? word.f : word.m)

function country(w: Writer): Named {
  return w.rng.chance(0.75) ? w.rng.pick(w.entities.countries) : w.rng.pick(allCountries)
}
function place(w: Writer): Named {
  return w.rng.chance(0.7) ? w.rng.pick(w.entities.places) : w.rng.pick(allPlaces)
}
/** A city (for datelines and where someone spoke). */
function city(w: Writer): Named {
  const themed = w.entities.places.filter((p) => p.kind === 'city')
  return themed.length > 0 && w.rng.chance(0.7) ? w.rng.pick(themed) : w.rng.pick(allCities)
}
function organization(w: Writer): Named {
  return w.rng.chance(0.7) ? w.rng.pick(w.entities.organizations) : w.rng.pick(allOrganizations)
}
function registryPerson(w: Writer): Person {
  return w.rng.chance(0.75) ? w.rng.pick(w.entities.persons) : w.rng.pick(allPersons)
}

/** A person as written: with an office title on first mention, short later. */
function personMention(w: Writer, person: Person): string {
  if (w.mentioned.has(person.id)) return w.rng.chance(0.7) ? person.short : person.name
  w.mentioned.add(person.id)
  const titles = titlesOn(person, w.isoDate)
  if (titles.length === 0) return person.name
  const title = w.rng.pick(titles)
  const roll = w.rng.next()
  if (roll < 0.65) return `${title} ${person.name}`
  if (roll < 0.8) return `${person.name}، ${title}،`
  return person.name
}

/** An invented person after a title ("الخبير الاقتصادي سالم الكواري"). */
function inventedPerson(w: Writer): {text: string; gender: 'm' | 'f'} {
  const female = w.rng.chance(0.15)
  const given = w.rng.pick(female ? givenNames.female : givenNames.male)
  const family = w.rng.pick(familyNames)
  const title = female ? w.rng.pick(['الدكتورة', 'الباحثة', 'الناشطة الحقوقية', 'الخبيرة الاقتصادية', 'المحامية', 'النائبة']) : w.rng.pick(inventedTitles)
  // Academics come with their university ("أستاذ العلوم السياسية في جامعة قطر").
  const where = title.startsWith('أستاذ') ? ` في جامعة ${w.rng.chance(0.5) ? country(w).name : city(w).name}` : ''
  return {text: `${title}${where} ${given} ${family}`, gender: female ? 'f' : 'm'}
}

/** A speaker: a registry person (with title), an invented person, or an organisation. */
function speaker(w: Writer): {text: string; gender: 'm' | 'f'} {
  const roll = w.rng.next()
  if (roll < 0.55) {
    const person = registryPerson(w)
    return {text: personMention(w, person), gender: person.gender}
  }
  if (roll < 0.85) return inventedPerson(w)
  const org = organization(w)
  return {text: org.name, gender: org.gender}
}

/** A subject for a clause (country, organisation or person) with its gender. */
function subject(w: Writer): {text: string; gender: 'm' | 'f'} {
  const roll = w.rng.next()
  if (roll < 0.45) return {text: country(w).name, gender: 'f'}
  if (roll < 0.75) {
    const org = organization(w)
    return {text: org.name, gender: org.gender}
  }
  const person = registryPerson(w)
  return {text: personMention(w, person), gender: person.gender}
}

/** An object: a noun of the tables, or (the long tail) one made from a root; with its gender. */
function objectNoun(w: Writer): {noun: string; gender: 'm' | 'f'} {
  if (w.rng.chance(0.6)) return w.rng.pick(objectNouns)
  const made = definiteNoun(w.rng)
  return {noun: made.word, gender: made.gender}
}

/** An adjective agreeing with `gender`: of the tables, or a relative adjective made from a root. */
function adjective(w: Writer, gender: 'm' | 'f'): string {
  return w.rng.chance(0.65) ? g(w.rng.pick(adjectives), gender) : nisba(w.rng, gender)
}

/** "تعزيز التعاون الأمني مع تركيا", with a preposition attached when the verb wants one. */
function action(w: Writer, prefix = ''): string {
  const object = objectNoun(w)
  const head = w.rng.chance(0.6) ? w.rng.pick(masdars) : masdar(w.rng).word
  let phrase = `${attach(prefix, head)} ${object.noun}`
  if (w.rng.chance(0.6)) phrase += ` ${adjective(w, object.gender)}`
  if (w.rng.chance(0.55)) {
    const closing = w.rng.pick(closings)
      .replace('{country}', country(w).name)
      .replace('{place}', place(w).name)
    if (closing) phrase += ` ${closing}`
  }
  return phrase
}

/** What a plan contains: "وتشمل الخطة استحداث ...، وتوسيع ...، إضافة إلى ...". */
function listParagraph(w: Writer): string {
  const items = Array.from({length: w.rng.int(3, 6)}, () => {
    const object = objectNoun(w)
    return `${masdar(w.rng).word} ${object.noun} ${adjective(w, object.gender)}`
  })
  const last = items.pop() as string
  const owner = w.rng.pick(['الخطة', 'الاتفاقية', 'الحزمة الجديدة', 'المرحلة الأولى', 'بنود الاتفاق', 'المبادرة', 'الموازنة المقترحة'])
  const [verb, prep] = w.rng.pick([['وتشمل', ''], ['وتتضمن', ''], ['وتنص', 'على ']] as const)
  return `${verb} ${owner} ${prep}${items.join('، و')}، إضافة إلى ${last}.`
}

function verbPhrase(w: Writer, verb: Verb, gender: 'm' | 'f'): string {
  const head = g(verb, gender)
  const prep = verb.prep ? ` ${verb.prep}` : ''
  return `${head}${prep} ${action(w, verb.attach ?? '')}`
}

/** "قطر تسعى إلى تعزيز ..." */
function clause(w: Writer): string {
  const s = subject(w)
  return `${s.text} ${verbPhrase(w, w.rng.pick(presentVerbs), s.gender)}`
}

/** "أعلنت قطر عن تعزيز ..." */
function pastClause(w: Writer): string {
  const s = subject(w)
  const verb = w.rng.pick(pastVerbs)
  const prep = verb.prep ? ` ${verb.prep}` : ''
  return `${g(verb, s.gender)} ${s.text}${prep} ${action(w, verb.attach ?? '')}`
}

function quoted(w: Writer, text: string): string {
  return `${w.style.open}${text}${w.style.close}`
}

/** The words of a quote, without marks. */
function quoteText(w: Writer): string {
  const opening = w.rng.pick(quoteOpenings)
  let text = opening.attach ? `${opening.text} ${action(w, opening.attach)}` : `${opening.text} ${action(w)}`
  if (w.rng.chance(0.5)) text += `. ${w.rng.pick(quoteTails)}`
  return text
}

/** "قائلاً: «...»" or "مشيراً إلى أن «...»" (no colon after أن). */
function participleQuote(w: Writer, gender: 'm' | 'f'): string {
  const participle = g(w.rng.pick(participles), gender)
  return `${participle}${participle.endsWith(' أن') ? ' ' : ': '}${quoted(w, quoteText(w))}`
}

function event(w: Writer): string {
  return w.rng.pick(w.theme.events)
}

function term(w: Writer): string {
  return w.rng.pick(w.theme.terms)
}

// ---- dates ----

function addDays(date: Ymd, days: number): Ymd {
  return fromDays(toDays(date) + days)
}

/** When the reported thing happened, relative to the publication date. */
function timeExpression(w: Writer): string {
  const weekday = weekdayOf(w.date)
  return w.rng.pick([
    `اليوم ${weekday}`,
    weekday,
    `مساء ${weekday}`,
    `صباح ${weekday}`,
    `أمس (${weekdayOf(addDays(w.date, -1))})`,
    'الأسبوع الماضي',
    'في وقت سابق اليوم'
  ])
}

/** A recent date before the publication date, in one of the ways news write it. */
function recentDate(w: Writer): string {
  const d = addDays(w.date, -w.rng.int(2, 25))
  const month = monthName(d.month, w.style.months)
  if (d.year === w.date.year && d.month === w.date.month && w.rng.chance(0.5)) return `${d.day} ${month} الجاري`
  if (d.month !== w.date.month && w.rng.chance(0.3)) return `${month} الماضي`
  return `${d.day} ${month} ${d.year}`
}

/** A date in the past years ("عام 2013", "في يونيو/ حزيران 1992"). */
function pastDate(w: Writer): string {
  const year = w.rng.int(Math.max(1971, w.date.year - 30), w.date.year - 1)
  const month = monthName(w.rng.int(1, 12), w.style.months)
  return w.rng.pick([`عام ${year}`, `في ${month} ${year}`, `منذ عام ${year}`, `في ${w.rng.int(1, 28)} ${month} ${year}`, `العام ${year}`])
}

function hijriDate(date: Ymd): string {
  const h = toHijri(date)
  return `${h.day} ${hijriMonths[h.month - 1]} ${h.year} هـ`
}

// ---- paragraphs ----

function leadParagraph(w: Writer): string {
  let dateline = ''
  const roll = w.rng.next()
  if (roll < 0.1) dateline = `${city(w).name} - ${w.rng.pick(agencies)}: `
  else if (roll < 0.16) dateline = `${city(w).name}، ${w.date.day} ${monthName(w.date.month, w.style.months)} ${w.date.year} (${w.rng.pick(agencies)}) - `
  else if (roll < 0.19) dateline = `${city(w).name} في ${weekdayOf(w.date)} ${hijriDate(w.date)} الموافق ${w.date.day} ${monthName(w.date.month, 'gregorian')} ${w.date.year}م - `

  if (w.rng.chance(0.6)) {
    const s = speaker(w)
    const verb = w.rng.pick(reportingVerbs)
    w.lastSpeaker = s
    const prep = verb.prep ? ` ${verb.prep}` : ''
    const after = w.rng.pick(['وذلك بعد', 'في أعقاب', 'على خلفية', 'بعد أيام من', 'في ظل'])
    const cite = w.rng.chance(0.5) ? `، بحسب ${w.rng.pick(agencies)}` : ''
    return `${dateline}${g(verb, s.gender)} ${s.text} ${timeExpression(w)}${prep} ${verb.that} ${clause(w)} بشأن ${term(w)}، ${after} ${event(w)}${cite}.`
  }
  const c = country(w)
  const verb = w.rng.pick(pastVerbs)
  const prep = verb.prep ? ` ${verb.prep}` : ''
  return `${dateline}${g(verb, 'f')} ${c.name}، ${timeExpression(w)}،${prep} ${action(w, verb.attach ?? '')}، في خطوة تأتي بعد ${event(w)} وفي ظل الجدل حول ${term(w)}.`
}

function quoteParagraph(w: Writer, ctx: ArticleContext): string {
  // A quote the theme's other articles also carry, now and then.
  if (ctx.signatureQuotes.length > 0 && w.rng.chance(0.15)) {
    const q = w.rng.pick(ctx.signatureQuotes)
    const who = personMention(w, q.speaker)
    w.lastSpeaker = {text: who, gender: q.speaker.gender}
    return `و${g({m: 'قال', f: 'قالت'}, q.speaker.gender)} ${who}: ${quoted(w, q.text)}.`
  }
  const roll = w.rng.next()
  if (roll < 0.15 && w.lastSpeaker) {
    const verb = w.rng.pick([{m: 'وتابع', f: 'وتابعت'}, {m: 'وأضاف', f: 'وأضافت'}, {m: 'وأردف', f: 'وأردفت'}, {m: 'وواصل', f: 'وواصلت'}])
    return `${g(verb, w.lastSpeaker.gender)}: ${quoted(w, quoteText(w))}.`
  }
  const s = speaker(w)
  w.lastSpeaker = s
  if (roll < 0.5) {
    const setting = w.rng.pick([
      '',
      ` خلال مؤتمر صحفي في ${city(w).name}`,
      ` في تصريحات لقناة ${w.rng.pick(outlets)}`,
      ' في بيان',
      ' عبر منصة إكس',
      ` خلال ${s.gender === 'f' ? 'مغادرتها' : 'مغادرته'} ${city(w).name} ${s.gender === 'f' ? 'متوجهة' : 'متوجهاً'} إلى ${city(w).name}`,
      ' خلال الإحاطة الأسبوعية'
    ])
    return `و${g({m: 'قال', f: 'قالت'}, s.gender)} ${s.text}${setting}: ${quoted(w, quoteText(w))}.`
  }
  if (roll < 0.75) {
    const verb = w.rng.pick(reportingVerbs)
    const prep = verb.prep ? ` ${verb.prep}` : ''
    return `و${g(verb, s.gender)} ${s.text}${prep} ${verb.that} ${quoted(w, clause(w))}، ${participleQuote(w, s.gender)}.`
  }
  if (roll < 0.9) {
    return `و${g({m: 'علق', f: 'علقت'}, s.gender)} ${s.text} على ${event(w)}، ${participleQuote(w, s.gender)}.`
  }
  const org = organization(w)
  return `وبحث الجانبان ${quoted(w, action(w))}، وفق بيان ${attach('ل', org.name)}.`
}

function reportParagraph(w: Writer): string {
  const first = `و${pastClause(w)}، ${w.rng.pick(connectives)} ${clause(w)}.`
  return w.rng.chance(0.5) ? `${first} ${w.rng.pick(['كما', 'وفي السياق ذاته،', 'إلى ذلك،'])} ${pastClause(w)}.` : first
}

function backgroundParagraph(w: Writer): string {
  const c = country(w)
  const verb = w.rng.pick(pastVerbs)
  const prep = verb.prep ? ` ${verb.prep}` : ''
  let text = `وفي ${pastDate(w).replace(/^(?:في|منذ) /u, '')}، ${g(verb, 'f')} ${c.name}${prep} ${action(w, verb.attach ?? '')}.`
  if (w.rng.chance(0.6)) {
    const other = country(w)
    text += ` وكانت ${other.name} قد ${verbPhrase(w, w.rng.pick(pastVerbs), 'f')} في ${recentDate(w)}.`
  }
  if (w.rng.chance(0.4)) text += ` ويأتي ذلك بعد ${w.rng.int(2, 11)} أعوام على ${event(w)}.`
  return text
}

function numberParagraph(w: Writer): string {
  const sentence = w.rng.pick(numberSentences)
  const q = w.rng.pick(quantities)
  const filled = sentence
    .replace('{q}', `${w.rng.int(q.min, q.max)} ${q.unit}`)
    .replace('{p}', `${w.rng.int(1, 40)}.${w.rng.int(1, 9)}%`)
    .replace('{y}', String(w.rng.int(w.date.year - 12, w.date.year - 1)))
    .replace('{place}', place(w).name)
    .replace('{country}', country(w).name)
    .replace('{noun}', w.rng.pick(objectNouns).noun)
  const casualties = w.rng.chance(0.3)
    ? ` وأسفر ${event(w)} عن مقتل ${people(w.rng.int(3, 90))} وإصابة ${w.rng.int(11, 300)} آخرين، وفق ${organization(w).name}.`
    : ''
  return `${filled}.${casualties}`
}

/** "5 أشخاص", "12 شخصاً": the counted noun is plural from 3 to 10, singular accusative above. */
function people(n: number): string {
  return n <= 10 ? `${n} أشخاص` : `${n} شخصاً`
}

function attributionParagraph(w: Writer): string {
  const roll = w.rng.next()
  if (roll < 0.35) {
    const source = w.rng.pick(anonymousSources)
    return `ونقلت ${w.rng.pick(outlets)} عن ${source.text} ${source.saying} إن ${clause(w)}.`
  }
  if (roll < 0.6) return `وبحسب ${w.rng.pick(agencies)}، فإن ${clause(w)}، ${w.rng.pick(connectives)} ${clause(w)}.`
  if (roll < 0.8) return `وذكرت وكالة ${w.rng.pick(agencies)} أن ${clause(w)}.`
  const org = organization(w)
  return `و${g({m: 'ذكر', f: 'ذكرت'}, org.gender)} ${org.name} في بيان أن ${clause(w)}، ${w.rng.pick(['نقلاً عن', 'وفق', 'بحسب'])} ${w.rng.pick(anonymousSources).text}.`
}

function analysisParagraph(w: Writer): string {
  let text = `${w.rng.pick(analysisOpenings)} ${clause(w)}، ${w.rng.pick(connectives)} ${clause(w)}.`
  if (w.rng.chance(0.5)) text += ` ${w.rng.pick(['ويأتي ذلك في ظل', 'وتأتي هذه الخطوة بعد', 'ويتزامن ذلك مع'])} ${event(w)}.`
  if (w.rng.chance(0.25)) text += ` وتتصدر مسألة ${term(w)} جدول أعمال الاجتماعات المقبلة.`
  return text
}

function bodyParagraph(w: Writer, ctx: ArticleContext): string {
  const roll = w.rng.next()
  if (roll < 0.3) return quoteParagraph(w, ctx)
  if (roll < 0.5) return reportParagraph(w)
  if (roll < 0.65) return backgroundParagraph(w)
  if (roll < 0.73) return numberParagraph(w)
  if (roll < 0.81) return attributionParagraph(w)
  if (roll < 0.9) return listParagraph(w)
  return analysisParagraph(w)
}

function nounPhrase(w: Writer): string {
  if (w.rng.chance(0.6)) return w.rng.pick(w.theme.nounPhrases)
  const object = objectNoun(w)
  return `${object.noun} ${adjective(w, object.gender)}`
}

function subheading(w: Writer): string {
  const a = country(w).name
  let b = country(w).name
  if (b === a) b = w.rng.pick(allCountries).name
  return w.rng.pick(subheadingShapes).replace('{np}', nounPhrase(w)).replace('{country2}', b).replace('{country}', a)
}

/** A headline: short, no final punctuation. */
function headline(w: Writer): string {
  const roll = w.rng.next()
  const c = country(w)
  if (roll < 0.3) return `${place(w).name}: ${term(w)} ${w.rng.pick(['بعد', 'في ظل', 'على وقع'])} ${event(w)}`
  if (roll < 0.55) {
    const person = registryPerson(w)
    return `${person.short}: ${w.rng.pick(quoteOpenings).text} ${w.rng.pick(w.theme.nounPhrases)}`
  }
  if (roll < 0.8) {
    const verb = w.rng.pick(pastVerbs)
    const object = w.rng.pick(objectNouns)
    return `${c.name} ${verb.f}${verb.prep ? ` ${verb.prep}` : ''} ${attach(verb.attach ?? '', w.rng.pick(masdars))} ${object.noun} ${g(w.rng.pick(adjectives), object.gender)}`
  }
  const verb = w.rng.pick(presentVerbs)
  return `${w.rng.pick(w.theme.nounPhrases)}.. ${c.name} ${verb.f}${verb.prep ? ` ${verb.prep}` : ''} ${attach(verb.attach ?? '', w.rng.pick(masdars))} ${w.rng.pick(objectNouns).noun}`
}

// ---- furniture ----

function sourceLines(w: Writer): string[] {
  const signature = w.rng.pick(siteSignatures)
  const roll = w.rng.next()
  if (roll < 0.4) return [`المصدر: ${signature}`]
  if (roll < 0.7) return [`المصدر: ${w.rng.pick(agencies)}`]
  return [`المصدر: "${w.rng.pick(agencies)}" + ${organization(w).name}`, `المصدر: ${signature}`]
}

function keywordLine(w: Writer): string {
  const terms = new Set<string>()
  const want = w.rng.int(4, 9)
  while (terms.size < want) {
    const roll = w.rng.next()
    if (roll < 0.3) terms.add(registryPerson(w).name.replace(/^(?:الشيخ|الملك|الأمير|السلطان) /u, ''))
    else if (roll < 0.55) terms.add(country(w).name)
    else if (roll < 0.7) terms.add(term(w))
    else if (roll < 0.85) terms.add(place(w).name)
    else terms.add(w.rng.pick(w.theme.nounPhrases))
  }
  let line = `كلمات دلالية: ${[...terms].join(w.rng.chance(0.5) ? ' ' : '، ')}`
  // Some sites write with Persian yeh and keheh (copied through a Persian keyboard layout).
  if (w.rng.chance(0.05)) line = line.replace(/ي/gu, 'ی').replace(/ك/gu, 'ک')
  return line
}

function otherHeadlines(w: Writer, ctx: ArticleContext, count: number): string[] {
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    out.push(ctx.earlierHeadlines.length > 0 && w.rng.chance(0.7) ? w.rng.pick(ctx.earlierHeadlines) : headline(w))
  }
  return out
}

function readAlsoBlock(w: Writer, ctx: ArticleContext): string[] {
  const roll = w.rng.next()
  const tanwin = (s: string) => (w.style.tanwin ? s : s.replace('ً', ''))
  if (roll < 0.45) return [tanwin(w.rng.pick(readAlsoMarkers)), ...otherHeadlines(w, ctx, w.rng.int(2, 6))]
  if (roll < 0.7) {
    // A whole teaser of another article, then a bulleted related list (as sample 004).
    return [
      tanwin(w.rng.pick(readAlsoMarkers)),
      ...otherHeadlines(w, ctx, 1),
      `${pastClause(w)}.`,
      w.rng.pick(relatedHeaders),
      ...otherHeadlines(w, ctx, w.rng.int(3, 8)).map((h) => `  • ${h}`)
    ]
  }
  return [tanwin(w.rng.pick(relatedHeaders)), ...otherHeadlines(w, ctx, w.rng.int(3, 7)).map((h) => (w.rng.chance(0.5) ? `• ${h}` : h))]
}

function tail(w: Writer, ctx: ArticleContext): string[] {
  const lines: string[] = []
  if (w.rng.chance(0.22)) lines.push(...sourceLines(w))
  if (w.rng.chance(0.18)) lines.push(keywordLine(w))
  if (w.rng.chance(0.2)) lines.push(...readAlsoBlock(w, ctx))
  if (w.rng.chance(0.08)) lines.push(w.rng.pick(shareLines))
  return lines
}

// ---- the article ----

function pickStyle(rng: Random): Style {
  const marks = rng.next()
  const [open, close] = marks < 0.5 ? ['«', '»'] : marks < 0.8 ? ['“', '”'] : ['"', '"']
  const months = rng.next()
  return {
    open: open as string,
    close: close as string,
    months: months < 0.55 ? 'gregorian' : months < 0.75 ? 'levantine' : 'both',
    americanWithE: rng.chance(0.35),
    tanwin: rng.chance(0.7),
    blankLines: rng.chance(0.4)
  }
}

/** Small typing habits of pasted text: a shadda here, a tatweel there, a double space. */
function roughen(rng: Random, text: string): string {
  let out = text
  if (rng.chance(0.06)) out = out.replace(/(\s)(و?[قع])(\S)(\S+)/u, (_, s: string, a: string, b: string, c: string) => `${s}${a}${b}ّ${c}`)
  if (rng.chance(0.03)) out = out.replace(/ (ال)(\S{3,})/u, (_, al: string, rest: string) => ` ${al}ـ${rest}`)
  if (rng.chance(0.03)) out = out.replace(/ (و\S+) /u, '  $1 ')
  return out
}

/**
 * Write one article.
 *
 * Takes the stream and the context; returns the text (lines joined with
 * `\n`), the headline and a listing headline.
 */
export function composeArticle(rng: Random, ctx: ArticleContext): ComposedArticle {
  const theme = themes[ctx.theme] as Theme
  const w: Writer = {
    rng,
    theme,
    entities: themeEntities[ctx.theme] as (typeof themeEntities)[number],
    date: ctx.date,
    isoDate: isoDate(ctx.date),
    style: pickStyle(rng),
    mentioned: new Set(),
    lastSpeaker: null
  }
  const head: string[] = []
  const title = headline(w)
  const hasHeadline = rng.chance(0.78)
  if (hasHeadline) {
    head.push(title)
    if (rng.chance(0.12)) head.push(w.rng.pick([`بحسب ${w.rng.pick(outlets)}`, `${nounPhrase(w)} في ${place(w).name}`, `تقرير: ${nounPhrase(w)}`]))
  }
  const furniture = tail(w, ctx)
  const body: string[] = [leadParagraph(w)]
  const withSubheadings = ctx.targetWords > 450 && rng.chance(0.55)
  let sinceHeading = 0
  let words = wordCount([...head, ...body, ...furniture].join('\n'))
  while (words < ctx.targetWords) {
    const heading = withSubheadings && sinceHeading >= 2 && rng.chance(0.4) ? subheading(w) : null
    const paragraph = roughen(rng, bodyParagraph(w, ctx))
    const added = (heading === null ? 0 : wordCount(heading)) + wordCount(paragraph)
    if (words + added > ctx.maxWords) break
    if (heading !== null) {
      body.push(heading)
      sinceHeading = 0
    }
    body.push(paragraph)
    words += added
    sinceHeading++
  }
  // Now and then a "read more" line with another headline between paragraphs (as sample 004).
  if (body.length > 5 && rng.chance(0.04)) {
    const line = `إقرأ المزيد ${otherHeadlines(w, ctx, 1)[0] ?? ''}`
    if (words + wordCount(line) <= ctx.maxWords) body.splice(3, 0, line)
  }
  const separator = w.style.blankLines ? '\n\n' : '\n'
  const spelling = (text: string) => (w.style.americanWithE ? text.replace(/أمريكي/gu, 'أميركي').replace(/أمريكا/gu, 'أميركا') : text)
  let tailText = furniture.length > 0 ? `\n\n${furniture.join(rng.chance(0.5) ? '\n\n' : '\n')}` : ''
  if (rng.chance(0.1)) tailText += '\n'.repeat(rng.int(2, 10))
  tailText = spelling(tailText)
  return {text: spelling([...head, ...body].join(separator)) + tailText, headline: hasHeadline ? title : null, listingHeadline: title, furniture: tailText}
}

/** The theme's quotes that several articles carry (made once per corpus). */
export function signatureQuotes(rng: Random, themeIndex: number, count: number): SignatureQuote[] {
  const theme = themes[themeIndex] as Theme
  const w: Writer = {
    rng,
    theme,
    entities: themeEntities[themeIndex] as (typeof themeEntities)[number],
    date: {year: 2025, month: 1, day: 1},
    isoDate: '2025-01-01',
    style: pickStyle(rng),
    mentioned: new Set(),
    lastSpeaker: null
  }
  return Array.from({length: count}, () => ({speaker: rng.pick(w.entities.persons), text: quoteText(w)}))
}
