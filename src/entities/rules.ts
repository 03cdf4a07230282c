/**
 * Rule-based recognition of names the registry lacks, from the cues Arabic
 * news gives: a title or role before a person's name (الشيخ، المتحدث الرسمي،
 * وزير الخارجية), a known given name followed by a family chain (بن، بنت، آل،
 * أبو، عبد), and the head noun of an organisation or place (وزارة، حركة، مدينة).
 */
import type {Token} from '../arabic/index.ts'
import type {KeyedTokens, Lexicons} from './registry/index.ts'

export type EntityKind = 'person' | 'organization' | 'place'

/** A span of tokens found by a rule. `end` is exclusive. */
export interface RuleSpan {
  start: number
  end: number
  type: EntityKind
  rule: string
}

// Words that end a name: prepositions, conjunction-led function words, relatives, verbs of saying.
const stopWords = new Set(
  [
    'في', 'على', 'الى', 'إلى', 'من', 'عن', 'مع', 'الي', 'حول', 'خلال', 'بعد', 'قبل', 'منذ', 'عند', 'لدى', 'حتى', 'ضد', 'بين',
    'ان', 'أن', 'إن', 'انه', 'أنه', 'إنه', 'انها', 'أنها', 'الذي', 'التي', 'الذين', 'اللذين', 'ما', 'ماذا', 'لا', 'لم', 'لن', 'قد',
    'كان', 'كانت', 'هو', 'هي', 'هم', 'هذا', 'هذه', 'ذلك', 'تلك', 'كل', 'بعض', 'غير', 'ثم', 'او', 'أو', 'أم', 'بل', 'لكن', 'اليوم',
    'أمس', 'امس', 'الثلاثاء', 'الاثنين', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد', 'مساء', 'صباح', 'عبر', 'وفق', 'بحسب', 'حسب',
    'قال', 'قالت', 'أكد', 'أكدت', 'أعلن', 'أعلنت', 'أضاف', 'أضافت', 'أوضح', 'أشار', 'ذكر', 'ذكرت', 'التقى', 'استقبل', 'وصل', 'دعا',
    'بأن', 'لأن', 'كما', 'أيضا', 'أيضاً', 'جدا', 'الذى', 'فيما', 'بينما', 'حيث', 'إذ', 'اذ', 'إذا', 'اذا', 'لدينا', 'نحن', 'هناك'
  ].map((w) => w.normalize('NFC'))
)

// Head nouns that are more often common nouns than the start of a name (قوة العلاقات "the strength of relations").
const weakHeads = new Set(['قوة', 'سوق', 'شبكة', 'غرفة', 'منصة', 'موقع', 'مجموعة', 'دولة', 'جهاز', 'دائرة', 'لجنة', 'ساحة', 'حي'])

const familyLinks = new Set(['بن', 'بنت', 'ابن', 'آل', 'ال', 'ابو', 'أبو', 'أبي', 'ابي', 'أم', 'عبد', 'عبدال'])

const isWord = (t: Token | undefined): t is Token => t !== undefined && (t.kind === 'word' || t.kind === 'latin')
const plain = (t: Token) => t.text.replace(/[\u064B-\u065F\u0670\u0640]/g, '')

/**
 * Find rule spans in a tokenised paragraph.
 *
 * Takes the tokens, the same keyed for the word lists (`keyedTextTokens`),
 * the word lists, and a mask of tokens already claimed by the registry (rules
 * never overlap those); returns the spans found, in order.
 */
