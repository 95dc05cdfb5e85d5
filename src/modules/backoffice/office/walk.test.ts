// Every dossier the demo lets you submit, the demo lets someone finish (issue 9). One dossier of each procedure with a
// real e-form (data/eforms) goes from submission to "returned" through the pages, acted on only by the demo's
// accounts (demo.<agency>.motcua|chuyenvien|lanhdao of the agency that received it and of the one handling it). The
// applicant, the officers and the public read one label for each state. Certified copies (2.000815) are counter-only
// in the national catalogue (the original must be seen): the online page says so and the one-stop officer takes it in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { SessionUser, Role } from '../../../platform/auth/roles.ts';
import { testApp, type TestApp, type TestClient } from '../../../testing/app.ts';
import { signInAs } from '../../../testing/auth.ts';
import { seedDemoAccounts } from '../../accounts/testing.ts';
import { postMultipart, prepareDossierTests, registerCitizen, TINY, type Part, type TestCitizen } from '../../dossiers/testing.ts';
import { samplePost } from '../../eforms/testing.ts';
import { registryLicence } from '../../licences/testing.ts';
import { addDays, vietnamDateOf } from '../../../platform/calendar/index.ts';
import { importForTest, recordsFor } from '../../procedures/testing.ts';
import { NOTIFY_JOB } from '../workflow/notify-events.ts';
import { act, actMultipart, casePage } from './testing.ts';

let app: TestApp;
let citizen: TestCitizen;
before(async () => {
  app = await testApp();
  await prepareDossierTests(app);
  const report = await importForTest(app.database.db, recordsFor(['1.001193', '1.000894', '1.004222', '3.000347', '2.000815']));
  assert.equal(report.failed.length, 0, JSON.stringify(report.failed));
  await app.platform.jobs.send(NOTIFY_JOB, { warmup: true });
  await seedDemoAccounts(app.platform);
  citizen = await registerCitizen(app, 61, 'Trần Thị Thu');
  // 3.000347 renews only a licence in the registry (Circular 12/2025/TT-BCA Art. 21): the citizen holds the sample's.
  await registryLicence(app, { holderPin: citizen.personalId, number: String(samplePost('3.000347')['licence.number']), expiresOn: addDays(TODAY, 20) });
});
after(async () => {
  await app.close();
});

const HOAN_KIEM = '000.04.51.H26';
const TODAY = vietnamDateOf(new Date());
/** The sample answers; the licence renewal as its holder, with a medical certificate under 12 months old. */
const answersOf = (procedure: string) => (procedure === '3.000347' ? samplePost(procedure, { 'applicant.personalId': citizen.personalId, healthCheckDate: addDays(TODAY, -10) }) : samplePost(procedure));
const BA_DINH = '000.01.51.H26';
const CENTRE = '000.00.20.H26';

/** A demo account of the agency with the role (demo.<agency>.motcua|chuyenvien|lanhdao), signed in. */
async function demo(agencyId: number, role: Role): Promise<{ client: TestClient; user: SessionUser }> {
  const r = await sql<{ id: number; username: string; full_name: string; name: string }>`
    select a.id, a.username, a.full_name, g.name from accounts a join account_roles r on r.account_id = a.id join agencies g on g.id = a.agency_id
    where a.agency_id = ${agencyId} and r.role = ${role} and a.username ~ '^demo\\.[a-z0-9]+\\.(motcua|chuyenvien|lanhdao)$' order by a.username limit 1`.execute(app.database.db);
  const a = r.rows[0];
  assert.ok(a, `a demo ${role} at agency ${agencyId}`);
  const client = app.client();
  const user = await signInAs(app.database.db, client, { id: a.id, username: a.username, displayName: a.full_name, kind: 'staff', roles: [role], agencyId, agencyName: a.name });
  return { client, user };
}

async function dossier(code: string): Promise<{ status: string; agency_id: number; handling_agency_id: number | null; channel: string }> {
  const r = await sql<{ status: string; agency_id: number; handling_agency_id: number | null; channel: string }>`
    select status, agency_id, handling_agency_id, channel from dossiers where code = ${code}`.execute(app.database.db);
  assert.ok(r.rows[0], code);
  return r.rows[0];
}

