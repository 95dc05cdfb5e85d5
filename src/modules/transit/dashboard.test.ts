// The staff's ridership dashboard and fares export (issue 15), on known taps priced by the fare engine: trips by route,
// by hour of boarding (Vietnam time) and by boarding stop, free trips by the engine's reason (category, free zone,
// pass) against paid ones, totals over a period; who may see them; bad or out-of-range periods refused beside their
// field in Vietnamese and English; each GTFS-Fares v2 file downloaded as the fare table exports it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { vietnamDateOf } from '../../platform/calendar/index.ts';
import { type TestApp, testApp, type TestClient } from '../../testing/app.ts';
import { signInAs } from '../../testing/auth.ts';
import { exportGtfsFares } from './fares/index.ts';
import { seedTransitNetwork } from './network/index.ts';
import { buyPass, grantConcession, openAccount, registerMedium, topUp } from './riders/index.ts';
import { citizen, fails, transitStaff } from './riders/testing.ts';
import { faresExport, ingestTaps, priceServiceDay, ridershipFor } from './taps/index.ts';
import { currentFares } from './taps/price.ts';
import { signed, tap } from './taps/testing.ts';

let app: TestApp;
let officer: SessionUser;
let operator: SessionUser;
let other: SessionUser;
let rider: SessionUser;
const clients: Record<'officer' | 'operator' | 'other' | 'rider' | 'anonymous', TestClient> = {} as never;
const DAY_MS = 86_400_000;
// Two and three days ago, Vietnam time: service days certainly over, inside the default period of the last 7 days.
const DAY = vietnamDateOf(new Date(Date.now() - 2 * DAY_MS));
const EARLIER = vietnamDateOf(new Date(Date.now() - 3 * DAY_MS));
const CARDS = { paid: '04DA5B000000A1', senior: '04DA5B000000A2', zone: '04DA5B000000A3', pass: '04DA5B000000A4' };

async function rideAccount(u: SessionUser, card: string, amount: number): Promise<number> {
  const id = (await openAccount(app.platform, u, u.id)).id;
  await registerMedium(app.platform, officer, id, { kind: 'operator_card', key: card });
  if (amount > 0) await topUp(app.platform, officer, { accountId: id, amount });
  return id;
}

before(async () => {
  app = await testApp();
  ({ officer, operator, other } = await transitStaff(app));
  await seedTransitNetwork(app.database.db, app.platform.secrets);
  rider = await citizen(app, 'tk.tra', '001090007001');
  await rideAccount(rider, CARDS.paid, 100_000);
  const senior = await citizen(app, 'tk.caotuoi', '001150007002');
  const seniorId = await rideAccount(senior, CARDS.senior, 0);
  await grantConcession(app.platform, officer, seniorId, { category: 'senior_60', source: 'officer_check', expiresAt: '2099-12-31' });
  await rideAccount(await citizen(app, 'tk.vanhdai', '001090007003'), CARDS.zone, 0);
  const holder = await citizen(app, 'tk.vethang', '001090007004');
  const holderId = await rideAccount(holder, CARDS.pass, 280_000);
  await buyPass(app.platform, holder, { accountId: holderId, productId: 'bus-month-all-regular', price: 280_000, validFrom: EARLIER, validTo: DAY });
  const now = new Date();
  const sentAt = now.toISOString();
  const send = async (validator: string, taps: ReturnType<typeof tap>[]) => ingestTaps(app.platform, await signed(app, validator, taps, sentAt), { now });
  // DAY: bus 34 (12,000 đ) then metro 2A Cát Linh → Hà Đông (12,000 đ); a senior's bus 32; bus 09A inside Ring Road 1;
  // the BRT on a monthly pass.
  await send('V-34-1', [tap(CARDS.paid, `${DAY}T07:00:00`, 'on', 'BUS-0016'), tap(CARDS.paid, `${DAY}T07:40:00`, 'off', 'BUS-0024')]);
  await send('G-2A-01-1', [tap(CARDS.paid, `${DAY}T08:00:00`, 'on')]);
  await send('G-2A-09-1', [tap(CARDS.paid, `${DAY}T08:20:00`, 'off')]);
  await send('V-32-1', [tap(CARDS.senior, `${DAY}T07:10:00`, 'on', 'BUS-0018'), tap(CARDS.senior, `${DAY}T07:50:00`, 'off', 'BUS-0015')]);
  await send('V-09A-1', [tap(CARDS.zone, `${DAY}T17:30:00`, 'on', 'BUS-0001'), tap(CARDS.zone, `${DAY}T17:45:00`, 'off', 'BUS-0004')]);
  await send('V-BRT01-1', [tap(CARDS.pass, `${DAY}T18:05:00`, 'on', 'BUS-0011'), tap(CARDS.pass, `${DAY}T18:40:00`, 'off', 'BUS-0025')]);
  // EARLIER: one more bus 34 trip, at 09:00.
  await send('V-34-2', [tap(CARDS.paid, `${EARLIER}T09:00:00`, 'on', 'BUS-0016'), tap(CARDS.paid, `${EARLIER}T09:30:00`, 'off', 'BUS-0024')]);
  await priceServiceDay(app.platform, officer, EARLIER, { now });
  await priceServiceDay(app.platform, officer, DAY, { now });
  for (const [who, user] of [['officer', officer], ['operator', operator], ['other', other], ['rider', rider]] as const) {
    clients[who] = app.client();
    await signInAs(app.database.db, clients[who], user);
  }
  clients.anonymous = app.client();
});
after(async () => {
  await app?.close();
});