export function findRuleSpans(tokens: readonly Token[], keyed: KeyedTokens, lexicons: Lexicons, claimed: readonly boolean[]): RuleSpan[] {
  const spans: RuleSpan[] = []
  const free = (i: number) => !claimed[i] && isWord(tokens[i]) && !stopWords.has(plain(tokens[i] as Token))
  let i = 0
  while (i < tokens.length) {
    if (!free(i)) {
      // A title is often followed by a registry-claimed nationality word, then the name.
      i++
      continue
    }
    const title = lexicons.personTitles.lookupPhrase(keyed, i)
    if (title) {
      let nameStart = skipQualifiers(tokens, claimed, title.end, lexicons)
      // "مدير مكتبه جهاد لبد": one word of the title's complement may stand before the name.
      const afterOne = nameStart + 1
      if (!lexicons.givenNames.groupOf(tokens[nameStart]?.text ?? '') && lexicons.givenNames.groupOf(tokens[afterOne]?.text ?? '') && free(afterOne)) {
        nameStart = afterOne
      }
      const name = personNameAt(tokens, nameStart, lexicons, free, true)
      if (name > nameStart) {
        spans.push({start: nameStart, end: name, type: 'person', rule: 'title+name'})
        i = name
        continue
      }
      i = title.end
      continue
    }
    const given = lexicons.givenNames.lookupPhrase(keyed, i)
    if (given && (given.prefix === '' || given.prefix === 'و')) {
      const end = personNameAt(tokens, i, lexicons, free, false)
      if (end > given.end) {
        spans.push({start: i, end, type: 'person', rule: 'given+family'})
        i = end
        continue
      }
    }
    const orgHead = lexicons.orgHeads.lookupPhrase(keyed, i)
    const placeHead = orgHead ? undefined : lexicons.placeHeads.lookupPhrase(keyed, i)
    const head = orgHead ?? placeHead
    if (head && head.prefix === '' && !weakHeads.has(head.text)) {
      const end = headedNameAt(tokens, head.end, free)
      if (end > head.end) {
        spans.push({start: i, end, type: orgHead ? 'organization' : 'place', rule: 'head+name'})
        i = end
        continue
      }
    }
    i++
  }
  return spans
}

/** After a title: nationality adjectives and organisation words (وزير الخارجية الأمريكي) are skipped. */
function skipQualifiers(tokens: readonly Token[], claimed: readonly boolean[], from: number, lexicons: Lexicons): number {
  let i = from
  for (let steps = 0; steps < 5 && i < tokens.length; steps++) {
    const token = tokens[i]
    if (!isWord(token)) break
    if (claimed[i] || /^(ال|لل)/.test(token.norm) || token.norm === 'باسم') {
      // Stop at a given name: the person's name starts there.
      if (lexicons.givenNames.groupOf(token.text)) break
      i++
      continue
    }
    break
  }
  return i
}

/**
 * The end of a person's name starting at `start`: a given name, then family
 * links (بن، آل، أبو، عبد) each with its word, then at most two more name
 * words; a word with the article usually ends the name (الأنصاري، الشيباني).
 */
function personNameAt(
  tokens: readonly Token[],
  start: number,
  lexicons: Lexicons,
  free: (i: number) => boolean,
  afterTitle: boolean
): number {
  if (!free(start)) return start
  const first = tokens[start] as Token
  const isGiven = lexicons.givenNames.groupOf(first.text) !== undefined
  if (!isGiven && !afterTitle) return start
  // After a title an unknown first word is accepted only if it is not a common noun with the article.
  if (!isGiven && /^ال/.test(first.norm)) return start
  let i = start + 1
  let extra = 0
  while (i < tokens.length && free(i)) {
    const word = plain(tokens[i] as Token)
    if (familyLinks.has(word) && free(i + 1)) {
      i += 2
      // عبد الرحمن: the linked word may itself carry the article.
      continue
    }
    if (extra >= 2) break
    if (lexicons.personTitles.lookupPhrase([word], 0)) break
    i++
    extra++
    if (/^ال/.test((tokens[i - 1] as Token).norm)) break
  }
  // A single word after a title is a name only when it is a given name or looks like a surname.
  if (i === start + 1 && !isGiven && afterTitle && !/^[\p{sc=Arabic}]{3,}$/u.test(first.text)) return start
  return i
}

/**
 * After an organisation or place head: its name is the run of definite words
 * that follows (وزارة الداخلية، هيئة الرقابة الإدارية), at most four; an
 * indefinite word means the head was a common noun (منطقة واسعة).
 */
function headedNameAt(tokens: readonly Token[], from: number, free: (i: number) => boolean): number {
  let i = from
  while (i < tokens.length && i - from < 4 && free(i) && /^ال/.test((tokens[i] as Token).norm)) i++
  return i
}
