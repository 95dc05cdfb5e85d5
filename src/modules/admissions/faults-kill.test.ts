// Issue 11 "Faults": the server process is killed (SIGKILL: no shutdown, no flush) in the middle of a burst of
// submissions through the parents' pages, and started again on the same database. Every parent whose submission was
// not answered sends the same form again (same key), as the page tells them to; those who were answered send it again
// too (a reload after the restart). What must hold: every application confirmed to a parent, before or after the
// kill, is stored exactly once under the number the parent was shown; a retry gets the original confirmation; no child
// has two applications; the rows are exactly the confirmed keys. Runs on PGlite (a directory on disk) and PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applications, freePort, Parent, pool, stage, startServer, type Answer } from './faults-rig.ts';

const CHILDREN = 240;
const AT_ONCE = 40;

test('SIGKILL in the middle of the burst: every confirmed application is there once, retries get their original number', { timeout: 180_000 }, async (t) => {
  const t0 = Date.now();
  const lap = (what: string) => t.diagnostic(`${what}: ${Date.now() - t0} ms`);
  const s = await stage(CHILDREN);
  lap('staged');
  const port = await freePort();
  let server = await startServer(s.env, port);
  lap('started');
  try {
    const parents = s.codes.map((c, i) => new Parent(c, `fault-kill-${String(i).padStart(4, '0')}-${c.code}`, `10.1.${i >> 8}.${(i & 255) + 1}`));
    await pool(parents, 20, (p) => p.open(server.url));
    lap('opened');

    // The burst: at most AT_ONCE in flight; the server is killed once a third of the parents have their answer.
    const first = new Map<Parent, Answer | undefined>();
    let confirmed = 0;
    let killed = false;
    let inDoubt = 0;
    await pool(parents, AT_ONCE, async (p) => {
      const a = await p.submit(server.url);
      first.set(p, a);
      if (a?.number) confirmed++;
      if (!killed && confirmed >= CHILDREN / 3) {
        killed = true;
        server.child.kill('SIGKILL');
      }
    });
    await server.exited;
    lap('killed');
    assert.ok(killed, 'the kill happened during the burst');
    const before = [...first].filter(([, a]) => a?.number);
    const unanswered = [...first].filter(([, a]) => a === undefined);
    for (const [p, a] of first) if (a && !a.number) assert.fail(`${p.key}: an answer that is neither a confirmation nor nothing: ${a.status} ${a.body.slice(0, 300)}`);
    assert.ok(unanswered.length > 0, 'some submissions were cut off by the kill');
    if (s.kind === 'postgres') {
      // Before the restart: everything confirmed is already durable (PGlite's directory is left as the kill left it,
      // for the restarted server to recover, so it is checked at the end only).
      const db = await s.open();
      const stored = new Map((await applications(db)).map((r) => [r.key, r.number]));
      for (const [p, a] of before) assert.equal(stored.get(p.key), a?.number, `${p.key}: confirmed before the kill and stored`);
      inDoubt = unanswered.filter(([p]) => stored.has(p.key)).length;
    }

    // Started again on the same database; the forms opened before the kill are still good (CSRF secret in the database).
    server = await startServer(s.env, port);
    lap('restarted');
    const second = new Map<Parent, Answer | undefined>();
    await pool(parents, AT_ONCE, async (p) => {
      second.set(p, await p.submit(server.url));
    });
    lap('retried');
    for (const p of parents) {
      const a = second.get(p);
      assert.ok(a?.number, `${p.key}: the retry after the restart is confirmed (${a?.status} ${a?.body.slice(0, 300)})`);
      const earlier = first.get(p)?.number;
      if (earlier) assert.equal(a.number, earlier, `${p.key}: the retry shows the original confirmation`);
    }
    server.child.kill('SIGKILL');
    await server.exited;

    const db = await s.open();
    try {
      const rows = await applications(db);
      const byKey = new Map(rows.map((r) => [r.key, r]));
      assert.equal(rows.length, parents.length, 'one row per distinct confirmed key, nothing else');
      for (const p of parents) assert.equal(byKey.get(p.key)?.number, second.get(p)?.number, `${p.key}: stored under the number the parent was shown`);
      assert.equal(new Set(rows.map((r) => r.childId)).size, rows.length, 'no child has two applications');
      assert.ok(rows.every((r) => r.status === 'active'));
      // Those unanswered whose application had committed before the kill: their retry replayed it (same row, counted above).
      t.diagnostic(`${before.length} confirmed before the kill, ${unanswered.length} unanswered and retried (${inDoubt} of them committed before the kill), ${rows.length} stored (${s.kind})`);
    } finally {
      if (s.kind === 'pglite') await db.close();
    }
  } finally {
    server.child.kill('SIGKILL');
    await server.exited;
    await s.close();
  }
});
