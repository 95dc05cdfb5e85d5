// Codes issued in bulk, and what the rush does at once: the same key sent many times at once, and several different
// submissions for one child at once (on PostgreSQL these really run in parallel; PGlite serialises them).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/app.ts';
import { AppError } from '../../platform/http/errors.ts';
import { issueEnrolmentCodes } from './issue.ts';
import { seedAdmissionsDemo } from './seed.ts';
import { apply } from './service.ts';

const T0 = new Date('2026-12-04T10:30:00Z');
let app: TestApp;
let codes: { personalId: string; code: string }[] = [];

before(async () => {
  app = await testApp();
  await seedAdmissionsDemo(app.platform, { now: T0 });
  const round = await sql<{ id: number }>`select id from admission_rounds where level = 'grade1'`.execute(app.database.db);
  const input = {
    roundId: round.rows[0]?.id ?? 0,
    schoolCode: 'TH00070A',
    children: [
      { personalId: '001220009001', fullName: 'Hoàng Văn Nam', birthDate: '2020-02-02', residenceUnit: '00070' },
      { personalId: '001220009002', fullName: 'Ngô Thị Mai', birthDate: '2020-08-08', residenceUnit: '00070' },
    ],
  };
  codes = await issueEnrolmentCodes(app.platform, { id: null, label: 'test' }, input);
  // Issuing again gives each child the code they already have.
  assert.deepEqual(await issueEnrolmentCodes(app.platform, { id: null, label: 'test' }, input), codes);
});
after(async () => {
  await app.close();
});

const codeOf = (personalId: string) => codes.find((c) => c.personalId === personalId) ?? { personalId, code: '' };

test('bulk issue gives each child one printable code of the round', () => {
  assert.equal(codes.length, 2);
  for (const c of codes) assert.match(c.code, /^L1[A-HJ-NP-Z2-9]{8}$/);
});

test('the same key sent ten times at once makes one application, and every answer carries its number', async () => {
  const c = codeOf('001220009001');
  const results = await Promise.all(Array.from({ length: 10 }, () => apply(app.platform, { code: c.code, personalId: c.personalId, schoolCode: 'TH00070A', idempotencyKey: 'burst-key-0001' }, { now: T0 })));
  assert.equal(new Set(results.map((r) => r.application.applicationNo)).size, 1);
  assert.equal(results.filter((r) => !r.replayed).length, 1);
  const n = await sql<{ n: number }>`select count(*)::int as n from admission_applications where idempotency_key = 'burst-key-0001'`.execute(app.database.db);
  assert.equal(n.rows[0]?.n, 1);
});

test('five different submissions for one child at once: one is accepted, the others refused as already applied', async () => {
  const c = codeOf('001220009002');
  const settled = await Promise.allSettled(
    Array.from({ length: 5 }, (_, i) => apply(app.platform, { code: c.code, personalId: c.personalId, schoolCode: i % 2 ? 'TH00070A' : 'TH00070B', idempotencyKey: `parallel-key-${i}` }, { now: T0 })),
  );
  assert.equal(settled.filter((s) => s.status === 'fulfilled').length, 1);
  for (const s of settled) if (s.status === 'rejected') assert.ok(s.reason instanceof AppError && s.reason.code === 'ALREADY_APPLIED', String(s.reason));
  const n = await sql<{ n: number }>`select count(*)::int as n from admission_applications a join admission_children c on c.id = a.child_id where c.personal_id = ${c.personalId}`.execute(app.database.db);
  assert.equal(n.rows[0]?.n, 1);
});
