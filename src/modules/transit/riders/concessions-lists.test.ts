// Concessions that keep no personal data, and the validators' deny/allow lists with versions and deltas (TRANSPORT.md §1–2).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { SessionUser } from '../../../platform/auth/roles.ts';
import { listAudit } from '../../../platform/audit/index.ts';
import { type TestApp, testApp } from '../../../testing/app.ts';
import { openAccount } from './accounts.ts';
import { concessionsOf, grantConcession, proveAge } from './concessions.ts';
import { clearDebt, denyForDebt, fullList, listDelta, versionChanges } from './lists.ts';
import { blockMedium, registerMedium } from './media.ts';
import { citizen, fails, transitStaff } from './testing.ts';

const NUMBER = '001066007777';
const BORN = '1966-12-05';
let app: TestApp;
let officer: SessionUser;
let operator: SessionUser;
let other: SessionUser;
let hoa: SessionUser;
let hoaAccount: number;
let namAccount: number;

before(async () => {
  app = await testApp();
  ({ officer, operator, other } = await transitStaff(app));
  hoa = await citizen(app, 'hoa.le', NUMBER);
  const nam = await citizen(app, 'nam.pham', '001201000042');
  hoaAccount = (await openAccount(app.platform, hoa, hoa.id)).id;
  namAccount = (await openAccount(app.platform, officer, nam.id)).id;
});
after(async () => app?.close());

async function storedText(): Promise<string> {
  const tables = ['transit_accounts', 'transit_media', 'transit_ledger', 'transit_passes', 'transit_concessions', 'transit_list_versions', 'transit_list_entries', 'audit_log'];
  let all = '';
  for (const t of tables) all += (await sql<{ r: string }>`select t::text as r from ${sql.table(t)} t`.execute(app.database.db)).rows.map((x) => x.r).join('\n');
  return all;
}

test('proveAge: the structure must match the birth date and the holder; refused before the 60th birthday', async () => {
  await assert.rejects(proveAge(app.platform, hoa, hoaAccount, NUMBER, '1967-12-05', { today: '2026-12-05' }), fails('CCCD_INVALID'));
  await assert.rejects(proveAge(app.platform, hoa, hoaAccount, '001266007777', BORN, { today: '2026-12-05' }), fails('CCCD_INVALID'));
  await assert.rejects(proveAge(app.platform, hoa, hoaAccount, '001066008888', BORN, { today: '2026-12-05' }), fails('CCCD_NOT_OWNER'));
  await assert.rejects(proveAge(app.platform, other, hoaAccount, NUMBER, BORN, { today: '2026-12-05' }), fails('FORBIDDEN'));
  await assert.rejects(proveAge(app.platform, hoa, hoaAccount, NUMBER, BORN, { today: '2026-12-04' }), fails('NOT_YET_60'));
  assert.deepEqual(await concessionsOf(app.platform, hoa, hoaAccount, { today: '2026-12-04' }), []);
});

test('proveAge on the 60th birthday grants senior_60 from source cccd, no expiry, and stores neither the number nor the date', async () => {
  assert.deepEqual(await proveAge(app.platform, hoa, hoaAccount, NUMBER, BORN, { today: '2026-12-05' }), { category: 'senior_60' });
  const rows = await sql<{ category: string; source: string; expires_at: string | null }>`select category, source, expires_at from transit_concessions where account_id = ${hoaAccount}`.execute(app.database.db);
  assert.deepEqual(rows.rows, [{ category: 'senior_60', source: 'cccd', expires_at: null }]);
  const stored = await storedText();
  for (const secret of [NUMBER, BORN, '05/12/1966', '19661205']) assert.ok(!stored.includes(secret), `${secret} is stored somewhere`);
  assert.equal((await listAudit(app.database.db, { action: 'transit.concession.grant' })).length, 1);
  // A CCCD registered as a medium is kept as a keyed hash only.
  await registerMedium(app.platform, hoa, hoaAccount, { kind: 'cccd', cccdNumber: NUMBER });
  const key = (await sql<{ media_key: string }>`select media_key from transit_media where kind = 'cccd'`.execute(app.database.db)).rows[0]?.media_key;
  assert.match(key ?? '', /^[0-9a-f]{64}$/);
  assert.ok(!(await storedText()).includes(NUMBER));
});

