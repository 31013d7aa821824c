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
  /** The words of the problem-catalog docs pages (src/docs/pages.ts). Plain text; `backquoted` parts show as code. */
  readonly docs: DocsWords
}

/** The words of the docs pages in one language. */
export interface DocsWords {
  /** The index's title and heading, and the name of the navigation. */
  readonly problemTypes: string
  /** The index's introduction. */
  readonly introduction: string
  readonly serviceTypes: string
  readonly statusTypes: string
  /** The link back to the index. */
  readonly allTypes: string
  readonly footer: string
  readonly typeUri: string
  readonly status: string
  readonly code: string
  readonly whatHappened: string
  readonly whatYouCanDo: string
  readonly headers: string
  /** After a header that every answer carries, in parentheses. */
  readonly headerAlways: string
  /** After a header that only some answers carry, in parentheses. */
  readonly headerWhenItApplies: string
  readonly extensionMembers: string
  readonly noExtensionMembers: string
  /** After a member's type: required or not. */
  readonly alwaysPresent: string
  readonly optional: string
  readonly example: string
  /** A schema's type in words: `always 5`, `one of "a", "b"`, `array of string`, `string or number`, `any JSON value`. */
  readonly types: {
    readonly always: string
    readonly oneOf: string
    readonly arrayOf: string
    readonly or: string
    readonly anyValue: string
  }
}
