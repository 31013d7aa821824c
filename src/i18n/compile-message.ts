/**
 * One catalog message, compiled once at registration with intl-messageformat (ICU MessageFormat:
 * `{balance, number}`, `{count, plural, one {# item} other {# items}}`). A message without
 * arguments is kept as its text, so answering with it formats nothing.
 */
import type { IntlMessageFormat } from 'intl-messageformat'
import { invalidOption } from '../usage-error.js'
import { intlModules } from './intl-modules.js'

/** A compiled message: its text when it has no arguments, else the formatter. */
export type CompiledMessage = string | IntlMessageFormat

/** Element type of plain text in intl-messageformat's AST (`TYPE.literal` of its parser). */
const LITERAL = 0

/**
 * Compiles `text` for `locale`; a message that is not valid ICU MessageFormat throws a
 * `UsageError` naming `option` (`localization.messages.de.OUT_OF_CREDIT.detail`). Tags
 * (`<b>...</b>`) are plain text: a problem body is JSON, not markup.
 */
export function compileMessage(text: unknown, locale: string, option: string): CompiledMessage {
  if (typeof text !== 'string') invalidOption(option, 'a string (ICU MessageFormat)', text)
  const { IntlMessageFormat } = intlModules()
  let compiled: IntlMessageFormat
  try {
    compiled = new IntlMessageFormat(text, locale, undefined, { ignoreTag: true })
  } catch (fault) {
    invalidOption(option, `a valid ICU MessageFormat message (${fault instanceof Error ? fault.message : String(fault)})`, text)
  }
  const elements = compiled.getAst()
  if (elements.every((element) => element.type === LITERAL)) {
    // Stryker disable next-line StringLiteral: the parser merges adjacent text into one literal element, so no separator is ever placed
    return elements.map((element) => (element as { value: string }).value).join('')
  }
  return compiled
}

/** What a catalog message is formatted with: text, numbers and dates (a boolean goes in as its text). */
export type MessageArgument = string | number | Date

/**
 * Formats a compiled message with `args`. Throws what intl-messageformat throws (an argument
 * missing, say). A date in a plain `{name}` argument, which intl-messageformat gives back as
 * itself, is said as ICU says one: the short date and time of the message's locale (`{name, date}`
 * and `{name, time}` choose for themselves).
 */
export function formatMessage(message: CompiledMessage, args: Readonly<Record<string, MessageArgument>>): string {
  if (typeof message === 'string') return message
  // Text, or the parts when one of them is a date of a plain argument (the only value that is not text).
  const formatted = message.format<Date>(args) as string | (string | Date)[]
  if (typeof formatted === 'string') return formatted
  const locale = message.resolvedOptions().locale
  return formatted.map((part) => (typeof part === 'string' ? part : dateTimeFormat(locale).format(part))).join('')
}

/** One formatter per locale: making an `Intl.DateTimeFormat` costs far more than using one. */
const DATE_TIME_FORMATS = new Map<string, Intl.DateTimeFormat>()

function dateTimeFormat(locale: string): Intl.DateTimeFormat {
  return DATE_TIME_FORMATS.get(locale) ?? newDateTimeFormat(locale)
}

function newDateTimeFormat(locale: string): Intl.DateTimeFormat {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' })
  DATE_TIME_FORMATS.set(locale, format)
  return format
}
