// The waiting room shared by several app processes, and the slots it holds for people called in (PGlite by default,
// PostgreSQL with TEST_DATABASE_URL, where each process gets its own connection pool).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { testDatabase } from '../testing/database.ts';
import { openDatabase, type Database } from '../db/index.ts';
import { Parent, fieldsOf, position, repost, rig, until } from './waiting-room-rig.ts';

let database: Database;
before(async () => {
  database = await testDatabase();
});
after(() => database.close());

test('two app processes on one database share the line: tickets do not collide and are honoured by either', async () => {
  // On PostgreSQL each process has its own connection pool, as two servers would.
  const second = database.url ? await openDatabase({ url: database.url, poolSize: 4 }) : database;
  const a = await rig(database, 'shared', 1);
  const b = await rig(second, 'shared', 1);
  try {
    a.hold();
    b.hold();
    const holders = [new Parent(fieldsOf(300)), new Parent(fieldsOf(301))];
    await holders[0]?.open(a.app);
    await holders[1]?.open(b.app);
    const running = [holders[0]?.post(a.app), holders[1]?.post(b.app)];
    await until(() => a.inside() === 1 && b.inside() === 1);

    const parents = [0, 1, 2, 3].map((i) => new Parent(fieldsOf(310 + i)));
    const pages: LightMyRequestResponse[] = [];
    for (const [i, p] of parents.entries()) {
      const app = i % 2 === 0 ? a.app : b.app;
      await p.open(app);
      pages.push(await p.post(app));
    }
    assert.deepEqual(pages.map(position), [1, 2, 3, 4], 'one sequence across both processes');
    const tickets = parents.map((p) => Number(p.cookies.get('egov_wr_shared')?.split('.')[0]));
    assert.deepEqual(tickets, [1, 2, 3, 4]);

    a.open();
    b.open();
    await Promise.all(running);
    // Ticket 1 was issued by process A; it comes back through B and gets in.
    const back = await (parents[0] as Parent).post(b.app, repost(pages[0] as LightMyRequestResponse));
    assert.equal(back.statusCode, 200);
    assert.deepEqual(back.json().received.child, fieldsOf(310).child);
    // Ticket 3 (from A) tries B before ticket 2 came back: it waits, behind 2.
    const early = await (parents[2] as Parent).post(b.app, repost(pages[2] as LightMyRequestResponse));
    assert.equal(position(early), 1);
    const row = await database.pool.query<{ next_ticket: number }>(`select next_ticket from waiting_room where name = 'shared'`);
    assert.equal(Number(row.rows[0]?.next_ticket), 4, 'no ticket handed out twice');
  } finally {
    a.open();
    b.open();
    await a.app.close();
    await b.app.close();
    if (second !== database) await second.close();
  }
});

test('a slot freed is kept for the person called in: a newcomer does not take it', async () => {
  const a = await rig(database, 'called', 1);
  try {
    a.hold();
    const holder = new Parent(fieldsOf(400));
    await holder.open(a.app);
    const running = holder.post(a.app);
    await until(() => a.inside() === 1);
    const first = new Parent(fieldsOf(401));
    await first.open(a.app);
    const page = await first.post(a.app);
    assert.equal(position(page), 1);
    a.open();
    await running;

    // The process's timer calls the front of the line into the free slot.
    await a.room.tick();
    const { inFlight, reserved, lastTicket, serving } = a.room.status();
    assert.deepEqual({ inFlight, reserved, lastTicket, serving }, { inFlight: 0, reserved: 1, lastTicket: 1, serving: 1 });
    const newcomer = new Parent(fieldsOf(402));
    await newcomer.open(a.app);
    const refused = await newcomer.post(a.app);
    assert.equal(position(refused), 1, 'the newcomer queues behind the one called in');
    const back = await first.post(a.app, repost(page));
    assert.equal(back.statusCode, 200);
    assert.equal(back.json().received.school, 'S401');
  } finally {
    a.open();
    await a.app.close();
  }
});
