/** `/dossier.json`: the dossier's data for other tools (schema 1). */
import type {APIRoute} from 'astro'
import {storedDossierPart} from '../site/article-files.ts'
import {articlePath, loadSiteData} from '../site/data.ts'
import {dossierJsonBytes} from '../site/dossier-json.ts'

export const GET: APIRoute = async () => {
  const root = process.cwd()
  const bytes = dossierJsonBytes(await loadSiteData(), articlePath, (article) => storedDossierPart(root, article))
  // Bytes, not a string: a string body is checked character by character for lone surrogates
  // (WebIDL's USVString) before it is encoded, which for the 100 MB of a 10,000-article dossier
  // took longer than the encoding itself.
  return new Response(bytes, {headers: {'content-type': 'application/json; charset=utf-8'}})
}
