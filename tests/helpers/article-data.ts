/**
 * Frontmatter for tests that write an entry by hand: a valid `ArticleData`
 * with nothing established (no date, outlet, entities), and a title that
 * would be code or markup if it were not kept as data.
 */
import type {ArticleData} from '../../src/schema.ts'

export function testArticleData(overrides: Partial<ArticleData> = {}): ArticleData {
  return {
    title: 'عنوان فيه {braces} و <script>',
    titleDerived: false,
    subtitle: null,
    file: 'sources/x.txt',
    lang: 'ar',
    dir: 'rtl',
    date: null,
    datePrecision: null,
    dateBasis: null,
    dateReason: 'unknown',
    outlet: null,
    outletId: null,
    cites: [],
    keywords: [],
    topics: [],
    entities: [],
    quotes: [],
    timeline: [],
    duplicateOf: null,
    story: null,
    paragraphs: 0,
    words: 0,
    sourceHash: 'abc',
    ...overrides
  }
}
