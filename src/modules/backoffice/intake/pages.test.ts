// Counter intake through HTTP (issue 4): a one-stop officer finds the procedure, fills the form for a walk-in applicant
// with a scanned PDF, and lands on the dossier page; who may not, what is refused, errors and double clicks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp, type TestClient } from '../../../testing/app.ts';
import { signInAs } from '../../../testing/auth.ts';
import { postMultipart, PROC, TINY, type Part } from '../../dossiers/testing.ts';
import { AG, prepareWorkflowTests, type Staff } from '../workflow/testing.ts';

let app: TestApp;
let s: Staff;
let officer: TestClient;
before(async () => {
  app = await testApp();
  ({ staff: s } = await prepareWorkflowTests(app));
  officer = app.client();
  await signInAs(app.database.db, officer, s.hkOfficer);
});
after(async () => {
  await app.close();
});

const SEARCH = '/mot-cua/tiep-nhan';
const FORM = `${SEARCH}/${PROC.online.code}`;
const walkIn = { name: 'Phạm Thị Lan', personalId: '001185012345' };

function tokens(html: string): { csrf: string; token: string } {
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const token = /name="_token" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(csrf && token, 'the form carries a CSRF token and a one-time token');
  return { csrf, token };
}

function parts(t: { csrf?: string; token: string }, over: Record<string, string> = {}): Part[] {
  const values: Record<string, string> = {
    ...(t.csrf ? { _csrf: t.csrf } : {}),
    _token: t.token,
    'applicant.fullName': walkIn.name,
    'applicant.personalId': walkIn.personalId,
    'applicant.phone': '0912 345 678',
    'applicant.email': '',
    'applicant.address.commune': '00070',
    'applicant.address.street': '5 phố Hàng Gai',
    details: 'Đề nghị cấp giấy xác nhận (nộp trực tiếp).',
    ...over,
  };
  return [
    ...Object.entries(values).map(([name, value]) => ({ name, value })),
    { name: 'files.doc1', file: { filename: 'to-khai-scan.pdf', content: TINY.pdf, type: 'application/pdf' } },
    { name: 'files.doc2', file: { filename: '', content: Buffer.alloc(0) } },
  ];
}

async function dossiersOf(personalId: string): Promise<{ code: string; channel: string; name: string; agency: string }[]> {
  const r = await sql<{ code: string; channel: string; name: string; agency: string }>`
    select d.code, d.channel, d.applicant->>'name' as name, a.code as agency from dossiers d join agencies a on a.id = d.agency_id
    where d.applicant->>'personal_id' = ${personalId} order by d.id`.execute(app.database.db);
  return r.rows;
}

