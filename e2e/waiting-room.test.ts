// The waiting room in a real browser (Chromium): the waiting page passes axe and fits a phone, and once a slot
// frees it carries on by itself: an opened page reloads (meta refresh, no script), a sent form is sent again by
// /static/waiting-room.js with what the parent typed. A small server of its own: a gated form, nothing else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { CHROMIUM, PHONE_390, checkA11y, scrollsSideways } from './harness.ts';
import { testDatabase } from '../src/platform/testing/database.ts';
import type { Database } from '../src/platform/db/index.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { Platform } from '../src/platform/http/context.ts';
import { createServer } from '../src/platform/http/server.ts';
import { waitingRoom } from '../src/platform/http/waiting-room.ts';

let database: Database;
let app: FastifyInstance;
let browser: Browser;
let base = '';
let release = (): void => undefined;
let inside = 0;

before(async () => {
  database = await testDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', EGOV_VAR_DIR: 'tmp/test-var' });
  const platform = { config, database } as unknown as Platform;
  app = await createServer(platform);
  await app.register(async (scope) => {
    const room = waitingRoom(scope, platform, { name: 'browser', capacity: 1, tickMs: 200 });
    scope.get('/dang-ky', async (req, reply) =>
      reply.type('text/html; charset=utf-8').send(
        `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Đăng ký</title></head><body><main><h1>Đăng ký</h1>` +
          `<form method="post" action="/dang-ky"><input type="hidden" name="_csrf" value="${req.csrfToken}">` +
          `<label for="child">Họ tên trẻ</label><input id="child" name="child"><input type="hidden" name="idempotency_key" value="k-1">` +
          `<button>Gửi</button></form></main></body></html>`,
      ),
    );
    const done = (body: unknown): string =>
      `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Xong</title></head><body><main><h1>Xong</h1><pre id="received">${JSON.stringify(body).replaceAll('<', '&lt;')}</pre></main></body></html>`;
    const hold = async (): Promise<void> => {
      inside++;
      await new Promise<void>((r) => (release = r));
      inside--;
    };
    scope.post('/giu-cho', { preHandler: room.gate }, async () => hold().then(() => ({ ok: true })));
    scope.post('/dang-ky', { preHandler: room.gate }, async (req, reply) => reply.type('text/html; charset=utf-8').send(done(req.body)));
    scope.get('/trang', { preHandler: room.gate }, async (_req, reply) => reply.type('text/html; charset=utf-8').send(done({ page: 'opened' })));
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
});
after(async () => {
  release();
  await browser?.close();
  await app?.close();
  await database?.close();
});

/** Takes the one slot with a request that stays inside until `release()`. */
async function fill(): Promise<{ done: Promise<Response> }> {
  const done = fetch(`${base}/giu-cho`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  while (inside === 0) await new Promise((r) => setTimeout(r, 10));
  return { done }; // wrapped: an async function would otherwise wait for the held request itself
}

test('a sent form waits, then is sent again by itself with what was typed', async () => {
  const held = await fill();
  const context = await browser.newContext({ viewport: PHONE_390 });
  try {
    const page = await context.newPage();
    await page.goto(`${base}/dang-ky`);
    await page.fill('#child', 'Nguyễn Thị Ánh <"&">');
    await page.click('button');
    await page.waitForURL(`${base}/dang-ky`);
    release();
    assert.equal((await held.done).status, 200);
    await page.waitForSelector('#received', { timeout: 20_000 });
    const received = JSON.parse((await page.textContent('#received')) ?? '{}');
    assert.equal(received.child, 'Nguyễn Thị Ánh <"&">');
    assert.equal(received.idempotency_key, 'k-1');
  } finally {
    await context.close();
  }
});

test('an opened page waits and reloads by itself, with JavaScript off', async () => {
  const held = await fill();
  const context = await browser.newContext({ viewport: PHONE_390, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${base}/trang`);
    assert.match((await page.textContent('main')) ?? '', /Bạn đang trong hàng chờ/);
    release();
    assert.equal((await held.done).status, 200);
    await page.waitForSelector('#received', { timeout: 20_000 });
    assert.match((await page.textContent('#received')) ?? '', /opened/);
  } finally {
    await context.close();
  }
});

test('the waiting pages pass axe and fit a 390 px screen', async () => {
  const held = await fill();
  // Four people in line first: the page's own retry comes seconds later, after axe has looked at it.
  for (let i = 0; i < 4; i++) {
    const r = await fetch(`${base}/trang`, { headers: { accept: 'application/json' } });
    assert.equal(r.status, 503);
  }
  const context = await browser.newContext({ viewport: PHONE_390 });
  try {
    const page = await context.newPage();
    await page.goto(`${base}/trang`);
    assert.match((await page.textContent('main')) ?? '', /Vị trí của bạn: 5/);
    await checkA11y(page, 'the waiting page of an opened page');
    assert.equal((await scrollsSideways(page)).overflows, false);

    // The form's page, its script kept away so that it stays on screen while axe looks.
    await page.route(`${base}/static/waiting-room.js`, (route) => route.abort());
    await page.goto(`${base}/dang-ky`);
    await page.fill('#child', 'Trần Văn Bình');
    await page.click('button');
    await page.waitForSelector('form[data-retry]');
    assert.match((await page.textContent('main')) ?? '', /Vị trí của bạn: 5/, 'the same browser keeps its ticket');
    await checkA11y(page, 'the waiting page of a sent form');
    assert.equal((await scrollsSideways(page)).overflows, false);
  } finally {
    release();
    await held.done;
    await context.close();
  }
});
