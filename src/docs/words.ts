/**
 * The docs pages' own words (headings, labels), in English: the language the package writes
 * them in. A localized page in another language says them in English, marked `lang="en"`; the
 * texts of the problem types themselves (titles, descriptions, resolutions) are localized from
 * the catalogs (page-text.ts).
 */

/** The words of the docs pages. Plain text; `backquoted` parts show as code. */
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

/** The words, in English. */
export const PAGE_WORDS: DocsWords = Object.freeze({
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
})
