// The whole app over a test database, plus a small browser-like client for inject(): it keeps cookies,
// reads the CSRF token from pages and posts forms.
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../app.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import { testDatabase } from '../platform/testing/database.ts';
import { seededDatabase } from './seeded.ts';
import { seededPostgres } from './pg-templates.ts';
import type { Database } from '../platform/db/index.ts';
import { decodeChallenge, solveChallenge } from '../platform/auth/pow.ts';

export interface TestApp extends App {
  database: Database;
  client(opts?: { ip?: string }): TestClient;
}

/** A fixed key for sealed secrets in tests (never a real one). */
export const TEST_SECRET_KEY = 'test-secret-key-test-secret-key!';

/** Two-step verification is mandatory for nobody unless a test turns it on (EGOV_2FA_ROLES). */
export async function testConfig(env: Record<string, string> = {}): Promise<Config> {
  return loadConfig({
    LOG_LEVEL: 'silent',
    EGOV_JOBS: 'off',
    EGOV_DEMO: 'off',
    EGOV_FIGURES_MAX_AGE: '0',
    EGOV_PAGE_CACHE: '0',
    NODE_ENV: 'test',
    EGOV_VAR_DIR: 'tmp/test-var',
    EGOV_SECRET_KEY: Buffer.from(TEST_SECRET_KEY).toString('base64'),
    EGOV_2FA_ROLES: '',
    ...env,
  });
}

export async function testApp(opts: { env?: Record<string, string>; demo?: boolean; seed?: boolean } = {}): Promise<TestApp> {
  const seed = opts.seed ?? true;
  const config = await testConfig({ ...(opts.demo ? { EGOV_DEMO: 'on' } : {}), ...(opts.env ?? {}) });
  // Seeding is done once and copied. On PGlite only the demo (a minute of seeding), once per source state,
  // configuration and hour into a directory (seeded.ts); not the reference data alone: it seeds in about a second, and
  // PGlite in memory runs the test's own queries faster than on the copied directory (31 s against 39 s for
  // documents/workflow.test.ts). On PostgreSQL both, as template databases under the same keys (pg-templates.ts).
  const what = JSON.stringify({ demo: opts.demo === true, env: opts.env ?? {} });
  const make = async (maker: Database) => {
    await (await buildApp(config, { database: maker, seed: true })).close();
  };
  const url = process.env.TEST_DATABASE_URL;
  const database = !seed
    ? await testDatabase()
    : url
      ? await seededPostgres(url, what, make)
      : opts.demo === true
        ? await seededDatabase(what, make)
        : await testDatabase();
  const app = await buildApp(config, { database, seed });
  return {
    ...app,
    database,
    client: (opts: { ip?: string } = {}) => new TestClient(app, opts.ip),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export class TestClient {
  readonly cookies = new Map<string, string>();
  /** `ip`: the source address the app sees (sign-in throttling counts per source). */
  constructor(
    private readonly app: App,
    readonly ip = '127.0.0.1',
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): void {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0) || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.server.inject({ method: 'GET', url, remoteAddress: this.ip, headers: { cookie: this.cookieHeader(), ...headers } });
    this.keep(res);
    return res;
  }

  /** Opens `pageUrl`, takes its CSRF token and posts `fields` as a form to `action` (default: the page). */
  async submit(pageUrl: string, fields: Record<string, string | string[]>, action?: string): Promise<LightMyRequestResponse> {
    const page = await this.get(pageUrl);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!token) throw new Error(`no CSRF token on ${pageUrl}`);
    // Like a browser running /static/altcha.js: a proof-of-work challenge on the form is solved before sending.
    const challenge = /name="altcha_challenge" value="([^"]+)"/.exec(page.body)?.[1];
    const proof: Record<string, string> = challenge && !('altcha_challenge' in fields) ? { altcha_challenge: challenge, altcha_number: String(solveChallenge(decodeChallenge(challenge))) } : {};
    return this.postForm(action ?? pageUrl, { _csrf: token, ...proof, ...fields });
  }

  async postForm(url: string, fields: Record<string, string | string[]>): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    const res = await this.app.server.inject({
      method: 'POST',
      url,
      remoteAddress: this.ip,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    this.keep(res);
    return res;
  }

  async json(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'GET', url: string, payload?: unknown, headers: Record<string, string> = {}) {
    const res = await this.app.server.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: { cookie: this.cookieHeader(), ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    });
    this.keep(res);
    return res;
  }
}
