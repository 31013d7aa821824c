/**
 * The one decision both adapters make for a docs request: which document, in which form, with
 * which headers, or which problem to answer with instead. The adapters only read the request and
 * write this out, so Fastify and Express send the same bytes.
 */
import { NotAcceptable } from '../classes.js'
import type { HttpProblem } from '../problem.js'
import { docsForm } from './negotiate.js'
import { docsHeaders, docsTarget, type DocsSite } from './site.js'

/** A docs answer: a document to send, a problem to throw, or `undefined` when the path is not ours. */
export type DocsAnswer =
  | { readonly headers: Record<string, string>; readonly body: string }
  | { readonly problem: HttpProblem }
  | undefined

/**
 * The answer for a GET or HEAD of `url` with these `Accept` and `Accept-Language` headers. A
 * localized site answers in the locale `Accept-Language` negotiates, exactly as problem bodies do.
 */
export function docsAnswer(
  site: DocsSite,
  url: string,
  accept: string | readonly string[] | undefined,
  acceptLanguage?: string | readonly string[] | undefined,
): DocsAnswer {
  const target = docsTarget(site, url.split('?')[0]!)
  if (target === undefined) return undefined
  const form = target.form ?? docsForm(accept)
  if (form === undefined) {
    return { problem: new NotAcceptable({ detail: 'Problem type documentation is available as text/html and as application/json.' }) }
  }
  const languages = site.languages
  if (languages === undefined) return { headers: docsHeaders(form), body: site.documents.get(target.name)![form] }
  const language = languages.negotiate(acceptLanguage)
  return { headers: docsHeaders(form, language), body: languages.documents.get(language)!.get(target.name)![form] }
}
