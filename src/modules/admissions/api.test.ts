// The admissions JSON API as an integrator sees it: look-up, submission with an Idempotency-Key (201, then 200 with
// the same application), refusals in the bilingual error shape, a burst of children at once, the per-address limit
// and the OpenAPI document. Runs on PGlite and on PostgreSQL (TEST_DATABASE_URL).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/app.ts';
import { DEMO_CHILDREN, type DemoChild } from './demo.ts';
import { issueEnrolmentCodes } from './issue.ts';
import { seedAdmissionsDemo } from './seed.ts';

let app: TestApp;
const RATE = 40;
const child = (i: number): DemoChild => DEMO_CHILDREN[i] as DemoChild;
let ipNo = 0;
/** Each call from its own address, so that only the limit's own test meets the limit. */
const post = (url: string, body: unknown, headers: Record<string, string> = {}, ip = `10.1.0.${++ipNo}`) =>
  app.server.inject({ method: 'POST', url, payload: body as object, headers: { 'content-type': 'application/json', ...headers }, remoteAddress: ip });
const count = async (where: string): Promise<number> =>
  Number((await sql<{ n: number }>`select count(*)::int as n from admission_applications where ${sql.raw(where)}`.execute(app.platform.database.db)).rows[0]?.n);

before(async () => {
  process.env.EGOV_ADMISSIONS_API_RATE = String(RATE);
  // A room of 64 slots, so that the burst below meets it.
  process.env.EGOV_WAITING_ROOM_CAPACITY = '64';
  app = await testApp();
  // Grade 1 open now (the demo lays the rounds out around the present).
  assert.equal(await seedAdmissionsDemo(app.platform), true);
});
after(async () => {
  delete process.env.EGOV_ADMISSIONS_API_RATE;
  delete process.env.EGOV_WAITING_ROOM_CAPACITY;
  await app.close();
});

test('a look-up gives the round, the child and the schools, in-catchment first, and no application yet', async () => {
  const res = await post('/api/v1/admissions/lookup', { code: child(0).code, personalId: child(0).personalId });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.round.level, 'grade1');
  assert.equal(body.child.fullName, 'Nguyễn Minh An');
  assert.equal(body.child.personalId, undefined, 'the ID number is not sent back');
  assert.deepEqual(body.schools.slice(0, 2).map((s: { name: string; inCatchment: boolean }) => [s.name, s.inCatchment]), [
    ['Trường Tiểu học Hoàn Kiếm A', true],
    ['Trường Tiểu học Hoàn Kiếm B', true],
  ]);
  assert.ok(body.schools.slice(2).every((s: { inCatchment: boolean; placesLeft: number }) => !s.inCatchment && s.placesLeft > 0));
  assert.equal(body.current, null);
});

test('refusals come in the module’s bilingual shape with the field named', async () => {
  const mismatch = await post('/api/v1/admissions/lookup', { code: child(0).code, personalId: child(1).personalId });
  assert.equal(mismatch.statusCode, 400);
  assert.equal(mismatch.json().error.code, 'CHILD_MISMATCH');
  assert.match(mismatch.json().error.message.vi, /không khớp/);
  assert.match(mismatch.json().error.message.en, /does not match/);
  const unknown = await post('/api/v1/admissions/lookup', { code: 'L1ZZZZZZZZ', personalId: child(0).personalId });
  assert.equal(unknown.json().error.code, 'CODE_NOT_FOUND');
  const noKey = await post('/api/v1/admissions/applications', { code: child(1).code, personalId: child(1).personalId, schoolCode: 'TH00166A' });
  assert.equal(noKey.statusCode, 400);
  assert.deepEqual(noKey.json().error.fields.map((f: { field: string }) => f.field), ['idempotency_key']);
  const notYet = await post('/api/v1/admissions/lookup', { code: child(5).code, personalId: child(5).personalId });
  assert.equal(notYet.json().error.code, 'ROUND_NOT_OPEN');
  assert.equal(await count(`child_id = (select child_id from admission_enrolment_codes where code = '${child(1).code}')`), 0);
});

