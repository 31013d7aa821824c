/**
 * The NestJS demo service: the same problems as the Fastify and Express demos, from a Nest app on
 * either platform. `npm run example:nestjs` (PLATFORM=express or fastify, default express; PORT,
 * default 3002; HOST, default 127.0.0.1), then try the curl commands it prints.
 *
 * Runs under tsx, which compiles decorators but emits no decorator metadata: the ValidationPipe is
 * told the DTO (`expectedType`) instead of reading `design:paramtypes`. In a project compiled by
 * tsc or SWC with `emitDecoratorMetadata`, `app.useGlobalPipes(new ValidationPipe(...))` does it.
 */
import 'reflect-metadata'
import {
  Body,
  ConflictException,
  Controller,
  Get,
  Module,
  NotFoundException,
  Param,
  Post,
  ServiceUnavailableException,
  ValidationPipe,
  type INestApplication,
} from '@nestjs/common'
import { NestFactory } from '@nestjs/core'
import { FastifyAdapter } from '@nestjs/platform-fastify'
import { Type } from 'class-transformer'
import { IsString, MinLength, ValidateNested } from 'class-validator'
import pino from 'pino'
import { TooManyRequests } from '../src/index.js'
import { ProblemFilter } from '../src/nestjs/index.js'

class Address {
  @IsString() city!: string
}

class CreateUser {
  @IsString() @MinLength(2) name!: string
  @ValidateNested() @Type(() => Address) address!: Address
}

/** class-validator's tree goes to the filter as it is: it becomes `errors[]` with JSON pointers. */
const validateUser = new ValidationPipe({ expectedType: CreateUser, exceptionFactory: (errors) => errors })

@Controller()
class DemoController {
  // One store per app (Nest makes one controller per app).
  readonly #users = new Map<string, { id: string; name: string }>([['1', { id: '1', name: 'Ada' }]])

  @Get('users/:id')
  user(@Param('id') id: string): { id: string; name: string } {
    const user = this.#users.get(id)
    if (user === undefined) throw new NotFoundException(`No user ${id}`)
    return user
  }

  @Post('users')
  create(@Body(validateUser) body: CreateUser): { id: string; name: string } {
    if ([...this.#users.values()].some((user) => user.name === body.name)) throw new ConflictException('That name is taken', { errorCode: 'NAME_TAKEN' })
    const user = { id: String(this.#users.size + 1), name: body.name }
    this.#users.set(user.id, user)
    return user
  }

  @Get('rate-limited')
  rateLimited(): never {
    throw new TooManyRequests({ retryAfter: 30 })
  }

  @Get('maintenance')
  maintenance(): never {
    throw new ServiceUnavailableException('db.internal:5432 is being upgraded')
  }

  @Get('crash')
  crash(): never {
    throw new Error('connect ECONNREFUSED db.internal:5432')
  }
}

@Module({ controllers: [DemoController] })
// eslint-disable-next-line @typescript-eslint/no-extraneous-class -- a Nest module is an empty class its decorator describes
class DemoModule {}

/** The demo app on `platform`, with the filter global; not listening yet. */
export async function buildNestDemo(
  platform: 'express' | 'fastify',
  logger = pino({ level: process.env.LOG_LEVEL ?? 'info' }),
): Promise<INestApplication> {
  const app =
    platform === 'fastify'
      ? await NestFactory.create(DemoModule, new FastifyAdapter(), { logger: false })
      : await NestFactory.create(DemoModule, { logger: false })
  app.useGlobalFilters(new ProblemFilter({ typeBaseUrl: 'https://errors.example.com', logger }))
  return app
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))
if (isMain) {
  const platform = process.env.PLATFORM === 'fastify' ? 'fastify' : 'express'
  const port = Number(process.env.PORT ?? 3002)
  const host = process.env.HOST ?? '127.0.0.1'
  const app = await buildNestDemo(platform)
  await app.listen(port, host)
  const { port: bound } = app.getHttpServer().address() as { port: number }
  const base = `http://${host}:${bound}`
  console.log(`
http-problems NestJS demo (platform-${platform}) on ${base}. Try:
  curl -i ${base}/users/42                       # 404 problem from NotFoundException
  curl -i -X DELETE ${base}/users/1              # 405 with Allow, for Nest's unknown route
  curl -i -X POST ${base}/users -H 'content-type: application/json' -d '{"name":"A","address":{}}'   # 400 with errors[].pointer
  curl -i -X POST ${base}/users -H 'content-type: application/json' -d '{"name":"Ada","address":{"city":"London"}}'  # 409, code NAME_TAKEN
  curl -i ${base}/rate-limited                   # 429 + Retry-After
  curl -i ${base}/maintenance                    # 503: nothing internal in the body
  curl -i ${base}/crash -H 'x-correlation-id: demo-1'   # 500: find demo-1 in the log
  curl -i ${base}/nowhere?token=secret           # 404, no query string in the answer
`)
}
