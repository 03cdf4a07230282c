/**
 * Browser side of the search page (src/pages/search.astro): Pagefind's JS API
 * behind a small form, with the query rewritten by src/search/ before
 * Pagefind sees it.
 *
 * - Search as you type, from 2 letters; the results on screen stay until the
 *   next set is ready, an empty set replaces them only once typing pauses
 *   (no empty flash on half-typed words), and a slower, older search never
 *   overwrites a newer one.
 * - Filters (topic, person, organization, place, outlet, year) and the sort
 *   (newest first, or most relevant) are read from the index itself.
 * - Every result shows title, date, outlet and an excerpt with the matches
 *   marked, and links to the article with `?q=` so the article page marks
 *   them too (src/scripts/highlight.ts).
 * - Pagefind runs on the main thread (`noWorker`): its worker script would
 *   add ~43 KB to the first search, more than a dossier-sized index needs.
 */
import type {FilterCounts, Filters, Fragment, Hit, PagefindApi, RunOptions, SearchOutcome} from '../search/engine.ts'
import {makeExcerpt} from '../search/excerpt.ts'
import {DATE_META, FILTER_KEYS, type FilterKey} from '../search/fields.ts'
import {findMatches, type Span} from '../search/match.ts'
import {parseQuery, type ParsedQuery} from '../search/query.ts'
import {filterTotals, openSegments, searchSegments} from '../search/segments.ts'
import {countText, type SearchStrings} from '../search/strings.ts'
import {formatDate} from '../site/format.ts'

/** The module `pagefind.js` exports (the parts used here). */
interface PagefindModule extends PagefindApi {
  options(options: Record<string, unknown>): Promise<void>
  init(): Promise<void>
  filters(): Promise<FilterCounts>
  createInstance(options: Record<string, unknown>): PagefindApi & {init(): Promise<void>}
}

/** The loader module beside pagefind.js (src/build/pagefind.ts) leaves Pagefind's import here. */
declare global {
  interface Window {
    dossierPagefind?: Promise<unknown>
  }
}

/** Results rendered at once; "more" adds as many again. */
const PAGE_SIZE = 10
/** Pause in typing before a search runs. */
const DEBOUNCE_MS = 180
/**
 * While typing, a search that finds nothing (a half-typed word: للد) leaves
 * the results on screen; "nothing found" shows only after this much quiet.
 */
const EMPTY_DELAY_MS = 700
/** Values shown per entity filter: the dossier's most mentioned. */
const ENTITY_LIMIT = 8
const ENTITY_KEYS: readonly FilterKey[] = ['person', 'organization', 'place']

/** The page's elements. */
interface Elements {
  form: HTMLFormElement
  input: HTMLInputElement
  sort: HTMLSelectElement
  filters: HTMLFieldSetElement
  status: HTMLElement
  list: HTMLOListElement
  more: HTMLButtonElement
}

function findElements(): (Elements & {strings: SearchStrings}) | null {
  const form = document.querySelector<HTMLFormElement>('form.search-form')
  const input = document.querySelector<HTMLInputElement>('#search-input')
  const sort = document.querySelector<HTMLSelectElement>('#search-sort')
  const filters = document.querySelector<HTMLFieldSetElement>('fieldset.search-filters')
  const status = document.querySelector<HTMLElement>('.search-status')
  const list = document.querySelector<HTMLOListElement>('ol.search-results')
  const more = document.querySelector<HTMLButtonElement>('button.search-more')
  const strings = document.querySelector('#search-strings')?.textContent
  if (!form || !input || !sort || !filters || !status || !list || !more || !strings) return null
  return {form, input, sort, filters, status, list, more, strings: JSON.parse(strings) as SearchStrings}
}

/** Append `text` to `parent`, with the `spans` of it wrapped in <mark>. */
function appendMarked(parent: HTMLElement, text: string, spans: readonly Span[]): void {
  let cursor = 0
  for (const span of spans) {
    if (span.start > cursor) parent.append(text.slice(cursor, span.start))
    const mark = document.createElement('mark')
    mark.textContent = text.slice(span.start, span.end)
    parent.append(mark)
    cursor = span.end
  }
  if (cursor < text.length) parent.append(text.slice(cursor))
}

