/**
 * English: the RFC 9110 reason phrases of the status table and `SERVER_ERROR_DETAIL`, so the
 * English catalog can never drift from the titles a problem gets without localization.
 */
import { SERVER_ERROR_DETAIL } from '../../server-error-detail.js'
import { STATUSES, type ProblemStatus } from '../../statuses.js'
import type { BuiltInMessages } from './messages-type.js'

export const en: BuiltInMessages = Object.freeze({
  titles: Object.freeze(Object.fromEntries(STATUSES.map((entry) => [entry.status, entry.title])) as Record<ProblemStatus, string>),
  serverErrorDetail: SERVER_ERROR_DETAIL,
})
