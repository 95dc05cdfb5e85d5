// Issue 4 "Access": every action of both workflows × every kind of actor, on a dossier of Hoàn Kiếm ward in the state
// the action starts from. The expectations are written out by hand from the law's division of work (one-stop officers
// receive and return, specialists appraise, leaders decide, the applicant completes a supplement, a consulted agency
// replies), not derived from the workflow files, so a wrong definition or a wrong check fails here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { SessionUser } from '../../../platform/auth/roles.ts';
import { testApp, type TestApp } from '../../../testing/app.ts';
import { findAgencyByCode } from '../../units/index.ts';
import { TINY } from '../../dossiers/testing.ts';
import { actionsFrom } from './definition.ts';
import type { ActionInput } from './input.ts';
import { shippedWorkflows } from './registry.ts';
import { acting, AG, prepareWorkflowTests, refused, submitted, type Staff } from './testing.ts';
import type { TestCitizen } from '../../dossiers/testing.ts';

let app: TestApp;
let s: Staff;
let citizen: TestCitizen;
let other: TestCitizen;
before(async () => {
  app = await testApp();
  ({ staff: s, citizen, other } = await prepareWorkflowTests(app));
});
after(async () => {
  await app.close();
});

const MON = new Date('2026-03-02T09:00:00+07:00');
const LATER = new Date('2026-03-02T10:00:00+07:00');

const ALLOWED: Record<string, string[]> = {
  accept: ['hkOfficer'],
  request_supplement_receipt: ['hkOfficer'],
  refuse: ['hkOfficer'],
  complete_supplement: ['applicant'],
  complete_supplement_counter: ['hkOfficer'],
  assign: ['hkSpecialist', 'hkLeader'],
  request_supplement_appraisal: ['hkSpecialist'],
  consult: ['hkSpecialist'],
  reply_consultation: ['justiceSpecialist'],
  submit_for_approval: ['hkSpecialist'],
  send_back: ['hkLeader'],
  approve: ['hkLeader'],
  reject: ['hkLeader'],
  record_result: ['hkSpecialist', 'hkOfficer'],
  return_result: ['hkOfficer'],
  apologize: ['hkSpecialist', 'hkLeader'],
};

/** Those who cannot even see a Hoàn Kiếm dossier: another ward's staff and another citizen (404, not 403). */
const STRANGERS = ['cnOfficer', 'cnSpecialist', 'cnLeader', 'otherCitizen'];

async function dossierIn(workflow: string, status: string): Promise<string> {
  const code = await submitted(app, citizen, { now: MON, workflow });
  const db = app.database.db;
  const hk = (await findAgencyByCode(db, AG.hoanKiem))?.id;
  const justice = (await findAgencyByCode(db, AG.justice))?.id;
  if (status !== 'received') await sql`update dossiers set status = ${status}, handling_agency_id = ${hk} where code = ${code}`.execute(db);
  if (status === 'supplement') {
    await sql`update dossiers set paused_at = ${MON} where code = ${code}`.execute(db);
    await sql`insert into dossier_supplements (dossier_id, stage, items, requested_at) select id, 'receipt', '[{"doc_key":null,"text":"Bản sao"}]', ${MON} from dossiers where code = ${code}`.execute(db);
  }
  if (status === 'consulting') {
    await sql`insert into dossier_consultations (dossier_id, agency_id, question, requested_at, due_at) select id, ${justice}, 'Xin ý kiến', ${MON}, ${LATER} from dossiers where code = ${code}`.execute(db);
  }
  return code;
}

function inputFor(action: string): ActionInput {
  return {
    action,
    comment: 'Ý kiến xử lý.',
    items: [{ text: 'Bản sao giấy khai sinh' }],
    agencies: [{ code: AG.justice }],
    newDueDate: '2026-03-13',
    returnMethod: 'counter',
    assigneeId: s.hkSpecialist.id,
    files: [{ docKey: 'f1', filename: 'giay-to.pdf', content: TINY.pdf }],
  };
}

test('every action × actor: only the right role of the right agency (or the applicant) may act; strangers see nothing', async () => {
  const actors: Record<string, SessionUser> = {
    hkOfficer: s.hkOfficer,
    hkSpecialist: s.hkSpecialist,
    hkLeader: s.hkLeader,
    cnOfficer: s.cnOfficer,
    cnSpecialist: s.cnSpecialist,
    cnLeader: s.cnLeader,
    justiceSpecialist: s.justiceSpecialist,
    applicant: citizen.user,
    otherCitizen: other.user,
  };
  const act = acting(app, LATER);
  const walked = new Set<string>();
  let attempts = 0;
  for (const wf of shippedWorkflows()) {
    for (const action of wf.actions) {
      const expected = ALLOWED[action.key];
      assert.ok(expected, `the test has no expectation for action ${action.key}`);
      const from = action.from[0] ?? 'received';
      let code = await dossierIn(wf.code, from);
      for (const [name, user] of Object.entries(actors)) {
        attempts++;
        const label = `${wf.code}/${action.key} by ${name}`;
        if (expected.includes(name)) {
          const r = await act(user, code, inputFor(action.key));
          assert.equal(r.action, action.key, label);
          code = await dossierIn(wf.code, from); // a fresh dossier for the next actor
          continue;
        }
        const err = await refused(act(user, code, inputFor(action.key)));
        // A consulted agency sees the dossier only while it is consulted on it (liên thông, consulting state).
        const sees = !STRANGERS.includes(name) && (name !== 'justiceSpecialist' || (wf.code === 'lien-thong' && from === 'consulting'));
        assert.equal(err.code, sees ? 'NOT_ALLOWED' : 'DOSSIER_NOT_FOUND', `${label}: ${err.code}`);
      }
      walked.add(action.key);
    }
  }
  assert.deepEqual([...walked].sort(), Object.keys(ALLOWED).sort());
  assert.ok(attempts > 150);
});

test('the actions offered in each state are those whose starting state it is', () => {
  const standard = shippedWorkflows().find((w) => w.code === 'standard');
  assert.ok(standard);
  assert.deepEqual(actionsFrom(standard, 'received').map((a) => a.key), ['accept', 'request_supplement_receipt', 'refuse', 'apologize']);
  assert.deepEqual(actionsFrom(standard, 'returned'), []);
});
