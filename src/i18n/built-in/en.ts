/**
 * English: the RFC 9110 reason phrases of the status table, `SERVER_ERROR_DETAIL` and
 * `validationDetail`, so the English catalog can never drift from the text a problem gets without localization.
 */
import { SERVER_ERROR_DETAIL } from '../../server-error-detail.js'
import { STATUSES, type ProblemStatus } from '../../statuses.js'
import { VALIDATION_PARTS, validationDetail, type ValidationPart } from '../../validation.js'
import type { BuiltInMessages } from './messages-type.js'

export const en: BuiltInMessages = Object.freeze({
  titles: Object.freeze(Object.fromEntries(STATUSES.map((entry) => [entry.status, entry.title])) as Record<ProblemStatus, string>),
  serverErrorDetail: SERVER_ERROR_DETAIL,
  validationDetails: Object.freeze(Object.fromEntries(VALIDATION_PARTS.map((part) => [part, validationDetail(part)])) as Record<ValidationPart, string>),
})
