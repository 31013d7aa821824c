/**
 * Reads a fetch body as text, up to a byte limit. An error answer can come from anything on the
 * path (a proxy's HTML page, a truncated stream, a body someone already read), so reading never
 * throws: it reports what happened instead. The body is always read to the end or cancelled,
 * because an unread undici body keeps its connection busy until garbage collection.
 */

/** The body of a fetch `Response`, as Node's fetch and undici type it. */
export interface BodyStream {
  /** The part of a web `ReadableStream` reader this module uses (Node's fetch and undici both have it). */
  getReader(): {
    read(): Promise<{ done: false; value: Uint8Array } | { done: true; value?: Uint8Array | undefined }>
    cancel(reason?: unknown): Promise<void>
  }
}

/** Default byte limit: problem bodies are small, and a larger error page says nothing more. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

/**
 * The body as UTF-8 text (`''` when there is none), or `undefined` when it could not be read (too
 * large, already read, locked by another reader, or the stream failed: the caller answers all of
 * them alike, as `'unreadable'`). Bodies over `maxBytes` are cancelled after the limit rather than
 * buffered.
 */
export async function readBodyText(body: BodyStream | null, maxBytes: number): Promise<string | undefined> {
  if (body === null) return ''
  let reader: ReturnType<BodyStream['getReader']>
  try {
    reader = body.getReader()
  } catch {
    return undefined // already read, or locked by another reader
  }
  const decoder = new TextDecoder()
  let text = ''
  let size = 0
  try {
    for (;;) {
      const chunk = await reader.read()
      if (chunk.done) return text + decoder.decode()
      size += chunk.value.byteLength
      if (size > maxBytes) {
        await reader.cancel('http-problems: body over the size limit').catch(() => undefined)
        return undefined
      }
      text += decoder.decode(chunk.value, { stream: true })
    }
  }
  // Stryker disable next-line BlockStatement: only an errored stream rejects a read, and cancelling it changes nothing; the function answers undefined either way
  catch {
    await reader.cancel().catch(() => undefined)
    return undefined
  }
}
