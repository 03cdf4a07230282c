// @ts-check
import {defineConfig} from 'astro/config'
import {removeStalePages} from './src/build/stale-pages.ts'
import {dossierPaths} from './src/paths.ts'

const paths = dossierPaths(process.cwd())

export default defineConfig({
  base: paths.base,
  outDir: paths.out,
  // Every page is a folder with index.html, addressed with a trailing slash.
  trailingSlash: 'always',
  // Stylesheets and scripts as files, never inlined: the Content-Security-Policy
  // (src/components/SecurityHeaders.astro) allows the site's own files only.
  // Eight pages rendered at a time: a page's file reads and writes overlap the
  // next pages' rendering (a cold Astro step at 1,000 articles 18.8–19.5 s with
  // one at a time, 15.0–15.4 s with eight, 15.0 s with sixteen; pages byte-identical).
  build: {format: 'directory', inlineStylesheets: 'never', concurrency: 8},
  // Keep the spaces between inline elements: Arabic prose around <bdi> runs needs them.
  compressHTML: true,
  devToolbar: {enabled: false},
  // Pages this build no longer produces are removed after it (the folder is not emptied before: see vite below).
  integrations: [removeStalePages()],
  experimental: {
    // Pages whose data (cacheKey from getStaticPaths) and code are unchanged are copied from the
    // previous build instead of rendered again: adding one article re-renders only what it touches.
    incrementalBuild: true,
    // One data-store file, not 'chunked': Astro 7.3's chunk writer measures the UTF-8 size of the
    // store one character at a time (10 s per write at 1,000 articles, growing with the dossier).
    collectionStorage: 'single-file'
  },
  vite: {
    build: {
      // The site folder is kept: a page that is unchanged and already there is left as it is, not
      // deleted and copied back from Astro's cache with every other page (at 10,000 articles the
      // site is some 30,000 files). A build that renders every page starts from an empty folder
      // (src/build/astro-site.ts); stale pages go after the build (src/build/stale-pages.ts).
      emptyOutDir: false,
      // Astro inlines small bundled scripts (and Vite small assets as data: URLs) below this
      // size; 0 keeps every one a file of the site, as the Content-Security-Policy requires.
      assetsInlineLimit: 0
    }
  }
})