/** Every file input of a form page gets a PDF (or an image where only images are accepted). */
function filesOn(html: string): Part[] {
  const out: Part[] = [];
  for (const m of html.matchAll(/<input type="file"[^>]*name="([^"]+)"[^>]*accept="([^"]*)"/g)) {
    const [name, accept] = [m[1] ?? '', m[2] ?? ''];
    const pdf = accept === '' || accept.includes('pdf');
    out.push({ name, file: pdf ? { filename: 'giay-to.pdf', content: TINY.pdf, type: 'application/pdf' } : { filename: 'anh.jpg', content: TINY.jpeg, type: 'image/jpeg' } });
  }
  assert.ok(out.length > 0, 'the form asks for documents');
  return out;
}

const hidden = (html: string, name: string): string => {
  const v = new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1];
  assert.ok(v, name);
  return v;
};

async function submitOnline(procedure: string, agencyCode: string | null): Promise<string> {
  const url = `/dich-vu-cong/${procedure}/nop`;
  const page = await citizen.client.get(url);
  assert.equal(page.statusCode, 200, `${procedure}: ${page.body.slice(0, 300)}`);
  const agency = agencyCode ?? /<option value="([^"]+)" selected/.exec(page.body)?.[1];
  assert.ok(agency, `${procedure}: an agency is chosen`);
  const fields = { ...answersOf(procedure), _csrf: hidden(page.body, '_csrf'), _token: hidden(page.body, '_token'), _action: 'submit', agency_code: agency };
  const values: Part[] = Object.entries(fields).flatMap(([name, v]) => (Array.isArray(v) ? v : [v]).map((value) => ({ name, value })));
  const res = await postMultipart(app, citizen.client, url, [...values, ...filesOn(page.body)]);
  assert.equal(res.statusCode, 303, `${procedure}: ${res.body.slice(0, 3000)}`);
  const code = /^\/ho-so\/([^/]+)\/bien-nhan$/.exec(String(res.headers.location))?.[1];
  assert.ok(code, String(res.headers.location));
  return decodeURIComponent(code);
}

/** The pages and APIs that show a dossier's state all print the workflow's label for it. */
async function sameLabel(code: string, label: string, officer: TestClient): Promise<void> {
  const c = encodeURIComponent(code);
  const pages: [string, TestClient][] = [
    [`/ho-so/${c}/bien-nhan`, citizen.client],
    [`/ho-so/${c}`, citizen.client],
    ['/ho-so-cua-toi', citizen.client],
    [`/ho-so-cua-toi/${c}`, citizen.client],
    [`/tra-cuu-ho-so?ma=${c}&so=${citizen.phone.replace(/\D/g, '').slice(-4)}`, app.client()],
    [casePage(code), officer],
  ];
  for (const [url, client] of pages) {
    const res = await client.get(url);
    assert.equal(res.statusCode, 200, url);
    assert.ok(res.body.includes(label), `${url} says “${label}”`);
  }
  const api = await app.client().get(`/api/v1/dossiers/${c}/status?phone_last4=${citizen.phone.replace(/\D/g, '').slice(-4)}`);
  assert.equal((api.json() as { status_label: { vi: string } }).status_label.vi, label);
}

