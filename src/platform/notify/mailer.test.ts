import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createTcpServer, connect, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import pino from 'pino';
import { testDatabase } from '../testing/database.ts';
import type { Database } from '../db/index.ts';
import { createMailer } from './mailer.ts';
import { nextAttempt, OUTBOX_GIVE_UP_HOURS } from './outbox.ts';

let database: Database;
before(async () => {
  database = await testDatabase();
});
after(async () => {
  await database.close();
});

interface Smtp {
  url: string;
  /** Subjects of the messages the server accepted, in order. */
  received: string[];
  /** Connections the server dropped. */
  dropped: number;
  /** Drop the next n connections (the outage). */
  drop(n: number): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback behind a port that, during an "outage", accepts a connection and drops it at once
 * (as a restarting mail relay or a broken network does).
 */
async function smtpServer(): Promise<Smtp> {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, cb) {
      let data = '';
      stream.on('data', (c: Buffer) => (data += c.toString()));
      stream.on('end', () => {
        received.push(/^Subject: (.*)$/m.exec(data)?.[1] ?? '');
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const smtpPort = (server.server.address() as AddressInfo).port;
  let toDrop = 0;
  const sockets = new Set<Socket>();
  const front: TcpServer = createTcpServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    if (toDrop > 0) {
      toDrop--;
      s.dropped++;
      client.destroy();
      return;
    }
    const upstream = connect(smtpPort, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((r) => front.listen(0, '127.0.0.1', r));
  const { port } = front.address() as AddressInfo;
  const s: Smtp = {
    url: `smtp://127.0.0.1:${port}`,
    received,
    dropped: 0,
    drop(n) {
      toDrop = n;
    },
    async close() {
      for (const k of sockets) k.destroy();
      await new Promise<void>((r) => front.close(() => r()));
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  return s;
}

async function row(id: number) {
  return database.db.selectFrom('outbox_mail').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

const quiet = pino({ level: 'silent' });

test('two flushes running at once deliver each message exactly once', async () => {
  const smtp = await smtpServer();
  const a = createMailer({ smtpUrl: smtp.url, from: 'egov@example.vn', log: quiet });
  const b = createMailer({ smtpUrl: smtp.url, from: 'egov@example.vn', log: quiet });
  try {
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push(await a.enqueue(database.db, { to: `dan${i}@example.vn`, subject: `Ho so ${i} - once`, text: 'Da tiep nhan.' }));
    const [na, nb] = await Promise.all([a.flush(database.db), b.flush(database.db)]);
    assert.equal(na + nb, 6);
    assert.deepEqual([...smtp.received].sort(), ids.map((_, i) => `Ho so ${i} - once`).sort());
    for (const id of ids) assert.equal((await row(id)).status, 'sent');
    // Nothing is left for a later flush either.
    assert.equal(await a.flush(database.db), 0);
    assert.equal(smtp.received.length, 6);
  } finally {
    a.close();
    b.close();
    await smtp.close();
  }
});

test('several mails enqueued in one statement are each stored, in order, and each delivered once', async () => {
  const smtp = await smtpServer();
  const mailer = createMailer({ smtpUrl: smtp.url, from: 'egov@example.vn', log: quiet });
  try {
    const msgs = [0, 1, 2].map((i) => ({ to: `me${i}@example.vn`, subject: `Tuyen sinh ${i} - many`, text: `Ho so L1-26-000000${i}` }));
    const ids = await mailer.enqueueMany(database.db, msgs);
    assert.equal(ids.length, 3);
    for (const [i, id] of ids.entries()) assert.equal((await row(id)).to_address, `me${i}@example.vn`);
    assert.deepEqual(await mailer.enqueueMany(database.db, []), []);
    await mailer.flush(database.db);
    assert.deepEqual(smtp.received.filter((s) => s.endsWith('- many')).sort(), msgs.map((m) => m.subject));
  } finally {
    mailer.close();
    await smtp.close();
  }
});

test('an SMTP outage: dropped connections are retried with back-off and the mail goes out when the server is back', async () => {
  const smtp = await smtpServer();
  const mailer = createMailer({ smtpUrl: smtp.url, from: 'egov@example.vn', log: quiet });
  try {
    const id = await mailer.enqueue(database.db, { to: 'dan@example.vn', subject: 'Outage', text: 'Hen tra ket qua.' });
    const t0 = new Date(Date.now() + 1000);
    smtp.drop(3);
    assert.equal(await mailer.flush(database.db, 20, t0), 1);
    let r = await row(id);
    assert.equal(r.status, 'pending');
    assert.equal(r.attempts, 1);
    assert.ok(r.last_error);
    assert.equal(new Date(r.next_attempt_at).getTime(), t0.getTime() + 60_000); // one minute later
    // Before the pause is over the message is left alone.
    assert.equal(await mailer.flush(database.db, 20, new Date(t0.getTime() + 30_000)), 0);
    const t1 = new Date(t0.getTime() + 61_000);
    await mailer.flush(database.db, 20, t1);
    r = await row(id);
    assert.equal(r.attempts, 2);
    assert.equal(new Date(r.next_attempt_at).getTime(), t1.getTime() + 5 * 60_000); // then five minutes
    const t2 = new Date(t1.getTime() + 5 * 60_000);
    await mailer.flush(database.db, 20, t2);
    r = await row(id);
    assert.equal(r.attempts, 3);
    assert.equal(new Date(r.next_attempt_at).getTime(), t2.getTime() + 15 * 60_000); // then fifteen
    assert.equal(smtp.dropped, 3);
    assert.deepEqual(smtp.received.filter((s) => s === 'Outage'), []);
    await mailer.flush(database.db, 20, new Date(t2.getTime() + 15 * 60_000));
    r = await row(id);
    assert.equal(r.status, 'sent');
    assert.equal(r.attempts, 4);
    assert.deepEqual(smtp.received.filter((s) => s === 'Outage'), ['Outage']);
  } finally {
    mailer.close();
    await smtp.close();
  }
});

test('a mail is given up only when the server is still unreachable 48 hours after it was written', async () => {
  const smtp = await smtpServer();
  const mailer = createMailer({ smtpUrl: smtp.url, from: 'egov@example.vn', log: quiet });
  try {
    const id = await mailer.enqueue(database.db, { to: 'dan@example.vn', subject: 'Long outage', text: '...' });
    const created = new Date((await row(id)).created_at);
    smtp.drop(1000);
    // 47 hours in, after hourly retries: still pending.
    let now = new Date(created.getTime() + 1000);
    for (let i = 0; i < 200; i++) {
      const r = await row(id);
      if (r.status !== 'pending') break;
      now = new Date(Math.max(now.getTime(), new Date(r.next_attempt_at).getTime()));
      if (now.getTime() >= created.getTime() + 47 * 3_600_000) break;
      await mailer.flush(database.db, 20, now);
    }
    assert.equal((await row(id)).status, 'pending');
    // Hourly after the first hour: about 4 + 47 attempts, not hundreds.
    assert.ok((await row(id)).attempts < 60);
    // The last attempt is at the 48th hour; when it fails too, the mail is marked failed and kept.
    await mailer.flush(database.db, 20, new Date(created.getTime() + OUTBOX_GIVE_UP_HOURS * 3_600_000));
    const r = await row(id);
    assert.equal(r.status, 'failed');
    assert.match(r.last_error ?? '', /./);
    assert.equal(await mailer.flush(database.db, 20, new Date(created.getTime() + 60 * 3_600_000)), 0);
  } finally {
    mailer.close();
    await smtp.close();
  }
});

test('retry schedule: 1, 5, 15, 30 minutes, then hourly; none after 48 hours', () => {
  const c = new Date('2026-03-02T01:00:00Z');
  const after = (failed: number, at: Date) => (nextAttempt(c, failed, at)!.getTime() - at.getTime()) / 60_000;
  assert.deepEqual([1, 2, 3, 4, 5, 9].map((n) => after(n, c)), [1, 5, 15, 30, 60, 60]);
  assert.equal(nextAttempt(c, 40, new Date(c.getTime() + 48 * 3_600_000)), null);
  // The last try falls on the 48th hour, not later.
  assert.equal(nextAttempt(c, 40, new Date(c.getTime() + 47.5 * 3_600_000))!.getTime(), c.getTime() + 48 * 3_600_000);
});

test('a flush that died leaves its rows to the next one once the lease is over', async () => {
  const smtp = await smtpServer();
  const mailer = createMailer({ smtpUrl: smtp.url, from: 'egov@example.vn', log: quiet });
  try {
    const id = await mailer.enqueue(database.db, { to: 'dan@example.vn', subject: 'Lease', text: '...' });
    const now = new Date(Date.now() + 1000);
    // A flush that claimed the row and was killed before sending.
    await database.db.updateTable('outbox_mail').set({ claimed_until: new Date(now.getTime() + 10 * 60_000) }).where('id', '=', id).execute();
    assert.equal(await mailer.flush(database.db, 20, now), 0);
    assert.equal(await mailer.flush(database.db, 20, new Date(now.getTime() + 10 * 60_000)), 1);
    assert.equal((await row(id)).status, 'sent');
    assert.deepEqual(smtp.received.filter((s) => s === 'Lease'), ['Lease']);
  } finally {
    mailer.close();
    await smtp.close();
  }
});
