// Type tests of the NestJS filter: what must compile, and (with @ts-expect-error) what must NOT.
import type { ArgumentsHost, ExceptionFilter, INestApplication } from '@nestjs/common'
import pino from 'pino'
import { describe, expectTypeOf, it } from 'vitest'
import { ProblemFilter, classValidatorReader, type NestProblemsOptions } from '../../src/nestjs/index.js'
import { readValidationIssues, type ValidationReader } from '../../src/index.js'

describe('ProblemFilter', () => {
  it("is an ExceptionFilter Nest accepts, whose catch takes Nest's ArgumentsHost", () => {
    expectTypeOf(new ProblemFilter()).toMatchTypeOf<ExceptionFilter>()
    expectTypeOf<ArgumentsHost>().toMatchTypeOf<Parameters<ProblemFilter['catch']>[1]>()
    const useGlobal = (app: INestApplication) => app.useGlobalFilters(new ProblemFilter())
    expectTypeOf(useGlobal).returns.toEqualTypeOf<INestApplication>()
  })

  it('takes the shared options and a pino logger', () => {
    new ProblemFilter({ typeBaseUrl: 'https://errors.example.com', validationStatus: 422, logger: pino(), logLevels: { clientError: 'debug' } })
    expectTypeOf<NestProblemsOptions['logger']>().not.toBeAny()
  })

  it('refuses what is not an option', () => {
    // @ts-expect-error -- not an option of the filter
    new ProblemFilter({ notFound: false })
    // @ts-expect-error -- 400 or 422 only
    new ProblemFilter({ validationStatus: 418 })
    // @ts-expect-error -- a pino logger, not a string
    new ProblemFilter({ logger: 'console' })
  })

  it('exports a reader usable wherever readers go', () => {
    expectTypeOf(classValidatorReader).toEqualTypeOf<ValidationReader>()
    readValidationIssues([], { readers: [classValidatorReader] })
  })
})