/** One result as a list item. */
function renderResult(fragment: Fragment, query: ParsedQuery, strings: SearchStrings): HTMLLIElement {
  const item = document.createElement('li')
  item.className = 'search-result'

  const heading = document.createElement('h2')
  const link = document.createElement('a')
  link.href = query.searchable ? `${fragment.url}?q=${encodeURIComponent(query.raw.trim())}` : fragment.url
  link.dir = 'auto'
  const title = fragment.meta['title'] ?? fragment.url
  appendMarked(link, title, findMatches(title, query))
  heading.append(link)

  const meta = document.createElement('p')
  meta.className = 'meta'
  const date = fragment.meta[DATE_META]
  if (date) {
    const time = document.createElement('time')
    time.dateTime = date
    time.textContent = formatDate(date)
    meta.append(time)
  } else {
    const unknown = document.createElement('span')
    unknown.className = 'unknown'
    unknown.textContent = strings.dateUnknown
    meta.append(unknown)
  }
  const separator = document.createElement('span')
  separator.className = 'sep'
  separator.ariaHidden = 'true'
  separator.textContent = '·'
  const outlet = document.createElement('span')
  const outletName = fragment.filters['outlet']?.[0]
  outlet.className = outletName ? 'outlet' : 'unknown'
  outlet.textContent = outletName ?? strings.outletUnknown
  meta.append(separator, outlet)

  const excerpt = document.createElement('p')
  excerpt.className = 'search-excerpt'
  excerpt.dir = 'auto'
  // The indexed text opens with the title, which the result already shows.
  const body = fragment.content.startsWith(title) ? fragment.content.slice(title.length).trimStart() : fragment.content
  for (const piece of makeExcerpt(body, findMatches(body, query))) {
    if (piece.marked) {
      const mark = document.createElement('mark')
      mark.textContent = piece.text
      excerpt.append(mark)
    } else {
      excerpt.append(piece.text)
    }
  }

  item.append(heading, meta, excerpt)
  return item
}

/** The filter values to offer for one key: all of them, or the most mentioned entities. */
function offeredValues(key: FilterKey, totals: Record<string, number>, selected: string): string[] {
  const values = Object.keys(totals).sort((a, b) => (totals[b] ?? 0) - (totals[a] ?? 0) || a.localeCompare(b, 'ar'))
  if (key === 'year') values.sort((a, b) => b.localeCompare(a))
  const offered = ENTITY_KEYS.includes(key) ? values.slice(0, ENTITY_LIMIT) : values
  if (selected && !offered.includes(selected)) offered.push(selected)
  return offered
}

/** Pagefind's module, as the loader beside pagefind.js imports it (whichever script runs first). */
function loadedPagefind(): Promise<unknown> {
  return window.dossierPagefind ?? new Promise((resolve) => window.addEventListener('dossier:pagefind', () => resolve(window.dossierPagefind), {once: true}))
}

