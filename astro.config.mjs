// @ts-check
import mdx from '@astrojs/mdx'
import {defineConfig} from 'astro/config'
import {dossierPaths} from './src/paths.ts'

const paths = dossierPaths(process.cwd())

export default defineConfig({
  base: paths.base,
  outDir: paths.out,
  // Every page is a folder with index.html, addressed with a trailing slash.
  trailingSlash: 'always',
  // Stylesheets and scripts as files, never inlined: the Content-Security-Policy
  // (src/components/SecurityHeaders.astro) allows the site's own files only.
  build: {format: 'directory', inlineStylesheets: 'never'},
  // Keep the spaces between inline elements: Arabic prose around <bdi> runs needs them.
  compressHTML: true,
  // Article text is shown as written: no smart quotes, no GFM autolinks or strikethrough.
  integrations: [mdx({gfm: false, smartypants: false})],
  devToolbar: {enabled: false},
  experimental: {
    // Pages whose data (cacheKey from getStaticPaths) and code are unchanged are copied from the
    // previous build instead of rendered again: adding one article re-renders only what it touches.
    incrementalBuild: true,
    // The content store of a large dossier in chunks instead of one big JSON file.
    collectionStorage: 'chunked'
  },
  vite: {
    build: {
      // Astro inlines small bundled scripts (and Vite small assets as data: URLs) below this
      // size; 0 keeps every one a file of the site, as the Content-Security-Policy requires.
      assetsInlineLimit: 0,
      rolldownOptions: {
        // Astro's MDX modules carry a "use astro:head-inject" marker that the bundler warns
        // about once per entry (withastro/astro#18087, harmless); keep every other warning.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return
          handler(level, log)
        }
      }
    }
  }
})
