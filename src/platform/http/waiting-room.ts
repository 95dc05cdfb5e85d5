// Admission control in front of a rush path (issue 11, "The rush": "when the server is at capacity, a parent gets a
// light waiting page with their position and an automatic retry, not an error or a timeout; nobody's place in the
// window depends on luck with the network"). Each process lets at most `capacity` gated requests run at once. Past
// that, a request takes a numbered ticket (a signed cookie) and gets the waiting page; the line is called in ticket
// order through one shared "now serving" mark, so a retry that arrives early or on another process never jumps ahead.
// The two shared numbers live in the `waiting_room` table (migrations/0025), so every process behind the load
// balancer hands out one sequence. Design and costs: docs/rush.md.
import type { PlatformTables } from '../db/tables.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Platform } from './context.ts';
import { AppError } from './errors.ts';
import { errorBody, wantsJson } from './error-handler.tsx';
import { sendWaitingPage } from './waiting-room-page.tsx';
import { csrfSecret } from '../auth/csrf.ts';
import { hmac, safeEqual } from '../auth/tokens.ts';

export interface WaitingRoomOptions {
  /** The room's name (its row in `waiting_room`, its cookie): lower-case letters, digits, '-'. */
  name: string;
  /** Gated requests this process runs at once; see `waitingRoomCapacityFrom`. */
  capacity: number;
  /** How long a ticket keeps its place (default one hour). */
  ticketTtlSeconds?: number;
  /** How often the process re-reads the shared marks and calls people into its free slots (default 500; 0: never). */
  tickMs?: number;
  /** Longest wait between two retries of a waiting page (default 10 s). */
  maxRetrySeconds?: number;
}

export interface WaitingRoomStatus {
  inFlight: number;
  /** Slots held for people called in but not yet back. */
  reserved: number;
  /** Last ticket handed out and the highest ticket called in, as this process last saw them. */
  lastTicket: number;
  serving: number;
  /** Since start, in this process: waiting pages (and 503s) answered, people let in after waiting, their waits. */
  waitingPages: number;
  admittedAfterWaiting: number;
  waitedMsTotal: number;
  waitedMsLongest: number;
}

export interface WaitingRoom {
  /** A Fastify preHandler: lets the request through or answers with the waiting page (HTML) or 503 (JSON). */
  gate: (req: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;
  status(): WaitingRoomStatus;
  /** Re-reads the shared marks and calls people into free slots now (what the timer does). */
  tick(): Promise<void>;
}

export interface WaitingRoomStore {
  /** The platform's database (raw SQL on its own table waiting_room). */
  db: Kysely<PlatformTables>;
  /** The key tickets are signed with; the same on every process. */
  secret: () => Promise<string>;
}

/** The per-process capacity from EGOV_WAITING_ROOM_CAPACITY (default `fallback`). */
export function waitingRoomCapacityFrom(env: NodeJS.ProcessEnv = process.env, fallback = 64): number {
  const raw = env.EGOV_WAITING_ROOM_CAPACITY;
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new Error(`EGOV_WAITING_ROOM_CAPACITY=${JSON.stringify(raw)} is not valid: expected a whole number from 1 to 100000`);
  return n;
}

/** The waiting room over the platform's database, tickets signed with the servers' shared secret. */
export function waitingRoom(app: FastifyInstance, platform: Platform, opts: WaitingRoomOptions): WaitingRoom {
  return createWaitingRoom(app, { db: platform.database.db, secret: () => csrfSecret(platform) }, opts);
}

interface Marks {
  last: number;
  serving: number;
}

export function createWaitingRoom(app: FastifyInstance, store: WaitingRoomStore, opts: WaitingRoomOptions): WaitingRoom {
  const { name, capacity } = opts;
  if (!/^[a-z0-9-]{1,40}$/.test(name)) throw new Error(`waiting room name ${JSON.stringify(name)}: use a-z, 0-9 and '-'`);
  if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`waiting room ${name}: capacity must be a whole number ≥ 1`);
  const ttl = opts.ticketTtlSeconds ?? 3600;
  const maxRetry = opts.maxRetrySeconds ?? 10;
  const cookieName = `egov_wr_${name}`;
  const holding = new WeakSet<FastifyRequest>();
  let inFlight = 0;
  // Slots held for people this process called in: a called parent comes back within a retry or two.
  let reservations: number[] = [];
  let marks: Marks = { last: 0, serving: 0 };
  let made: Promise<void> | null = null;
  let secret: string | null = null;
  // When this process last saw a gated request: an idle process stops reading the shared marks.
  let lastSeen = 0;

