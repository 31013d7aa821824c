/** Localized problems through the Express middleware, over a real socket: the wire headers and the log line. */
import request from 'supertest'
import { afterAll, describe, expect, it } from 'vitest'
import { BadRequest, NotFound } from '../../src/index.js'
import { closeAll, problemLogs, serve } from '../express/helpers.js'
import { LOCALIZATION } from './fixtures.js'

afterAll(closeAll)

describe('Express with localization', () => {
  it('answers in the negotiated language and logs in the default one', async () => {
    const { server, logs } = await serve((app) => {
      app.get('/credit', () => {
        throw new BadRequest({ code: 'OUT_OF_CREDIT', extensions: { balance: 5, cost: 10 } })
      })
    }, { localization: LOCALIZATION })
    const response = await request(server).get('/credit').set('accept-language', 'de').set('x-correlation-id', 'express-de')
    expect(response.status).toBe(400)
    expect(response.headers['content-language']).toBe('de')
    expect(response.headers.vary).toBe('Accept, Accept-Language')
    expect(JSON.parse(response.text)).toMatchObject({ title: 'Guthaben reicht nicht', detail: 'Ihr Guthaben ist 5, der Preis 10.' })
    const [line] = problemLogs(logs).filter((entry) => entry.correlationId === 'express-de')
    expect(line).toMatchObject({ msg: '400 Not enough credit', detail: 'Your balance is 5, the price 10.' })
  })

  it('logs a broken message once, at error', async () => {
    const { server, logs } = await serve((app) => {
      app.get('/broken', () => {
        throw new BadRequest({ code: 'HALF_BROKEN' })
      })
    }, { localization: LOCALIZATION })
    for (let index = 0; index < 3; index += 1) {
      const response = await request(server).get('/broken').set('accept-language', 'de')
      expect(JSON.parse(response.text).detail).toBe('English fallback for 400.')
    }
    const faults = logs.filter((line) => 'localizationFault' in line)
    expect(faults).toHaveLength(1)
    expect(faults[0]).toMatchObject({ level: 50 })
  })

  it('without the option, no Content-Language', async () => {
    const { server } = await serve((app) => {
      app.get('/gone', () => {
        throw new NotFound()
      })
    })
    const response = await request(server).get('/gone').set('accept-language', 'de')
    expect(response.headers['content-language']).toBeUndefined()
    expect(response.headers.vary).toBe('Accept')
    expect(JSON.parse(response.text).title).toBe('Not Found')
  })
})
