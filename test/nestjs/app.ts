/**
 * The Nest application the NestJS tests run, on either platform: controllers that throw each kind
 * of exception, DTOs for the ValidationPipe, and a controller scoped with its own filter.
 */
import 'reflect-metadata'
import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Get,
  HttpException,
  InternalServerErrorException,
  MethodNotAllowedException,
  Module,
  NotFoundException,
  Param,
  Post,
  Res,
  ServiceUnavailableException,
  UnauthorizedException,
  UnprocessableEntityException,
  UseFilters,
  UsePipes,
  ValidationPipe,
  type INestApplication,
} from '@nestjs/common'
import { NestFactory } from '@nestjs/core'
import { FastifyAdapter } from '@nestjs/platform-fastify'
import { Type } from 'class-transformer'
import { IsInt, IsString, Min, ValidateNested } from 'class-validator'
import type { Server, ServerResponse } from 'node:http'
import { NotFound } from '../../src/index.js'
import { ProblemFilter, type NestProblemsOptions } from '../../src/nestjs/index.js'

export type Platform = 'express' | 'fastify'
export const PLATFORMS: readonly Platform[] = ['express', 'fastify']

class Address {
  @IsString() city!: string
}

class Item {
  @IsString() name!: string
}

export class CreateUser {
  @IsString() name!: string
  @IsInt() @Min(0) age!: number
  @ValidateNested() @Type(() => Address) address!: Address
  @ValidateNested({ each: true }) @Type(() => Item) items!: Item[]
}

/** Each Nest exception variant, by name. */
export const EXCEPTIONS: Record<string, () => unknown> = {
  'default-404': () => new NotFoundException(),
  'string-response': () => new HttpException('That name is taken', 409),
  'object-error': () => new HttpException({ status: 403, error: 'Only admins may do that' }, 403),
  description: () => new BadRequestException('The id is malformed', { description: 'Id format' }),
  'description-only': () => new BadRequestException(undefined, { description: 'Id format' }),
  cause: () => new ConflictException('Taken', { cause: new Error('unique violation users_email_key') }),
  'error-code': () => new BadRequestException('Bad thing', { errorCode: 'BAD_THING' }),
  'error-code-lowercase': () => new BadRequestException('Bad thing', { errorCode: 'bad thing' }),
  server: () => new InternalServerErrorException('db password is hunter2'),
  'server-cause': () => new InternalServerErrorException('Lookup failed', { cause: new Error('pool exhausted at db.internal:5432') }),
  'server-object': () => new HttpException({ message: 'pool exhausted at db.internal:5432', error: 'Pool' }, 503),
  unavailable: () => new ServiceUnavailableException('db.internal:5432 down'),
  unauthorized: () => new UnauthorizedException(),
  'too-many': () => new HttpException('Slow down', 429),
  method: () => new MethodNotAllowedException(),
  'redirect-status': () => new HttpException('moved to /elsewhere', 302),
  'array-5xx': () => new HttpException({ message: ['internal a', 'internal b'] }, 500),
  'own-problem': () => new NotFound('No such order'),
  crash: () => new Error('connect ECONNREFUSED db.internal:5432'),
  'not-found-lookalike': () => new NotFoundException('Cannot GET /somewhere-else'),
}

@Controller()
class ThrowingController {
  @Get('users/:id')
  user(@Param('id') id: string): never {
    throw new NotFoundException(`No user ${id}`)
  }

  @Get('exceptions/:name')
  exception(@Param('name') name: string): never {
    throw EXCEPTIONS[name]!()
  }

  // The answer has begun when the route fails: it can only be cut off.
  @Get('started')
  started(@Res() response: { raw?: ServerResponse } & Partial<ServerResponse>): never {
    const raw = (response.raw ?? response) as ServerResponse
    raw.writeHead(200, { 'content-type': 'text/plain' })
    raw.write('partial')
    throw new Error('stream broke')
  }

  // ValidationPipe with its default messages.
  @Post('users')
  @UsePipes(new ValidationPipe())
  create(@Body() body: CreateUser): CreateUser {
    return body
  }

  // class-validator's tree, thrown as it is.
  @Post('tree')
  @UsePipes(new ValidationPipe({ exceptionFactory: (errors) => errors }))
  tree(@Body() body: CreateUser): CreateUser {
    return body
  }

  // The tree inside Nest's own exception, with the status the app chose.
  @Post('tree-422')
  @UsePipes(new ValidationPipe({ exceptionFactory: (errors) => new UnprocessableEntityException(errors) }))
  tree422(@Body() body: CreateUser): CreateUser {
    return body
  }
}

/** A controller with a filter of its own, whose problem types differ from the global filter's. */
@Controller('scoped')
@UseFilters(new ProblemFilter({ typeBaseUrl: 'https://errors.example.com/scoped' }))
class ScopedController {
  @Get('missing')
  missing(): never {
    throw new NotFoundException('Scoped miss')
  }
}

/** A controller filtered by class (Nest makes the instance, with the default options). */
@Controller('by-class')
@UseFilters(ProblemFilter)
class ByClassController {
  @Get('missing')
  missing(): never {
    throw new NotFoundException('By class')
  }
}

/** No filter of its own. */
@Controller('plain')
class PlainController {
  @Get('missing')
  missing(): never {
    throw new NotFoundException('Plain miss')
  }
}

@Module({ controllers: [ThrowingController, ScopedController, ByClassController, PlainController] })
// eslint-disable-next-line @typescript-eslint/no-extraneous-class -- a Nest module is an empty class its decorator describes
class TestModule {}

export interface NestTestApp {
  app: INestApplication
  server: Server
}

/**
 * The test app on `platform`, listening on 127.0.0.1, port 0. `filter: false` leaves the global
 * filter out (only the controller-scoped ones answer); `fastifyOptions` go to the FastifyAdapter.
 */
export async function startNest(
  platform: Platform,
  filter: NestProblemsOptions | false = {},
  fastifyOptions: ConstructorParameters<typeof FastifyAdapter>[0] = {},
): Promise<NestTestApp> {
  const app =
    platform === 'fastify'
      ? await NestFactory.create(TestModule, new FastifyAdapter(fastifyOptions), { logger: false })
      : await NestFactory.create(TestModule, { logger: false })
  if (filter !== false) app.useGlobalFilters(new ProblemFilter(filter))
  await app.listen(0, '127.0.0.1')
  return { app, server: app.getHttpServer() as Server }
}