  const ensureRow = (): Promise<void> => {
    made ??= sql`insert into waiting_room (name) values (${name}) on conflict (name) do nothing`
      .execute(store.db)
      .then(() => undefined, (err: unknown) => {
        made = null;
        throw err;
      });
    return made;
  };
  /** The one statement of the slow path: hand out `issue` tickets and call in up to `call` more people. */
  const move = async (issue: 0 | 1, call: number): Promise<Marks> => {
    await ensureRow();
    const r = await sql<{ last: number; serving: number }>`
      update waiting_room set next_ticket = next_ticket + ${issue},
        serving = least(next_ticket + ${issue}, serving + ${call}), updated_at = now()
      where name = ${name} returning next_ticket::int8 as last, serving::int8 as serving`.execute(store.db);
    const row = r.rows[0];
    if (!row) throw new Error(`waiting room ${name}: its row is missing`);
    see({ last: Number(row.last), serving: Number(row.serving) });
    return marks;
  };
  // How fast the line is called in (tickets per second), from the marks seen at least a second apart.
  let rate = 0;
  let rateFrom: { at: number; serving: number } | null = null;
  function see(next: Marks): void {
    marks = next;
    const now = Date.now();
    rateFrom ??= { at: now, serving: next.serving };
    if (now - rateFrom.at < 1000) return;
    const seen = ((next.serving - rateFrom.serving) * 1000) / (now - rateFrom.at);
    rate = rate === 0 ? seen : (rate + seen) / 2;
    rateFrom = { at: now, serving: next.serving };
  }
  const free = (): number => {
    const now = Date.now();
    if (reservations.length && (reservations[0] as number) <= now) reservations = reservations.filter((t) => t > now);
    return capacity - inFlight - reservations.length;
  };
  const reserve = (n: number): void => {
    const until = Date.now() + 3000;
    for (let i = 0; i < n; i++) reservations.push(until);
  };
  const counts = { waitingPages: 0, admittedAfterWaiting: 0, waitedMsTotal: 0, waitedMsLongest: 0 };
  /** `waitedSince`: when the ticket was issued, for a request that waited. */
  const admit = (req: FastifyRequest, reply: FastifyReply, called: boolean, waitedSince?: number): undefined => {
    if (waitedSince !== undefined) {
      const waited = Math.max(0, Date.now() - waitedSince);
      counts.admittedAfterWaiting++;
      counts.waitedMsTotal += waited;
      counts.waitedMsLongest = Math.max(counts.waitedMsLongest, waited);
    }
    inFlight++;
    holding.add(req);
    if (called) reservations.shift();
    if (req.cookies?.[cookieName]) reply.clearCookie(cookieName, { path: '/' });
    return undefined;
  };
  const release = async (req: FastifyRequest): Promise<void> => {
    if (holding.delete(req)) inFlight--;
  };

  const signTicket = (t: number, issued: number): string => `${t}.${issued}.${hmac(secret as string, `waiting-room|${name}|${t}|${issued}`)}`;
  const readTicket = (req: FastifyRequest): { t: number; issued: number } | null => {
    const header = req.headers['waiting-room-ticket'];
    const raw = (typeof header === 'string' ? header : undefined) ?? req.cookies?.[cookieName];
    const m = raw ? /^(\d{1,15})\.(\d{1,15})\.([\w-]{43})$/.exec(raw) : null;
    if (!m) return null;
    const t = Number(m[1]);
    const issued = Number(m[2]);
    if (issued + ttl * 1000 < Date.now() || issued > Date.now() + 60_000) return null;
    return safeEqual(signTicket(t, issued), raw as string) ? { t, issued } : null;
  };

