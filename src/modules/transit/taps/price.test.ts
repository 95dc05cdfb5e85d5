// A service day priced once per account (TRANSPORT.md §2): bus and metro on one day, a monthly pass, debt on a low
// balance and on a declined bank card with up to 6 retries in 14 days, and the operators' clearing files.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { SessionUser } from '../../../platform/auth/roles.ts';
import { type TestApp, testApp } from '../../../testing/app.ts';
import { seedTransitNetwork } from '../network/index.ts';
import { balanceOf, buyPass, fullList, openAccount, registerMedium, topUp } from '../riders/index.ts';
import { citizen, fails, transitStaff } from '../riders/testing.ts';
import type { CardPayments } from './charges.ts';
import { chargesOf, clearingFile, clearingFor, ingestTaps, priceServiceDay, retryCharges } from './index.ts';
import { clearsFor, signed, tap } from './testing.ts';

let app: TestApp;
let officer: SessionUser;
let operator: SessionUser;
const AFTER = new Date('2026-06-20T00:00:00Z');
const DAY = 86_400_000;

before(async () => {
  app = await testApp();
  ({ officer, operator } = await transitStaff(app));
  await seedTransitNetwork(app.database.db, app.platform.secrets);
  await clearsFor(app, officer, operator, ['HMC', 'TRANSERCO']);
});
after(async () => app?.close());

async function rider(username: string, pid: string, card: string, credit: number): Promise<number> {
  const u = await citizen(app, username, pid);
  const a = await openAccount(app.platform, u, u.id);
  await registerMedium(app.platform, officer, a.id, { kind: 'operator_card', key: card });
  if (credit > 0) await topUp(app.platform, officer, { accountId: a.id, amount: credit });
  return a.id;
}

/** Bus 34 (27.3 km: 12,000 đ) then metro 2A Cát Linh → Hà Đông (8.791 km: 12,000 đ) on `day`, by `card`. */
async function busAndMetro(card: string, day: string, kind: 'operator_card' | 'bank_card' = 'operator_card') {
  const m = { mediumKind: kind };
  await ingestTaps(app.platform, await signed(app, 'V-34-1', [tap(card, `${day}T07:00:00`, 'on', 'BUS-0016', m), tap(card, `${day}T07:40:00`, 'off', 'BUS-0024', m)]), { now: AFTER });
  // The gates forward out of order, the tap-off first.
  await ingestTaps(app.platform, await signed(app, 'G-2A-09-1', [tap(card, `${day}T08:20:00`, 'off', undefined, m)]), { now: AFTER });
  await ingestTaps(app.platform, await signed(app, 'G-2A-01-1', [tap(card, `${day}T08:00:00`, 'on', undefined, m)]), { now: AFTER });
}

const trips = async (accountId: number, day: string) =>
  (await sql<{ rule_id: string; amount: number; explanation_en: string }>`select rule_id, amount::int as amount, explanation_en from transit_trips where account_id = ${accountId} and service_day = ${day} order by id`.execute(app.database.db)).rows;
const denied = async (key: string) => (await fullList(app.platform, officer, 'deny')).items.some((i) => i.key === key);

