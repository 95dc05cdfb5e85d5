// The waiting room's tests' rig: one app process with a gated form post, and a parent's browser that keeps cookies.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/index.ts';
import { loadConfig } from '../config.ts';
import type { Platform } from './context.ts';
import { createServer } from './server.ts';
import { waitingRoom, type WaitingRoom } from './waiting-room.ts';

export interface Rig {
  app: FastifyInstance;
  room: WaitingRoom;
  /** Requests inside the handler now. */
  inside: () => number;
  /** Lets every request held in the handler finish (and later ones pass straight). */
  open: () => void;
  hold: () => void;
}

/** One app process: a gated form post at /dang-ky that echoes what it received, held inside until `open()`. */
export async function rig(db: Database, name: string, capacity: number): Promise<Rig> {
  const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', EGOV_VAR_DIR: 'tmp/test-var' });
  // The server needs only the configuration and the database of the platform.
  const platform = { config, database: db } as unknown as Platform;
  const app = await createServer(platform);
  let inside = 0;
  let gate: Promise<void> = Promise.resolve();
  let release = (): void => undefined;
  let room: WaitingRoom | undefined;
  await app.register(async (scope) => {
    room = waitingRoom(scope, platform, { name, capacity, tickMs: 0 });
    scope.get('/dang-ky', async (req) => req.csrfToken);
    scope.get('/trang', { preHandler: room.gate }, async () => 'the page');
    scope.post('/dang-ky', { preHandler: room.gate }, async (req) => {
      inside++;
      await gate;
      inside--;
      return { received: req.body };
    });
  });
  await app.ready();
  return {
    app,
    room: room as WaitingRoom,
    inside: () => inside,
    open: () => release(),
    hold: () => {
      gate = new Promise((r) => (release = r));
    },
  };
}

/** A parent's browser: keeps cookies, fetches the form's CSRF token once. */
export class Parent {
  readonly cookies = new Map<string, string>();
  token = '';
  constructor(readonly fields: Record<string, string>) {}
  private keep(res: LightMyRequestResponse): void {
    for (const c of res.cookies as { name: string; value: string }[]) {
      if (c.value === '') this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }
  get cookie(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async open(app: FastifyInstance): Promise<void> {
    const res = await app.inject({ url: '/dang-ky', headers: { cookie: this.cookie } });
    this.keep(res);
    this.token = res.body;
  }
  async post(app: FastifyInstance, body?: string): Promise<LightMyRequestResponse> {
    const payload = body ?? new URLSearchParams({ ...this.fields, _csrf: this.token }).toString();
    const res = await app.inject({ method: 'POST', url: '/dang-ky', payload, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookie } });
    this.keep(res);
    return res;
  }
}

export function position(res: LightMyRequestResponse): number {
  const m = /Vị trí của bạn: <strong>([\d.]+)<\/strong>/.exec(res.body);
  return m ? Number((m[1] as string).replaceAll('.', '')) : 0;
}
/** The form the waiting page posts again, as the browser would send it. */
export function repost(res: LightMyRequestResponse): string {
  const form = new URLSearchParams();
  for (const m of res.body.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"/g)) form.append(unescape(m[1] as string), unescape(m[2] as string));
  return form.toString();
}
function unescape(s: string): string {
  const named: Record<string, string> = { quot: '"', lt: '<', gt: '>', apos: "'", amp: '&' };
  return s.replace(/&(#\d+|\w+);/g, (all, e: string) => (e.startsWith('#') ? String.fromCharCode(Number(e.slice(1))) : (named[e] ?? all)));
}
export async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setImmediate(r));
}
export const fieldsOf = (i: number): Record<string, string> => ({ child: `Nguyễn Văn An ${i} <&"'>`, school: `S${i}`, idempotency_key: `key-${i}` });

