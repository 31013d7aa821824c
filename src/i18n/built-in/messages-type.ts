/**
 * The shape of one locale's built-in messages. `titles` is keyed by every status of the status
 * table (`ProblemStatus`), so a locale file that misses one does not compile;
 * `test/i18n/built-in.test.ts` checks the same at run time.
 */
import type { ProblemStatus } from '../../statuses.js'
import type { ValidationPart } from '../../validation.js'

/** The titles of every status class and the generic 5xx detail, in one language. */
export interface BuiltInMessages {
  /** The status's reason phrase in this language, used as `title` for a problem with the default title. */
  readonly titles: Readonly<Record<ProblemStatus, string>>
  /** The `detail` of a 5xx whose own detail is hidden (`SERVER_ERROR_DETAIL` in English). */
  readonly serverErrorDetail: string
  /** The `detail` of a validation problem, per request part (`validationDetail` in English). */
  readonly validationDetails: Readonly<Record<ValidationPart, string>>
}
