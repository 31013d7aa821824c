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

/**
 * Formats a compiled message with `args`. Throws what intl-messageformat throws (an argument
 * missing, say); a result that is not a string throws too: intl-messageformat gives a boolean or
 * a date in a plain `{name}` argument back as itself, not as text (`{flag, select, ...}` and
 * `{since, date}` say them).
 */
export function formatMessage(message: CompiledMessage, args: Record<string, unknown>): string {
  if (typeof message === 'string') return message
  const text: unknown = message.format(args as Record<string, string | number | boolean | Date>)
  if (typeof text !== 'string') throw new TypeError('the message did not format to text')
  return text
}
