// The transit staff's pages in a real browser (issue 15), on the demo seed's priced day (yesterday, Vietnam time): the
// centre's officer opens the ridership dashboard at desktop width and on a 390 px phone (charts with their tables,
// nothing scrolling sideways, axe clean), downloads a GTFS-Fares v2 file from the fares page; on the phone finds a
// passenger's account, opens the card replacement and free-travel forms (one refused entry shown back) and the
// dispute queue; the operator reads yesterday's clearing; the demo rider sees yesterday's trips on the phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { vietnamDateOf } from '../src/platform/calendar/index.ts';
import { DEMO_PASSENGERS, lastServiceDay } from '../src/modules/transit/seed-day.ts';
import { checkPage, PHONE_390, signedIn, startHarness, visitChecked } from './harness.ts';
import { submitWith } from './steps.ts';

const h = startHarness();
const DESKTOP = { width: 1280, height: 900 };
const DASHBOARD = '/quan-ly/ve-dien-tu/thong-ke';
const RIDES = DEMO_PASSENGERS.reduce((n, p) => n + p.rides.length, 0);

test('the officer reads the ridership dashboard and downloads the fares; the desk’s pages on a phone', async () => {
  const day = lastServiceDay(new Date());
  const officer = await signedIn(h, 'demo.vetau', DESKTOP);
  await visitChecked(officer, '/quan-ly/ve-dien-tu', 'the officer’s search page');
  await officer.getByRole('link', { name: 'Thống kê hành khách' }).click();
  await officer.waitForURL(new RegExp(`${DASHBOARD}$`));
  await checkPage(officer, 'the ridership dashboard (last 7 days)');
  assert.equal(await officer.locator('main figure svg[role="img"]').count(), 2, 'the route and the hour charts');
  assert.ok(await officer.locator('main dd', { hasText: new RegExp(`^${RIDES}$`) }).first().isVisible(), `the demo day’s ${RIDES} trips in the totals`);
  const routes = officer.locator('main table', { has: officer.locator('caption', { hasText: 'Hành khách theo tuyến' }) });
  assert.ok(await routes.getByText(/Cát Linh – Hà Đông/).isVisible(), 'metro 2A in the route table');
  assert.ok(await officer.locator('main table').filter({ hasText: 'Vùng miễn phí' }).isVisible(), 'free trips by reason');

  // A bad date: 400, the error beside the field, what was typed shown back.
  await officer.locator('#tu').fill('2026-02-30');
  await Promise.all([officer.waitForURL(/tu=2026-02-30/), officer.locator('main form button[type="submit"]').click()]);
  await checkPage(officer, 'the dashboard with a bad date');
  assert.ok(await officer.locator('.field-error #tu').isVisible(), 'the error is beside the field');
  assert.equal(await officer.locator('#tu').inputValue(), '2026-02-30');

  const phone = await signedIn(h, 'demo.vetau', PHONE_390);
  await visitChecked(phone, `${DASHBOARD}?tu=${day}&den=${day}`, 'the ridership dashboard of the demo day');
  assert.ok(await phone.locator('main figure svg[role="img"]').first().isVisible(), 'the charts fit a phone');

  // The fares: each GTFS-Fares v2 file downloads on its own.
  await visitChecked(officer, '/quan-ly/ve-dien-tu/bang-gia', 'the fares export page');
  const [download] = await Promise.all([officer.waitForEvent('download'), officer.getByRole('link', { name: 'Tải về fare_products.txt' }).click()]);
  assert.equal(download.suggestedFilename(), 'fare_products.txt');
  const text = await readFile(await download.path(), 'utf8');
  assert.match(text, /^fare_product_id,fare_product_name,rider_category_id,fare_media_id,amount,currency/);
  assert.match(text, /bus-8000,Vé lượt xe buýt tuyến dưới 15 km,,,8000,VND/);
  await visitChecked(phone, '/quan-ly/ve-dien-tu/bang-gia', 'the fares export page on a phone');

  // The desk on a phone: search, the account, replacing a card, granting free travel, the dispute queue.
  await phone.goto(`/quan-ly/ve-dien-tu?q=${encodeURIComponent('demo.hanhkhach1')}`);
  assert.match(new URL(phone.url()).pathname, /\/quan-ly\/ve-dien-tu\/tai-khoan\/\d+$/, 'the search finds the passenger by username');
  await checkPage(phone, 'a passenger’s account with yesterday’s trips');
  assert.ok(await phone.locator('main caption', { hasText: day }).first().isVisible(), 'the demo day’s trips');
  const account = new URL(phone.url()).pathname;
  await visitChecked(phone, '/quan-ly/ve-dien-tu', 'the officer’s search on a phone');
  await visitChecked(phone, `${account}/thay-the`, 'the card replacement form on a phone');
  await visitChecked(phone, `${account}/mien-ve`, 'the free-travel form on a phone');
  await phone.locator('#source').fill('Sở LĐ-TB&XH');
  await phone.locator('#expiresAt').fill('2030-12-31');
  assert.equal(await submitWith(phone, phone.locator('main form button[type="submit"]')), 400);
  await checkPage(phone, 'a refused free-travel source on a phone');
  assert.equal(await phone.locator('#source').inputValue(), 'Sở LĐ-TB&XH', 'what was typed is shown back');
  await visitChecked(phone, '/quan-ly/ve-dien-tu/khieu-nai', 'the dispute queue on a phone');

  // A transfer from the bank statement on a phone: an unknown reference is refused beside the field, kept as typed.
  await visitChecked(phone, '/quan-ly/ve-dien-tu/thanh-toan', 'the payment confirmation form on a phone');
  await phone.locator('#reference').fill('VE0000000000');
  await phone.locator('#amount').fill('100000');
  await phone.locator('#bankRef').fill('FT26339000001');
  assert.equal(await submitWith(phone, phone.locator('main form button[type="submit"]')), 404);
  await checkPage(phone, 'an unknown payment reference on a phone');
  assert.ok(await phone.locator('.field-error #reference').isVisible(), 'the error is beside the reference');
  assert.equal(await phone.locator('#amount').inputValue(), '100000', 'what was typed is shown back');
});

test('the operator’s clearing and dashboard show the demo day; the demo rider sees yesterday’s trips', async () => {
  const day = lastServiceDay(new Date());
  const operator = await signedIn(h, 'demo.doisoat', PHONE_390);
  await visitChecked(operator, `/quan-ly/ve-dien-tu/doi-soat?ngay=${day}&don-vi=HMC`, 'the metro’s clearing of the demo day');
  assert.ok(await operator.locator('main table').filter({ hasText: 'm2a-7-9' }).isVisible(), 'the metro trips by fare rule');
  await operator.getByRole('link', { name: 'Thống kê hành khách' }).click();
  await operator.waitForURL(new RegExp(`${DASHBOARD}$`));
  await checkPage(operator, 'the dashboard from the clearing page');
  const rider = await signedIn(h, 'demo.congdan', PHONE_390);
  await visitChecked(rider, '/ve-dien-tu', 'the rider’s account with the demo day');
  const table = rider.locator('main table').filter({ has: rider.locator('caption', { hasText: day }) });
  assert.equal(await table.locator('tbody tr').count(), 2, 'bus 09A both ways inside Ring Road 1');
  assert.ok(await table.getByText(/Vành đai|free zone|miễn phí/i).first().isVisible(), 'free by the free zone, as the engine explains');
  assert.ok(vietnamDateOf(new Date()) > day, 'the demo day is before today');
});
