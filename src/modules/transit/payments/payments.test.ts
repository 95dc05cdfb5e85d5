// Paying the transit centre by VietQR (issue 15): a top-up waits for the bank; the signed callback credits it once (a
// repeat changes nothing); a wrong amount, an unknown reference, an expired payment and a forged signature are refused
// with nothing credited; a pass bought by transfer is issued when the demo's simulated bank confirms; another rider
// cannot see or confirm it; the sweep expires unpaid payments; every change and refusal leaves an audit row.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { SessionUser } from '../../../platform/auth/roles.ts';
import { addDays, vietnamDateOf } from '../../../platform/calendar/index.ts';
import { parseEmv } from '../../../platform/payments/vietqr.ts';
import { type TestApp, testApp, type TestClient } from '../../../testing/app.ts';
import { signInAs } from '../../../testing/auth.ts';
import { priceYesterday } from '../centre.ts';
import { seedTransitNetwork } from '../network/index.ts';
import { chargesOf, ingestTaps, retryCharges } from '../taps/index.ts';
import { signed, tap } from '../taps/testing.ts';
import { balanceOf, findAccountOfCitizen, fullList, openAccount, registerMedium, type TransitAccount } from '../riders/index.ts';
import { citizen, fails, transitStaff } from '../riders/testing.ts';
import { setSetting } from '../../../platform/db/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { cardPaymentsFor, confirmPayment, createPayment, DECLINE_TOKEN_SETTING, expirePayments, paymentOf, signCallback } from './index.ts';

const SECRET = 'khoa-bi-mat-cua-ngan-hang-thu-nghiem-32+';
const CALLBACK = '/api/v1/transit/payments/callback';
let app: TestApp;
let officer: SessionUser;
let lan: SessionUser;
let account: TransitAccount;
let riderClient: TestClient;
let otherClient: TestClient;

const callback = (body: { reference: string; amount: number; bankRef: string }, signature = signCallback(SECRET, body)) =>
  app.server.inject({ method: 'POST', url: CALLBACK, headers: { 'content-type': 'application/json', 'x-signature': signature }, payload: JSON.stringify(body) });
const audits = async (reference: string) =>
  (await sql<{ action: string; data: { reason?: string } }>`select action, data from audit_log where entity = 'transit_payment' and entity_id = ${reference} order by id`.execute(app.database.db)).rows;
const statusOf = async (reference: string) => (await sql<{ status: string }>`select status from transit_payments where reference = ${reference}`.execute(app.database.db)).rows[0]?.status;

before(async () => {
  app = await testApp({ env: { EGOV_TRANSIT_PAYMENT_SECRET: SECRET, PAYMENTS_PROVIDER: 'simulated' } });
  await seedTransitNetwork(app.database.db, app.platform.secrets);
  ({ officer } = await transitStaff(app));
  lan = await citizen(app, 'cd.lan', '001185001111');
  account = await openAccount(app.platform, lan, lan.id);
  await registerMedium(app.platform, lan, account.id, { kind: 'operator_card', key: '04C0C1C2C3C4C5' });
  riderClient = app.client();
  await signInAs(app.database.db, riderClient, lan);
  const other = await citizen(app, 'cd.khac', '001185002222');
  await openAccount(app.platform, other, other.id);
  otherClient = app.client();
  await signInAs(app.database.db, otherClient, other);
});
after(async () => app?.close());

