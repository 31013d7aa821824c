/**
 * What the rules of a correct problem answer read: the answer as it came off the wire, and what
 * the request that caused it leads one to expect. Both `expectProblem` (a response a test holds)
 * and the `check` command (a response from a remote service) fill these in, so one rule set
 * serves both.
 */

/** An HTTP answer: its status, its headers, and its raw body text. */
export interface Answer {
  /** The status on the wire; `undefined` when the response object carries none. */
  readonly status: number | undefined
  /** A header's value (repeated headers joined with `, `), or `undefined`; `name` in any case. */
  header(name: string): string | undefined
  /** The raw body text; `undefined` or `''` when there is none. */
  readonly text: string | undefined
}

/** What a correct answer to one request looks like. */
export interface Expectation {
  /** The expected status, 400..599. */
  readonly status: number
  /** The exact `Content-Type`, when one value is right (expectProblem). */
  readonly contentType?: string
  /**
   * The media types (no parameters, lower case) any of which is right, when parameters may differ
   * from service to service (the check command). Ignored when `contentType` is given.
   */
  readonly mediaTypes?: readonly string[]
  /** The body's machine `code`, when it matters. */
  readonly code?: string
  /** Lower-case name of the header carrying the correlation id. */
  readonly correlationIdHeader: string
  /** The correlation id the answer must carry (the request sent it, or a traceparent implied it). */
  readonly correlationId?: string
  /** An invalid correlation id the request sent: it must appear nowhere in the answer. */
  readonly rejectedCorrelationId?: string
  /** True when the request was `HEAD`: the answer carries headers only. */
  readonly head?: boolean
}

/** One broken rule: which, and what was observed. */
export interface BrokenRule {
  /** The rule's id, e.g. `content-type`. */
  readonly rule: string
  /** What is wrong, with the observed value. */
  readonly message: string
}