test('other categories: an officer only, with a source and an expiry; an expired one no longer counts', async () => {
  const input = { category: 'poor_household', source: 'labour_office_list', expiresAt: '2027-12-31' };
  await assert.rejects(grantConcession(app.platform, hoa, namAccount, input), fails('FORBIDDEN'));
  await assert.rejects(grantConcession(app.platform, officer, namAccount, { ...input, expiresAt: undefined }), fails('INVALID'));
  await assert.rejects(grantConcession(app.platform, officer, namAccount, { ...input, category: 'student' }), fails('INVALID'));
  await assert.rejects(grantConcession(app.platform, officer, namAccount, { ...input, source: 'Scan of the card' }), fails('INVALID'));
  await grantConcession(app.platform, officer, namAccount, input, { today: '2026-12-05' });
  assert.deepEqual(await concessionsOf(app.platform, officer, namAccount, { today: '2027-12-31' }), ['poor_household']);
  assert.deepEqual(await concessionsOf(app.platform, officer, namAccount, { today: '2028-01-01' }), []);
});

test('deny list: versions and deltas; a lost card added; debt added then cleared in a new version', async () => {
  const card = await registerMedium(app.platform, officer, namAccount, { kind: 'operator_card', key: '11223344' });
  const bank = await registerMedium(app.platform, officer, namAccount, { kind: 'bank_card', key: 'tok_nam_visa_01', last4: '0042' });
  await assert.rejects(listDelta(app.platform, other, 'deny', 0), fails('FORBIDDEN'));
  await assert.rejects(clearDebt(app.platform, operator, namAccount), fails('NOT_IN_DEBT'));
  const v0 = (await fullList(app.platform, operator, 'deny')).version;

  await blockMedium(app.platform, officer, card.id, 'lost');
  const v1 = await denyForDebt(app.platform, operator, namAccount);
  assert.equal(v1, v0 + 2);
  assert.equal(await denyForDebt(app.platform, operator, namAccount), null, 'already denied: no new version');
  const full = await fullList(app.platform, operator, 'deny');
  assert.equal(full.version, v1);
  assert.deepEqual(full.items, [{ kind: 'operator_card', key: '11223344' }, { kind: 'bank_card', key: 'tok_nam_visa_01' }]);
  assert.deepEqual((await listDelta(app.platform, operator, 'deny', v0 + 1)).added, [{ kind: 'bank_card', key: 'tok_nam_visa_01' }]);

  const v2 = await clearDebt(app.platform, operator, namAccount);
  assert.equal(v2, (v1 ?? 0) + 1);
  const delta = await listDelta(app.platform, operator, 'deny', v1 ?? 0);
  assert.deepEqual(delta, { list: 'deny', since: v1, version: v2, added: [], removed: [{ kind: 'bank_card', key: 'tok_nam_visa_01' }] });
  assert.deepEqual(await versionChanges(app.platform, operator, 'deny', v2), { added: [], removed: [{ kind: 'bank_card', key: 'tok_nam_visa_01' }] });
  // A validator that last synced before the debt sees only the lost card: the debt came and went in between.
  assert.deepEqual(await listDelta(app.platform, operator, 'deny', v0), { list: 'deny', since: v0, version: v2, added: [{ kind: 'operator_card', key: '11223344' }], removed: [] });
  assert.deepEqual((await fullList(app.platform, operator, 'deny')).items, [{ kind: 'operator_card', key: '11223344' }]);
  await assert.rejects(listDelta(app.platform, operator, 'deny', v2 + 1), fails('INVALID'));
  await assert.rejects(listDelta(app.platform, operator, 'grey', 0), fails('INVALID'));
  assert.equal((await listAudit(app.database.db, { action: 'transit.list.clear_debt', entityId: String(namAccount) })).length, 1);
  assert.equal(bank.kind, 'bank_card');
});
