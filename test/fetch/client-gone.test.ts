/**
 * The fetch adapter and a client that left: the request's abort signal is how a runtime says so.
 * With `networkRules`, an `AbortError` then is logged as 499 Client Closed Request; with the
 * client still there it is an `AbortError` of the route's own, a 500.
 */
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { problems } from '../../src/fetch/index.js'
import { networkRules } from '../../src/mapping/index.js'
import { memoryLogger, problemLogs } from '../express/helpers.js'

const aborted = () => new DOMException('This operation was aborted', 'AbortError')
const CLOSED_LINE = { status: 499, code: 'CLIENT_CLOSED_REQUEST', msg: '499 Client Closed Request (the client closed the connection; nothing was written)' }

describe('fetch: the client leaves before the answer', () => {
  it('problemResponse: an AbortError after the request was aborted is logged as 499; before, it is a 500', () => {
    const { logger, logs } = memoryLogger()
    const { problemResponse } = problems({ map: networkRules, logger })
    const gone = problemResponse(aborted(), new Request('http://example.com/report', { signal: AbortSignal.abort() }))
    expect(gone.status).toBe(499)
    expect(problemLogs(logs).at(-1)).toMatchObject({ ...CLOSED_LINE, level: 30 })
    const present = problemResponse(aborted(), new Request('http://example.com/report'))
    expect(present.status).toBe(500)
    expect(problemLogs(logs).at(-1)).toMatchObject({ status: 500, msg: '500 Internal Server Error' })
  })

  it('Hono: a route aborted with its client is logged as 499', async () => {
    const { logger, logs } = memoryLogger()
    const app = new Hono()
    app.get('/report', () => {
      throw aborted()
    })
    const hooks = problems({ map: networkRules, logger }).hono(app)
    app.onError(hooks.onError)
    await hooks.fetch(new Request('http://example.com/report', { signal: AbortSignal.abort() }))
    expect(problemLogs(logs)).toEqual([expect.objectContaining(CLOSED_LINE)])
  })
})
