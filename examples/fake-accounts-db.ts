/**
 * An in-memory stand-in for an `accounts` table with a unique `email`, for the demo: it fails
 * the way node-postgres does on a duplicate (a `DatabaseError` with SQLSTATE 23505 and the
 * server's detail line), so the demo needs no database. The real thing is tested against a real
 * engine in test/mapping/postgres.test.ts.
 */
export interface Account {
  id: string
  email: string
}

/** node-postgres's error for a unique violation, as far as the mapping rules read it. */
class DatabaseError extends Error {
  readonly severity = 'ERROR'
  readonly code = '23505'
  readonly constraint = 'accounts_email_key'
  constructor(readonly detail: string) {
    super('duplicate key value violates unique constraint "accounts_email_key"')
  }
}

/** `insert into accounts (email) values ($1) returning *`, in memory. */
export function accountsTable(seed: readonly string[]): { insert(email: string): Account } {
  const rows = new Map<string, Account>()
  const insert = (email: string): Account => {
    if (rows.has(email)) throw new DatabaseError(`Key (email)=(${email}) already exists.`)
    const account = { id: String(rows.size + 1), email }
    rows.set(email, account)
    return account
  }
  for (const email of seed) insert(email)
  return { insert }
}
