// A service day priced in chunks of accounts (issue 15: 1 million accounts in under 10 minutes): a chunk with mixed
// accounts (a balance that covers the day, one that does not → debt and the deny list, a pass holder, a free
// category), a failure inside a chunk rolling that chunk back whole, a re-run completing the day and charging nobody
// twice, and a day's balance charge refused a second time by its ledger reference.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { SessionUser } from '../../../platform/auth/roles.ts';
import { type TestApp, testApp } from '../../../testing/app.ts';
import { seedTransitNetwork } from '../network/index.ts';
import { balanceOf, buyPass, chargeBalance, fullList, grantConcession, openAccount, registerMedium, topUp } from '../riders/index.ts';
import { citizen, fails, transitStaff } from '../riders/testing.ts';
import { chargesOf, clearingFor, ingestTaps, priceServiceDay } from './index.ts';
import { signed, tap } from './testing.ts';

let app: TestApp;
let officer: SessionUser;
const AFTER = new Date('2026-06-20T00:00:00Z');
const DAY = '2026-06-15';

before(async () => {
  app = await testApp();
  ({ officer } = await transitStaff(app));
  await seedTransitNetwork(app.database.db, app.platform.secrets);
});
after(async () => app?.close());

async function rider(username: string, pid: string, card: string, credit: number): Promise<number> {
  const u = await citizen(app, username, pid);
  const a = await openAccount(app.platform, u, u.id);
  await registerMedium(app.platform, officer, a.id, { kind: 'operator_card', key: card });
  if (credit > 0) await topUp(app.platform, officer, { accountId: a.id, amount: credit });
  return a.id;
}

/** Bus 34 (12,000 đ) then metro 2A Cát Linh → Hà Đông (12,000 đ). */
async function busAndMetro(card: string, day: string) {
  await ingestTaps(app.platform, await signed(app, 'V-34-1', [tap(card, `${day}T07:00:00`, 'on', 'BUS-0016'), tap(card, `${day}T07:40:00`, 'off', 'BUS-0024')]), { now: AFTER });
  await ingestTaps(app.platform, await signed(app, 'G-2A-01-1', [tap(card, `${day}T08:00:00`, 'on')]), { now: AFTER });
  await ingestTaps(app.platform, await signed(app, 'G-2A-09-1', [tap(card, `${day}T08:20:00`, 'off')]), { now: AFTER });
}

const db = () => app.database.db;
const ledgerCharges = async (accountId: number) =>
  (await sql<{ amount: number; reference: string }>`select amount::int as amount, reference from transit_ledger where account_id = ${accountId} and kind = 'charge' order by id`.execute(db())).rows;
const tripCount = async (accountId: number) => Number((await sql<{ n: number }>`select count(*)::int as n from transit_trips where account_id = ${accountId} and service_day = ${DAY}`.execute(db())).rows[0]?.n);
const denied = async (key: string) => (await fullList(app.platform, officer, 'deny')).items.some((i) => i.key === key);
const dayCharge = async (accountId: number) => (await chargesOf(app.platform, accountId)).find((c) => c.service_day === DAY);

