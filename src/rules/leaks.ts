/**
 * Signs that a server error answer shows what only the log should: a stack trace, or the message
 * of a runtime error. Heuristics by necessity (any service may be checked, in any language), kept
 * narrow so a deliberate, public `detail` is never flagged.
 */

/** A stack frame as Node.js, Java and Python print them. */
const STACK_FRAMES = [
  /^\s*at \S.*:\d+(?::\d+)?\)?\s*$/m, // Node.js `    at fn (/app/x.js:1:2)`, Java `at a.B.c(B.java:42)`
  /^\s*File "[^"]+", line \d+/m, // Python
]
/** Runtime error messages: `TypeError: ...`, `java.lang.NullPointerException`, socket error codes. */
const INTERNAL_MESSAGES = [
  /\b(?:Type|Reference|Syntax|Range|Eval|URI|Assertion)Error: /,
  /\b[a-z]+(?:\.[a-z]+)+\.[A-Z]\w*Exception\b/,
  /\bE(?:CONNREFUSED|CONNRESET|TIMEDOUT|NOTFOUND|ADDRINUSE|ACCES|PIPE)\b/,
]

/**
 * The line of `text` (a 5xx body) that shows the server's internals, trimmed to 80 characters,
 * or `undefined` when nothing does.
 */
export function internalsShownIn(text: string): string | undefined {
  for (const pattern of [...STACK_FRAMES, ...INTERNAL_MESSAGES]) {
    const match = pattern.exec(text)
    if (match !== null) return lineAround(text, match.index).trim().slice(0, 80)
  }
  return undefined
}

function lineAround(text: string, index: number): string {
  // A match may start with the line break before it (`^\s*` in multiline mode): its line is the
  // one after that break, so the search for the line's end starts one character on.
  const start = text.lastIndexOf('\n', index) + 1
  const end = text.indexOf('\n', index + 1)
  return text.slice(start, end === -1 ? undefined : end)
}
