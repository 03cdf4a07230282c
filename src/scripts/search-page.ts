/**
 * Browser side of the search page: run the query the header box sent (`?q=`).
 * Runs after Pagefind's Component UI script has defined its elements.
 */

interface PagefindInstance {
  triggerSearch(term: string): void
}
interface PagefindComponents {
  getInstanceManager(): {getInstance(name: string): PagefindInstance}
}

/** Put `?q=` into the search input and search for it. */
export function runQueryFromUrl(): void {
  const query = new URLSearchParams(window.location.search).get('q')?.trim()
  if (!query) return
  const components = (window as unknown as {PagefindComponents?: PagefindComponents}).PagefindComponents
  if (!components) return
  const input = document.querySelector<HTMLInputElement>('pagefind-input input')
  if (input) input.value = query
  components.getInstanceManager().getInstance('default').triggerSearch(query)
}
