/**
 * The arguments a catalog message is formatted with (src/i18n/message-arguments.ts): the status
 * and the public extension members that ICU MessageFormat can say, nothing else.
 */
import { describe, expect, it } from 'vitest'
import { messageArguments } from '../../src/i18n/message-arguments.js'
import type { ProblemMembers } from '../../src/problem.js'

function withExtensions(extensions: unknown): ProblemMembers {
  return { status: 400, statusCode: 400, title: 'Bad Request', headers: {}, expose: true, extensions } as unknown as ProblemMembers
}

describe('messageArguments', () => {
  it('passes strings, numbers, booleans (as their text) and dates, and nothing ICU MessageFormat cannot say', () => {
    const since = new Date(0)
    const args = messageArguments(
      withExtensions({ name: 'Ada', balance: 3, locked: false, since, nested: { deep: 1 }, list: [1], none: null, absent: undefined, big: 1n, call: () => 1 }),
      400,
    )
    expect(args).toEqual({ status: 400, name: 'Ada', balance: 3, locked: 'false', since })
    expect(Object.keys(args)).toEqual(['status', 'name', 'balance', 'locked', 'since'])
  })

  it("the status is the answer's, never an extension of the same name; other reserved names are not arguments", () => {
    const args = messageArguments(withExtensions({ status: 999, title: 'Mine', detail: 'mine', type: 'urn:x', instance: '/x', count: 2 }), 422)
    expect(args).toEqual({ status: 422, count: 2 })
  })

  it.each([
    ['absent', undefined],
    ['null', null],
    ['a string', 'abc'],
    ['a number', 7],
  ])('extensions that are %s give the status only', (_name, extensions) => {
    expect(messageArguments(withExtensions(extensions), 404)).toEqual({ status: 404 })
  })

  it('has no inherited members: a message naming `toString` or `constructor` finds no argument', () => {
    const args = messageArguments(withExtensions({}), 400)
    expect('toString' in args).toBe(false)
    expect('constructor' in args).toBe(false)
  })
})
