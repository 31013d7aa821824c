// express-validator, for real, over a socket: its result array handed to a problem, its
// `validationResult(req).throw()` (an error without any status), and a shape taught with
// validationReaders all answer with a validation problem whose errors[] point at the fields.
import express, { type NextFunction, type Request, type Response } from 'express'
import { body, checkExact, header, oneOf, param, query, validationResult } from 'express-validator'
import request from 'supertest'
import { afterEach, describe, expect, it } from 'vitest'
import { UnprocessableContent, defineValidationReader, readValidationIssues } from '../../src/index.js'
import { expectProblem } from '../../src/testing/index.js'
import { closeAll, serve } from './helpers.js'

afterEach(closeAll)

const checks = [
  param('id').isInt(),
  query('q').optional().isLength({ min: 2 }),
  header('x-api-key').isLength({ min: 3 }),
  body('name').isString(),
  body('tags.*.a/b~c').isString().withMessage('must be a string'),
  checkExact(),
]

type Handler = (request: Request, response: Response, next: NextFunction) => void

function routes(handler: Handler) {
  return (app: express.Express) => {
    app.use(express.json())
    app.post('/users/:id', ...checks, handler)
  }
}

function post(server: Parameters<typeof request>[0], url = '/users/abc?q=a&debug=1') {
  return request(server).post(url).set('x-api-key', 'k').send({ tags: [{ 'a/b~c': 7 }], password: 'hunter2' })
}

const EXPECTED_ISSUES = [
  { in: 'params', pointer: '#/id', detail: 'Invalid value' },
  { in: 'querystring', pointer: '#/q', detail: 'Invalid value' },
  { in: 'headers', pointer: '#/x-api-key', detail: 'Invalid value' },
  { in: 'body', pointer: '#/name', detail: 'Invalid value' },
  { in: 'body', pointer: '#/tags/0/a~1b~0c', detail: 'must be a string' },
  { in: 'querystring', pointer: '#/debug', detail: 'Unknown field(s)' },
  { in: 'body', pointer: '#/password', detail: 'Unknown field(s)' },
]

describe('express-validator', () => {
  it('validationResult(req).throw(): a validation problem at validationStatus, never a 500', async () => {
    const handler: Handler = (req, res) => {
      validationResult(req).throw()
      res.send('ok')
    }
    const { server } = await serve(routes(handler))
    const response = await post(server)
    const problem = expectProblem(response, { status: 400, code: 'VALIDATION_FAILED' })
    expect(problem.detail).toBe('The request data is invalid.')
    expect(problem.errors).toEqual(EXPECTED_ISSUES)
    // The client's values are never echoed.
    expect(response.text).not.toContain('hunter2')

    const { server: strict } = await serve(routes(handler), { validationStatus: 422 })
    expectProblem(await post(strict), { status: 422, code: 'VALIDATION_FAILED' })
  })

  it('its result array, read into a problem of your own with readValidationIssues', async () => {
    const { server } = await serve(routes((req, _res, next) => {
      const result = validationResult(req)
      next(new UnprocessableContent({ detail: 'Check the fields.', extensions: { errors: readValidationIssues(result.array()) } }))
    }))
    const response = await post(server)
    const problem = expectProblem(response, { status: 422 })
    expect(problem.errors).toEqual(EXPECTED_ISSUES)
    expect(response.text).not.toContain('hunter2')
  })

  it('its result array passed as `validation`: read alike, at validationStatus', async () => {
    const { server } = await serve(routes((req, _res, next) => next({ validation: validationResult(req).array() })), { validationStatus: 422 })
    expect(expectProblem(await post(server), { status: 422, code: 'VALIDATION_FAILED' }).errors).toEqual(EXPECTED_ISSUES)
  })

  it('oneOf: the failures of each alternative', async () => {
    const { server } = await serve((app) => {
      app.use(express.json())
      app.post('/contact', oneOf([body('email').isEmail(), body('phone').isMobilePhone('any')]), (req, res) => {
        validationResult(req).throw()
        res.send('ok')
      })
    })
    const problem = expectProblem(await request(server).post('/contact').send({ email: 'x' }), { status: 400 })
    expect(problem.detail).toBe('The request body is invalid.')
    expect(problem.errors).toEqual([
      { in: 'body', pointer: '#/email', detail: 'Invalid value' },
      { in: 'body', pointer: '#/phone', detail: 'Invalid value' },
    ])
  })

  it('a shape taught with the validationReaders option (a formatWith formatter of your own)', async () => {
    const flat = defineValidationReader({
      name: 'flat',
      matches: (entry): entry is { field: string; problem: string } => typeof (entry as { field?: unknown })?.field === 'string',
      read: (entry) => ({ path: entry.field.split('.'), detail: entry.problem }),
    })
    const { server } = await serve((app) => {
      app.use(express.json())
      app.post('/x', body('user.name').isString(), (req, _res, next) => {
        const result = validationResult(req).formatWith((error) => ({ field: error.type === 'field' ? error.path : '', problem: 'needs a name' }))
        next({ validation: result.array() })
      })
    }, { validationReaders: [flat] })
    expect(expectProblem(await request(server).post('/x').send({}), { status: 400 }).errors).toEqual([
      { in: 'body', pointer: '#/user/name', detail: 'needs a name' },
    ])
  })
})
