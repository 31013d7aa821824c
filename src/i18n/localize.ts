/**
 * The localize step (DESIGN.md): the `title` and `detail` of one answer in the negotiated
 * locale, and the same in the default locale for the log line. Pure apart from remembering which
 * broken messages it already reported, so the same problem, `Accept-Language` and catalogs give
 * the same text.
 *
 * Where each member comes from, first match wins, locale by locale along the fallback chain
 * (`de-AT` → `de` → the default locale):
 * - `title`: the catalog entry of the problem's type, else of its code; else, for a problem whose
 *   title is its status's reason phrase, the built-in title of that language. Past the chain, the
 *   problem's own title.
 * - `detail`: the problem's own visible detail, as written; else the catalog entry's; else, for a
 *   5xx, the built-in generic detail. Past the chain, what the renderer would send unlocalized.
 *   The summary `normalize` gives a validation failure (`The request body is invalid.`) is the
 *   library's text, not the problem's own: it is said like a built-in detail.
 * A message that fails to format is skipped (the chain goes on) and reported once; a missing one
 * is skipped silently. The key of a message is never sent.
 */
import { reasonPhrase, type ProblemMembers } from '../problem.js'
import { SERVER_ERROR_DETAIL } from '../server-error-detail.js'
import { summarizedPart, type ValidationPart } from '../validation.js'
import { formatMessage, type CompiledMessage, type MessageArgument } from './compile-message.js'
import type { Localization, LocaleTable, MessageMember } from './localization.js'
import { messageArguments } from './message-arguments.js'

/**
 * A problem's `title` and `detail` in one language (`RenderedProblem.logText`: the default
 * locale's, which the log line uses).
 *
 * @example
 * const rendered = renderProblem(problem, facts, settings)
 * logger.info({ title: rendered.logText?.title ?? problem.title }, 'problem answered')
 */
export interface LocalizedText {
  readonly title: string
  readonly detail: string | undefined
}

/** What `localize` gives the renderer. */
export interface Localized {
  /** The negotiated locale, for `Content-Language`. */
  readonly language: string
  /** The body's members. */
  readonly text: LocalizedText
  /** The log line's members, in the default locale (the detail is the problem's own when it has one, shown or not). */
  readonly logText: LocalizedText
  /** Descriptions of the messages that failed to format for the first time, for one log line each. */
  readonly faults: string[]
}

/** The code of the problems `normalize` makes of validation failures. */
const VALIDATION_FAILED = 'VALIDATION_FAILED'

/** Members read from the problem once, shared by both languages. */
interface Source {
  readonly problem: ProblemMembers
  readonly status: number
  readonly code: string | undefined
  readonly type: string | undefined
  readonly ownTitle: string
  readonly titleIsReasonPhrase: boolean
  readonly ownDetail: string | undefined
  readonly detailShown: boolean
  /** For a validation problem whose shown detail is the library's summary: the part it names, so it can be said in the locale. */
  readonly summaryPart: ValidationPart | undefined
  args: Record<string, MessageArgument> | undefined
}

/**
 * Localizes `problem` (whose `status` is already checked) for a request's `Accept-Language`.
 *
 * @example
 * const { language, text } = localize(problem, 404, 'de-AT, en;q=0.5', localization) // 'de', { title: 'Nicht gefunden', ... }
 */
export function localize(
  problem: ProblemMembers,
  status: number,
  acceptLanguage: string | readonly string[] | undefined,
  localization: Localization,
): Localized {
  const language = localization.negotiate(acceptLanguage)
  const source = readSource(problem, status)
  const faults: string[] = []
  const text = textIn(localization.chains.get(language)!, source, localization, faults)
  // Equivalent mutant, not marked (a mark would hide this line's killed `true` mutant too): the
  // comparison made `false` computes the default locale's text a second time, alike (the same
  // chain, source and catalogs; a broken message is reported once either way). It only spares work.
  const defaultText =
    language === localization.defaultLocale ? text : textIn(localization.chains.get(localization.defaultLocale)!, source, localization, faults)
  // The log keeps the problem's own detail, shown to the client or not, as it does unlocalized.
  const logText = source.ownDetail === undefined ? defaultText : { title: defaultText.title, detail: source.ownDetail }
  return { language, text, logText, faults }
}

