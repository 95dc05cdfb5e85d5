// Issue 10 "Least privilege over personal data" (Decree 13/2023/NĐ-CP): only the roles that handle a dossier read it,
// every other staff account gets 404 on every path to it; every staff read leaves an audit row, and the applicant sees
// who read their dossier.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Role, SessionUser } from '../../../platform/auth/roles.ts';
import { testApp, type TestApp, type TestClient } from '../../../testing/app.ts';
import { apiTokenFor } from '../../../testing/auth.ts';
import { createStaffAccount } from '../../accounts/index.ts';
import { findAgencyByCode } from '../../units/index.ts';
import { PROC, type TestCitizen } from '../../dossiers/testing.ts';
import { AG, acting, prepareWorkflowTests, refused, submitted, type Staff } from '../workflow/testing.ts';
import { act as actForm, casePage, officerClient } from './testing.ts';

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

let n = 0;
async function staffOf(agencyCode: string, roles: Role[]): Promise<SessionUser> {
  const agency = await findAgencyByCode(app.database.db, agencyCode);
  if (!agency) throw new Error(agencyCode);
  const username = `privacy.${roles[0]}.${++n}`.replaceAll('_', '');
  const id = await createStaffAccount(
    app.database.db,
    { username, full_name: `Nhân viên ${n}`, email: `${username}@example.vn`, phone: '', agency_id: agency.id, roles, password: 'Matkhau2025' },
    { id: null, label: 'test' },
  );
  return { id, username, displayName: `Nhân viên ${n}`, kind: 'staff', roles, agencyId: agency.id, agencyName: agency.name };
}

async function reads(code: string): Promise<{ actor_id: number; what: string }[]> {
  const r = await sql<{ actor_id: string; what: string }>`select actor_id, data->>'what' as what from audit_log where action = 'dossier.read' and entity_id = ${code} order by id`.execute(app.database.db);
  return r.rows.map((x) => ({ actor_id: Number(x.actor_id), what: x.what }));
}

async function fileHref(client: TestClient, code: string): Promise<string> {
  const page = await client.get(casePage(code));
  const href = new RegExp(`href="(${casePage(code).replaceAll('.', '\\.')}/tep/\\d+)"`).exec(page.body)?.[1];
  assert.ok(href, 'the officer page links the file');
  return href;
}

test('an editor, an administrator and a registry clerk of the receiving agency get 404 on the dossier, its files, papers and API; the inbox is not theirs', async () => {
  const code = await submitted(app, citizen);
  const officer = await officerClient(app, s.hkOfficer);
  const file = await fileHref(officer, code);
  const citizenFile = file.replace('/mot-cua/ho-so/', '/ho-so/');
  for (const roles of [['editor'], ['admin'], ['registry_clerk'], ['moderator']] as Role[][]) {
    const user = await staffOf(AG.hoanKiem, roles);
    const client = await officerClient(app, user);
    for (const url of [casePage(code), file, `${casePage(code)}/mau-01.pdf`, `${casePage(code)}/mau-05.pdf`, `/ho-so/${code}`, `/ho-so/${code}/bien-nhan`, `/ho-so/${code}/mau-01.pdf`, citizenFile]) {
      const res = await client.get(url);
      assert.equal(res.statusCode, 404, `${roles[0]} ${url}`);
      assert.ok(!res.body.includes(citizen.name), `${roles[0]} ${url} shows no name`);
    }
    const api = await app.server.inject({ method: 'GET', url: `/api/v1/dossiers/${code}`, headers: { authorization: `Bearer ${await apiTokenFor(app.database.db, user)}` } });
    assert.equal(api.statusCode, 404, `${roles[0]} API`);
    assert.equal((await client.get('/mot-cua/so-theo-doi')).statusCode, 403, `${roles[0]}: the tracking book is the one-stop desk's`);
    const inbox = await client.get('/mot-cua?tab=new');
    assert.equal(inbox.statusCode, 403, `${roles[0]} inbox`);
    assert.ok(!inbox.body.includes(citizen.name));
    // Nor may they act on it: the dossier does not exist for them.
    await assert.rejects(acting(app)(user, code, { action: 'accept' }), /DOSSIER_NOT_FOUND/);
  }
  // An administrator of the city's service centre, which receives every procedure, neither.
  const centreAdmin = await officerClient(app, await staffOf(AG.centre, ['admin']));
  assert.equal((await centreAdmin.get(casePage(code))).statusCode, 404);
  assert.deepEqual((await reads(code)).filter((r) => r.actor_id !== s.hkOfficer.id), [], 'refused reads leave no read row');
});

