// With the database down, /readyz fails and requests get 503 with a message; when it returns, the server
// recovers without a restart. Needs a real server to cut off: runs on PostgreSQL (TEST_DATABASE_URL),
// through a TCP proxy on loopback that the test can close and reopen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { testDatabase } from './platform/testing/database.ts';
import { testConfig } from './testing/app.ts';
import { openDatabase } from './platform/db/index.ts';
import { buildApp } from './app.ts';

function startProxy(target: URL, port = 0): Promise<{ server: net.Server; port: number; sockets: Set<net.Socket> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({ server, port: (server.address() as net.AddressInfo).port, sockets })));
}

test('database outage: 503 while down, recovery without restart', { skip: !process.env.TEST_DATABASE_URL && 'needs TEST_DATABASE_URL (PostgreSQL)' }, async () => {
  const base = await testDatabase();
  const target = new URL(base.url as string);
  let proxy = await startProxy(target);
  const viaProxy = new URL(target);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  const database = await openDatabase({ url: viaProxy.toString(), poolSize: 4 });
  const app = await buildApp(await testConfig(), { database, seed: false });
  try {
    assert.equal((await app.server.inject({ url: '/readyz' })).statusCode, 200);

    // cut the database off
    const port = proxy.port;
    await new Promise((r) => proxy.server.close(r).once('close', r) && proxy.sockets.forEach((s) => s.destroy()));
    const ready = await app.server.inject({ url: '/readyz' });
    assert.equal(ready.statusCode, 503);
    assert.match(ready.json().error.message.vi, /cơ sở dữ liệu/);
    const page = await app.server.inject({ url: '/', headers: { authorization: 'Bearer some-token', accept: 'application/json' } });
    assert.equal(page.statusCode, 503);
    assert.equal(page.json().error.code, 'DB_UNAVAILABLE');
    assert.match(page.json().error.message.en, /database/);
    assert.equal((await app.server.inject({ url: '/healthz' })).statusCode, 200, 'the process itself stays up');

    // the database comes back on the same address
    proxy = await startProxy(target, port);
    let ok = false;
    for (let i = 0; i < 20 && !ok; i++) {
      ok = (await app.server.inject({ url: '/readyz' })).statusCode === 200;
      if (!ok) await new Promise((r) => setTimeout(r, 250));
    }
    assert.ok(ok, '/readyz recovers');
    const after = await app.server.inject({ url: '/', headers: { authorization: 'Bearer some-token' } });
    assert.equal(after.statusCode, 200);
  } finally {
    await app.close();
    await database.close();
    proxy.server.close();
    proxy.sockets.forEach((s) => s.destroy());
    await base.close();
  }
});