test('a top-up waits with a VietQR code for its amount and reference; the signed callback credits it once', async () => {
  const started = await riderClient.submit('/ve-dien-tu/nap-tien', { amount: '200000' });
  assert.equal(started.statusCode, 303);
  const reference = /\/ve-dien-tu\/thanh-toan\/(VE[0-9A-Z]{10})$/.exec(String(started.headers.location))?.[1] ?? '';
  assert.ok(reference, String(started.headers.location));
  const page = await riderClient.get(`/ve-dien-tu/thanh-toan/${reference}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Đang chờ thanh toán/);
  assert.match(page.body, new RegExp(`<code>${reference}</code>`));
  assert.match(page.body, /200\.000 đ/);
  // The code a bank app reads: the amount and the reference as memo (the same encoder the fees use).
  const img = /<img src="data:image\/svg\+xml;base64,([^"]+)"/.exec(page.body);
  assert.ok(img, 'the VietQR picture');
  const { payload } = await paymentOf(app.platform, lan, account, reference).then((p) => p.instructions?.qr ?? { payload: '' });
  const emv = parseEmv(payload);
  assert.equal(emv.get('54'), '200000');
  assert.equal(parseEmv(emv.get('62') ?? '').get('08'), reference);
  assert.equal(await balanceOf(app.platform, lan, account.id), 0, 'nothing credited before the bank confirms');

  // Another rider neither sees nor confirms it.
  assert.equal((await otherClient.get(`/ve-dien-tu/thanh-toan/${reference}`)).statusCode, 404);

  const first = await callback({ reference, amount: 200_000, bankRef: 'FT26339000001' });
  assert.equal(first.statusCode, 200, first.body);
  assert.deepEqual(first.json(), { reference, status: 'paid' });
  assert.equal(await balanceOf(app.platform, lan, account.id), 200_000);
  // The bank retries the same callback: acknowledged, not credited again.
  const again = await callback({ reference, amount: 200_000, bankRef: 'FT26339000001' });
  assert.deepEqual(again.json(), { reference, status: 'already_paid' });
  assert.equal((await confirmPayment(app.platform, officer, { reference, amount: 200_000, via: 'officer' })).outcome, 'already');
  assert.equal(await balanceOf(app.platform, lan, account.id), 200_000);
  const ledger = (await sql<{ n: number }>`select count(*)::int as n from transit_ledger where account_id = ${account.id} and reference = ${`VietQR ${reference}`}`.execute(app.database.db)).rows[0]?.n;
  assert.equal(ledger, 1, 'one ledger row for the payment');
  assert.match((await riderClient.get(`/ve-dien-tu/thanh-toan/${reference}`)).body, /Đã thanh toán/);
  assert.deepEqual((await audits(reference)).map((a) => a.action), ['transit.payment.create', 'transit.payment.paid']);
});

test('a forged or missing signature is refused before anything is read; nothing is credited', async () => {
  const p = await createPayment(app.platform, lan, account, { kind: 'top_up' }, 50_000);
  const body = { reference: p.reference, amount: 50_000, bankRef: 'FT-GIA' };
  const forged = await callback(body, signCallback('mot-khoa-khac-hoan-toan-cua-ke-gia-mao', body));
  assert.equal(forged.statusCode, 401);
  assert.equal(forged.json().error.code, 'BAD_SIGNATURE');
  assert.ok(forged.json().error.message.vi && forged.json().error.message.en);
  // A signature over other figures does not carry to a changed amount.
  assert.equal((await callback({ ...body, amount: 5_000_000 }, signCallback(SECRET, body))).statusCode, 401);
  assert.equal((await app.server.inject({ method: 'POST', url: CALLBACK, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) })).statusCode, 401);
  assert.equal((await app.server.inject({ method: 'POST', url: CALLBACK, headers: { 'content-type': 'application/json', 'x-signature': 'zz' }, payload: '{"reference":1}' })).statusCode, 401);
  assert.equal(await statusOf(p.reference), 'pending');
  assert.equal(await balanceOf(app.platform, lan, account.id), 200_000);
});

test('a wrong amount or an unknown reference is refused with a vi/en message and an audit row; nothing is credited', async () => {
  const p = await createPayment(app.platform, lan, account, { kind: 'top_up' }, 70_000);
  const wrong = await callback({ reference: p.reference, amount: 7_000, bankRef: 'FT26339000002' });
  assert.equal(wrong.statusCode, 409);
  assert.equal(wrong.json().error.code, 'WRONG_AMOUNT');
  assert.match(wrong.json().error.message.vi, /không khớp/);
  assert.match(wrong.json().error.message.en, /does not match/);
  assert.equal(await statusOf(p.reference), 'pending', 'the payment still waits for the right amount');
  assert.equal(await balanceOf(app.platform, lan, account.id), 200_000);
  assert.deepEqual((await audits(p.reference)).map((a) => [a.action, a.data.reason]), [['transit.payment.create', undefined], ['transit.payment.refused', 'wrong_amount']]);
  const unknown = await callback({ reference: 'VE0000000000', amount: 70_000, bankRef: 'FT26339000003' });
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.json().error.code, 'NOT_FOUND');
  assert.equal((await audits('VE0000000000'))[0]?.data.reason, 'unknown');
  // The officer's page shows the refusal beside the amount, in the page's language.
  const officerClient = app.client();
  await signInAs(app.database.db, officerClient, officer);
  const page = await officerClient.submit('/quan-ly/ve-dien-tu/thanh-toan?lang=en', { reference: p.reference, amount: '7000', bankRef: '' });
  assert.equal(page.statusCode, 409);
  assert.match(page.body, /does not match the payment/);
  assert.match(page.body, new RegExp(`value="${p.reference}"`));
  // The right amount is then recorded by the officer, once.
  assert.equal((await officerClient.submit('/quan-ly/ve-dien-tu/thanh-toan', { reference: p.reference.toLowerCase(), amount: '70000', bankRef: 'FT26339000004' })).headers.location, '/quan-ly/ve-dien-tu/thanh-toan?xong=paid');
  assert.equal((await officerClient.submit('/quan-ly/ve-dien-tu/thanh-toan', { reference: p.reference, amount: '70000', bankRef: 'FT26339000004' })).headers.location, '/quan-ly/ve-dien-tu/thanh-toan?xong=already');
  assert.equal(await balanceOf(app.platform, lan, account.id), 270_000);
  // A rider cannot use the officer's page.
  assert.equal((await riderClient.get('/quan-ly/ve-dien-tu/thanh-toan')).statusCode, 403);
});

test('an unpaid payment expires: a late transfer is refused, and the sweep expires the rest', async () => {
  const hourAgo = new Date(Date.now() - app.platform.config.transitPaymentMinutes * 60_000 - 60_000);
  const late = await createPayment(app.platform, lan, account, { kind: 'top_up' }, 30_000, hourAgo);
  assert.match((await riderClient.get(`/ve-dien-tu/thanh-toan/${late.reference}`)).body, /đã hết hạn/);
  const res = await callback({ reference: late.reference, amount: 30_000, bankRef: 'FT26339000005' });
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().error.code, 'EXPIRED');
  assert.equal(await statusOf(late.reference), 'expired');
  assert.equal(await balanceOf(app.platform, lan, account.id), 270_000);
  assert.deepEqual((await audits(late.reference)).map((a) => a.action), ['transit.payment.create', 'transit.payment.expire', 'transit.payment.refused']);

  const stale = await createPayment(app.platform, lan, account, { kind: 'top_up' }, 40_000, hourAgo);
  const fresh = await createPayment(app.platform, lan, account, { kind: 'top_up' }, 40_000);
  await assert.rejects(expirePayments(app.platform, lan), fails('FORBIDDEN'));
  assert.ok((await expirePayments(app.platform, officer)).expired >= 1);
  assert.equal(await statusOf(stale.reference), 'expired');
  assert.equal(await statusOf(fresh.reference), 'pending');
});

test('a pass bought by transfer is issued when the (demo) bank confirms; paying from the balance still works', async () => {
  const before = await balanceOf(app.platform, lan, account.id);
  const res = await riderClient.submit('/ve-dien-tu/mua-ve', { productId: 'bus-month-all-regular', routeId: '', start: 'next', pay: 'vietqr' });
  assert.equal(res.statusCode, 303);
  const reference = /(VE[0-9A-Z]{10})$/.exec(String(res.headers.location))?.[1] ?? '';
  const page = await riderClient.get(`/ve-dien-tu/thanh-toan/${reference}`);
  assert.match(page.body, /Vé tháng xe buýt liên tuyến/);
  assert.match(page.body, /280\.000 đ/);
  assert.match(page.body, /Giả lập ngân hàng xác nhận \(trình diễn\)/);
  const passes = async () => (await sql<{ n: number }>`select count(*)::int as n from transit_passes where account_id = ${account.id}`.execute(app.database.db)).rows[0]?.n ?? 0;
  assert.equal(await passes(), 0);
  // Another rider's simulated confirmation of it is refused.
  assert.equal((await otherClient.submit('/ve-dien-tu', {}, `/ve-dien-tu/thanh-toan/${reference}/gia-lap`)).statusCode, 404);
  const confirmed = await riderClient.submit(`/ve-dien-tu/thanh-toan/${reference}`, {}, `/ve-dien-tu/thanh-toan/${reference}/gia-lap`);
  assert.equal(confirmed.statusCode, 303);
  assert.equal(confirmed.headers.location, '/ve-dien-tu?xong=paid');
  assert.equal(await passes(), 1);
  assert.equal(await balanceOf(app.platform, lan, account.id), before, 'the transfer paid the pass: the balance is unchanged');
  const pass = (await sql<{ product_id: string; price_paid: number }>`select product_id, price_paid::int as price_paid from transit_passes where account_id = ${account.id}`.execute(app.database.db)).rows[0];
  assert.deepEqual(pass, { product_id: 'bus-month-all-regular', price_paid: 280_000 });
  // Pressed again: nothing more.
  assert.equal((await riderClient.submit(`/ve-dien-tu/thanh-toan/${reference}`, {}, `/ve-dien-tu/thanh-toan/${reference}/gia-lap`)).statusCode, 303);
  assert.equal(await passes(), 1);
  // The balance path is kept: this month's pass from the balance, after a top-up by transfer.
  const topUp = await createPayment(app.platform, lan, account, { kind: 'top_up' }, 100_000);
  assert.equal((await confirmPayment(app.platform, officer, { reference: topUp.reference, amount: 100_000, via: 'officer' })).outcome, 'paid');
  assert.equal((await riderClient.submit('/ve-dien-tu/mua-ve', { productId: 'bus-month-all-regular', routeId: '', start: 'this' })).statusCode, 303);
  assert.equal(await passes(), 2);
  assert.equal(await balanceOf(app.platform, lan, account.id), before + 100_000 - 280_000);
  assert.ok(await findAccountOfCitizen(app.platform, lan, lan.id));
});

test('the demo card adapter declines the configured test token only, and is off outside the demo configuration', async () => {
  // The nightly job charges a bank card through it: the test token is declined and goes on the deny list.
  const hung = await citizen(app, 'cd.hung', '001185003333');
  const hungAccount = await openAccount(app.platform, hung, hung.id);
  await registerMedium(app.platform, officer, hungAccount.id, { kind: 'bank_card', key: 'tok_decline_demo', last4: '4242' });
  // 05:00 this morning, Vietnam time: yesterday's service day is over, as when the 04:45 job runs.
  const now = new Date(`${vietnamDateOf(new Date())}T05:00:00+07:00`);
  const yesterday = addDays(vietnamDateOf(now), -1);
  const m = { mediumKind: 'bank_card' as const };
  await ingestTaps(app.platform, await signed(app, 'V-34-1', [tap('tok_decline_demo', `${yesterday}T07:00:00`, 'on', 'BUS-0016', m), tap('tok_decline_demo', `${yesterday}T07:40:00`, 'off', 'BUS-0024', m)], now.toISOString()), { now });
  const denied = async () => (await fullList(app.platform, officer, 'deny')).items.some((i) => i.key === 'tok_decline_demo');
  await priceYesterday(app.platform, now);
  assert.equal((await chargesOf(app.platform, hungAccount.id))[0]?.status, 'declined');
  assert.equal(await denied(), true);

  const cards = cardPaymentsFor(app.platform);
  assert.ok(cards, 'on with PAYMENTS_PROVIDER=simulated');
  const charge = (mediumKey: string) => cards.charge({ mediumKey, amount: 24_000, reference: 'transit day 2026-06-13 #1' });
  assert.equal(await charge('tok_decline_demo'), 'declined');
  assert.equal(await charge('tok_lan_0001'), 'paid');
  // The test token changed: the card declined before is paid at its next retry (and leaves the deny list, taps/charges.ts).
  await setSetting(app.database.db, DECLINE_TOKEN_SETTING, 'tok_khac');
  assert.equal(await charge('tok_decline_demo'), 'paid');
  assert.equal(await charge('tok_khac'), 'declined');
  const retryAt = (await chargesOf(app.platform, hungAccount.id))[0]?.next_attempt_at ?? now;
  await retryCharges(app.platform, officer, retryAt, { payments: cards });
  assert.equal((await chargesOf(app.platform, hungAccount.id))[0]?.status, 'paid');
  assert.equal(await denied(), false, 'paid: off the deny list');
  const off = { ...app.platform, config: { ...app.platform.config, paymentsProvider: 'none' as const } } as Platform;
  assert.equal(cardPaymentsFor(off), undefined, 'no card adapter: bank-card charges wait');
  const production = { ...app.platform, config: { ...app.platform.config, production: true } } as Platform;
  assert.equal(cardPaymentsFor(production), undefined);
});
