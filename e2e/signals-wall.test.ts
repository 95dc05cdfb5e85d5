// The monitoring wall and the measures in Chromium (issue 16): axe-clean at 390 px and on a desktop, nothing
// scrolling sideways on the phone, and the wall refreshing itself by its polling script when a controller goes into
// fault. The wall's routes are mounted on a server of their own over a test app (the module registers them with its
// routes); the signals runtime is a stand-in centre with the demo network's first 60 intersections.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { createServer } from '../src/platform/http/server.ts';
import { SESSION_COOKIE } from '../src/platform/auth/sessions.ts';
import { type TestApp, testApp } from '../src/testing/app.ts';
import { Role, staff } from '../src/modules/documents/testing.ts';
import type { StatusMessage } from '../src/modules/signals/controller/protocol.ts';
import { demoIntersections } from '../src/modules/signals/network/demo.ts';
import { type SignalEvent, type SignalsRuntime, setSignalsRuntime } from '../src/modules/signals/runtime.ts';
import { wallStore } from '../src/modules/signals/wall/attach.ts';
import { wallRoutes } from '../src/modules/signals/wall/routes.ts';
import { CHROMIUM, checkPage, PHONE_390 } from './harness.ts';

let app: TestApp;
let server: FastifyInstance;
let browser: Browser;
let base = '';
let sid = '';
const list = demoIntersections(60);
const latest = new Map<string, StatusMessage & { receivedAt: number }>();
const status = (id: string, o: Partial<StatusMessage> = {}) => ({ id, at: Date.now(), receivedAt: Date.now(), online: true, mode: 'fixed' as const, pattern: 1, planVersion: 0, cycleSecond: 0, greens: 2, yellows: 0, reds: 8, alarms: [], ...o });
const keepAlive = setInterval(() => {
  for (const [id, s] of latest) if (s.online) latest.set(id, { ...s, at: Date.now(), receivedAt: Date.now() });
}, 500);

before(async () => {
  app = await testApp();
  server = await createServer(app.platform);
  await server.register(async (s) => wallRoutes(s, app.platform));
  await server.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  for (const [i, x] of list.slice(0, 57).entries()) latest.set(x.id, status(x.id, i === 3 ? { pattern: 255, mode: 'flash' } : i === 9 ? { alarms: ['lamp-out'] } : i === 12 ? { online: false } : {}));
  const centre = { latest, lags: [12, 15, 40], unknown: new Map([['LA01', 4]]), confirmed: new Map(list.map((x) => [x.id, { version: 0, plan: x.plan, mode: 'fixed' }])) };
  const runtime = { centre, intersections: () => new Map(list.map((x) => [x.id, x])), onEvents: () => () => undefined, simulated: new Map() } as unknown as SignalsRuntime;
  setSignalsRuntime(app.platform, runtime);
  const t0 = Date.now() - 600_000;
  const log: SignalEvent[] = [];
  for (let c = 0; c < 8; c++) {
    const g = t0 + c * 60_000;
    log.push([g, 1, 2], [g + 30_000, 8, 2], [g + 33_000, 10, 2], [g + 35_000, 1, 4], [g + 55_000, 8, 4], [g + 58_000, 10, 4], [g + 4000 + c * 500, 82, 2], [g + 4300 + c * 500, 81, 2], [g + 41_000, 82, 2], [g + 41_300, 81, 2]);
  }
  wallStore(runtime).add(list[0]!.id, log);
  const client = (await staff(app, 'tinhieu.e2e', [Role.signalEngineer], '000.00.16.H26')).client;
  sid = client.cookies.get(SESSION_COOKIE) ?? '';
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
});

after(async () => {
  clearInterval(keepAlive);
  await browser?.close();
  await server?.close();
  await app?.close();
});

async function page(viewport: { width: number; height: number }) {
  const phone = viewport.width <= PHONE_390.width;
  const context = await browser.newContext({ baseURL: base, viewport, ...(phone ? { isMobile: true, hasTouch: true } : {}) });
  await context.addCookies([{ name: SESSION_COOKIE, value: sid, url: base }]);
  return context.newPage();
}

test('the wall and the measures are axe-clean on a phone and a desktop, and fit the phone', { timeout: 60_000 }, async () => {
  for (const viewport of [PHONE_390, { width: 1280, height: 900 }]) {
    const p = await page(viewport);
    assert.equal((await p.goto('/quan-ly/den-tin-hieu/giam-sat'))?.status(), 200);
    await checkPage(p, 'the monitoring wall');
    if (process.env.WALL_SHOTS) await p.screenshot({ path: `${process.env.WALL_SHOTS}/wall-${viewport.width}.png`, fullPage: true });
    assert.equal((await p.goto(`/quan-ly/den-tin-hieu/do-luong/${list[0]!.id}`))?.status(), 200);
    await checkPage(p, 'the measures');
    if (process.env.WALL_SHOTS) await p.screenshot({ path: `${process.env.WALL_SHOTS}/measures-${viewport.width}.png`, fullPage: true });
    assert.equal((await p.goto(`/quan-ly/den-tin-hieu/do-luong/${list[0]!.id}?phase=x`))?.status(), 400);
    await checkPage(p, 'the measures with a bad phase');
    await p.context().close();
  }
});

test('the wall refreshes itself: a controller going into fault appears without a reload', { timeout: 30_000 }, async () => {
  const p = await page({ width: 1280, height: 900 });
  await p.goto('/quan-ly/den-tin-hieu/giam-sat');
  const victim = list[20]!;
  assert.equal(await p.locator(`#wall-attention a[href="/quan-ly/den-tin-hieu/nut/${victim.id}"]`).count(), 0);
  latest.set(victim.id, status(victim.id, { alarms: ['door-open'] }));
  await p.locator(`#wall-attention a[href="/quan-ly/den-tin-hieu/nut/${victim.id}"]`).waitFor({ timeout: 12_000 });
  assert.match(await p.locator('#wall-attention').innerText(), /door-open/);
  await checkPage(p, 'the wall after a refresh');
  await p.context().close();
});
