// Accounts, media, balances and passes through the services on a real database (TRANSPORT.md §1–2).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { SessionUser } from '../../../platform/auth/roles.ts';
import { listAudit } from '../../../platform/audit/index.ts';
import { type TestApp, testApp } from '../../../testing/app.ts';
import { openAccount } from './accounts.ts';
import { accountOfMedium, blockMedium, registerMedium, replaceLostCard } from './media.ts';
import { balanceOf, buyPass, topUp } from './money.ts';
import { citizen, fails, transitStaff } from './testing.ts';

let app: TestApp;
let officer: SessionUser;
let operator: SessionUser;
let other: SessionUser;
let lan: SessionUser;
let minh: SessionUser;
let lanAccount: number;

before(async () => {
  app = await testApp();
  ({ officer, operator, other } = await transitStaff(app));
  lan = await citizen(app, 'lan.nguyen', '001185004321');
  minh = await citizen(app, 'minh.tran', '001090001234');
});
after(async () => app?.close());

test('one account per person: the citizen opens their own, a second is refused; others may not open one for them', async () => {
  await assert.rejects(openAccount(app.platform, minh, lan.id), fails('FORBIDDEN'));
  await assert.rejects(openAccount(app.platform, other, lan.id), fails('FORBIDDEN'));
  await assert.rejects(openAccount(app.platform, lan, lan.id, 'priority'), fails('INVALID'));
  const a = await openAccount(app.platform, lan, lan.id);
  lanAccount = a.id;
  assert.equal(a.status, 'active');
  await assert.rejects(openAccount(app.platform, officer, lan.id), fails('ACCOUNT_EXISTS'));
  await assert.rejects(openAccount(app.platform, officer, officer.id), fails('NOT_A_CITIZEN'));
  const audit = await listAudit(app.database.db, { action: 'transit.account.open', entityId: String(a.id) });
  assert.equal(audit.length, 1);
});

test('media: one of the physical or virtual card active; a bank card as token + last 4, its number refused', async () => {
  const card = await registerMedium(app.platform, lan, lanAccount, { kind: 'operator_card', key: '04a1b2c3d4e5f6' });
  assert.equal(card.status, 'active');
  await assert.rejects(registerMedium(app.platform, lan, lanAccount, { kind: 'app_qr', key: 'vcard-000123' }), fails('ONE_CARD_ACTIVE'));
  await assert.rejects(registerMedium(app.platform, minh, lanAccount, { kind: 'ewallet_qr', key: 'momo-12345678' }), fails('FORBIDDEN'));
  await assert.rejects(registerMedium(app.platform, lan, lanAccount, { kind: 'bank_card', key: '4111111111111111', last4: '1111' }), (e: unknown) => {
    assert.deepEqual((e as { fields: { field: string }[] }).fields.map((x) => x.field), ['key']);
    return true;
  });
  await assert.rejects(registerMedium(app.platform, lan, lanAccount, { kind: 'bank_card', key: 'tok_visa_8f3a2c', last4: '11' }), fails('INVALID'));
  const bank = await registerMedium(app.platform, lan, lanAccount, { kind: 'bank_card', key: 'tok_visa_8f3a2c', last4: '1111' });
  assert.equal(bank.last4, '1111');
  assert.equal('media_key' in bank, false);
  await assert.rejects(registerMedium(app.platform, officer, lanAccount, { kind: 'bank_card', key: 'tok_visa_8f3a2c', last4: '1111' }), fails('MEDIUM_TAKEN'));
  // The database refuses a second active card and a PAN even without the service.
  await assert.rejects(sql`insert into transit_media (account_id, kind, media_key) values (${lanAccount}, 'app_qr', 'vcard-raw-1')`.execute(app.database.db));
  await assert.rejects(sql`insert into transit_media (account_id, kind, media_key, last4) values (${lanAccount}, 'bank_card', '4111111111111111', '1111')`.execute(app.database.db));
  assert.equal((await listAudit(app.database.db, { action: 'transit.medium.register' })).length, 2);
});

