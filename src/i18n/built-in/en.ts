/**
 * English: the RFC 9110 reason phrases of the status table, `SERVER_ERROR_DETAIL` and
 * `validationDetail`, so the English catalog can never drift from the text a problem gets without
 * localization; and the words the docs pages have always had.
 */
import { SERVER_ERROR_DETAIL } from '../../server-error-detail.js'
import { STATUSES, type ProblemStatus } from '../../statuses.js'
import { VALIDATION_PARTS, validationDetail, type ValidationPart } from '../../validation.js'
import type { BuiltInMessages } from './messages-type.js'

export const en: BuiltInMessages = Object.freeze({
  titles: Object.freeze(Object.fromEntries(STATUSES.map((entry) => [entry.status, entry.title])) as Record<ProblemStatus, string>),
  serverErrorDetail: SERVER_ERROR_DETAIL,
  validationDetails: Object.freeze(Object.fromEntries(VALIDATION_PARTS.map((part) => [part, validationDetail(part)])) as Record<ValidationPart, string>),
  docs: Object.freeze({
    problemTypes: 'Problem types',
    introduction:
      'Every error answer of this service is a problem details object (RFC 9457) whose `type` member links to one of these pages. Ask for `application/json` to get an entry as data.',
    serviceTypes: "This service's problem types",
    statusTypes: 'HTTP status problem types',
    allTypes: 'All problem types',
    footer: 'Problem details (RFC 9457) documentation.',
    typeUri: 'Type URI',
    status: 'Status',
    code: 'Code',
    whatHappened: 'What happened',
    whatYouCanDo: 'What you can do',
    headers: 'Headers',
    headerAlways: 'always',
    headerWhenItApplies: 'when it applies',
    extensionMembers: 'Extension members',
    noExtensionMembers: 'None: the body has only the standard members.',
    alwaysPresent: 'always present',
    optional: 'optional',
    example: 'Example',
    types: Object.freeze({ always: 'always', oneOf: 'one of', arrayOf: 'array of', or: 'or', anyValue: 'any JSON value' }),
  }),
})
