// The fault tests' rig (issue 11 "Faults"): a database holding an open grade-1 round and enrolment codes for many
// children, the real server as a child process (`egov serve`) that a test may SIGKILL and start again, a TCP proxy
// that a test may cut, and parents' browsers over real HTTP that keep the form (cookie, CSRF token, idempotency key)
// and send it again, as a parent does after an error page or a connection lost.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../../app.ts';
import { openDatabase, type Database } from '../../platform/db/index.ts';
import { testDatabase } from '../../platform/testing/database.ts';
import { TEST_SECRET_KEY, testConfig } from '../../testing/app.ts';
import { issueEnrolmentCodes } from './issue.ts';
import { seedAdmissionsDemo } from './seed.ts';

export const SCHOOL = 'TH00070A';
const UNIT = '00070';

export interface Stage {
  /** The environment that points `egov serve` at this database (DATABASE_URL or EGOV_VAR_DIR). */
  env: Record<string, string>;
  kind: 'pglite' | 'postgres';
  /** PostgreSQL only: the scratch database's URL. */
  url?: string;
  codes: { personalId: string; code: string }[];
  /** The database opened by the test (PGlite: only while no server holds its directory). */
  open(): Promise<Database>;
  close(): Promise<void>;
}

/** A fresh database (PostgreSQL when TEST_DATABASE_URL is set, else a PGlite directory) with `children` codes issued. */
export async function stage(children: number): Promise<Stage> {
  const varDir = mkdtempSync(join(tmpdir(), 'egov-faults-'));
  const pgBase = process.env.TEST_DATABASE_URL ? await testDatabase() : undefined;
  // PGlite: a directory on disk (what `egov serve` uses), started from the migrated test snapshot (quicker than initdb).
  const database = pgBase ?? (await pgliteIn(join(varDir, 'db')));
  const app = await buildApp(await testConfig({ EGOV_VAR_DIR: varDir }), { database });
  await seedAdmissionsDemo(app.platform);
  const round = await sql<{ id: number }>`select id from admission_rounds where level = 'grade1'`.execute(database.db);
  const list = Array.from({ length: children }, (_, i) => ({
    personalId: `0012200${String(50_000 + i).padStart(5, '0')}`,
    fullName: `Trẻ Thử Số ${i + 1}`,
    birthDate: '2020-06-15',
    residenceUnit: UNIT,
  }));
  const codes = await issueEnrolmentCodes(app.platform, { id: null, label: 'fault test' }, { roundId: round.rows[0]?.id ?? 0, schoolCode: SCHOOL, children: list });
  await app.close();
  if (!pgBase) await database.close();
  const env = pgBase ? { DATABASE_URL: pgBase.url as string, EGOV_VAR_DIR: varDir } : { DATABASE_URL: '', EGOV_VAR_DIR: varDir };
  return {
    env,
    kind: pgBase ? 'postgres' : 'pglite',
    ...(pgBase ? { url: pgBase.url as string } : {}),
    codes,
    open: async () => pgBase ?? openDatabase({ dataDir: join(varDir, 'db') }),
    close: async () => {
      await pgBase?.close();
      rmSync(varDir, { recursive: true, force: true });
    },
  };
}