test('top-up, then a pass: a price above the balance is refused and nothing is written', async () => {
  await assert.rejects(topUp(app.platform, lan, { accountId: lanAccount, amount: 0 }), fails('INVALID'));
  await assert.rejects(topUp(app.platform, lan, { accountId: lanAccount, amount: -5000 }), fails('INVALID'));
  await assert.rejects(topUp(app.platform, minh, { accountId: lanAccount, amount: 5000 }), fails('FORBIDDEN'));
  assert.equal((await topUp(app.platform, lan, { accountId: lanAccount, amount: 100_000 })).balance, 100_000);
  await assert.rejects(
    buyPass(app.platform, lan, { accountId: lanAccount, productId: 'bus-month-all', price: 280_000, validFrom: '2026-07-01', validTo: '2026-07-31' }),
    fails('INSUFFICIENT_BALANCE'),
  );
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from transit_passes`.execute(app.database.db)).rows[0]?.n, 0);
  const { pass, balance } = await buyPass(app.platform, lan, { accountId: lanAccount, productId: 'bus-month-route', price: 70_000, validFrom: '2026-07-01', validTo: '2026-07-31', routeId: '32' });
  assert.equal(balance, 30_000);
  assert.equal(pass.route_id, '32');
  assert.equal(Number(pass.price_paid), 70_000);
  await assert.rejects(buyPass(app.platform, lan, { accountId: lanAccount, productId: 'x', price: 1, validFrom: '2026-07-31', validTo: '2026-07-01' }), fails('INVALID'));
  assert.equal(await balanceOf(app.platform, officer, lanAccount), 30_000);
  assert.equal((await listAudit(app.database.db, { action: 'transit.pass.buy' })).length, 1);
});

test('the ledger is append-only and never negative, in the database itself', async () => {
  await assert.rejects(sql`insert into transit_ledger (account_id, kind, amount) values (${lanAccount}, 'charge', -30001)`.execute(app.database.db));
  await assert.rejects(sql`update transit_ledger set amount = 1 where account_id = ${lanAccount}`.execute(app.database.db));
  await assert.rejects(sql`delete from transit_ledger where account_id = ${lanAccount}`.execute(app.database.db));
  assert.equal(await balanceOf(app.platform, lan, lanAccount), 30_000);
});

test('a lost card: blocked, a new card takes the balance in one move, the old card refused in vi and en', async () => {
  const row = (await sql<{ id: number }>`select id from transit_media where kind = 'operator_card'`.execute(app.database.db)).rows[0];
  assert.ok(row);
  const old = { id: Number(row.id) };
  await assert.rejects(replaceLostCard(app.platform, minh, old.id, { kind: 'app_qr', key: 'vcard-000123' }), fails('FORBIDDEN'));
  await assert.rejects(replaceLostCard(app.platform, lan, old.id, { kind: 'bank_card', key: 'tok_mc_1234567', last4: '4444' }), fails('NOT_A_CARD'));
  const r = await replaceLostCard(app.platform, lan, old.id, { kind: 'app_qr', key: 'vcard-000123' });
  assert.equal(r.moved, 30_000);
  assert.ok(r.denyVersion !== null);
  assert.equal(await balanceOf(app.platform, lan, lanAccount), 30_000, 'the account keeps its balance');
  const moves = await sql<{ medium_id: number; kind: string; amount: number }>`select medium_id, kind, amount from transit_ledger where kind like 'transfer%' order by id`.execute(app.database.db);
  assert.deepEqual(moves.rows.map((m) => [Number(m.medium_id), m.kind, Number(m.amount)]), [[old.id, 'transfer_out', -30_000], [r.mediumId, 'transfer_in', 30_000]]);
  const audit = await listAudit(app.database.db, { action: 'transit.medium.replace', entityId: String(old.id) });
  assert.equal(audit.length, 1);
  await assert.rejects(topUp(app.platform, lan, { accountId: lanAccount, amount: 10_000, mediumId: old.id }), (e: unknown) => {
    fails('MEDIUM_BLOCKED')(e);
    assert.match((e as { text: { vi: string } }).text.vi, /khóa hoặc báo mất/);
    assert.match((e as { text: { en: string } }).text.en, /blocked or reported lost/);
    return true;
  });
  await assert.rejects(accountOfMedium(app.platform, operator, 'operator_card', '04A1B2C3D4E5F6'), fails('MEDIUM_BLOCKED'));
  assert.equal(await accountOfMedium(app.platform, operator, 'app_qr', 'vcard-000123'), lanAccount);
  await assert.rejects(replaceLostCard(app.platform, lan, old.id, { kind: 'operator_card', key: 'AABBCCDD' }), fails('MEDIUM_BLOCKED'));
  // Blocking the new card too, then the account has no active card and the one-card rule admits another.
  await blockMedium(app.platform, officer, r.mediumId, 'blocked');
  await assert.rejects(blockMedium(app.platform, officer, r.mediumId, 'lost'), fails('MEDIUM_BLOCKED'));
  await registerMedium(app.platform, lan, lanAccount, { kind: 'operator_card', key: 'AABBCCDD' });
});