test('the officer, specialist and leader of the agency read it; a consulted department only by those who answer', async () => {
  const code = await submitted(app, citizen, { workflow: 'lien-thong' });
  for (const u of [s.hkOfficer, s.hkSpecialist, s.hkLeader]) assert.equal((await (await officerClient(app, u)).get(casePage(code))).statusCode, 200);
  const act = acting(app);
  await act(s.hkOfficer, code, { action: 'accept' });
  await act(s.hkLeader, code, { action: 'assign', assigneeId: s.hkSpecialist.id });
  const justiceOfficer = await staffOf(AG.justice, ['one_stop_officer']);
  assert.equal((await (await officerClient(app, s.justiceSpecialist)).get(casePage(code))).statusCode, 404, 'not consulted yet');
  await act(s.hkSpecialist, code, { action: 'consult', comment: 'Xin ý kiến', agencies: [{ code: AG.justice }] });
  assert.equal((await (await officerClient(app, s.justiceSpecialist)).get(casePage(code))).statusCode, 200);
  assert.equal((await (await officerClient(app, s.justiceLeader)).get(casePage(code))).statusCode, 200);
  const jo = await officerClient(app, justiceOfficer);
  assert.equal((await jo.get(casePage(code))).statusCode, 404, 'the consulted agency’s one-stop desk does not answer consultations');
  assert.ok(!(await jo.get('/mot-cua?tab=consulting')).body.includes(casePage(code)));
  assert.ok((await (await officerClient(app, s.justiceSpecialist)).get('/mot-cua?tab=consulting')).body.includes(casePage(code)));
});

test('every staff read writes an audit row (page, file, paper, API); the applicant sees who read their dossier, and their own reads are not listed', async () => {
  const code = await submitted(app, citizen);
  const officer = await officerClient(app, s.hkOfficer);
  const file = await fileHref(officer, code);
  assert.equal((await officer.get(file)).statusCode, 200);
  assert.equal((await officer.get(`${casePage(code)}/mau-01.pdf`)).statusCode, 200);
  const api = await app.server.inject({ method: 'GET', url: `/api/v1/dossiers/${code}`, headers: { authorization: `Bearer ${await apiTokenFor(app.database.db, s.hkLeader)}` } });
  assert.equal(api.statusCode, 200);
  assert.equal((await citizen.client.get(`/ho-so/${code}`)).statusCode, 200);
  assert.deepEqual(await reads(code), [
    { actor_id: s.hkOfficer.id, what: 'page' },
    { actor_id: s.hkOfficer.id, what: 'file' },
    { actor_id: s.hkOfficer.id, what: 'pdf' },
    { actor_id: s.hkLeader.id, what: 'api' },
  ]);
  const mine = await citizen.client.get(`/ho-so-cua-toi/${code}`);
  assert.equal(mine.statusCode, 200);
  const section = mine.body.slice(mine.body.indexOf('id="ai-da-xem"'));
  assert.match(section, /Ai đã xem hồ sơ của bạn/);
  assert.ok(section.includes(s.hkOfficer.displayName) && section.includes(s.hkLeader.displayName));
  assert.match(section, /Cán bộ một cửa/);
  assert.match(section, /Lãnh đạo/);
  assert.ok(section.includes(s.hkOfficer.agencyName ?? '-'), 'the reader’s agency');
  assert.match(section, /Tệp đính kèm/);
  assert.match(section, /Qua API/);
  assert.equal((section.match(/<tr>/g) ?? []).length, 1 + 4, 'a header and one line per staff read');
});