test('the figures of one service day: routes, hours of boarding, boarding stops, free trips by reason, totals', async () => {
  const r = await ridershipFor(app.platform, operator, DAY, DAY);
  assert.deepEqual(
    { trips: r.trips, paid: r.paidTrips, free: r.freeTrips, revenue: r.revenue, riders: r.riders, days: r.pricedDays },
    { trips: 5, paid: 2, free: 3, revenue: 24_000, riders: 4, days: 1 },
  );
  assert.deepEqual(Object.fromEntries(r.byRoute.map((x) => [x.routeId, [x.trips, x.freeTrips, x.revenue]])), {
    '34': [1, 0, 12_000], '2A': [1, 0, 12_000], '32': [1, 1, 0], '09A': [1, 1, 0], BRT01: [1, 1, 0],
  });
  assert.match(r.byRoute.find((x) => x.routeId === '2A')?.label ?? '', /Cát Linh/, 'routes are named as the network names them');
  const hours = Object.fromEntries(r.byHour.map((n, h) => [h, n]).filter(([, n]) => n !== 0));
  assert.deepEqual(hours, { 7: 2, 8: 1, 17: 1, 18: 1 }, 'each trip in the hour of its first tap, Vietnam time');
  assert.equal(r.byHour.length, 24);
  assert.deepEqual(r.topStops.map((s) => s.stopId).sort(), ['2A-01', 'BUS-0001', 'BUS-0011', 'BUS-0016', 'BUS-0018']);
  assert.ok(r.topStops.every((s) => s.boardings === 1 && s.name !== s.stopId), 'stops carry the network’s names');
  assert.deepEqual(r.free, { pass: 1, category: 1, 'free-zone': 1, campaign: 0, other: 0 });
});

test('a period adds its days; days outside it count nothing', async () => {
  const two = await ridershipFor(app.platform, officer, EARLIER, DAY);
  assert.equal(two.trips, 6);
  assert.equal(two.pricedDays, 2);
  assert.equal(two.revenue, 36_000);
  assert.equal(two.byRoute[0]?.routeId, '34', 'the busiest route first');
  assert.equal(two.byRoute[0]?.trips, 2);
  assert.equal(two.byHour[9], 1);
  assert.equal(two.topStops[0]?.stopId, 'BUS-0016', 'the busiest boarding stop first');
  assert.equal(two.topStops[0]?.boardings, 2);
  const before = await ridershipFor(app.platform, officer, '2020-01-01', '2020-01-31');
  assert.deepEqual([before.trips, before.revenue, before.pricedDays, before.topStops.length], [0, 0, 0, 0]);
});

test('the service refuses citizens, other staff and bad periods', async () => {
  await assert.rejects(ridershipFor(app.platform, rider, DAY, DAY), fails('FORBIDDEN'));
  await assert.rejects(ridershipFor(app.platform, other, DAY, DAY), fails('FORBIDDEN'));
  await assert.rejects(ridershipFor(app.platform, officer, 'hôm qua', DAY), fails('DAY_INVALID'));
  await assert.rejects(ridershipFor(app.platform, officer, DAY, '2026-02-30'), fails('DAY_INVALID'));
  await assert.rejects(ridershipFor(app.platform, officer, DAY, EARLIER), fails('PERIOD_INVALID'));
  await assert.rejects(ridershipFor(app.platform, officer, '2026-01-01', '2026-12-31'), fails('PERIOD_INVALID'));
  assert.throws(() => faresExport(rider), fails('FORBIDDEN'));
  assert.throws(() => faresExport(other), fails('FORBIDDEN'));
});

