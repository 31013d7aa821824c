/**
 * `app.setGlobalPrefix()`: where Nest's own routing makes the answers differ between platforms.
 * Both differences are listed in the README ("Differences from the plain adapters") by these names.
 */
import 'reflect-metadata'
import type { Server } from 'node:http'
import { Controller, Get, Module, type INestApplication } from '@nestjs/common'
import { NestFactory } from '@nestjs/core'
import { FastifyAdapter } from '@nestjs/platform-fastify'
import type { Express } from 'express'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { problems } from '../../src/express/index.js'
import { ProblemFilter } from '../../src/nestjs/index.js'

@Controller('users')
class UsersController {
  @Get(':id') one(): string {
    return 'a user'
  }
}

@Module({ controllers: [UsersController] })
// eslint-disable-next-line @typescript-eslint/no-extraneous-class -- a Nest module is an empty class its decorator describes
class PrefixedModule {}

describe('with a global prefix', () => {
  let express: INestApplication
  let fastify: INestApplication
  beforeAll(async () => {
    express = await NestFactory.create(PrefixedModule, { logger: false })
    fastify = await NestFactory.create(PrefixedModule, new FastifyAdapter(), { logger: false })
    for (const app of [express, fastify]) {
      app.setGlobalPrefix('api')
      app.useGlobalFilters(new ProblemFilter())
    }
    // Paths outside the prefix never reach Nest on Express: the plain middleware answers them.
    await express.init()
    ;(express.getHttpAdapter().getInstance() as Express).use(problems().notFound)
    await Promise.all([express.listen(0, '127.0.0.1'), fastify.listen(0, '127.0.0.1')])
  })
  afterAll(async () => {
    await Promise.all([express.close(), fastify.close()])
  })
  const serverOf = (app: INestApplication) => app.getHttpServer() as Server

  it('answers unknown paths inside and outside the prefix with the 404 problem on both platforms', async () => {
    for (const app of [express, fastify]) {
      for (const path of ['/api/nowhere?token=secret', '/elsewhere']) {
        const response = await request(serverOf(app)).get(path)
        expect(response.status).toBe(404)
        expect(response.headers['content-type']).toBe('application/problem+json')
        expect(response.text).not.toContain('secret')
      }
    }
  })

  it('wrong method under the prefix: 405 on Fastify, 404 on Express (listed difference)', async () => {
    const viaFastify = await request(serverOf(fastify)).delete('/api/users/1')
    expect(viaFastify.status).toBe(405)
    expect(viaFastify.headers.allow).toBe('GET, HEAD')
    // Nest serves the prefix on Express with a catch-all route for every method, so no method
    // is "not allowed" there.
    const viaExpress = await request(serverOf(express)).delete('/api/users/1')
    expect(viaExpress.status).toBe(404)
    expect(viaExpress.headers['content-type']).toBe('application/problem+json')
  })
})