test('a consulted department reads only what it was sent: the question and the chosen file, no personal ID number nor contacts, 404 for the rest; the asking agency still reads it all', async () => {
  const code = await submitted(app, citizen, {
    workflow: 'lien-thong',
    files: [
      { docKey: 'doc1', filename: 'to-khai.pdf' },
      { docKey: 'doc2', filename: 'giay-cu-tru.pdf' },
    ],
  });
  const act = acting(app);
  await act(s.hkOfficer, code, { action: 'accept' });
  await act(s.hkLeader, code, { action: 'assign', assigneeId: s.hkSpecialist.id });
  const files = await sql<{ id: string; original_name: string }>`select f.id, f.original_name from dossier_files f join dossiers d on d.id = f.dossier_id where d.code = ${code} order by f.id`.execute(app.database.db);
  const idOf = (name: string): number => Number(files.rows.find((f) => f.original_name === name)?.id);
  const sent = idOf('giay-cu-tru.pdf');
  const unsent = idOf('to-khai.pdf');
  const question = 'Đề nghị xác nhận nơi cư trú của người nộp.';

  // The asking specialist ticks the file to send in the consultation's form.
  const hk = await officerClient(app, s.hkSpecialist);
  const form = (await hk.get(casePage(code))).body;
  assert.match(form, new RegExp(`name="documents" value="${sent}"`));
  assert.match(form, new RegExp(`name="documents" value="${unsent}"`));
  const asked = await actForm(hk, code, 'consult', { agencies: AG.justice, comment: question, documents: String(sent) });
  assert.equal(asked.statusCode, 303, asked.body.slice(0, 300));

  const justice = await officerClient(app, s.justiceSpecialist);
  const page = await justice.get(casePage(code));
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes(question), 'the question');
  assert.ok(page.body.includes(PROC.online.name), 'the procedure');
  assert.ok(page.body.includes(`${casePage(code)}/tep/${sent}`), 'the file sent');
  assert.ok(!page.body.includes('to-khai.pdf') && !page.body.includes(`/tep/${unsent}`), 'not the file kept back');
  for (const personal of [citizen.personalId, citizen.email, '12 phố Hàng Bạc']) assert.ok(!page.body.includes(personal), `no ${personal}`);
  assert.ok(!page.body.includes('mau-01.pdf'), 'no papers: they carry the applicant’s details');
  assert.equal((await justice.get(`${casePage(code)}/tep/${sent}`)).statusCode, 200);
  assert.equal((await justice.get(`${casePage(code)}/tep/${unsent}`)).statusCode, 404);
  assert.equal((await justice.get(`${casePage(code)}/mau-01.pdf`)).statusCode, 404);

  const api = await app.server.inject({ method: 'GET', url: `/api/v1/dossiers/${code}`, headers: { authorization: `Bearer ${await apiTokenFor(app.database.db, s.justiceSpecialist)}` } });
  assert.equal(api.statusCode, 200);
  const json = api.json<{ files: { id: number }[]; form: unknown; consultations: { question: string }[] }>();
  assert.deepEqual(
    json.files.map((f) => f.id),
    [sent],
  );
  assert.equal(json.form, null, 'the answers were not sent');
  assert.deepEqual(
    json.consultations.map((k) => k.question),
    [question],
  );
  assert.ok(!api.body.includes(citizen.personalId));

  // The asking agency still reads the whole dossier; every read of the consulted specialist is in the log.
  const full = (await hk.get(casePage(code))).body;
  assert.ok(full.includes(citizen.personalId) && full.includes('to-khai.pdf') && full.includes('giay-cu-tru.pdf'));
  assert.equal((await hk.get(`${casePage(code)}/tep/${unsent}`)).statusCode, 200);
  assert.deepEqual(
    (await reads(code)).filter((r) => r.actor_id === s.justiceSpecialist.id).map((r) => r.what),
    ['page', 'file', 'api'],
  );
});

test('a consultation sends only the dossier’s own files; the e-form answers reach the consulted department only when ticked', async () => {
  const code = await submitted(app, citizen, { workflow: 'lien-thong' });
  const other = await submitted(app, citizen);
  const act = acting(app);
  await act(s.hkOfficer, code, { action: 'accept' });
  await act(s.hkLeader, code, { action: 'assign', assigneeId: s.hkSpecialist.id });
  const foreign = await sql<{ id: string }>`select f.id from dossier_files f join dossiers d on d.id = f.dossier_id where d.code = ${other}`.execute(app.database.db);
  const e = await refused(act(s.hkSpecialist, code, { action: 'consult', comment: 'Xin ý kiến', agencies: [{ code: AG.justice }], documents: [Number(foreign.rows[0]?.id)] }));
  assert.equal(e.code, 'INVALID_ACTION');
  assert.deepEqual(
    e.fields.map((f) => f.field),
    ['documents'],
  );
  const token = `Bearer ${await apiTokenFor(app.database.db, s.justiceSpecialist)}`;
  assert.equal((await app.server.inject({ method: 'GET', url: `/api/v1/dossiers/${code}`, headers: { authorization: token } })).statusCode, 404, 'nothing was asked');
  await act(s.hkSpecialist, code, { action: 'consult', comment: 'Xin ý kiến', agencies: [{ code: AG.justice }], includeAnswers: true });
  const api = await app.server.inject({ method: 'GET', url: `/api/v1/dossiers/${code}`, headers: { authorization: token } });
  assert.equal(api.statusCode, 200);
  const json = api.json<{ files: unknown[]; form: { values: Record<string, unknown> } | null }>();
  assert.deepEqual(json.files, [], 'no file was ticked');
  assert.ok(json.form, 'the answers were sent');
  const page = await (await officerClient(app, s.justiceSpecialist)).get(casePage(code));
  assert.match(page.body, /id="answers"/);
});