test('a rider’s day across a bus and the metro is priced once from the balance; a second run changes nothing', async () => {
  const lan = await rider('lan.taps', '001185004321', '04A1B2C3D4E5F6', 100_000);
  await busAndMetro('04A1B2C3D4E5F6', '2026-06-10');
  await assert.rejects(priceServiceDay(app.platform, officer, '2026-06-10', { now: new Date('2026-06-10T20:00:00Z') }), fails('DAY_NOT_OVER'));
  await assert.rejects(priceServiceDay(app.platform, null, '2026-06-10', { now: AFTER }), fails('UNAUTHENTICATED'));
  const run = await priceServiceDay(app.platform, officer, '2026-06-10', { now: AFTER });
  assert.deepEqual(run, { serviceDay: '2026-06-10', alreadyPriced: false, taps: 4, accounts: 1, unmatchedTaps: 0, total: 24_000 });
  const t = await trips(lan, '2026-06-10');
  assert.deepEqual(t.map((x) => [x.rule_id, x.amount]), [['bus-25-30', 12_000], ['m2a-7-9', 12_000]]);
  assert.ok(t.every((x) => x.explanation_en.length > 0));
  assert.equal(await balanceOf(app.platform, officer, lan), 76_000);
  const again = await priceServiceDay(app.platform, officer, '2026-06-10', { now: AFTER });
  assert.equal(again.alreadyPriced, true);
  assert.equal(again.total, 24_000);
  assert.equal((await trips(lan, '2026-06-10')).length, 2);
  assert.equal(await balanceOf(app.platform, officer, lan), 76_000);
  const charges = await chargesOf(app.platform, lan);
  assert.deepEqual(charges.map((c) => [c.service_day, c.amount, c.status, c.method]), [['2026-06-10', 24_000, 'paid', 'balance']]);
});

test('a monthly all-routes bus pass makes the bus leg free; the metro is still charged', async () => {
  const minh = await rider('minh.taps', '001090001234', '04B1B2C3D4E5F6', 300_000);
  await buyPass(app.platform, officer, { accountId: minh, productId: 'bus-month-all-regular', price: 280_000, validFrom: '2026-06-01', validTo: '2026-06-30' });
  await busAndMetro('04B1B2C3D4E5F6', '2026-06-11');
  const run = await priceServiceDay(app.platform, operator, '2026-06-11', { now: AFTER });
  assert.equal(run.total, 12_000);
  assert.deepEqual((await trips(minh, '2026-06-11')).map((x) => [x.rule_id, x.amount]), [['pass:bus-month-all-regular', 0], ['m2a-7-9', 12_000]]);
  assert.equal(await balanceOf(app.platform, officer, minh), 8_000);
});

test('a balance too low leaves debt, the account’s card and bank card go on the deny list; a top-up and a retry pay it and lift it', async () => {
  const hoa = await rider('hoa.taps', '001195007777', '04C1B2C3D4E5F6', 5_000);
  await registerMedium(app.platform, officer, hoa, { kind: 'bank_card', key: 'tok_hoa_0001', last4: '4242' });
  await busAndMetro('04C1B2C3D4E5F6', '2026-06-12');
  await priceServiceDay(app.platform, officer, '2026-06-12', { now: AFTER });
  let [c] = await chargesOf(app.platform, hoa);
  assert.deepEqual([c?.status, c?.attempts, c?.next_attempt_at?.toISOString()], ['declined', 1, new Date(AFTER.getTime() + DAY).toISOString()]);
  assert.equal(await balanceOf(app.platform, officer, hoa), 5_000); // nothing half-taken
  assert.equal(await denied('tok_hoa_0001'), true);
  assert.equal(await denied('04C1B2C3D4E5F6'), true, 'the stored-value card too: the debt cannot grow');
  assert.deepEqual(await retryCharges(app.platform, operator, new Date(AFTER.getTime() + 3600_000)), { paid: 0, declined: 0, waiting: 0 }); // not due yet
  await topUp(app.platform, officer, { accountId: hoa, amount: 50_000 });
  assert.deepEqual(await retryCharges(app.platform, operator, new Date(AFTER.getTime() + DAY)), { paid: 1, declined: 0, waiting: 0 });
  [c] = await chargesOf(app.platform, hoa);
  assert.deepEqual([c?.status, c?.attempts], ['paid', 2]);
  assert.equal(await balanceOf(app.platform, officer, hoa), 31_000);
  assert.equal(await denied('tok_hoa_0001'), false);
  assert.equal(await denied('04C1B2C3D4E5F6'), false);
});