/** Start the page: load Pagefind, build the filters, run the query in the address. */
export function startSearchPage(): void {
  const elements = findElements()
  if (!elements) return
  const {form, input, sort, filters: fieldset, status, list, more, strings} = elements
  const bundle = form.dataset['bundle'] ?? '/pagefind/'
  const selects = new Map<FilterKey, HTMLSelectElement>()
  let totals: FilterCounts = {}
  let search: ((query: ParsedQuery, options: RunOptions) => Promise<SearchOutcome>) | null = null
  let generation = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let current: {query: ParsedQuery; outcome: SearchOutcome; shown: number} | null = null

  // The address gives the starting state.
  const params = new URLSearchParams(window.location.search)
  input.value = params.get('q') ?? ''
  if (params.get('sort') === 'relevance') sort.value = 'relevance'

  const selectedFilters = (): Filters => {
    const selected: Filters = {}
    for (const [key, select] of selects) if (select.value) selected[key] = select.value
    return selected
  }

  /** Keep the address in step with the form (replace, not push: typing is not navigation). */
  const syncAddress = (): void => {
    const next = new URLSearchParams()
    if (input.value.trim()) next.set('q', input.value.trim())
    if (sort.value !== 'date') next.set('sort', sort.value)
    for (const [key, value] of Object.entries(selectedFilters())) next.set(key, String(value))
    const search = next.toString()
    window.history.replaceState(null, '', search ? `?${search}` : window.location.pathname)
  }

  /** Show the counts of the current results next to each filter value. */
  const updateCounts = (counts: FilterCounts | null): void => {
    for (const [key, select] of selects) {
      for (const option of select.options) {
        if (!option.value) continue
        const count = counts ? (counts[key]?.[option.value] ?? 0) : (totals[key]?.[option.value] ?? 0)
        option.textContent = `${option.value} (${count})`
      }
    }
  }

  const buildFilters = (): void => {
    for (const key of FILTER_KEYS) {
      const values = totals[key]
      if (!values || Object.keys(values).length === 0) continue
      const field = document.createElement('div')
      field.className = 'search-field'
      const label = document.createElement('label')
      label.htmlFor = `search-filter-${key}`
      label.textContent = strings.filterLabels[key]
      const select = document.createElement('select')
      select.id = `search-filter-${key}`
      select.name = key
      select.append(new Option(strings.filterAll, ''))
      const wanted = params.get(key) ?? ''
      for (const value of offeredValues(key, values, wanted)) select.append(new Option(value, value))
      select.value = wanted
      select.addEventListener('change', () => void run())
      field.append(label, select)
      fieldset.append(field)
      selects.set(key, select)
    }
    fieldset.hidden = selects.size === 0
    updateCounts(null)
  }

  /** Load and render the next page of the current results. */
  const renderMore = async (replace: boolean): Promise<void> => {
    if (!current) return
    const mine = generation
    const {query, outcome, shown} = current
    const hits: Hit[] = outcome.hits.slice(shown, shown + PAGE_SIZE)
    const fragments = await Promise.all(hits.map((hit) => hit.data()))
    if (mine !== generation) return
    const items = fragments.map((fragment) => renderResult(fragment, query, strings))
    if (replace) list.replaceChildren(...items)
    else list.append(...items)
    current.shown = shown + hits.length
    more.hidden = current.shown >= outcome.hits.length
  }

  const run = async (typing = false): Promise<void> => {
    const mine = ++generation
    syncAddress()
    const query = parseQuery(input.value)
    const filters = selectedFilters()
    const filtered = Object.keys(filters).length > 0
    if (!query.searchable && !filtered) {
      if (input.value.trim() === '') {
        current = null
        list.replaceChildren()
        more.hidden = true
        status.textContent = strings.hint
        updateCounts(null)
      } else {
        // One letter: keep what is on screen, say why nothing new comes.
        status.textContent = strings.tooShort
      }
      return
    }
    if (!search) return // runs again once the index is loaded
    list.setAttribute('aria-busy', 'true')
    try {
      const outcome = await search(query, {filters, sort: sort.value === 'relevance' ? 'relevance' : 'date'})
      if (mine !== generation) return
      if (typing && outcome.hits.length === 0 && list.childElementCount > 0) {
        await new Promise((resolve) => setTimeout(resolve, EMPTY_DELAY_MS))
        if (mine !== generation) return
      }
      current = {query, outcome, shown: 0}
      await renderMore(true)
      if (mine !== generation) return
      const count = outcome.hits.length
      const quoted = query.searchable ? ` «${query.raw.trim()}»` : ''
      status.textContent =
        count === 0
          ? `${strings.none}${quoted}`
          : `${countText(strings.count, count)}${quoted ? ` ${strings.matching}${quoted}` : ''}${outcome.truncated ? ` — ${strings.truncated}` : ''}`
      updateCounts(outcome.filters)
    } finally {
      if (mine === generation) list.removeAttribute('aria-busy')
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    clearTimeout(timer)
    void run()
  })
  input.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(() => void run(true), DEBOUNCE_MS)
  })
  sort.addEventListener('change', () => void run())
  more.addEventListener('click', () => void renderMore(false))

  const load = async (): Promise<void> => {
    try {
      const module = (await loadedPagefind()) as PagefindModule
      await module.options({basePath: bundle, noWorker: true})
      await module.init()
      // The index may be in parts (src/build/search-delta.ts): searched and merged by segments.ts.
      const segments = await openSegments({
        bundle: new URL(bundle, window.location.href).href,
        main: module,
        openIndex: async (basePath) => {
          const index = module.createInstance({basePath, noWorker: true})
          await index.init()
          return index
        }
      })
      totals = await filterTotals(segments)
      search = (query, options) => searchSegments(segments, query, options)
    } catch {
      status.textContent = strings.unavailable
      return
    }
    buildFilters()
    await run()
  }
  void load()
}