test('the officer finds only the procedures the ward receives; the service centre finds every level', async () => {
  const page = await officer.get(`${SEARCH}?q=${encodeURIComponent('1.9990')}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Cơ quan của bạn tiếp nhận các thủ tục cấp xã/);
  assert.ok(page.body.includes(`href="${FORM}"`), 'a commune-level procedure can be taken');
  assert.match(page.body, new RegExp(PROC.online.name));
  assert.match(page.body, /<td data-label="[^"]+">Cấp xã<\/td>/);
  assert.ok(!page.body.includes(PROC.counterOnly.code), 'a province-level procedure is not offered to a ward');
  const byName = await officer.get(`${SEARCH}?q=${encodeURIComponent('giay xac nhan thu nghiem')}`);
  assert.ok(byName.body.includes(`href="${FORM}"`), 'found by name without accents');

  const centre = app.client();
  await signInAs(app.database.db, centre, s.centreOfficer);
  const all = await centre.get(`${SEARCH}?q=${encodeURIComponent('1.9990')}`);
  for (const code of [PROC.online.code, PROC.counterOnly.code, PROC.free.code]) assert.ok(all.body.includes(`href="${SEARCH}/${code}"`), code);
  assert.match(all.body, /Cấp tỉnh/);
  // A ward cannot take a province-level dossier, even by typing the address.
  const notHere = await officer.get(`${SEARCH}/${PROC.counterOnly.code}`);
  assert.equal(notHere.statusCode, 403);
  assert.match(notHere.body, /không tiếp nhận hồ sơ của thủ tục này/);
});

test('the form is blank for the applicant, with a file input per document and the fees; posting it lands on the dossier page', async () => {
  const page = await officer.get(FORM);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /enctype="multipart\/form-data"/);
  assert.match(page.body, /50\.000 đ/, 'the fee to collect');
  assert.match(page.body, /name="files\.doc1"/);
  assert.match(page.body, /name="files\.doc2"/);
  // Nothing is prefilled from the officer's account: the applicant's details are typed from their papers.
  for (const f of ['fullName', 'personalId', 'phone', 'email']) assert.match(page.body, new RegExp(`name="applicant\\.${f}" value=""`), f);
  const res = await postMultipart(app, officer, FORM, parts(tokens(page.body)));
  assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
  const [d] = await dossiersOf(walkIn.personalId);
  assert.ok(d);
  assert.equal(res.headers.location, `/mot-cua/ho-so/${encodeURIComponent(d.code)}`);
  assert.match(d.code, new RegExp(`^${AG.hoanKiem.replaceAll('.', '\\.')}-\\d{6}-\\d{4}$`), 'the ward’s own code series');
  assert.deepEqual([d.channel, d.name, d.agency], ['counter', walkIn.name, AG.hoanKiem]);
  const scans = await sql<{ kind: string; original_name: string }>`
    select f.kind, f.original_name from dossier_files f join dossiers d on d.id = f.dossier_id where d.code = ${d.code}`.execute(app.database.db);
  assert.deepEqual(scans.rows, [{ kind: 'scan', original_name: 'to-khai-scan.pdf' }]);

  const landed = await officer.get(String(res.headers.location));
  assert.equal(landed.statusCode, 200);
  assert.match(landed.body, /to-khai-scan\.pdf/);
  assert.match(landed.body, /Phạm Thị Lan/);
  assert.ok(landed.body.includes(`/mot-cua/ho-so/${encodeURIComponent(d.code)}/mau-01.pdf`), 'Form 01 to print');
  // The receipt (Form 01) prints for the receiving agency's officer from both addresses.
  for (const url of [`/mot-cua/ho-so/${encodeURIComponent(d.code)}/mau-01.pdf`, `/ho-so/${encodeURIComponent(d.code)}/mau-01.pdf`]) {
    const pdf = await officer.get(url);
    assert.equal(pdf.statusCode, 200, url);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
  }
});

test('an invalid personal ID shows the form again with the error beside the field, the name kept and a word about the files', async () => {
  const page = await officer.get(FORM);
  const t = tokens(page.body);
  const res = await postMultipart(app, officer, FORM, parts(t, { 'applicant.fullName': 'Đỗ Văn Bình', 'applicant.personalId': '12345' }));
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /class="error-summary"/);
  assert.match(res.body, /href="#f-applicant-personalId"/);
  assert.match(res.body, /id="f-applicant-personalId-error"/);
  assert.match(res.body, /value="Đỗ Văn Bình"/);
  assert.match(res.body, /chọn lại tệp quét/);
  assert.equal(tokens(res.body).token, t.token, 'the same one-time token');
  assert.deepEqual(await dossiersOf('12345'), []);
});

test('a double post with the same token gives one dossier', async () => {
  const page = await officer.get(FORM);
  const t = tokens(page.body);
  const over = { 'applicant.personalId': '001190054321', 'applicant.fullName': 'Vũ Thị Hạnh' };
  const first = await postMultipart(app, officer, FORM, parts(t, over));
  const second = await postMultipart(app, officer, FORM, parts(t, over));
  assert.equal(first.statusCode, 303);
  assert.equal(second.statusCode, 303);
  assert.equal(second.headers.location, first.headers.location);
  assert.equal((await dossiersOf('001190054321')).length, 1);
});

test('only one-stop officers: a specialist gets 403, anonymous visitors sign in first, a post without CSRF is refused', async () => {
  const specialist = app.client();
  await signInAs(app.database.db, specialist, s.hkSpecialist);
  for (const url of [SEARCH, FORM]) assert.equal((await specialist.get(url)).statusCode, 403, url);
  const sp = await specialist.get('/');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(sp.body)?.[1];
  assert.ok(csrf);
  const posted = await postMultipart(app, specialist, FORM, parts({ csrf, token: 'specialist-token-1' }, { 'applicant.personalId': '001190077777' }));
  assert.equal(posted.statusCode, 403);
  assert.match(posted.body, /Bạn không có quyền thực hiện thao tác này/, 'refused for the role, not for the token');

  const anonymous = await app.client().get(FORM);
  assert.equal(anonymous.statusCode, 303);
  assert.equal(anonymous.headers.location, `/dang-nhap?next=${encodeURIComponent(FORM)}`);

  const forged = await postMultipart(app, officer, FORM, parts({ token: 'forged-token-1' }, { 'applicant.personalId': '001190088888' }));
  assert.equal(forged.statusCode, 403);
  assert.match(forged.body, /Phiên biểu mẫu đã hết hạn hoặc không hợp lệ/);
  assert.deepEqual(await dossiersOf('001190077777'), []);
  assert.deepEqual(await dossiersOf('001190088888'), []);
});
