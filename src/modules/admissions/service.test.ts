import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/app.ts';
import type { Platform } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { DEMO_CHILDREN, type DemoChild } from './demo.ts';
import { seedAdmissionsDemo } from './seed.ts';
import { changeSchool, listRounds, viewApplication, withdraw } from './changes.ts';
import { apply, clearAdmissionCaches, lookUp } from './service.ts';

// The demo seed laid out around this instant: grade 1 opens at 09:00:00Z that day for 30 days.
const T0 = new Date('2026-12-04T10:30:00Z');
const OPENS = new Date('2026-12-04T09:00:00Z');
const CLOSES = new Date(OPENS.getTime() + 30 * 86_400_000 + 3_600_000);

let app: TestApp;
let platform: Platform;
const child = (i: number): DemoChild => DEMO_CHILDREN[i] as DemoChild;
const creds = (c: DemoChild) => ({ code: c.code, personalId: c.personalId });

before(async () => {
  app = await testApp();
  platform = app.platform;
  assert.equal(await seedAdmissionsDemo(platform, { now: T0 }), true);
});
after(async () => {
  await app.close();
});

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'accepted';
}

test('the demo seed holds three rounds, Hà Nội’s schools per unit, and is idempotent', async () => {
  const rounds = await listRounds(platform, { now: T0 });
  assert.deepEqual(rounds.map((r) => [r.level, r.window]), [['grade1', 'open'], ['grade6', 'upcoming'], ['kindergarten', 'closed']]);
  assert.equal(rounds[0]?.opensAt.toISOString(), OPENS.toISOString());
  const n = await sql<{ n: number; wards: number }>`select count(*)::int as n, count(distinct ward_code)::int as wards from admission_schools`.execute(platform.database.db);
  assert.equal(n.rows[0]?.wards, 126);
  assert.ok((n.rows[0]?.n ?? 0) >= 650 && (n.rows[0]?.n ?? 0) <= 750, `${n.rows[0]?.n} schools`);
  assert.equal(await seedAdmissionsDemo(platform, { now: T0 }), false);
});

test('a look-up lists the catchment schools first, then other schools with places left', async () => {
  const r = await lookUp(platform, creds(child(0)), { now: T0 });
  assert.equal(r.child.fullName, 'Nguyễn Minh An');
  const firstOut = r.schools.findIndex((s) => !s.inCatchment);
  assert.deepEqual(r.schools.slice(0, firstOut).map((s) => s.name), ['Trường Tiểu học Hoàn Kiếm A', 'Trường Tiểu học Hoàn Kiếm B']);
  assert.ok(r.schools.slice(firstOut).every((s) => !s.inCatchment && s.placesLeft > 0 && s.level === 'grade1'));
  assert.ok(firstOut > 0 && r.schools.length > 200);
});

test('wrong code, an ID that does not match the code, a school outside the list, and closed or future rounds are refused', async () => {
  const c = child(0);
  assert.equal(await refusal(lookUp(platform, { code: 'L1ZZZZZZZZ', personalId: c.personalId }, { now: T0 })), 'CODE_NOT_FOUND');
  assert.equal(await refusal(lookUp(platform, { code: c.code, personalId: child(1).personalId }, { now: T0 })), 'CHILD_MISMATCH');
  assert.equal(await refusal(lookUp(platform, { code: 'abc', personalId: '12' }, { now: T0 })), 'INVALID_INPUT');
  const base = { ...creds(c), idempotencyKey: 'outside-list-1' };
  assert.equal(await refusal(apply(platform, { ...base, schoolCode: 'MN00070A' }, { now: T0 })), 'SCHOOL_NOT_ALLOWED');
  assert.equal(await refusal(apply(platform, { ...base, schoolCode: 'NOSUCH' }, { now: T0 })), 'SCHOOL_NOT_ALLOWED');
  // An out-of-catchment school with no places left is not offered, so not accepted either.
  await sql`update admission_round_places set places = 0 where school_id = (select id from admission_schools where code = 'TH00166B')`.execute(platform.database.db);
  clearAdmissionCaches(platform);
  assert.equal(await refusal(apply(platform, { ...base, schoolCode: 'TH00166B' }, { now: T0 })), 'SCHOOL_NOT_ALLOWED');
  assert.equal(await refusal(lookUp(platform, creds(child(4)), { now: T0 })), 'ROUND_CLOSED');
  assert.equal(await refusal(lookUp(platform, creds(child(5)), { now: T0 })), 'ROUND_NOT_OPEN');
  const none = await sql<{ n: number }>`select count(*)::int as n from admission_applications where idempotency_key = 'outside-list-1'`.execute(platform.database.db);
  assert.equal(none.rows[0]?.n, 0);
});

test('a child not of age for grade 1 is refused', async () => {
  assert.equal(await refusal(lookUp(platform, creds(child(3)), { now: T0 })), 'NOT_ELIGIBLE_AGE');
  assert.equal(await refusal(apply(platform, { ...creds(child(3)), schoolCode: 'TH00145A', idempotencyKey: 'age-key-1' }, { now: T0 })), 'NOT_ELIGIBLE_AGE');
});