test('the dashboard page: the figures as charts with their tables, for the officer and the operator', async () => {
  const page = await clients.officer.get(`/quan-ly/ve-dien-tu/thong-ke?tu=${DAY}&den=${DAY}`);
  assert.equal(page.statusCode, 200);
  assert.equal((page.body.match(/<svg[^>]*role="img"/g) ?? []).length, 2, 'the route and hour charts, each an image with a name');
  assert.match(page.body, /<title>Hành khách theo tuyến/);
  assert.match(page.body, /<caption>Chuyến theo giờ lên xe[^<]*<\/caption>[\s\S]*<th scope="row">07h<\/th><td class="num">2<\/td>/, 'the hour chart’s numbers as a table');
  assert.match(page.body, /Cát Linh – Hà Đông/);
  assert.match(page.body, /24\.000 đ/, 'the revenue');
  assert.match(page.body, /Vùng miễn phí[\s\S]*?20%/, 'one trip in five free by the free zone');
  assert.match(page.body, /class="cards-on-phone"/);
  const op = await clients.operator.get('/quan-ly/ve-dien-tu/thong-ke');
  assert.equal(op.statusCode, 200, 'the default period: the last 7 days');
  const yesterday = vietnamDateOf(new Date(Date.now() - DAY_MS));
  assert.match(op.body, new RegExp(`id="den"[^>]*value="${yesterday}"`));
  assert.match(op.body, new RegExp(`Tổng quan ${vietnamDateOf(new Date(Date.now() - 7 * DAY_MS))} – ${yesterday}`));
  assert.match(op.body, /<dd>6<\/dd>/, 'both priced days are inside the last 7');
  const en = await clients.operator.get(`/quan-ly/ve-dien-tu/thong-ke?tu=${DAY}&den=${DAY}&lang=en`);
  assert.match(en.body, /Ridership by route/);
  const empty = await clients.officer.get('/quan-ly/ve-dien-tu/thong-ke?tu=2020-01-01&den=2020-01-07');
  assert.equal(empty.statusCode, 200);
  assert.match(empty.body, /Không có chuyến nào/);
  assert.doesNotMatch(empty.body, /<svg/);
});

test('the dashboard refuses bad dates beside their field, and anyone but the transit staff', async () => {
  for (const [q, field] of [['tu=2026-02-30', 'tu'], ['den=31/12/2026', 'den'], ['tu=1800-01-01&den=1800-01-02', 'tu'], [`tu=${DAY}&den=${EARLIER}`, 'den'], ['tu=2026-01-01&den=2026-12-31', 'den']] as const) {
    const res = await clients.officer.get(`/quan-ly/ve-dien-tu/thong-ke?${q}`);
    assert.equal(res.statusCode, 400, q);
    assert.match(res.body, new RegExp(`class="field field-error"[\\s\\S]*?id="${field}"`), `${q}: the error beside ${field}`);
    assert.doesNotMatch(res.body, /<svg/);
  }
  const en = await clients.officer.get('/quan-ly/ve-dien-tu/thong-ke?tu=2026-13-01&lang=en');
  assert.equal(en.statusCode, 400);
  assert.match(en.body, /The day must be a real date/);
  assert.match(en.body, /value="2026-13-01"/, 'what was typed is shown back');
  for (const p of ['/quan-ly/ve-dien-tu/thong-ke', '/quan-ly/ve-dien-tu/bang-gia', '/quan-ly/ve-dien-tu/bang-gia/fare_products.txt']) {
    assert.equal((await clients.rider.get(p)).statusCode, 403, `a citizen: ${p}`);
    assert.equal((await clients.other.get(p)).statusCode, 403, `one-stop staff: ${p}`);
    assert.equal((await clients.anonymous.get(p)).statusCode, 303, `anonymous: ${p} asks to sign in`);
  }
});

test('the fares export: each GTFS-Fares v2 file as the fare table exports it, with the products and prices', async () => {
  const page = await clients.officer.get('/quan-ly/ve-dien-tu/bang-gia?lang=vi');
  assert.equal(page.statusCode, 200);
  const files = exportGtfsFares(currentFares());
  for (const name of Object.keys(files)) assert.match(page.body, new RegExp(`href="/quan-ly/ve-dien-tu/bang-gia/${name.replace('.', '\\.')}"`), name);
  assert.match(page.body, /Vé lượt xe buýt tuyến dưới 15 km \(bus-8000\)[\s\S]*?8\.000 đ/);
  assert.match(page.body, new RegExp(`fare_leg_rules\\): ${currentFares().legRules.length}<`));
  const file = await clients.operator.get('/quan-ly/ve-dien-tu/bang-gia/fare_products.txt');
  assert.equal(file.statusCode, 200);
  assert.match(String(file.headers['content-type']), /text\/csv/);
  assert.match(String(file.headers['content-disposition']), /attachment; filename="fare_products\.txt"/);
  assert.equal(file.body, files['fare_products.txt']);
  assert.match(file.body, /^fare_product_id,fare_product_name,rider_category_id,fare_media_id,amount,currency/);
  assert.equal((await clients.officer.get('/quan-ly/ve-dien-tu/bang-gia/khong-co.txt')).statusCode, 404);
  assert.equal((await clients.officer.get('/quan-ly/ve-dien-tu/bang-gia/..%2F..%2Fpackage.json')).statusCode, 404);
});

test('the officer’s and the operator’s pages link to the dashboard and the fares', async () => {
  for (const [who, p] of [['officer', '/quan-ly/ve-dien-tu'], ['operator', '/quan-ly/ve-dien-tu/doi-soat']] as const) {
    const body = (await clients[who].get(p)).body;
    assert.match(body, /href="\/quan-ly\/ve-dien-tu\/thong-ke"/, p);
    assert.match(body, /href="\/quan-ly\/ve-dien-tu\/bang-gia"/, p);
  }
});
