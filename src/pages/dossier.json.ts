/** `/dossier.json`: the dossier's data for other tools (schema 1). */
import type {APIRoute} from 'astro'
import {loadSiteData} from '../site/data.ts'
import {dossierJson} from '../site/dossier-json.ts'

export const GET: APIRoute = async () => {
  // Bytes, not a string: a string body is checked character by character for lone surrogates
  // (WebIDL's USVString) before it is encoded, which for the 100 MB of a 10,000-article dossier
  // took longer than the encoding itself.
  const body = Buffer.from(`${JSON.stringify(dossierJson(await loadSiteData()), null, 2)}\n`)
  return new Response(body, {headers: {'content-type': 'application/json; charset=utf-8'}})
}