  const wait = (req: FastifyRequest, reply: FastifyReply, ticket: number, fresh: boolean): FastifyReply => {
    const position = ticket <= marks.serving ? 0 : ticket - marks.serving;
    // Come back about when your number is called: the line moves at the rate seen lately (never taken below this
    // process's capacity per second, so the first estimate is not too long).
    const retryAfter = position === 0 ? 1 : Math.min(maxRetry, Math.max(1, Math.ceil(position / Math.max(rate, capacity))));
    const value = fresh ? signTicket(ticket, Date.now()) : null;
    counts.waitingPages++;
    if (value) reply.setCookie(cookieName, value, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: ttl, secure: req.protocol === 'https' });
    reply.header('retry-after', String(retryAfter)).header('cache-control', 'no-store');
    if (wantsJson(req)) {
      const e = new AppError('WAITING_ROOM', 503, { vi: 'Hệ thống đang nhận rất nhiều yêu cầu. Bạn đang trong hàng chờ; hãy gửi lại sau số giây trong Retry-After.', en: 'The service is receiving a great many requests. You are in the waiting line; send again after the seconds in Retry-After.' }, [], { position, retryAfter, ...(value ? { ticket: value } : {}) });
      return reply.status(503).type('application/json; charset=utf-8').send(errorBody(e));
    }
    return sendWaitingPage(req, reply, position, retryAfter);
  };

  const gate = async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    secret ??= await store.secret();
    lastSeen = Date.now();
    const held = readTicket(req);
    const ticket = held?.t ?? null;
    const slots = free();
    if (ticket === null) {
      // Fast path, no round trip: nobody is waiting (as this process last saw) and a slot is free here.
      if (marks.last <= marks.serving && slots > 0) return admit(req, reply, false);
      // A new arrival joins the back of the line; if this process has a slot, the front of the line is called.
      const call = slots > 0 ? 1 : 0;
      const m = await move(1, call);
      reserve(call);
      if (m.last <= m.serving && capacity - inFlight > 0) return admit(req, reply, true);
      return wait(req, reply, m.last, true);
    }
    const since = held?.issued;
    if (ticket <= marks.serving) {
      // Called in: a reserved slot is theirs; only a full process makes them wait (a second, as "you are next").
      if (capacity - inFlight > 0) return admit(req, reply, true, since);
      return wait(req, reply, ticket, false);
    }
    if (slots > 0) {
      const m = await move(0, 1);
      reserve(1);
      if (ticket <= m.serving) return admit(req, reply, true, since);
    }
    return wait(req, reply, ticket, false);
  };

  const tick = async (): Promise<void> => {
    const slots = free();
    if (marks.last > marks.serving && slots > 0) {
      const before = marks.serving;
      const m = await move(0, slots);
      reserve(Math.min(slots, m.serving - before)); // not the people other processes called meanwhile
      return;
    }
    await ensureRow();
    const r = await sql<Marks>`select next_ticket::int8 as last, serving::int8 as serving from waiting_room where name = ${name}`.execute(store.db);
    const row = r.rows[0];
    if (row) see({ last: Number(row.last), serving: Number(row.serving) });
  };

  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);
  const tickMs = opts.tickMs ?? 500;
  if (tickMs > 0) {
    let busy = false;
    const timer = setInterval(() => {
      if (busy || (Date.now() - lastSeen > 60_000 && marks.last <= marks.serving)) return;
      busy = true;
      tick()
        .catch((err: unknown) => app.log.warn({ err, room: name }, 'waiting room: shared marks not read'))
        .finally(() => (busy = false));
    }, tickMs);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }
  return {
    gate,
    tick,
    status: () => {
      free(); // drops reservations that have run out
      return { inFlight, reserved: reservations.length, lastTicket: marks.last, serving: marks.serving, ...counts };
    },
  };
}