test('a bank card is charged once for the day; a decline denies it; 6 resubmissions in 14 days, then paid and lifted', async () => {
  const tuan = await rider('tuan.taps', '001088002222', '04D1B2C3D4E5F6', 0);
  await registerMedium(app.platform, officer, tuan, { kind: 'bank_card', key: 'tok_tuan_0001', last4: '1881' });
  await busAndMetro('tok_tuan_0001', '2026-06-13', 'bank_card');
  const calls: { mediumKey: string; amount: number }[] = [];
  const declines: CardPayments = { charge: async (i) => (calls.push(i), 'declined') };
  await priceServiceDay(app.platform, officer, '2026-06-13', { now: AFTER, payments: declines });
  assert.deepEqual(calls.map((x) => [x.mediumKey, x.amount]), [['tok_tuan_0001', 24_000]]);
  assert.equal(await denied('tok_tuan_0001'), true);
  let at = AFTER.getTime();
  for (let i = 0; i < 6; i++) {
    const [c] = await chargesOf(app.platform, tuan);
    at = c?.next_attempt_at?.getTime() ?? Infinity;
    await retryCharges(app.platform, operator, new Date(at), { payments: declines });
  }
  assert.ok(at - AFTER.getTime() <= 14 * DAY);
  const [last] = await chargesOf(app.platform, tuan);
  assert.deepEqual([last?.status, last?.attempts, last?.next_attempt_at], ['declined', 7, null]);
  assert.equal(calls.length, 7);
  assert.deepEqual(await retryCharges(app.platform, operator, new Date(at + 30 * DAY), { payments: declines }), { paid: 0, declined: 0, waiting: 0 });
  // The operator's debt desk collects later: paid, and the card leaves the deny list.
  await sql`update transit_charges set next_attempt_at = ${new Date(at)} where account_id = ${tuan}`.execute(app.database.db);
  await retryCharges(app.platform, operator, new Date(at + DAY), { payments: { charge: async () => 'paid' } });
  assert.equal((await chargesOf(app.platform, tuan))[0]?.status, 'paid');
  assert.equal(await denied('tok_tuan_0001'), false);
});

test('clearing per operator: trips and revenue by rule, and the CSV the operator receives', async () => {
  const bus = await clearingFor(app.platform, operator, 'TRANSERCO', '2026-06-11');
  assert.deepEqual(bus, { operatorCode: 'TRANSERCO', serviceDay: '2026-06-11', priced: true, trips: 1, revenue: 0, byRule: [{ ruleId: 'pass:bus-month-all-regular', trips: 1, revenue: 0 }] });
  const metro = await clearingFor(app.platform, operator, 'HMC', '2026-06-10');
  assert.deepEqual([metro.trips, metro.revenue], [1, 12_000]);
  const file = await clearingFile(app.platform, operator, 'TRANSERCO', '2026-06-10');
  assert.equal(file.filename, 'doi-soat-TRANSERCO-2026-06-10.csv');
  assert.equal(file.body, '\uFEFFngay_phuc_vu,don_vi,quy_tac,so_chuyen,doanh_thu_vnd\r\n2026-06-10,TRANSERCO,bus-25-30,1,12000\r\n2026-06-10,TRANSERCO,TONG,1,12000\r\n');
  const stored = await sql<{ revenue: number; revenue_by_rule: unknown }>`select revenue::int as revenue, revenue_by_rule from transit_clearing where operator_code = 'HMC' and service_day = '2026-06-10'`.execute(app.database.db);
  assert.equal(stored.rows[0]?.revenue, 12_000);
  assert.equal((await clearingFor(app.platform, operator, 'HMC', '2026-06-30')).priced, false);
  await assert.rejects(clearingFor(app.platform, operator, 'HMC; drop', '2026-06-10'), fails('OPERATOR_INVALID'));
  // The bus and BRT operator is not among the agency's: refused as if it did not exist; the officer sees every one.
  await assert.rejects(clearingFor(app.platform, operator, 'TRAMOC', '2026-06-10'), fails('OPERATOR_NOT_YOURS'));
  await assert.rejects(clearingFile(app.platform, operator, 'TRAMOC', '2026-06-10'), fails('OPERATOR_NOT_YOURS'));
  assert.equal((await clearingFor(app.platform, officer, 'TRAMOC', '2026-06-10')).operatorCode, 'TRAMOC');
});
