/**
 * @fastify/multipart beside the plugin, over real sockets: the errors it raises while a route
 * reads an upload (a file over `limits.fileSize`, too many files, a body that is not multipart)
 * are answered as problems with the plugin's own status and message, and its internal `FST_`
 * code never reaches the client.
 */
import multipart from '@fastify/multipart'
import { afterEach, describe, expect, it } from 'vitest'
import { closeServers, fastifyServer, problemOf } from './helpers.js'

afterEach(closeServers)

/** An app whose `/upload` reads every file of the request into memory. */
function uploadServer(): Promise<string> {
  return fastifyServer(async (app) => {
    await app.register(multipart, { limits: { fileSize: 16, files: 1 }, throwFileSizeLimit: true })
    app.post('/upload', async (request) => {
      let bytes = 0
      for await (const part of request.files()) bytes += (await part.toBuffer()).length
      return { bytes }
    })
  })
}

function form(...files: string[]): FormData {
  const body = new FormData()
  files.forEach((content, index) => body.append(`file${index}`, new Blob([content]), `f${index}.txt`))
  return body
}

describe('@fastify/multipart', () => {
  it('reads an upload within the limits as usual', async () => {
    const base = await uploadServer()
    const response = await fetch(`${base}/upload`, { method: 'POST', body: form('small') })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ bytes: 5 })
  })

  it('a file over limits.fileSize: a 413 problem with its message, no FST_ code', async () => {
    const base = await uploadServer()
    const { body } = await problemOf(await fetch(`${base}/upload`, { method: 'POST', body: form('x'.repeat(64)) }), 413)
    expect(body).toMatchObject({ title: 'Content Too Large', detail: 'request file too large', code: 'CONTENT_TOO_LARGE' })
    expect(JSON.stringify(body)).not.toContain('FST_')
  })

  it('more files than limits.files: a 413 problem', async () => {
    const base = await uploadServer()
    const { body } = await problemOf(await fetch(`${base}/upload`, { method: 'POST', body: form('a', 'b') }), 413)
    expect(body.detail).toBe('reach files limit')
  })

  it('a JSON body where multipart is read: its 406 as a problem', async () => {
    const base = await uploadServer()
    const response = await fetch(`${base}/upload`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    const { body } = await problemOf(response, 406)
    expect(body.detail).toBe('the request is not multipart')
  })
})
