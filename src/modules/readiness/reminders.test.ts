// Reminders of the self-assessment deadline: 7, 3 and 1 days before, once each, only to units that have not
// submitted, into the outbox with an audit row; a missed day sends one reminder, not two. And the demo seed: quick,
// idempotent, plausible (every submitted form keeps the validation rules).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { addDays, vietnamDateOf } from '../../platform/calendar/index.ts';
import { type TestApp, testApp } from '../../testing/app.ts';
import { Role, staff } from '../documents/testing.ts';
import { listAgencies } from '../units/index.ts';
import { openCycle } from './cycle.ts';
import { platformFigures } from './figures.ts';
import { readinessDb } from './repo.ts';
import { pagesRepo } from './repo-pages.ts';
import { remindReporters, stageOf } from './reminders.ts';
import { validateValues } from './scoring.ts';
import { seedDemoReadiness } from './seed.ts';
import { loadShippedSet } from './sets.ts';

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(async () => app.close());

const mails = async (to: string): Promise<string[]> =>
  (await sql<{ subject: string }>`select subject from outbox_mail where to_address = ${to} order by id`.execute(app.database.db)).rows.map((r) => r.subject);

test('stages: the tightest of 7, 3, 1 reached', () => {
  assert.deepEqual([8, 7, 5, 3, 2, 1, 0, -1].map(stageOf), [null, 7, 7, 3, 3, 1, 1, null]);
});

test('reporters of units without a submitted form are reminded 7, 3 and 1 days before, once each', async () => {
  const reviewer = await staff(app, 'rm.thamdinh', [Role.readinessReviewer], '000.00.00.H26');
  const reporter = await staff(app, 'rm.cntt', [Role.readinessReporter], '000.04.51.H26');
  const now = new Date();
  const today = vietnamDateOf(now);
  const cycle = await openCycle(app.platform, reviewer.user, { setId: '2025-departments', deadline: addDays(today, 7) }, null, now);
  const departments = await listAgencies(app.database.db, { kind: 'department' });
  const first = await remindReporters(app.platform, now);
  assert.equal(first.reminded, departments.length);
  assert.equal((await mails('rm.cntt@example.vn')).length, 0, 'a ward is not in the departments cycle');
  assert.equal((await remindReporters(app.platform, now)).reminded, 0, 'the same stage is never sent twice');

  // The communes' cycle: the ward's officer gets one mail per stage; a missed day sends the tightest stage only.
  const communes = await openCycle(app.platform, reviewer.user, { setId: '2025-communes', deadline: addDays(today, 7) }, null, now);
  await remindReporters(app.platform, now);
  const at = (days: number) => new Date(now.getTime() + days * 86_400_000);
  assert.equal((await remindReporters(app.platform, at(2))).reminded, 0, '5 days left: the 7-day stage was sent');
  await remindReporters(app.platform, at(5)); // 2 days left: the 3-day stage
  await remindReporters(app.platform, at(5));
  await remindReporters(app.platform, at(7)); // the deadline's day: the 1-day stage
  assert.equal((await remindReporters(app.platform, at(8))).reminded, 0, 'after the deadline: nothing');
  const subjects = await mails('rm.cntt@example.vn');
  assert.equal(subjects.length, 3, subjects.join('\n'));
  assert.match(subjects[0]!, /còn 7 ngày/);
  assert.match(subjects[1]!, /còn 2 ngày/);
  assert.deepEqual(await pagesRepo.remindersOf(readinessDb(app.database.db), communes.id, reporter.user.agencyId), [7, 3, 1]);
  const audit = await sql<{ data: { daysBefore: number } }>`select data from audit_log where action = 'readiness.reminded' and entity_id = ${String(communes.id)} and agency_id = ${reporter.user.agencyId}`.execute(app.database.db);
  assert.deepEqual(audit.rows.map((a) => a.data.daysBefore).sort(), [1, 3, 7]);
  assert.ok(cycle.id !== communes.id);
});

test('platform figures: one function per source; a source that knows nothing is left out', async () => {
  const reporter = await staff(app, 'pf.cntt', [Role.readinessReporter], '000.01.51.H26');
  const figures = await platformFigures(app.platform, reporter.user)({ agencyId: reporter.user.agencyId, year: 2025, sources: ['portal.presence', 'documents.onTimeShare', 'dossiers.onlineShare'] });
  assert.equal(typeof figures['portal.presence'], 'boolean');
  assert.equal(figures['documents.onTimeShare'], undefined, 'no document done in 2025 in the reference data');
});

test('the demo seed: the communes open with most forms in, the departments published; quick and idempotent', async () => {
  const db = readinessDb(app.database.db);
  await db.deleteFrom('readiness_reminders' as never).execute();
  for (const t of ['readiness_questions', 'readiness_adjustments', 'readiness_evidence', 'readiness_forms', 'readiness_cycles'] as const) await db.deleteFrom(t).execute();
  const started = Date.now();
  await seedDemoReadiness(app.platform);
  const took = Date.now() - started;
  await seedDemoReadiness(app.platform);
  const cycles = await pagesRepo.cycles(db);
  assert.equal(cycles.length, 2);
  const communes = cycles.find((c) => c.set_id === '2025-communes')!;
  const departments = cycles.find((c) => c.set_id === '2025-departments')!;
  assert.equal(communes.state, 'open');
  assert.equal(departments.state, 'published');
  const forms = await db.selectFrom('readiness_forms').selectAll().where('cycle_id', '=', communes.id).execute();
  const submitted = forms.filter((f) => f.submitted_at !== null);
  assert.ok(submitted.length >= 115 && submitted.length <= 121, String(submitted.length));
  const set = loadShippedSet('2025-communes');
  for (const f of submitted) assert.deepEqual(validateValues(set, f.form_values), [], `form ${f.id}`);
  const published = await db.selectFrom('readiness_forms').selectAll().where('cycle_id', '=', departments.id).execute();
  assert.ok(published.length > 0 && published.every((f) => f.state === 'published' && f.rank !== null));
  assert.ok(took < 5000, `${took} ms`);
});
