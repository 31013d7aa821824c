// The PostgreSQL rules that need a real server, against Debian's PostgreSQL: the conditions PGlite
// (one backend, no server-side timer, no postmaster) cannot produce, each caused for real and
// thrown by node-postgres exactly as a service sees it. A throwaway cluster is made in a temporary
// folder, listens only on 127.0.0.1 (and a socket in that folder), and is stopped and removed at
// the end. Without PostgreSQL's server programs the file is skipped, saying how to install them.
import { execFile, execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SERVER_ERROR_DETAIL } from '../../src/index.js'
import { postgresRules } from '../../src/mapping/index.js'
import { buildApp, problemLogs, type LogLine } from '../fastify/helpers.js'

const run = promisify(execFile)

/** The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/<major>/bin), if any. */
function serverBinaries(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const majors = readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a))
  const bin = majors.map((major) => join(root, major, 'bin')).find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')))
  return bin
}

/** PostgreSQL refuses to run as root: as root, the cluster runs as the `postgres` user. */
function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    return { uid, gid }
  } catch {
    return undefined
  }
}

const bin = serverBinaries()
const asRoot = process.getuid?.() === 0
const owner = asRoot ? postgresUser() : undefined
const available = bin !== undefined && (!asRoot || owner !== undefined)
if (!available) {
  console.warn('postgres-server.test.ts skipped: no PostgreSQL server programs (or, as root, no postgres user); install them with `apt-get install postgresql`')
}

/** The connection limit of the cluster: small, so that 53300 takes a few clients to cause. */
const MAX_CONNECTIONS = 4

/** Runs one of PostgreSQL's programs, as `postgres` when we are root; bounded in time. */
async function pgProgram(program: string, args: string[], timeoutMs = 120_000): Promise<void> {
  const path = join(bin!, program)
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args]
  await run(file, argv, { timeout: timeoutMs })
}

/** A port nobody listens on right now: bound on 127.0.0.1 by the kernel's choice, then freed. */
async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

let folder: string | undefined
let dataDir: string
let started = false
let port: number
let app: FastifyInstance
let logs: LogLine[]

/**
 * Starts the cluster on a free port, listening only on 127.0.0.1 and a socket in its folder. The
 * port is free when probed; another process may take it before the server binds, so a few tries.
 */
async function startCluster(extraSettings: string[] = []): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    port = await freePort()
    const settings = [
      `-p ${port}`, '-c listen_addresses=127.0.0.1', `-c unix_socket_directories=${folder!}`,
      `-c max_connections=${MAX_CONNECTIONS}`, '-c superuser_reserved_connections=0',
      '-c deadlock_timeout=100ms', '-c fsync=off', '-c shared_buffers=16MB', ...extraSettings,
    ].join(' ')
    try {
      await pgProgram('pg_ctl', ['start', '-D', dataDir, '-w', '-t', '90', '-l', join(folder!, 'server.log'), '-o', settings])
      started = true
      return
    } catch (error) {
      if (attempt >= 3) throw error
    }
  }
}

/** A client of the throwaway cluster, not yet connected. */
function newClient(): pg.Client {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 30_000 })
  // A server-side FATAL (53300, 57P03) arrives as a rejected connect and may be emitted as 'error' too.
  client.on('error', () => {})
  return client
}

/** A new session on the throwaway cluster; the caller ends it. */
async function session(): Promise<pg.Client> {
  const client = newClient()
  await client.connect()
  return client
}

/** Runs `work` with `count` sessions, and ends them all whatever happens. */
async function withSessions<T>(count: number, work: (clients: pg.Client[]) => Promise<T>): Promise<T> {
  const clients: pg.Client[] = []
  try {
    for (let i = 0; i < count; i++) clients.push(await session())
    return await work(clients)
  } finally {
    await Promise.allSettled(clients.map((client) => client.end()))
  }
}

/** The error a promise rejects with (the test fails if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the database to refuse')
}

/**
 * Each condition, caused for real; each resolves to the error node-postgres threw. The routes throw
 * it as a service's handler would (no try/catch of its own).
 */
const conditions: Record<string, () => Promise<unknown>> = {
  // Write skew: both transactions read the on-call rows, each takes a different doctor off call.
  // Serially one of them would see the other's change, so SSI refuses the second commit (a
  // read/write dependency cycle): 40001.
  'write-skew': () => withSessions(2, async ([a, b]) => {
    await a!.query("update doctors set on_call = true")
    for (const client of [a!, b!]) {
      await client.query('begin isolation level serializable')
      await client.query('select count(*) from doctors where on_call')
    }
    await a!.query('update doctors set on_call = false where id = 1')
    await b!.query('update doctors set on_call = false where id = 2')
    await a!.query('commit')
    return rejection(b!.query('commit'))
  }),
  // Two sessions lock two rows in opposite order: the deadlock detector (deadlock_timeout 100ms)
  // aborts one of them with 40P01; the other then goes on and is rolled back.
  'opposite-lock-order': () => withSessions(2, async ([a, b]) => {
    await a!.query('begin')
    await b!.query('begin')
    await a!.query('update accounts set balance = balance + 1 where id = 1')
    await b!.query('update accounts set balance = balance + 1 where id = 2')
    const outcomes = await Promise.allSettled([
      a!.query('update accounts set balance = balance - 1 where id = 2'),
      b!.query('update accounts set balance = balance - 1 where id = 1'),
    ])
    await Promise.allSettled([a!.query('rollback'), b!.query('rollback')])
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected')
    expect(refused).toHaveLength(1)
    return refused[0]!.reason
  }),
  // The server's own timer cancels the statement: 57014.
  'slow-query': () => withSessions(1, async ([client]) => {
    await client!.query('set statement_timeout = 50')
    return rejection(client!.query('select pg_sleep(5)'))
  }),
  // A server in recovery with hot standby off (the test restarts the cluster so): the postmaster
  // refuses every connection with 57P03, as it does while a server starts up or replays its WAL.
  'standby-restart': () => rejection(session()),
  // Every slot taken (superuser_reserved_connections = 0, so superusers count too): the postmaster
  // refuses the next connection with 53300. Bounded: at most MAX_CONNECTIONS + 2 sessions.
  'all-slots-taken': async () => {
    const clients: pg.Client[] = []
    try {
      for (let i = 0; i < MAX_CONNECTIONS + 2; i++) {
        const client = newClient()
        try {
          await client.connect()
        } catch (error) {
          return error
        }
        clients.push(client)
      }
      throw new Error(`${MAX_CONNECTIONS + 2} sessions were all let in`)
    } finally {
      await Promise.allSettled(clients.map((client) => client.end()))
    }
  },
}