/** Accept, assign, appraise, approve, record the result and return it, each by a demo account. */
async function walk(code: string, officer: { client: TestClient }): Promise<void> {
  const received = await dossier(code);
  if (received.status === 'received') {
    const page = await officer.client.get(casePage(code));
    const accepted = await act(officer.client, code, 'accept', page.body.includes('name="processing_days"') ? { processing_days: '3' } : {});
    assert.equal(accepted.statusCode, 303, `${code} accept: ${accepted.body.slice(0, 2000)}`);
  }
  const { handling_agency_id, status } = await dossier(code);
  assert.equal(status, 'processing');
  const handling = handling_agency_id ?? received.agency_id;
  const leader = await demo(handling, 'leader');
  const specialist = await demo(handling, 'specialist');
  assert.equal((await act(leader.client, code, 'assign', { assignee: String(specialist.user.id) })).statusCode, 303, `${code} assign`);
  assert.equal((await act(specialist.client, code, 'submit_for_approval', { comment: 'Hồ sơ đủ điều kiện.' })).statusCode, 303, `${code} submit`);
  assert.equal((await act(leader.client, code, 'approve')).statusCode, 303, `${code} approve`);
  // Approved, waiting for its result: the one-stop desk where it is handled finds it under "Chờ trả kết quả".
  const desk = await demo(handling, 'one_stop_officer');
  assert.ok((await desk.client.get('/mot-cua?tab=results')).body.includes(casePage(code)), `${code} in the results tab`);
  const result = await actMultipart(app, specialist.client, code, 'record_result', [{ name: 'files.result', file: { filename: 'ket-qua.pdf', content: TINY.pdf, type: 'application/pdf' } }]);
  assert.equal(result.statusCode, 303, `${code} result: ${result.body.slice(0, 2000)}`);
  const returned = await act(officer.client, code, 'return_result', { return_method: 'counter' });
  assert.equal(returned.statusCode, 303, `${code} return: ${returned.body.slice(0, 2000)}`);
  assert.equal((await dossier(code)).status, 'returned');
  // The history's assignment row names the assignee.
  const final = await officer.client.get(casePage(code));
  assert.ok(final.body.includes(`Phân công xử lý: ${specialist.user.displayName}`), 'the assignment names the assignee');
}

const ONLINE: [string, string | null][] = [
  ['1.001193', HOAN_KIEM], // birth registration, at the ward
  ['1.000894', BA_DINH], // marriage registration, at another ward
  ['1.004222', null], // permanent residence, at the agency the form proposes
  ['3.000347', null], // driving-licence renewal: the city's service centre, handled by a department
];

test('each procedure with a real e-form, submitted online, is walked to "returned" by the demo accounts; one label per state', async () => {
  const agencies = new Map<string, number>();
  for (const [procedure, agency] of ONLINE) {
    const code = await submitOnline(procedure, agency);
    const d = await dossier(code);
    assert.equal(d.channel, 'online');
    const officer = await demo(d.agency_id, 'one_stop_officer');
    await sameLabel(code, 'Chờ tiếp nhận', officer.client);
    await walk(code, officer);
    await sameLabel(code, 'Đã trả kết quả', officer.client);
    agencies.set(procedure, d.agency_id);
  }
  const centre = await sql<{ id: number }>`select id from agencies where code = ${CENTRE}`.execute(app.database.db);
  // Outside the demo there is no page of demo accounts.
  assert.equal((await app.client().get('/tai-khoan-trinh-dien')).statusCode, 404);
  assert.equal(agencies.get('3.000347'), centre.rows[0]?.id, 'the driving licence goes to the service centre');
});

test('certified copies (2.000815) are counter-only: the online page says so, and the one-stop officer takes one in and finishes it', async () => {
  const online = await citizen.client.get('/dich-vu-cong/2.000815/nop');
  assert.equal(online.statusCode, 400);
  assert.match(online.body, /Thủ tục không nộp trực tuyến/);
  const ward = await sql<{ id: number }>`select id from agencies where code = ${HOAN_KIEM}`.execute(app.database.db);
  const officer = await demo(Number(ward.rows[0]?.id), 'one_stop_officer');
  const url = '/mot-cua/tiep-nhan/2.000815';
  const page = await officer.client.get(url);
  assert.equal(page.statusCode, 200, page.body.slice(0, 500));
  const fields = { ...samplePost('2.000815'), _csrf: hidden(page.body, '_csrf'), _token: hidden(page.body, '_token') };
  const values: Part[] = Object.entries(fields).flatMap(([name, v]) => (Array.isArray(v) ? v : [v]).map((value) => ({ name, value })));
  const res = await postMultipart(app, officer.client, url, [...values, ...filesOn(page.body)]);
  assert.equal(res.statusCode, 303, res.body.slice(0, 3000));
  const code = decodeURIComponent(/\/mot-cua\/ho-so\/([^/?]+)/.exec(String(res.headers.location))?.[1] ?? '');
  assert.equal((await dossier(code)).channel, 'counter');
  // Received at the counter (accepted at once, or waiting for the desk to accept it), then walked to the end.
  await walk(code, officer);
});
