/** `/dossier.json`: the dossier's data for other tools (schema 1). */
import type {APIRoute} from 'astro'
import {storedDossierPart} from '../site/article-files.ts'
import {articlePath, loadSiteData} from '../site/data.ts'
import {dossierJsonChunks} from '../site/dossier-json.ts'

export const GET: APIRoute = async () => {
  const root = process.cwd()
  const chunks = dossierJsonChunks(await loadSiteData(), articlePath, (article) => storedDossierPart(root, article))
  // Bytes, not a string: a string body is checked character by character for lone surrogates
  // (WebIDL's USVString) before it is encoded, which for the 100 MB of a 10,000-article dossier
  // took longer than the encoding itself. Streamed: the build reads them into one buffer, once.
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk)
      controller.close()
    }
  })
  return new Response(body, {headers: {'content-type': 'application/json; charset=utf-8'}})
}
