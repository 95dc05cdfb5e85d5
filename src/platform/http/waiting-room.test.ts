// The waiting room on the real database (PGlite by default, PostgreSQL with TEST_DATABASE_URL), through the real
// server (body parsing, CSRF): what a parent sees when the registration path is full, and in what order they get in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { testDatabase } from '../testing/database.ts';
import type { Database } from '../db/index.ts';
import { Parent, fieldsOf, position, repost, rig, until } from './waiting-room-rig.ts';

let database: Database;
before(async () => {
  database = await testDatabase();
});
after(() => database.close());

test('under capacity requests pass straight through, without touching the shared line', async () => {
  const a = await rig(database, 'straight', 2);
  try {
    const p = new Parent(fieldsOf(0));
    await p.open(a.app);
    for (let i = 0; i < 3; i++) {
      const res = await p.post(a.app);
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().received.child, fieldsOf(0).child);
    }
    const { inFlight, reserved, lastTicket, serving, waitingPages } = a.room.status();
    assert.deepEqual({ inFlight, reserved, lastTicket, serving, waitingPages }, { inFlight: 0, reserved: 0, lastTicket: 0, serving: 0, waitingPages: 0 });
    const rows = await database.pool.query(`select * from waiting_room where name = 'straight'`);
    assert.equal(rows.rowCount, 0, 'no round trip to the database while nobody waits');
  } finally {
    await a.app.close();
  }
});

test('over capacity: a waiting page with increasing places, a retry carrying the fields, and entry in ticket order', async () => {
  const a = await rig(database, 'rush', 2);
  try {
    a.hold();
    const first = [new Parent(fieldsOf(100)), new Parent(fieldsOf(101))];
    for (const p of first) await p.open(a.app);
    const running = first.map((p) => p.post(a.app));
    await until(() => a.inside() === 2);

    const waiting = [1, 2, 3].map((i) => new Parent(fieldsOf(i)));
    const pages: LightMyRequestResponse[] = [];
    for (const p of waiting) {
      await p.open(a.app);
      pages.push(await p.post(a.app));
    }
    assert.deepEqual(
      pages.map((r) => r.statusCode),
      [200, 200, 200],
      'a page, not an error',
    );
    assert.deepEqual(pages.map(position), [1, 2, 3]);
    for (const [i, page] of pages.entries()) {
      assert.match(page.headers['content-type'] as string, /text\/html/);
      assert.match(page.body, /Bạn đang trong hàng chờ/);
      assert.match(page.body, /Your place in the line/);
      assert.ok(Number(page.headers['retry-after']) >= 1);
      assert.match(page.body, /<form method="post" action="\/dang-ky" data-retry="\d+">/);
      assert.match(page.body, /<script src="\/static\/waiting-room.js"/);
      const again = new URLSearchParams(repost(page));
      const p = waiting[i] as Parent;
      assert.deepEqual(Object.fromEntries(again), { ...p.fields, _csrf: p.token }, 'every field, the CSRF token and the key, unchanged');
    }

    // A JSON client is told 503 with Retry-After and its place; a page that was opened reloads itself.
    const api = await a.app.inject({ method: 'POST', url: '/dang-ky', payload: {}, headers: { accept: 'application/json' } });
    assert.equal(api.statusCode, 503);
    assert.equal(api.json().error.code, 'WAITING_ROOM');
    assert.equal(api.json().error.details.position, 4);
    assert.ok(Number(api.headers['retry-after']) >= 1);

    const opened = await a.app.inject({ url: '/trang?q=1' });
    assert.equal(opened.statusCode, 200);
    assert.equal(position(opened), 5);
    assert.equal(opened.headers.refresh, String(opened.headers['retry-after']), 'reloads by itself, without JavaScript');
    assert.match(opened.body, /href="\/trang\?q=1&(amp;)?_wr_pause=1"/);
    const paused = await a.app.inject({ url: '/trang?q=1&_wr_pause=1', headers: { cookie: `egov_wr_rush=${opened.cookies[0]?.value}` } });
    assert.equal(position(paused), 5, 'same ticket, same place');
    assert.equal(paused.headers.refresh, undefined, 'paused: no automatic reload (WCAG 2.2.1)');
    assert.match(paused.body, /href="\/trang\?q=1"/);

    // Capacity frees. The second in line comes back first: not called yet, it waits, now first in line.
    a.open();
    await Promise.all(running);
    const [one, two, three] = waiting as [Parent, Parent, Parent];
    const early = await two.post(a.app, repost(pages[1] as LightMyRequestResponse));
    assert.equal(early.statusCode, 200);
    assert.equal(position(early), 1, 'ticket 2 stays behind ticket 1, whose turn has been called');
    assert.match(early.body, /Vị trí của bạn/);

    // Ticket 1 comes back: in, with what it typed. Then 2 and 3.
    for (const [p, page] of [
      [one, pages[0]],
      [two, pages[1]],
      [three, pages[2]],
    ] as const) {
      const res = await p.post(a.app, repost(page as LightMyRequestResponse));
      assert.equal(res.statusCode, 200, res.body.slice(0, 200));
      assert.deepEqual(res.json().received, { ...p.fields, _csrf: p.token });
      assert.equal(p.cookies.has('egov_wr_rush'), false, 'the used ticket is cleared');
    }
    // The API client comes back with its ticket in a header.
    const apiBack = await a.app.inject({ method: 'POST', url: '/dang-ky', payload: {}, headers: { accept: 'application/json', 'waiting-room-ticket': api.json().error.details.ticket } });
    assert.equal(apiBack.statusCode, 200);
    const reloaded = await a.app.inject({ url: '/trang?q=1', headers: { cookie: `egov_wr_rush=${opened.cookies[0]?.value}` } });
    assert.equal(reloaded.body, 'the page');
    // The line is empty again: the next parent passes straight.
    const later = new Parent(fieldsOf(9));
    await later.open(a.app);
    assert.equal((await later.post(a.app)).statusCode, 200);
    const status = a.room.status();
    assert.equal(status.lastTicket, 5);
    assert.equal(status.serving, 5);
    assert.equal(status.waitingPages, 7, 'three pages, the 503, the opened page, its paused view, the early retry');
    assert.equal(status.admittedAfterWaiting, 5, 'every one who waited got in');
    assert.ok(status.waitedMsLongest >= status.waitedMsTotal / 5);
  } finally {
    a.open();
    await a.app.close();
  }
});

test('a forged or altered ticket earns no place: the sender joins the back of the line', async () => {
  const a = await rig(database, 'forged', 1);
  try {
    a.hold();
    const holder = new Parent(fieldsOf(200));
    await holder.open(a.app);
    const running = holder.post(a.app);
    await until(() => a.inside() === 1);
    const honest = new Parent(fieldsOf(201));
    await honest.open(a.app);
    assert.equal(position(await honest.post(a.app)), 1);
    const cheat = new Parent(fieldsOf(202));
    await cheat.open(a.app);
    const real = (await cheat.post(a.app)) && (cheat.cookies.get('egov_wr_forged') as string);
    assert.match(real, /^2\./);
    cheat.cookies.set('egov_wr_forged', real.replace(/^2\./, '1.'));
    assert.equal(position(await cheat.post(a.app)), 3, 'the altered ticket counts for nothing');
    a.open();
    await running;
  } finally {
    a.open();
    await a.app.close();
  }
});
