// E-tickets in a real browser (issue 15): the demo citizen, on a 390 px phone, reports the demo card lost, registers a
// new one (a bad UID is shown back first), tops up by VietQR (the demo's simulated bank confirms) and buys a monthly
// all-routes bus pass; demo validators then tap the new card on a bus and through the metro's gates (signed batches
// into the same ingest the MQTT centre uses; the MQTT path itself is tested in src/modules/transit/centre.test.ts); the day is priced as the nightly job does. The
// rider sees the two trips with their prices and reasons, disputes the metro fare; the centre's officer refunds it;
// the rider reads the answer; the operator opens the day's clearing of its metro operator and downloads its file (the
// bus operator's is refused). axe on every page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { vietnamDateOf } from '../src/platform/calendar/index.ts';
import { ingestTaps } from '../src/modules/transit/taps/index.ts';
import { signed, tap } from '../src/modules/transit/taps/testing.ts';
import { priceYesterday } from '../src/modules/transit/centre.ts';
import { checkPage, PHONE_390, signedIn, startHarness, visitChecked } from './harness.ts';
import { submitWith } from './steps.ts';

const h = startHarness();
const DESKTOP = { width: 1280, height: 900 };
const CARD = '04AABBCCDDEE11';

test('a rider registers a card, buys a monthly pass, rides a bus and the metro, disputes a fare and is refunded; the operator gets its clearing file', async () => {
  const rider = await signedIn(h, 'demo.congdan', PHONE_390);
  await visitChecked(rider, '/ve-dien-tu', 'the rider’s e-ticket account');
  assert.ok(await rider.getByText('04A1B2C3D4E5F6').first().isVisible(), 'the demo card is listed');

  // The demo card is lost: blocked, so that a new physical card may be registered (one active at a time).
  assert.equal(await submitWith(rider, rider.getByRole('button', { name: /Báo mất và khóa thẻ/ }).first()), 303);
  await checkPage(rider, 'the account after the card was blocked');
  assert.ok(await rider.getByText('Báo mất').first().isVisible(), 'the lost card is shown as reported lost');

  await visitChecked(rider, '/ve-dien-tu/dang-ky-the', 'the card registration form');
  await rider.locator('#key').fill('không phải UID');
  assert.equal(await submitWith(rider, rider.locator('main form button[type="submit"]')), 400);
  await checkPage(rider, 'a refused UID');
  assert.equal(await rider.locator('#key').inputValue(), 'không phải UID', 'what was typed is shown back');
  await rider.locator('#key').fill(CARD);
  assert.equal(await submitWith(rider, rider.locator('main form button[type="submit"]')), 303);
  assert.ok(await rider.getByText(CARD).first().isVisible(), 'the new card is listed');

  await visitChecked(rider, '/ve-dien-tu/nap-tien', 'the top-up form');
  await rider.locator('#amount').fill('300000');
  assert.equal(await submitWith(rider, rider.locator('main form button[type="submit"]')), 303);
  // The top-up waits for a VietQR transfer; the demo's simulated bank confirms it.
  assert.match(new URL(rider.url()).pathname, /^\/ve-dien-tu\/thanh-toan\/VE[0-9A-Z]{10}$/);
  await checkPage(rider, 'the VietQR payment waiting for the transfer');
  assert.ok(await rider.getByText('Đang chờ thanh toán').first().isVisible(), 'waiting for payment');
  assert.ok(await rider.locator('main img[src^="data:image/svg+xml"]').isVisible(), 'the VietQR code');
  assert.ok(await rider.getByText('300.000 đ').first().isVisible(), 'the amount');
  assert.equal(await submitWith(rider, rider.getByRole('button', { name: 'Giả lập ngân hàng xác nhận (trình diễn)' })), 303);
  await checkPage(rider, 'the account after the payment');
  assert.ok(await rider.getByText('400.000').first().isVisible(), '100,000 + 300,000 đ');

  await visitChecked(rider, '/ve-dien-tu/mua-ve', 'the pass shop');
  await rider.locator('#productId').selectOption('bus-month-all-regular');
  await rider.locator('#start').selectOption('this');
  assert.equal(await submitWith(rider, rider.getByRole('button', { name: 'Thanh toán từ số dư', exact: true })), 303);
  await checkPage(rider, 'the account with its pass');
  assert.ok(await rider.getByText('Vé tháng xe buýt liên tuyến').first().isVisible(), 'the pass is listed');
  assert.ok(await rider.getByText('120.000').first().isVisible(), '100,000 + 300,000 − 280,000 đ left');

  // Today's rides, forwarded by the validators late in the evening; priced by the 04:45 job the next morning.
  const day = vietnamDateOf(new Date());
  const evening = new Date(`${day}T23:00:00+07:00`);
  const sentAt = `${day}T23:00:00+07:00`;
  await ingestTaps(h.app.platform, await signed(h.app, 'V-34-1', [tap(CARD, `${day}T07:30:00`, 'on', 'BUS-0016'), tap(CARD, `${day}T08:05:00`, 'off', 'BUS-0024')], sentAt), { now: evening });
  await ingestTaps(h.app.platform, await signed(h.app, 'G-2A-01-1', [tap(CARD, `${day}T08:20:00`, 'on')], sentAt), { now: evening });
  await ingestTaps(h.app.platform, await signed(h.app, 'G-2A-09-1', [tap(CARD, `${day}T08:41:00`, 'off')], sentAt), { now: evening });
  const run = await priceYesterday(h.app.platform, new Date(new Date(`${day}T04:45:00+07:00`).getTime() + 86_400_000));
  assert.equal(run.serviceDay, day);
  assert.equal(run.total, 12_000, 'the bus is on the pass; the metro from 2A-01 to 2A-09 costs 12,000 đ');

  await visitChecked(rider, '/ve-dien-tu', 'the account with the day’s trips');
  // The day's own table (the demo seed's day before it is listed too, with its two free-zone bus trips).
  const dayTable = rider.locator('main table').filter({ has: rider.locator('caption', { hasText: day }) });
  assert.equal(await dayTable.count(), 1, 'the day has its table of trips');
  const tripRows = dayTable.locator('tr', { has: rider.locator('a[href*="/khieu-nai"]') });
  assert.equal(await tripRows.count(), 2, 'the bus and the metro trips, each with its dispute link');
  const metro = tripRows.filter({ hasText: '12.000 đ' });
  assert.equal(await metro.count(), 1, 'the metro trip with its price');
  assert.ok((await tripRows.filter({ hasText: '0 đ' }).count()) >= 1, 'the bus trip on the pass costs nothing');

  // The metro trip is disputed.
  await metro.locator('a[href*="/khieu-nai"]').click();
  await rider.waitForURL(/\/khieu-nai$/);
  await checkPage(rider, 'the dispute form');
  await rider.locator('#reason').fill('Tôi chỉ đi từ Cát Linh đến La Thành, không phải đến Văn Quán.');
  assert.equal(await submitWith(rider, rider.locator('main form button[type="submit"]')), 303);
  await checkPage(rider, 'the account with the open dispute');

  const officer = await signedIn(h, 'demo.vetau', DESKTOP);
  await visitChecked(officer, '/quan-ly/ve-dien-tu/khieu-nai', 'the officer’s dispute queue');
  await officer.locator('main a[href^="/quan-ly/ve-dien-tu/khieu-nai/"]').first().click();
  await officer.waitForURL(/\/khieu-nai\/\d+$/);
  await checkPage(officer, 'a dispute with the trip’s taps');
  await officer.locator('#decision').selectOption('refund');
  await officer.locator('#amount').fill('12000');
  await officer.locator('#answer').fill('Cổng ra ghi nhận sai ga; hoàn lại toàn bộ giá vé.');
  assert.equal(await submitWith(officer, officer.locator('main form button[type="submit"]')), 303);
  await checkPage(officer, 'the queue after the answer');

  await visitChecked(rider, '/ve-dien-tu', 'the account with the answer');
  assert.ok(await rider.getByText('Cổng ra ghi nhận sai ga; hoàn lại toàn bộ giá vé.').first().isVisible(), 'the rider reads the answer');
  assert.ok(await rider.getByText('120.000').first().isVisible(), 'the refund is back on the balance');

  const operator = await signedIn(h, 'demo.doisoat', DESKTOP);
  assert.equal(new URL(operator.url()).pathname, '/quan-ly/ve-dien-tu/doi-soat', 'the operator lands on the clearing page');
  await visitChecked(operator, `/quan-ly/ve-dien-tu/doi-soat?ngay=${day}&don-vi=HMC`, 'the metro’s clearing for the day');
  const file = await operator.request.get(`/quan-ly/ve-dien-tu/doi-soat/tep?ngay=${day}&don-vi=HMC`);
  assert.equal(file.status(), 200);
  assert.match(file.headers()['content-type'] ?? '', /text\/csv/);
  const csv = await file.text();
  assert.match(csv, /TONG/, 'the file ends with its total');
  assert.match(csv, /12000/, 'the metro trip’s revenue is in it');
  // The demo operator's agency clears for the metro only: the bus operator's day is not theirs.
  assert.equal((await operator.request.get(`/quan-ly/ve-dien-tu/doi-soat/tep?ngay=${day}&don-vi=TRANSERCO`)).status(), 404);
  const phone = await signedIn(h, 'demo.doisoat', PHONE_390);
  await visitChecked(phone, `/quan-ly/ve-dien-tu/doi-soat?ngay=${day}&don-vi=HMC`, 'the clearing on a phone');
});