async function pgliteIn(dataDir: string): Promise<Database> {
  const memory = await testDatabase();
  const snapshot = await (memory.dump as NonNullable<Database['dump']>)();
  await memory.close();
  return openDatabase({ dataDir, snapshot });
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Server {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Resolves when the process has ended. */
  exited: Promise<void>;
}

/** `egov serve` as a separate process on `port`, resolved once it listens (bounded wait). */
export async function startServer(env: Record<string, string>, port: number): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      EGOV_DEMO: 'off',
      EGOV_JOBS: 'off',
      EGOV_PAGE_CACHE: '0',
      // Each parent comes from their own address (X-Forwarded-For): the per-address form limit is not what is tested.
      EGOV_TRUST_PROXY: 'true',
      EGOV_SECRET_KEY: Buffer.from(TEST_SECRET_KEY).toString('base64'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  for (let i = 0; i < 1200 && !out.includes('egov is running at') && child.exitCode === null && child.signalCode === null; i++) await new Promise((r) => setTimeout(r, 100));
  if (!out.includes('egov is running at')) {
    child.kill('SIGKILL');
    throw new Error(`the server did not start:\n${out}`);
  }
  return { url: `http://127.0.0.1:${port}`, child, output: () => out, exited };
}

/**
 * A TCP proxy on loopback to `target`. `cut()` refuses new connections and breaks open ones; `restore()` undoes it
 * and `hold()`. `hold()` drops whatever the target sends back from then on: answers written but never delivered.
 */
export async function startProxy(target: { host: string; port: number }): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void>; hold(): void; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let holding = false;
  const listen = (port: number): Promise<net.Server> =>
    new Promise((resolve, reject) => {
      const server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
        client.pipe(upstream);
        upstream.on('data', (d: Buffer) => {
          if (!holding) client.write(d);
        });
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve(server));
    });
  let server: net.Server | undefined = await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  const cut = async (): Promise<void> => {
    const s = server;
    server = undefined;
    for (const c of sockets) c.destroy();
    if (s) await new Promise((r) => s.close(r));
  };
  return {
    port,
    cut,
    hold: () => {
      holding = true;
    },
    restore: async () => {
      holding = false;
      server ??= await listen(port);
    },
    close: cut,
  };
}

/** What a parent got back for one submission: a confirmation's number, another page, or no answer at all. */
export interface Answer {
  status: number;
  number?: string;
  body: string;
}

/** A parent's browser: opens the form once, then sends the same form (same key) as often as needed. */
export class Parent {
  private cookie = '';
  private form: Record<string, string> = {};
  constructor(
    readonly child: { personalId: string; code: string },
    readonly key: string,
    readonly ip: string,
  ) {}

  async open(base: string): Promise<void> {
    const res = await fetch(`${base}/tuyen-sinh`, { headers: { 'x-forwarded-for': this.ip } });
    this.cookie = (res.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1];
    if (res.status !== 200 || !csrf) throw new Error(`no form at ${base}/tuyen-sinh (${res.status})`);
    this.form = { _csrf: csrf, code: this.child.code, personal_id: this.child.personalId, school: SCHOOL, _key: this.key };
  }

  /** Sends the form until an answer comes, at most `tries` times (a parent whose page did not load presses again). */
  async submitUntilAnswered(base: string, tries = 3): Promise<Answer | undefined> {
    let a: Answer | undefined;
    for (let i = 0; i < tries && !a; i++) a = await this.submit(base);
    return a;
  }

  /** Sends the form; undefined when no answer came (connection refused or broken). */
  async submit(base: string, headers: Record<string, string> = {}): Promise<Answer | undefined> {
    try {
      const res = await fetch(`${base}/tuyen-sinh/dang-ky`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookie, 'x-forwarded-for': this.ip, ...headers },
        body: new URLSearchParams(this.form).toString(),
        signal: AbortSignal.timeout(60_000),
      });
      const body = await res.text();
      const number = res.status === 200 && /ĐÃ ĐĂNG KÝ THÀNH CÔNG/.test(body) ? /(L1-26-\d{7})/.exec(body)?.[1] : undefined;
      return { status: res.status, body, ...(number ? { number } : {}) };
    } catch {
      return undefined;
    }
  }
}

/** Runs `fn` over `items` with at most `limit` at once. */
export async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++] as T);
    }),
  );
}

export interface Row {
  key: string;
  number: string;
  childId: number;
  status: string;
  createdAt: Date;
}

/** Every application of the test's round, as stored. */
export async function applications(database: Database): Promise<Row[]> {
  const r = await sql<Row>`select idempotency_key as key, application_no as number, child_id::int as "childId", status, created_at as "createdAt" from admission_applications`.execute(database.db);
  return r.rows;
}