describe.skipIf(!available)('PostgreSQL rules: real conditions on a PostgreSQL server', () => {
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'http-problems-pg-'))
    if (owner !== undefined) chownSync(folder, owner.uid, owner.gid)
    dataDir = join(folder, 'data')
    // C locale: the server's messages in English, as the rules' key-column reading expects.
    await pgProgram('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '--locale=C', '-E', 'UTF8'])
    await startCluster()
    await withSessions(1, async ([client]) => {
      await client!.query(`
        create table doctors (id int primary key, on_call boolean not null);
        insert into doctors values (1, true), (2, true);
        create table accounts (id int primary key, balance int not null);
        insert into accounts values (1, 100), (2, 100);
      `)
    })
    ;({ app, logs } = await buildApp({ map: postgresRules }))
    app.post('/real/:condition', async (request) => {
      const { condition } = request.params as { condition: string }
      throw await conditions[condition]!()
    })
    await app.ready()
  }, 240_000)

  afterAll(async () => {
    await app?.close()
    // Only the cluster this file started, by its data folder; then its files.
    if (started) await pgProgram('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '60'])
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true })
  }, 120_000)

  /** What the server and the SQL said: none of it may reach the client. */
  const LEAKS = ['could not serialize', 'read/write dependencies', 'deadlock', 'process ', 'canceling statement', 'statement timeout', 'too many clients', 'pg_sleep', 'doctors', 'accounts', 'update', 'select', 'commit', 'transaction ', 'postgres']

  it.each([
    ['write-skew', '40001', 'TRANSACTION_CONFLICT', '1', /could not serialize access/],
    ['opposite-lock-order', '40P01', 'TRANSACTION_CONFLICT', '1', /deadlock detected/],
    ['slow-query', '57014', 'QUERY_CANCELED', undefined, /statement timeout/],
    ['all-slots-taken', '53300', 'DATABASE_UNAVAILABLE', '5', /too many clients/],
  ])('%s: the server raises %s → 503 %s, Retry-After %s', async (condition, sqlstate, code, retryAfter, serverMessage) => {
    const response = await app.inject({ method: 'POST', url: `/real/${condition}` })
    expect(response.statusCode).toBe(503)
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(response.headers['retry-after']).toBe(retryAfter)
    const body = response.json()
    expect(body).toMatchObject({ status: 503, code, detail: SERVER_ERROR_DETAIL, instance: `/real/${condition}` })
    for (const leak of LEAKS) expect(response.body.toLowerCase()).not.toContain(leak)
    // The error was the server's, not made by hand: node-postgres's DatabaseError with the
    // SQLSTATE and the server's own message, kept in the log line as `cause`.
    const line = problemLogs(logs).find((entry) => entry.correlationId === body.correlationId)!
    expect(line.cause).toMatchObject({ code: sqlstate, type: 'DatabaseError' })
    expect(line.cause.message).toMatch(serverMessage)
  }, 60_000)

  it('standby-restart: a server in recovery refuses the connection with 57P03 → 503 DATABASE_UNAVAILABLE, Retry-After 5', async () => {
    // Restarted as a standby with nothing to replay from and hot_standby off: up, but refusing
    // connections until recovery ends (here, never). The last test: the cluster stays so.
    await pgProgram('pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60'])
    started = false
    const signal = join(dataDir, 'standby.signal')
    writeFileSync(signal, '')
    if (owner !== undefined) chownSync(signal, owner.uid, owner.gid)
    await startCluster(['-c hot_standby=off'])
    const response = await app.inject({ method: 'POST', url: '/real/standby-restart' })
    expect(response.statusCode).toBe(503)
    expect(response.headers['retry-after']).toBe('5')
    const body = response.json()
    expect(body).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE', detail: SERVER_ERROR_DETAIL })
    for (const leak of [...LEAKS, 'accepting', 'hot standby', 'recovery']) expect(response.body.toLowerCase()).not.toContain(leak)
    const line = problemLogs(logs).find((entry) => entry.correlationId === body.correlationId)!
    expect(line.cause).toMatchObject({ code: '57P03', type: 'DatabaseError' })
    expect(line.cause.message).toMatch(/not accepting connections/)
  }, 180_000)
})