test('the window to the second: refused one second before opening, accepted at opening, refused at closing', async () => {
  const c = child(1);
  const input = { ...creds(c), schoolCode: 'TH00166A', idempotencyKey: 'edge-key-0001' };
  assert.equal(await refusal(apply(platform, input, { now: new Date(OPENS.getTime() - 1000) })), 'ROUND_NOT_OPEN');
  const { application } = await apply(platform, input, { now: OPENS });
  assert.equal(application.createdAt.toISOString(), OPENS.toISOString());
  assert.equal(await refusal(withdraw(platform, creds(c), { now: CLOSES })), 'ROUND_CLOSED');
  assert.equal(await refusal(apply(platform, { ...input, idempotencyKey: 'edge-key-0002' }, { now: CLOSES })), 'ROUND_CLOSED');
  // A retry of what was confirmed still gets its confirmation after the close.
  const late = await apply(platform, input, { now: CLOSES });
  assert.deepEqual([late.replayed, late.application.applicationNo], [true, application.applicationNo]);
  // After the window: read-only, still visible.
  const seen = await viewApplication(platform, creds(c), { now: CLOSES });
  assert.equal(seen.window, 'closed');
  assert.equal(seen.application?.applicationNo, application.applicationNo);
});

test('a retry with the same key returns the original application; a new submission for the same child is refused', async () => {
  const c = child(0);
  const input = { ...creds(c), schoolCode: 'TH00070A', idempotencyKey: 'retry-key-0001', email: 'me@example.vn' };
  const first = await apply(platform, input, { now: T0 });
  assert.equal(first.replayed, false);
  assert.match(first.application.applicationNo, /^L1-26-\d{7}$/);
  assert.equal(first.application.inCatchment, true);
  const again = await apply(platform, { ...input, schoolCode: 'TH00070B' }, { now: new Date(T0.getTime() + 5000) });
  assert.equal(again.replayed, true);
  assert.equal(again.application.applicationNo, first.application.applicationNo);
  assert.equal(again.application.school.code, 'TH00070A');
  assert.equal(await refusal(apply(platform, { ...input, idempotencyKey: 'retry-key-0002' }, { now: T0 })), 'ALREADY_APPLIED');
  // The same key offered for another child never returns this child's application.
  assert.equal(await refusal(apply(platform, { ...creds(child(2)), schoolCode: 'TH00376A', idempotencyKey: 'retry-key-0001' }, { now: T0 })), 'KEY_REUSED');
  const rows = await sql<{ n: number }>`select count(*)::int as n from admission_applications a join admission_children c on c.id = a.child_id where c.personal_id = ${c.personalId}`.execute(platform.database.db);
  assert.equal(rows.rows[0]?.n, 1);
  const mail = await sql<{ n: number }>`select count(*)::int as n from outbox_mail where to_address = 'me@example.vn' and body_text like ${`%${first.application.applicationNo}%`}`.execute(platform.database.db);
  assert.equal(mail.rows[0]?.n, 1);
  const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'admissions.apply' and entity_id = ${first.application.applicationNo}`.execute(platform.database.db);
  assert.equal(audit.rows[0]?.n, 1);
});

test('the database itself refuses a second active application for a child in a round', async () => {
  const db = platform.database.db;
  const ids = await sql<{ round_id: number; child_id: number; school_id: number }>`
    select e.round_id, e.child_id, e.school_id from admission_enrolment_codes e where e.code = ${child(2).code}`.execute(db);
  const r = ids.rows[0];
  assert.ok(r);
  const insert = (no: string, status: string) =>
    sql`insert into admission_applications (application_no, round_id, child_id, school_id, ward_code, status, in_catchment, priority_group, idempotency_key)
        values (${no}, ${r.round_id}, ${r.child_id}, ${r.school_id}, '00376', ${status}, true, 1, ${`raw-${no}`})`.execute(db);
  await insert('RAW-1', 'active');
  await assert.rejects(insert('RAW-2', 'active'), (e: { code?: string }) => e.code === '23505');
  await assert.rejects(insert('RAW-3', 'admitted'), (e: { code?: string }) => e.code === '23505');
  await insert('RAW-4', 'withdrawn');
  await sql`delete from admission_applications where application_no like 'RAW-%'`.execute(db);
});

test('within the window a parent changes school and withdraws; a withdrawn child may apply again', async () => {
  const c = child(2);
  const { application } = await apply(platform, { ...creds(c), schoolCode: 'TH00376A', idempotencyKey: 'change-key-01' }, { now: T0 });
  assert.equal(await refusal(changeSchool(platform, { ...creds(c), schoolCode: 'TH00376A' }, { now: T0 })), 'SAME_SCHOOL');
  const changed = await changeSchool(platform, { ...creds(c), schoolCode: 'THTT01' }, { now: T0 });
  assert.equal(changed.applicationNo, application.applicationNo);
  assert.equal(changed.school.code, 'THTT01');
  assert.equal(changed.inCatchment, false);
  assert.equal(changed.priorityGroup, 2);
  const gone = await withdraw(platform, creds(c), { now: T0 });
  assert.equal(gone.status, 'withdrawn');
  assert.equal(await refusal(withdraw(platform, creds(c), { now: T0 })), 'NO_APPLICATION');
  const again = await apply(platform, { ...creds(c), schoolCode: 'TH00376B', idempotencyKey: 'change-key-02' }, { now: T0 });
  assert.notEqual(again.application.applicationNo, application.applicationNo);
  const audit = await sql<{ action: string }>`select action from audit_log where entity_id = ${application.applicationNo} order by id`.execute(platform.database.db);
  assert.deepEqual(audit.rows.map((r) => r.action), ['admissions.apply', 'admissions.change_school', 'admissions.withdraw']);
});
