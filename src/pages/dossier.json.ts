/** `/dossier.json`: the dossier's data for other tools (schema 1). */
import type {APIRoute} from 'astro'
import {loadSiteData} from '../site/data.ts'
import {dossierJson} from '../site/dossier-json.ts'

export const GET: APIRoute = async () => {
  const body = `${JSON.stringify(dossierJson(await loadSiteData()), null, 2)}\n`
  return new Response(body, {headers: {'content-type': 'application/json; charset=utf-8'}})
}
