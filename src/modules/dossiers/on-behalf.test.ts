// Issue 10: submitting in another person's name is the role "intake" for the agencies it serves (a one-stop officer
// for their own agency); a citizen's dossier carries the contacts the account proved, whatever the request says; an
// account submits at most so many dossiers an hour (429, in Vietnamese and English).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Role, SessionUser } from '../../platform/auth/roles.ts';
import { setSetting } from '../../platform/db/settings.ts';
import { testApp, type TestApp } from '../../testing/app.ts';
import { apiTokenFor } from '../../testing/auth.ts';
import { intakeRepo } from '../accounts/index.ts';
import { makeStaff } from '../accounts/testing.ts';
import { createUserFromArgs } from '../../cli/user-create.ts';
import { findAgencyByCode } from '../units/index.ts';
import { answersFor, prepareDossierTests, PROC, registerCitizen, TINY, type TestCitizen } from './testing.ts';

const CENTRE = '000.00.20.H26';
const HOAN_KIEM = '000.04.51.H26';
const CUA_NAM = '000.05.51.H26';

let app: TestApp;
let hoa: TestCitizen;
before(async () => {
  app = await testApp();
  await prepareDossierTests(app);
  hoa = await registerCitizen(app, 81);
});
after(async () => {
  await app.close();
});

const files = [{ doc_key: 'doc1', filename: 'to-khai.pdf', content_base64: TINY.pdf.toString('base64') }];
const someone = { fullName: 'Lê Văn Minh', personalId: '001085012345', name: 'Lê Văn Minh', email: 'minh@example.vn' };

async function post(user: SessionUser, payload: Record<string, unknown>) {
  const bearer = await apiTokenFor(app.database.db, user);
  return app.server.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
}

async function staff(agencyCode: string, roles: Role[], name: string): Promise<SessionUser> {
  const agency = await findAgencyByCode(app.database.db, agencyCode);
  if (!agency) throw new Error(agencyCode);
  const id = await makeStaff(app.database.db, name, roles, { agencyId: agency.id });
  return { id, username: name, displayName: name, kind: 'staff', roles, agencyId: agency.id, agencyName: agency.name };
}

const forSomeone = (agency: string) => ({ procedure_code: PROC.online.code, agency_code: agency, form: answersFor(someone), files });

test('only the role “intake” submits in another person’s name, for the agencies it serves; administrators and editors are refused', async () => {
  for (const roles of [['admin'], ['editor'], ['specialist'], ['registry_clerk']] as Role[][]) {
    const user = await staff(HOAN_KIEM, roles, `onbehalf.${roles[0]?.replace('_', '')}`);
    const res = await post(user, forSomeone(HOAN_KIEM));
    assert.equal(res.statusCode, 403, `${roles[0]}: ${res.body}`);
    const error = (res.json() as { error: { code: string; message: { vi: string; en: string } } }).error;
    assert.equal(error.code, 'NOT_ON_BEHALF');
    assert.match(error.message.vi, /Tiếp nhận thay/);
    assert.match(error.message.en, /on another person’s behalf/);
  }
  assert.equal(Number((await sql<{ n: string }>`select count(*) as n from dossiers where applicant->>'personal_id' = ${someone.personalId}`.execute(app.database.db)).rows[0]?.n), 0);

  const integrator = await staff(CENTRE, ['intake'], 'onbehalf.integrator');
  assert.equal((await post(integrator, forSomeone(CENTRE))).statusCode, 201, 'its own agency');
  assert.equal((await post(integrator, forSomeone(HOAN_KIEM))).statusCode, 403, 'an agency it does not serve');
  const hk = await findAgencyByCode(app.database.db, HOAN_KIEM);
  await intakeRepo.replace(app.database.db, integrator.id, [hk?.id ?? 0]);
  const served = await post(integrator, forSomeone(HOAN_KIEM));
  assert.equal(served.statusCode, 201, served.body);
  assert.equal((await post(integrator, forSomeone(CUA_NAM))).statusCode, 403);

  // A one-stop officer is the intake desk of their own agency, and of no other.
  const officer = await staff(HOAN_KIEM, ['one_stop_officer'], 'onbehalf.officer');
  assert.equal((await post(officer, forSomeone(HOAN_KIEM))).statusCode, 201);
  assert.equal((await post(officer, forSomeone(CUA_NAM))).statusCode, 403);
});

