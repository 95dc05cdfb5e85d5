// Counter intake (issue 4 "Officer work"): a one-stop officer records a walk-in dossier on the applicant's behalf, with
// the scanned papers, in the same code series as online dossiers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../../testing/app.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { submitDossier } from '../../dossiers/index.ts';
import { answersFor, PROC, TINY, type TestCitizen } from '../../dossiers/testing.ts';
import { AG, prepareWorkflowTests, submitted, type Staff } from '../workflow/testing.ts';

let app: TestApp;
let s: Staff;
let citizen: TestCitizen;
before(async () => {
  app = await testApp();
  ({ staff: s, citizen } = await prepareWorkflowTests(app));
});
after(async () => {
  await app.close();
});

const MON = new Date('2026-03-02T09:00:00+07:00');
const walkIn = { name: 'Phạm Thị Lan', personalId: '001185012345', email: 'lan@example.vn' };

test('an officer takes a walk-in dossier: own agency, same code series, scanned files, the applicant from the form', async () => {
  const online = await submitted(app, citizen, { now: MON });
  const { dossier } = await submitDossier(
    app.platform,
    s.hkOfficer,
    { procedureCode: PROC.online.code, agencyCode: AG.cuaNam, form: answersFor(walkIn), files: [{ docKey: 'doc1', filename: 'scan.pdf', content: TINY.pdf }] },
    { via: 'web', channel: 'counter', now: MON },
  );
  assert.equal(online.slice(-4), '0001');
  assert.equal(dossier.code, `${AG.hoanKiem}-260302-0002`); // the officer's ward, whatever agency the form named
  assert.equal(dossier.channel, 'counter');
  assert.equal(dossier.applicant.name, walkIn.name);
  assert.equal(dossier.applicant.personal_id, walkIn.personalId);
  assert.equal(dossier.applicantAccountId, null);
  const f = await sql<{ kind: string }>`select kind from dossier_files where dossier_id = ${dossier.id}`.execute(app.database.db);
  assert.deepEqual(f.rows.map((r) => r.kind), ['scan']);
  const e = await sql<{ kind: string; agency_id: number }>`select kind, agency_id from dossier_events where dossier_id = ${dossier.id}`.execute(app.database.db);
  assert.deepEqual(e.rows.map((r) => [r.kind, Number(r.agency_id)]), [['received_counter', s.hkOfficer.agencyId]]);
  const a = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'dossiers.intake' and entity_id = ${dossier.code}`.execute(app.database.db);
  assert.equal(Number(a.rows[0]?.n), 1);
});

test('a procedure without an online channel is taken at the counter; only one-stop officers take dossiers', async () => {
  const { dossier } = await submitDossier(
    app.platform,
    s.centreOfficer,
    { procedureCode: PROC.counterOnly.code, form: answersFor(walkIn, { details: 'Nộp trực tiếp.' }), files: [{ docKey: 'doc1', filename: 'don.pdf', content: TINY.pdf }] },
    { via: 'web', channel: 'counter', now: MON },
  );
  assert.match(dossier.code, new RegExp(`^${AG.centre.replaceAll('.', '\\.')}-260302-\\d{4}$`));
  for (const who of [s.hkSpecialist, citizen.user]) {
    const err = await submitDossier(app.platform, who, { procedureCode: PROC.online.code, form: answersFor(walkIn), files: [] }, { via: 'web', channel: 'counter' }).catch((e: unknown) => e);
    assert.ok(err instanceof AppError);
    assert.equal(err.status, 403);
  }
});