test('two chunks of mixed accounts: a failure in the second rolls it back whole; a re-run completes the day and charges nobody twice', async () => {
  // Account ids ascend in this order, so with 2 accounts a chunk: [enough, low] then [pass holder, senior].
  const enough = await rider('an.chunks', '001185004401', '04E1B2C3D4E5F6', 100_000);
  const low = await rider('binh.chunks', '001185004402', '04E2B2C3D4E5F6', 5_000);
  const holder = await rider('chi.chunks', '001185004403', '04E3B2C3D4E5F6', 300_000);
  await buyPass(app.platform, officer, { accountId: holder, productId: 'bus-month-all-regular', price: 280_000, validFrom: '2026-06-01', validTo: '2026-06-30' });
  const senior = await rider('dung.chunks', '001185004404', '04E4B2C3D4E5F6', 0);
  await grantConcession(app.platform, officer, senior, { category: 'senior_60', source: 'officer_check', expiresAt: '2030-01-01' }, { today: '2026-06-01' });
  for (const card of ['04E1B2C3D4E5F6', '04E2B2C3D4E5F6', '04E3B2C3D4E5F6', '04E4B2C3D4E5F6']) await busAndMetro(card, DAY);

  const boom = new Error('simulated crash in chunk 1');
  await assert.rejects(
    priceServiceDay(app.platform, officer, DAY, { now: AFTER, chunkAccounts: 2, beforeCommit: (chunk) => { if (chunk === 1) throw boom; } }),
    (e) => e === boom,
  );
  // Chunk 0 committed: the first account paid, the second in debt with its card denied.
  assert.equal(await balanceOf(app.platform, officer, enough), 76_000);
  assert.deepEqual([(await dayCharge(enough))?.status, (await dayCharge(enough))?.attempts], ['paid', 1]);
  const debt = await dayCharge(low);
  assert.deepEqual([debt?.status, debt?.attempts, debt?.last_error, debt?.next_attempt_at?.toISOString()], ['declined', 1, 'balance too low', '2026-06-21T00:00:00.000Z']);
  assert.equal(await balanceOf(app.platform, officer, low), 5_000);
  assert.equal(await denied('04E2B2C3D4E5F6'), true);
  // Chunk 1 rolled back: no charge, no trip, no ledger row; the day is not priced yet (nothing to clear).
  for (const id of [holder, senior]) {
    assert.equal(await dayCharge(id), undefined);
    assert.equal(await tripCount(id), 0);
  }
  assert.equal(await balanceOf(app.platform, officer, holder), 20_000);
  assert.equal((await clearingFor(app.platform, officer, 'HMC', DAY)).priced, false);

  const run = await priceServiceDay(app.platform, officer, DAY, { now: AFTER, chunkAccounts: 2 });
  assert.deepEqual(run, { serviceDay: DAY, alreadyPriced: false, taps: 16, accounts: 4, unmatchedTaps: 0, total: 24_000 + 24_000 + 12_000 + 0 });
  assert.deepEqual((await ledgerCharges(enough)).map((l) => l.amount), [-24_000], 'charged once, not again on the re-run');
  assert.deepEqual(await ledgerCharges(low), []);
  assert.equal(await balanceOf(app.platform, officer, holder), 8_000);
  assert.deepEqual((await chargesOf(app.platform, holder)).map((c) => [c.amount, c.status, c.method]), [[12_000, 'paid', 'balance']]);
  assert.deepEqual((await chargesOf(app.platform, senior)).map((c) => [c.amount, c.status, c.method]), [[0, 'paid', 'none']]);
  for (const id of [enough, low, holder, senior]) assert.equal(await tripCount(id), 2);
  // The ledger row names its charge (after the pass's own row).
  const rows = await ledgerCharges(holder);
  assert.deepEqual(rows.map((l) => l.amount), [-280_000, -12_000]);
  assert.equal(rows[1]?.reference, `transit day ${DAY} #${(await dayCharge(holder))?.id}`);
  // Clearing covers every chunk: metro 4 trips (12,000 đ + 12,000 đ + 12,000 đ + 0 for the senior).
  const metro = await clearingFor(app.platform, officer, 'HMC', DAY);
  assert.deepEqual([metro.priced, metro.trips, metro.revenue], [true, 4, 36_000]);
  const bus = await clearingFor(app.platform, officer, 'TRANSERCO', DAY);
  assert.deepEqual([bus.trips, bus.revenue], [4, 24_000]);
  const audits = (await sql<{ action: string; n: number }>`select action, count(*)::int as n from audit_log where action in ('transit.balance.charge', 'transit.charge.paid', 'transit.charge.declined', 'transit.list.deny_debt', 'transit.day.price') group by action order by action`.execute(db())).rows;
  assert.deepEqual(audits.map((a) => [a.action, a.n]), [['transit.balance.charge', 2], ['transit.charge.declined', 1], ['transit.charge.paid', 2], ['transit.day.price', 1], ['transit.list.deny_debt', 1]]);

  // A third run finds the day done and changes nothing.
  const again = await priceServiceDay(app.platform, officer, DAY, { now: AFTER, chunkAccounts: 2 });
  assert.deepEqual(again, { ...run, alreadyPriced: true });
  assert.equal((await ledgerCharges(enough)).length, 1);
  assert.equal(await balanceOf(app.platform, officer, holder), 8_000);
});

test('a day’s balance charge cannot be taken twice under the same reference (a retry after a crash finds it)', async () => {
  const an = (await sql<{ id: number }>`select id from transit_accounts order by id limit 1`.execute(db())).rows[0]!.id;
  const [first] = await ledgerCharges(an);
  assert.ok(first);
  await assert.rejects(chargeBalance(app.platform, officer, { accountId: an, amount: 1_000, reference: first.reference }), (e: unknown) => (e as { code?: string }).code === '23505');
  assert.equal(await balanceOf(app.platform, officer, an), 76_000);
  // Other references (a pass, a top-up's note) are not concerned.
  assert.equal((await chargeBalance(app.platform, officer, { accountId: an, amount: 1_000, reference: 'pass x' })).charged, true);
  await assert.rejects(priceServiceDay(app.platform, null, DAY, { now: AFTER }), fails('UNAUTHENTICATED'));
});
