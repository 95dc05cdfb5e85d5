// The results of a round as the office, a parent and anyone checking the lottery see them: the commitment published
// before the draw is the seed's, every application gets its result, reason and (when admitted) an appointment, and
// every published draw recomputes identically, with lottery.ts and with `egov admission draw --verify`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/app.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { runAdmissionDraw } from '../../cli/admission-draw.ts';
import { compareDraws, formatDraw, parseApplicationList, seedCommitment } from './lottery.ts';
import { drawFile, publicResults, publishCommitment, runAllocation } from './results.ts';
import { seedOfficeFixture, type OfficeFixture } from './office-fixture.ts';
import { viewApplication } from './changes.ts';

let app: TestApp;
let fx: OfficeFixture;
const office: SessionUser = { id: 9301, username: 'sogd', displayName: 'Sở GD', kind: 'staff', roles: ['education_office'], agencyId: null, agencyName: null };
const school: SessionUser = { ...office, id: 9302, roles: ['school_admissions'] };

before(async () => {
  app = await testApp();
  fx = await seedOfficeFixture(app.platform);
});
after(async () => {
  await app.close();
});

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

test('the commitment is published before the close, the seed only after the draw, and they match', async () => {
  assert.equal(await code(publishCommitment(app.platform, school, fx.roundId, { now: fx.during })), 'FORBIDDEN');
  assert.equal(await code(publishCommitment(app.platform, office, fx.roundId, { now: fx.after })), 'COMMIT_TOO_LATE');
  assert.equal(await code(runAllocation(app.platform, office, fx.roundId, { now: fx.after })), 'NO_COMMITMENT');

  const { commitment } = await publishCommitment(app.platform, office, fx.roundId, { now: fx.during });
  assert.match(commitment, /^[0-9a-f]{64}$/);
  assert.equal(await code(publishCommitment(app.platform, office, fx.roundId, { now: fx.during })), 'ALREADY_COMMITTED');
  const before = await publicResults(app.platform, fx.roundId);
  assert.equal(before.commitment, commitment);
  assert.equal(before.seed, null, 'the seed stays secret before the draw');
  assert.equal(before.draws.length, 0);

  assert.equal(await code(runAllocation(app.platform, office, fx.roundId, { now: fx.during })), 'ROUND_STILL_OPEN');
  assert.equal(await code(runAllocation(app.platform, school, fx.roundId, { now: fx.after })), 'FORBIDDEN');
  const out = await runAllocation(app.platform, office, fx.roundId, { now: fx.after });
  assert.equal(out.admitted + out.notAdmitted, fx.applications);
  assert.equal(await code(runAllocation(app.platform, office, fx.roundId, { now: fx.after })), 'ALREADY_DRAWN');

  const after = await publicResults(app.platform, fx.roundId);
  assert.ok(after.seed);
  assert.equal(seedCommitment(after.seed), commitment, 'the revealed seed is the committed one');
  assert.ok(after.draws.length >= 2, 'a catchment draw and an overflow draw at least');

  const rows = await sql<{ application_no: string; status: string; result_note: string | null; appointment_at: Date | null; appointment_place: string | null }>`
    select application_no, status, result_note, appointment_at, appointment_place from admission_applications where round_id = ${fx.roundId} order by application_no`.execute(app.database.db);
  const withdrawn = rows.rows.filter((r) => r.status === 'withdrawn');
  assert.equal(withdrawn.length, 1, 'a withdrawn application stays withdrawn');
  const decided = rows.rows.filter((r) => r.status !== 'withdrawn');
  assert.equal(decided.filter((r) => r.status === 'admitted').length, out.admitted);
  for (const r of decided) {
    assert.ok(['admitted', 'not_admitted'].includes(r.status));
    assert.ok(r.result_note && r.result_note.length > 10, `a reason for ${r.application_no}`);
    if (r.status === 'admitted') {
      assert.match(r.result_note, /^Trúng tuyển: Trường Tiểu học /);
      assert.ok(r.appointment_at && r.appointment_at > fx.after, 'the appointment is after the draw');
      const day = r.appointment_at.getUTCDay();
      assert.ok(day >= 1 && day <= 5, 'on a working day');
      assert.match(r.appointment_place ?? '', /^Trường Tiểu học .*, Số \d+/);
    } else {
      assert.match(r.result_note, /^Không trúng tuyển\./);
      assert.equal(r.appointment_at, null);
    }
  }
  // The in-catchment children outnumber school A's place: the lottery sends the others to school B (the guarantee).
  assert.ok(decided.some((r) => /another catchment school/.test(r.result_note ?? '')));
  // The out-of-catchment child finds school B full.
  assert.ok(decided.some((r) => r.status === 'not_admitted' && /School full \(priority group 1\)/.test(r.result_note ?? '')));
});

test('a parent then sees the result, the reason and the appointment', async () => {
  const won = (await viewApplication(app.platform, fx.parents.admitted, { now: fx.after })).application;
  assert.equal(won?.status, 'admitted');
  assert.equal(won?.resultNote, 'Trúng tuyển: Trường Tiểu học Thử C. Nhóm ưu tiên 1. / Admitted: Trường Tiểu học Thử C. Priority group 1.');
  // The first working day after the draw (Thursday 6 June 2030, 09:00 in Hà Nội) → Friday 7 June, 08:00 (01:00Z).
  assert.equal(won?.appointmentAt?.toISOString(), '2030-06-07T01:00:00.000Z');
  assert.equal(won?.appointmentPlace, 'Trường Tiểu học Thử C, Số 3, phố Thử, Hà Nội');
  const lost = (await viewApplication(app.platform, fx.parents.refused, { now: fx.after })).application;
  assert.equal(lost?.status, 'not_admitted');
  assert.equal(lost?.resultNote, 'Không trúng tuyển. Trường hết chỗ (nhóm ưu tiên 1). / Not admitted. School full (priority group 1).');
  assert.equal(lost?.appointmentAt, null);
});

test('every published draw recomputes identically with lottery.ts and with the command', async () => {
  const res = await publicResults(app.platform, fx.roundId);
  const dir = mkdtempSync(join(tmpdir(), 'egov-office-draw-'));
  try {
    for (const d of res.draws) {
      const list = await drawFile(app.platform, fx.roundId, d.seq, 'applications');
      const published = await drawFile(app.platform, fx.roundId, d.seq, 'result');
      const nos = parseApplicationList(list);
      assert.equal(nos.length, d.count);
      assert.deepEqual(compareDraws(published, formatDraw(res.seed as string, nos, d.places ?? undefined)), { same: true });
      writeFileSync(join(dir, 'apps.txt'), list);
      writeFileSync(join(dir, 'result.txt'), published);
      const args = ['--seed', res.seed as string, '--applications', join(dir, 'apps.txt'), '--verify', join(dir, 'result.txt'), '--commitment', res.commitment as string];
      if (d.places !== null) args.push('--places', String(d.places));
      let printed = '';
      const status = runAdmissionDraw(args, { out: (l) => void (printed += `${l}\n`), err: (l) => void (printed += `${l}\n`) });
      assert.equal(status, 0, printed);
      assert.match(printed, /IDENTICAL/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(await code(drawFile(app.platform, fx.roundId, 999, 'result')), 'DRAW_NOT_FOUND');
});