test('201 the first time, 200 with the same application for the same key; another key or another child is refused', async () => {
  const c = child(0);
  const body = { code: c.code, personalId: c.personalId, schoolCode: 'TH00070A', email: 'me@example.vn' };
  const first = await post('/api/v1/admissions/applications', body, { 'idempotency-key': 'api-key-0001' });
  assert.equal(first.statusCode, 201);
  const a = first.json().application;
  assert.match(a.applicationNo, /^L1-26-\d{7}$/);
  assert.equal(a.school.code, 'TH00070A');
  assert.equal(a.inCatchment, true);
  const again = await post('/api/v1/admissions/applications', body, { 'idempotency-key': 'api-key-0001' });
  assert.equal(again.statusCode, 200);
  assert.deepEqual(again.json(), { application: a, replayed: true });
  const other = await post('/api/v1/admissions/applications', body, { 'idempotency-key': 'api-key-0002' });
  assert.equal(other.statusCode, 409);
  assert.equal(other.json().error.code, 'ALREADY_APPLIED');
  const reused = await post('/api/v1/admissions/applications', { ...body, code: child(1).code, personalId: child(1).personalId, schoolCode: 'TH00166A' }, { 'idempotency-key': 'api-key-0001' });
  assert.equal(reused.json().error.code, 'KEY_REUSED');
  const look = await post('/api/v1/admissions/lookup', { code: c.code, personalId: c.personalId });
  assert.equal(look.json().current.applicationNo, a.applicationNo);
  assert.equal(await count(`idempotency_key like 'api-key-%'`), 1);
  const mail = await sql<{ n: number }>`select count(*)::int as n from outbox_mail where subject like ${`%${a.applicationNo}%`}`.execute(app.platform.database.db);
  assert.equal(mail.rows[0]?.n, 1, 'one confirmation mail');
});

test('forty children at once, each sent twice: those over capacity wait, every child gets one application, each answer its own', async () => {
  const { roundId } = (await sql<{ roundId: number }>`select id as "roundId" from admission_rounds where level = 'grade1'`.execute(app.platform.database.db)).rows[0]!;
  const kids = Array.from({ length: 40 }, (_, i) => ({ personalId: `00122009${String(i).padStart(4, '0')}`, fullName: `Trẻ ${i}`, birthDate: '2020-06-01', residenceUnit: '00070' }));
  const codes = await issueEnrolmentCodes(app.platform, { id: null, label: 'test' }, { roundId, schoolCode: 'TH00070A', children: kids });
  let waited = 0;
  // Eighty at once is more than the room's 64 slots: the rest get 503 with their ticket and come back with it.
  const send = async (k: { personalId: string; code: string }) => {
    const headers: Record<string, string> = { 'idempotency-key': `burst-${k.personalId}` };
    for (;;) {
      const res = await post('/api/v1/admissions/applications', { code: k.code, personalId: k.personalId, schoolCode: 'TH00070B' }, headers);
      if (res.statusCode !== 503) return res;
      const { error } = res.json();
      assert.equal(error.code, 'WAITING_ROOM');
      assert.ok(Number(res.headers['retry-after']) >= 1);
      waited++;
      // A ticket holder still waiting keeps the ticket it has.
      if (error.details?.ticket) headers['waiting-room-ticket'] = error.details.ticket;
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const answers = await Promise.all([...codes, ...codes].map(send));
  assert.ok(waited > 0, 'some waited');
  assert.deepEqual([...new Set(answers.map((r) => r.statusCode))].sort(), [200, 201]);
  assert.equal(answers.filter((r) => r.statusCode === 201).length, 40, 'one first answer per child');
  const numbers = new Map<string, string>();
  for (const r of answers) {
    const { application } = r.json();
    const seen = numbers.get(application.child.fullName);
    if (seen) assert.equal(application.applicationNo, seen, 'both sends of a child get the same application');
    numbers.set(application.child.fullName, application.applicationNo);
  }
  assert.equal(new Set(numbers.values()).size, 40);
  assert.equal(await count(`idempotency_key like 'burst-%'`), 40);
  const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'admissions.apply' and entity_id in (select application_no from admission_applications where idempotency_key like 'burst-%')`.execute(app.platform.database.db);
  assert.equal(audit.rows[0]?.n, 40, 'one audit row per application');
});

test('one address is held to its limit per minute; another address is not', async () => {
  const body = { code: child(2).code, personalId: child(2).personalId };
  const statuses: number[] = [];
  for (let i = 0; i <= RATE; i++) statuses.push((await post('/api/v1/admissions/lookup', body, {}, '10.9.9.9')).statusCode);
  assert.deepEqual([...new Set(statuses.slice(0, RATE))], [200]);
  const over = await post('/api/v1/admissions/lookup', body, {}, '10.9.9.9');
  assert.equal(over.statusCode, 429);
  assert.ok(over.json().error.message.vi && over.json().error.message.en);
  assert.equal((await post('/api/v1/admissions/lookup', body, {}, '10.9.9.10')).statusCode, 200);
});

test('the API is documented in the OpenAPI document under the tag admissions', async () => {
  const doc = (await app.server.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  for (const path of ['/api/v1/admissions/lookup', '/api/v1/admissions/applications']) assert.deepEqual(doc.paths[path]?.post?.tags, ['admissions'], path);
  const params = doc.paths['/api/v1/admissions/applications'].post.parameters as { name: string; in: string }[];
  assert.ok(params.some((p) => p.in === 'header' && p.name === 'idempotency-key'));
});
