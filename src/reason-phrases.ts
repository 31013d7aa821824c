/**
 * Reason phrases of the statuses the problem table has no class for (informational, success and
 * redirection statuses, and 509), as Node's `http.STATUS_CODES` has them. Kept here rather than
 * read from `node:http`, so the core (and the fetch entry point over it) runs in Web-standard
 * runtimes; a test holds this list equal to Node's for every code Node knows.
 */

/** Status → reason phrase, for the codes outside the problem table. */
export const OTHER_REASON_PHRASES: Readonly<Record<number, string>> = Object.freeze({
  100: 'Continue',
  101: 'Switching Protocols',
  102: 'Processing',
  103: 'Early Hints',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  207: 'Multi-Status',
  208: 'Already Reported',
  226: 'IM Used',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  305: 'Use Proxy',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  509: 'Bandwidth Limit Exceeded',
})
