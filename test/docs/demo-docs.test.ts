// The demo serves its catalog, and the type URIs its problems carry resolve to those pages.
import { describe, expect, it } from 'vitest'
import { buildDemo } from '../../examples/demo.js'

process.env.LOG_LEVEL ??= 'silent'

describe('demo docs', () => {
  it.each(['/buy', '/users/42', '/crash'])('%s: the type URI in the body opens its page', async (url) => {
    const app = await buildDemo()
    try {
      const problem = (await app.inject(url)).json()
      const page = await app.inject({ url: new URL(problem.type).pathname, headers: { accept: 'text/html' } })
      expect(page.statusCode).toBe(200)
      expect(page.body).toContain(`<h1>${problem.title}</h1>`)
      const entry = (await app.inject({ url: new URL(problem.type).pathname, headers: { accept: 'application/json' } })).json()
      expect(entry.type).toBe(problem.type)
    } finally {
      await app.close()
    }
  })
})