function readSource(problem: ProblemMembers, status: number): Source {
  const title: unknown = problem.title
  const ownTitle = typeof title === 'string' && title !== '' ? title : reasonPhrase(status)
  const detail: unknown = problem.detail
  const code: unknown = problem.code
  const type: unknown = problem.type
  // The renderer's rule: a detail is shown when exposed (5xx hide theirs by default).
  const detailShown = problem.expose === true && typeof detail === 'string'
  return {
    problem,
    status,
    code: stringOrNone(code),
    type: stringOrNone(type),
    ownTitle,
    titleIsReasonPhrase: ownTitle === reasonPhrase(status),
    ownDetail: stringOrNone(detail),
    detailShown,
    summaryPart: detailShown && code === VALIDATION_FAILED ? summarizedPart(detail) : undefined,
    args: undefined,
  }
}

/** A member read from the problem, when it is a string. */
function stringOrNone(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function textIn(chain: readonly LocaleTable[], source: Source, localization: Localization, faults: string[]): LocalizedText {
  return { title: titleIn(chain, source, localization, faults), detail: detailIn(chain, source, localization, faults) }
}

function titleIn(chain: readonly LocaleTable[], source: Source, localization: Localization, faults: string[]): string {
  for (const table of chain) {
    const text = formatted(table, 'title', source, localization, faults)
    if (text !== undefined) return text
    if (source.titleIsReasonPhrase) {
      const builtIn = table.builtIn?.titles[source.status as keyof typeof table.builtIn.titles]
      if (builtIn !== undefined) return builtIn
    }
  }
  return source.ownTitle
}

function detailIn(chain: readonly LocaleTable[], source: Source, localization: Localization, faults: string[]): string | undefined {
  const summaryPart = source.summaryPart
  if (source.detailShown && summaryPart === undefined) return source.ownDetail
  for (const table of chain) {
    const text = formatted(table, 'detail', source, localization, faults)
    if (text !== undefined) return text
    if (table.builtIn === undefined) continue
    if (summaryPart !== undefined) return table.builtIn.validationDetails[summaryPart]
    if (source.status >= 500) return table.builtIn.serverErrorDetail
  }
  return summaryPart !== undefined ? source.ownDetail : source.status >= 500 ? SERVER_ERROR_DETAIL : undefined
}

/** The table's message for `member` of the problem, formatted; `undefined` when missing or broken. */
function formatted(
  table: LocaleTable,
  member: 'title' | 'detail',
  source: Source,
  localization: Localization,
  faults: string[],
): string | undefined {
  const found = catalogMessage(table, member, source.type, source.code)
  if (found === undefined) return undefined
  try {
    return formatMessage(found.message, argumentsOf(found.message, source))
  } catch (fault) {
    report(`${table.locale} ${found.key}.${member}`, fault, localization, faults)
    return undefined
  }
}

/**
 * The table's message for `member` of a problem of `type` and `code`, and the key it is under.
 * Per member, a type's message wins over its code's, so a type may override only the title.
 */
export function catalogMessage(
  table: LocaleTable,
  member: MessageMember,
  type: string | undefined,
  code: string | undefined,
): { message: CompiledMessage; key: string } | undefined {
  // No entry is under `undefined`: a problem without a type (or a code) finds none of its own.
  const ofType = table.byType.get(type as string)?.[member]
  if (ofType !== undefined) return { message: ofType, key: type! }
  const ofCode = table.byCode.get(code as string)?.[member]
  return ofCode === undefined ? undefined : { message: ofCode, key: code! }
}

/** Arguments are read from the problem at most once per answer, and only for a message that has some. */
function argumentsOf(message: CompiledMessage, source: Source): Record<string, MessageArgument> {
  if (typeof message === 'string') return {}
  source.args ??= messageArguments(source.problem, source.status)
  return source.args
}

function report(where: string, fault: unknown, localization: Localization, faults: string[]): void {
  if (localization.reportedFaults.has(where)) return
  localization.reportedFaults.add(where)
  faults.push(`catalog message ${where} failed to format: ${fault instanceof Error ? fault.message : String(fault)}`)
}