test('a citizen’s dossier carries the contacts the account proved: the receipt goes there, not where the request says', async () => {
  const res = await post(hoa.user, {
    procedure_code: PROC.online.code,
    form: answersFor(hoa, { applicant: { fullName: hoa.name, personalId: hoa.personalId, phone: '0909 999 999', email: 'attacker@example.com', address: { commune: '00070', street: '1 phố Huế' } } }),
    applicant: { phone: '0909 888 888', email: 'other@example.com' },
    files,
  });
  assert.equal(res.statusCode, 201, res.body);
  const { code } = res.json() as { code: string };
  const row = (await sql<{ phone: string; email: string }>`select applicant->>'phone' as phone, applicant->>'email' as email from dossiers where code = ${code}`.execute(app.database.db)).rows[0];
  assert.deepEqual(row, { phone: `+84${hoa.phone.replace(/\D/g, '').slice(1)}`, email: hoa.email });
  const mail = await sql<{ to_address: string }>`select to_address from outbox_mail where subject like ${`%${code}%`}`.execute(app.database.db);
  assert.deepEqual(mail.rows.map((r) => r.to_address), [hoa.email]);

  // An e-mail address the account has not proven is not used at all.
  const lan = await registerCitizen(app, 82, 'Phạm Thị Lan');
  await sql`update accounts set email_verified_at = null where id = ${lan.user.id}`.execute(app.database.db);
  const second = await post(lan.user, { procedure_code: PROC.online.code, form: answersFor(lan), files });
  assert.equal(second.statusCode, 201, second.body);
  const c2 = (second.json() as { code: string }).code;
  assert.equal((await sql<{ email: string | null }>`select applicant->>'email' as email from dossiers where code = ${c2}`.execute(app.database.db)).rows[0]?.email, null);
  assert.equal((await sql`select 1 from outbox_mail where subject like ${`%${c2}%`}`.execute(app.database.db)).rows.length, 0);
});

test('an account submits at most the hour’s limit: then 429 in Vietnamese and English, and nothing is saved', async () => {
  await setSetting(app.database.db, 'dossiers.submissions_per_hour', 3);
  try {
    const mai = await registerCitizen(app, 83, 'Lê Thị Mai');
    const body = { procedure_code: PROC.online.code, form: answersFor(mai), files };
    for (let i = 0; i < 3; i++) assert.equal((await post(mai.user, body)).statusCode, 201);
    const before = Number((await sql<{ n: string }>`select count(*) as n from dossiers`.execute(app.database.db)).rows[0]?.n);
    const res = await post(mai.user, body);
    assert.equal(res.statusCode, 429);
    const error = (res.json() as { error: { code: string; message: { vi: string; en: string } } }).error;
    assert.equal(error.code, 'TOO_MANY_SUBMISSIONS');
    assert.match(error.message.vi, /3 hồ sơ trong một giờ/);
    assert.match(error.message.en, /3 dossiers in the past hour/);
    assert.equal(Number((await sql<{ n: string }>`select count(*) as n from dossiers`.execute(app.database.db)).rows[0]?.n), before);
    // Another account is not held back by hers.
    assert.equal((await post(hoa.user, { procedure_code: PROC.online.code, form: answersFor(hoa), files })).statusCode, 201);
  } finally {
    await setSetting(app.database.db, 'dossiers.submissions_per_hour', 100_000);
  }
});

test('egov user create --roles intake --serves <codes>: the integrator submits for the agencies listed', async () => {
  const args = (over: Record<string, string>): string[] =>
    Object.entries({ username: 'ketnoi.cli', password: 'Ketnoi2025', name: 'Hệ thống kết nối', agency: CENTRE, roles: 'intake', ...over }).flatMap(([k, v]) => [`--${k}`, v]);
  assert.match((await createUserFromArgs(app.database, args({ serves: 'X00.00.00.H00' }))).message, /^--serves: no agency with code/);
  assert.match((await createUserFromArgs(app.database, args({ roles: 'admin', serves: HOAN_KIEM }))).message, /^--serves: only for an account with the role intake$/);
  const made = await createUserFromArgs(app.database, args({ serves: HOAN_KIEM }));
  assert.equal(made.ok, true, made.message);
  const id = Number(/\(id (\d+)\)/.exec(made.message)?.[1]);
  const centre = await findAgencyByCode(app.database.db, CENTRE);
  const user: SessionUser = { id, username: 'ketnoi.cli', displayName: 'Hệ thống kết nối', kind: 'staff', roles: ['intake'], agencyId: centre?.id ?? null, agencyName: null };
  assert.equal((await post(user, forSomeone(HOAN_KIEM))).statusCode, 201);
  assert.equal((await post(user, forSomeone(CENTRE))).statusCode, 201);
  assert.equal((await post(user, forSomeone(CUA_NAM))).statusCode, 403);
});
