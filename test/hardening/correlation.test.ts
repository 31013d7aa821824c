// Bad input, part 4: incoming correlation ids and traceparent values that are over-long, carry
// control characters, quotes or unicode, or come as repeated headers: never echoed (header or
// body), never written raw into a log line; a fresh id is used instead.
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { isValidCorrelationId } from '../../src/index.js'
import { buildApp, expectProblem, linesFor, type CapturedLogs } from './helpers.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

let app: FastifyInstance
let logs: CapturedLogs

beforeAll(async () => {
  ;({ app, logs } = await buildApp())
  app.get('/fail', async () => {
    throw new Error('boom')
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
})

afterAll(async () => {
  await app.close()
})

const BAD_IDS: readonly [label: string, value: string | string[]][] = [
  ['over-long (129 characters)', 'a'.repeat(129)],
  ['over-long (10,000 characters)', 'b'.repeat(10_000)],
  ['a tab', 'id\twith-tab'],
  ['an escape sequence', 'id\u001b[31mred'],
  ['DEL', 'id\u007f'],
  ['a double quote', 'id"},"admin":true,"x":"'],
  ['a single quote', "id'--"],
  ['a backslash', 'id\\n'],
  ['a space', 'id with space'],
  ['a comma (what two joined headers look like)', 'one, two'],
  ['latin-1 letters', 'idé'],
  ['HTML', '<script>alert(1)</script>'],
  ['log-forging text', 'ok" level=50 msg="forged'],
  ['empty', ''],
  ['repeated header (array)', ['first-id', 'second-id']],
  ['repeated header, both invalid', ['a\tb', 'c"d']],
]

const BAD_TRACEPARENTS: readonly [label: string, value: string | string[]][] = [
  ['over-long', `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01-${'x'.repeat(600)}`],
  ['upper-case hex', `00-${'A'.repeat(32)}-${'b'.repeat(16)}-01`],
  ['version ff', `ff-${'a'.repeat(32)}-${'b'.repeat(16)}-01`],
  ['all-zero trace id', `00-${'0'.repeat(32)}-${'b'.repeat(16)}-01`],
  ['all-zero parent id', `00-${'a'.repeat(32)}-${'0'.repeat(16)}-01`],
  ['version 00 with a suffix', `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01-extra`],
  ['a quote inside', `00-${'a'.repeat(31)}"-${'b'.repeat(16)}-01`],
  ['control characters', `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01\u001b`],
  ['repeated header (array)', [`00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`, `00-${'c'.repeat(32)}-${'d'.repeat(16)}-01`]],
]

/** Every log line that mentions any part of `value` longer than a few characters. */
function rawMentions(value: string | string[]): string[] {
  const parts = (Array.isArray(value) ? value : [value]).filter((part) => part.length >= 4)
  return logs.text.filter((line) => parts.some((part) => line.includes(part) || line.includes(JSON.stringify(part).slice(1, -1))))
}

describe.each([
  ['x-correlation-id', BAD_IDS],
  ['traceparent', BAD_TRACEPARENTS],
] as const)('a bad %s', (header, cases) => {
  it.each(cases)('%s: replaced by a fresh UUID, echoed nowhere, logged nowhere', async (_label, value) => {
    const response = await app.inject({ method: 'GET', url: '/fail', headers: { [header]: value } })
    const body = expectProblem(response, 500)
    expect(body.correlationId).toMatch(UUID)
    expect(linesFor(logs, body.correlationId)).toHaveLength(1)
    for (const part of Array.isArray(value) ? value : [value]) {
      if (part === '') continue
      expect(response.body).not.toContain(part)
      expect(JSON.stringify(response.headers)).not.toContain(JSON.stringify(part).slice(1, -1))
    }
    expect(rawMentions(value)).toEqual([])
  })
})

describe('good values still work', () => {
  it('a safe correlation id is echoed', async () => {
    const response = await app.inject({ method: 'GET', url: '/fail', headers: { 'x-correlation-id': 'req-42:a/b' } })
    expect(expectProblem(response).correlationId).toBe('req-42:a/b')
  })

  it('a valid traceparent gives its trace id', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736'
    const response = await app.inject({ method: 'GET', url: '/fail', headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } })
    expect(expectProblem(response).correlationId).toBe(traceId)
  })

  it('every echoed id is one isValidCorrelationId accepts', () => {
    const ids = logs.lines.map((line) => line.correlationId).filter((id) => id !== undefined)
    expect(ids.length).toBeGreaterThan(0)
    for (const id of ids) expect(isValidCorrelationId(id)).toBe(true)
  })
})

describe('over a real socket', () => {
  /** Sends raw header lines; Node joins a repeated custom header with ", ". */
  function rawRequest(headerLines: string[]): Promise<string> {
    const { port } = app.server.address() as { port: number }
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(['GET /fail HTTP/1.1', 'Host: 127.0.0.1', 'Connection: close', ...headerLines, '', ''].join('\r\n'), 'latin1')
      })
      let data = ''
      socket.setEncoding('latin1')
      socket.on('data', (chunk: string) => (data += chunk))
      socket.on('end', () => resolve(data))
      socket.on('error', reject)
    })
  }

  it.each([
    ['a repeated header', ['X-Correlation-Id: first-id', 'X-Correlation-Id: second-id']],
    ['latin-1 bytes', ['X-Correlation-Id: caf\u00e9-id']],
    ['quotes', ['X-Correlation-Id: "quoted-id"']],
    ['over-long', [`X-Correlation-Id: ${'z'.repeat(4000)}`]],
  ])('%s: a fresh id on the wire', async (_label, headerLines) => {
    const raw = await rawRequest(headerLines)
    const [head = '', body = ''] = raw.split('\r\n\r\n')
    expect(head).toMatch(/^HTTP\/1\.1 500 /)
    const id = /\r\nx-correlation-id: ([^\r]*)/i.exec(head)?.[1]
    expect(id).toMatch(UUID)
    expect(body).toContain(`"correlationId":"${id}"`)
    for (const line of headerLines) expect(raw).not.toContain(line.slice(line.indexOf(': ') + 2))
  })
})
