// Issue 11 "Faults": the server process is killed (SIGKILL: no shutdown, no flush) in the middle of a burst of
// submissions through the parents' pages, and started again on the same database. Parents reach it through a TCP
// proxy that, just before the kill, stops delivering answers: the applications committed in that moment are stored
// but never confirmed to anyone, the case idempotency keys exist for. Every parent whose submission was not answered
// sends the same form again (same key), as the page tells them to; those who were answered send it again too (a
// reload after the restart). What must hold: every application confirmed to a parent, before or after the kill, is
// stored exactly once under the number the parent was shown; a retry gets the original confirmation; no child has two
// applications; the rows are exactly the confirmed keys. Runs on PGlite (a directory on disk) and PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { applications, freePort, Parent, pool, stage, startProxy, startServer, type Answer } from './faults-rig.ts';

// PGlite (one connection, in the server's process) takes the burst more slowly: fewer parents keep the run short.
const CHILDREN = process.env.TEST_DATABASE_URL ? 240 : 120;
const AT_ONCE = 40;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('SIGKILL in the middle of the burst: every confirmed application is there once, retries get their original number', { timeout: 300_000 }, async (t) => {
  const t0 = Date.now();
  const lap = (what: string) => t.diagnostic(`${what}: ${Date.now() - t0} ms`);
  const s = await stage(CHILDREN);
  const port = await freePort();
  let server = await startServer(s.env, port);
  const proxy = await startProxy({ host: '127.0.0.1', port });
  const base = `http://127.0.0.1:${proxy.port}`;
  lap('staged and started');
  try {
    const parents = s.codes.map((c, i) => new Parent(c, `fault-kill-${String(i).padStart(4, '0')}-${c.code}`, `10.1.${i >> 8}.${(i & 255) + 1}`));
    await pool(parents, 20, (p) => p.open(base));

    // The burst, at most AT_ONCE in flight. Once a third of the parents have their answer, answers stop reaching them;
    // the server goes on committing what it was sent (on PostgreSQL watched until 10 more are in; PGlite's directory
    // is the server's alone, so there it is given a moment), then it is killed.
    const first = new Map<Parent, Answer | undefined>();
    let confirmed = 0;
    let killedAt: Date | undefined;
    let heldCommitted = false;
    const crash = (async () => {
      while (confirmed < CHILDREN / 3 && first.size < CHILDREN) await sleep(5);
      proxy.hold();
      const watcher = s.kind === 'postgres' ? await s.open() : undefined;
      for (let i = 0; i < 200 && !heldCommitted; i++) {
        if (watcher) {
          const n = await sql<{ n: number }>`select count(*)::int as n from admission_applications`.execute(watcher.db);
          heldCommitted = (n.rows[0]?.n ?? 0) >= confirmed + 10;
        } else if (i === 20) break;
        await sleep(25);
      }
      server.child.kill('SIGKILL');
      killedAt = new Date();
      await server.exited;
      await proxy.cut();
    })();
    await pool(parents, AT_ONCE, async (p) => {
      const a = await p.submit(base);
      first.set(p, a);
      if (a?.number) confirmed++;
    });
    await crash;
    lap('killed');
    assert.ok(killedAt && confirmed < CHILDREN, 'the kill happened during the burst');
    const before = [...first].filter(([, a]) => a?.number);
    const unanswered = [...first].filter(([, a]) => a === undefined);
    for (const [p, a] of first) if (a && !a.number) assert.fail(`${p.key}: an answer that is neither a confirmation nor nothing: ${a.status} ${a.body.slice(0, 300)}`);
    if (s.kind === 'postgres') {
      // Before the restart: everything confirmed is already durable (PGlite's directory is left as the kill left it,
      // for the restarted server to recover, so it is checked at the end only).
      const stored = new Map((await applications(await s.open())).map((r) => [r.key, r.number]));
      for (const [p, a] of before) assert.equal(stored.get(p.key), a?.number, `${p.key}: confirmed before the kill and stored`);
    }

    // Started again on the same database; the forms opened before the kill are still good (CSRF secret in the database).
    await proxy.restore();
    server = await startServer(s.env, port);
    lap('restarted');
    const second = new Map<Parent, Answer | undefined>();
    await pool(parents, AT_ONCE, async (p) => {
      second.set(p, await p.submitUntilAnswered(base));
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
      // Committed before the kill but never answered: their retry replayed the row made then (checked just above).
      const inDoubt = unanswered.filter(([p]) => (byKey.get(p.key)?.createdAt.getTime() ?? Infinity) < (killedAt?.getTime() ?? 0)).length;
      if (heldCommitted) assert.ok(inDoubt >= 10, `the applications committed while answers were held are found again (${inDoubt})`);
      t.diagnostic(`${before.length} confirmed before the kill, ${unanswered.length} unanswered and retried (${inDoubt} of them committed before the kill), ${rows.length} stored (${s.kind})`);
    } finally {
      if (s.kind === 'pglite') await db.close();
    }
  } finally {
    server.child.kill('SIGKILL');
    await server.exited;
    await proxy.close();
    await s.close();
  }
});
