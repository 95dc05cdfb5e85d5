import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/app.ts';
import { apiTokenFor, signInAs } from '../../testing/auth.ts';
import { publishServiceConfig } from '../procedures/index.ts';
import { findAgencyByCode } from '../units/index.ts';
import { answersFor, prepareDossierTests, PROC, registerCitizen, TINY, type TestCitizen } from './testing.ts';

let app: TestApp;
let hoa: TestCitizen;
let token: string;
before(async () => {
  app = await testApp();
  await prepareDossierTests(app);
  hoa = await registerCitizen(app, 21);
  token = await apiTokenFor(app.database.db, hoa.user);
});
after(async () => {
  await app.close();
});

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  app.server.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers }, payload: JSON.stringify(payload) });

const body = (over: Record<string, unknown> = {}) => ({
  procedure_code: PROC.online.code,
  form: answersFor(hoa),
  files: [{ doc_key: 'doc1', filename: 'to-khai.pdf', content_base64: TINY.pdf.toString('base64') }],
  ...over,
});

test('POST /api/v1/dossiers → 201 with code, status, due date and receipt URL; the status is public', async () => {
  const res = await post(body({ agency_code: '000.04.51.H26' }));
  assert.equal(res.statusCode, 201, res.body);
  const r = res.json() as { code: string; status: string; status_label: unknown; due_date: string; receipt_url: string };
  assert.match(r.code, /^000\.04\.51\.H26-\d{6}-0001$/);
  assert.equal(r.status, 'received');
  // The label comes from the workflow definition (data/workflows), as every page prints it.
  assert.deepEqual(r.status_label, { vi: 'Chờ tiếp nhận', en: 'Awaiting receipt' });
  assert.match(r.due_date, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(r.receipt_url, `${app.platform.config.baseUrl}/ho-so/${encodeURIComponent(r.code)}/bien-nhan`);
  const statusUrl = (code: string, last4?: string): string => `/api/v1/dossiers/${encodeURIComponent(code)}/status${last4 === undefined ? '' : `?phone_last4=${last4}`}`;
  const last4 = hoa.phone.replace(/\D/g, '').slice(-4);
  const status = await app.server.inject({ method: 'GET', url: statusUrl(r.code, last4) });
  assert.equal(status.statusCode, 200);
  const s = status.json() as Record<string, unknown>;
  assert.deepEqual({ code: s.code, status: s.status, status_label: s.status_label, due_date: s.due_date }, {
    code: r.code,
    status: 'received',
    status_label: { vi: 'Chờ tiếp nhận', en: 'Awaiting receipt' },
    due_date: r.due_date,
  });
  assert.deepEqual(s.procedure, { code: PROC.online.code, name: PROC.online.name });
  assert.equal((s.agency as { code: string }).code, '000.04.51.H26');
  assert.equal(s.applicant, undefined);
    // Without the applicant's phone's last digits, or with wrong ones, the code is "not found", as an unknown one.
  for (const wrong of [undefined, '', '0000', '12345', 'abcd']) {
    const res = await app.server.inject({ method: 'GET', url: statusUrl(r.code, wrong) });
    assert.equal(res.statusCode, 404, String(wrong));
    assert.equal((res.json() as { error: { code: string } }).error.code, 'DOSSIER_NOT_FOUND');
  }
  const missing = await app.server.inject({ method: 'GET', url: statusUrl('000.04.51.H26-200101-0001', last4) });
  assert.equal(missing.statusCode, 404);
  assert.equal((missing.json() as { error: { code: string } }).error.code, 'DOSSIER_NOT_FOUND');
  assert.equal((await app.server.inject({ method: 'GET', url: '/api/v1/dossiers/nope/status' })).statusCode, 400);
});

test('the Idempotency-Key header: the same key again returns the same dossier', async () => {
  const a = await post(body(), { 'idempotency-key': 'order-7f3a9c21' });
  const b = await post(body(), { 'idempotency-key': 'order-7f3a9c21' });
  assert.equal(a.statusCode, 201);
  assert.equal(b.statusCode, 201);
  assert.equal(b.headers['idempotent-replayed'], 'true');
  assert.equal((b.json() as { code: string }).code, (a.json() as { code: string }).code);
  const together = await Promise.all([1, 2, 3, 4].map(() => post(body(), { 'idempotency-key': 'order-concurrent-1' })));
  assert.equal(new Set(together.map((r) => (r.json() as { code: string }).code)).size, 1);
});

test('400 with every field error in Vietnamese and English; 401 without a token; nothing saved', async () => {
  const before = await sql<{ n: number }>`select count(*)::int as n from dossiers`.execute(app.database.db);
  const res = await post(body({ form: { applicant: { fullName: 'A', personalId: '1' } }, files: [{ doc_key: 'doc1', filename: 'a.pdf', content_base64: TINY.exe.toString('base64') }] }));
  assert.equal(res.statusCode, 400);
  const e = (res.json() as { error: { code: string; fields: { field: string; message: { vi: string; en: string } }[] } }).error;
  assert.equal(e.code, 'INVALID_DOSSIER');
  const byField = new Map(e.fields.map((f) => [f.field, f.message]));
  assert.ok(byField.has('applicant.personalId'));
  assert.ok(byField.get('files.doc1')?.vi.startsWith('Tờ khai đề nghị cấp giấy xác nhận: '));
  assert.ok(byField.get('files.doc1')?.en);
  const bad64 = await post(body({ files: [{ doc_key: 'doc1', filename: 'a.pdf', content_base64: '***' }] }));
  assert.equal(bad64.statusCode, 400);
  const notOnline = await post(body({ procedure_code: PROC.counterOnly.code }));
  assert.equal(notOnline.statusCode, 400);
  assert.equal((notOnline.json() as { error: { code: string } }).error.code, 'NOT_ONLINE');
  const anonymous = await app.server.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body()) });
  assert.equal(anonymous.statusCode, 401);
  const after = await sql<{ n: number }>`select count(*)::int as n from dossiers`.execute(app.database.db);
  assert.deepEqual(after.rows, before.rows);
});

test('text in decomposed Unicode (NFD) is stored composed (NFC)', async () => {
  const nfd = 'Nguyễn Thị Hoa'.normalize('NFD');
  assert.notEqual(nfd, hoa.name);
  const res = await post(body({ form: answersFor(hoa, { details: 'Đề nghị cấp lại'.normalize('NFD') }), files: [{ doc_key: 'doc1', filename: 'tờ khai.pdf'.normalize('NFD'), content_base64: TINY.pdf.toString('base64') }] }));
  const form = answersFor(hoa);
  (form.applicant as Record<string, unknown>).fullName = nfd;
  const res2 = await post(body({ form }));
  assert.equal(res.statusCode, 201);
  assert.equal(res2.statusCode, 201);
  const rows = await sql<{ name: string; details: string; file: string | null }>`
    select d.applicant->>'name' as name, d.form_data->>'details' as details, f.original_name as file
    from dossiers d left join dossier_files f on f.dossier_id = d.id
    where d.code in (${(res.json() as { code: string }).code}, ${(res2.json() as { code: string }).code}) order by d.id`.execute(app.database.db);
  assert.equal(rows.rows[0]?.details, 'Đề nghị cấp lại');
  assert.equal(rows.rows[0]?.file, 'tờ khai.pdf');
  assert.equal(rows.rows[1]?.name, 'Nguyễn Thị Hoa');
});

test('the routes are in the OpenAPI document under the dossiers tag; submitting needs the bearer token', async () => {
  const doc = app.server.swagger() as { paths: Record<string, Record<string, { tags?: string[]; security?: unknown[] }>> };
  assert.deepEqual(doc.paths['/api/v1/dossiers']?.post?.tags, ['dossiers']);
  assert.deepEqual(doc.paths['/api/v1/dossiers']?.post?.security, [{ bearer: [] }]);
  assert.deepEqual(doc.paths['/api/v1/dossiers/{code}/status']?.get?.tags, ['dossiers']);
});

test('an integrator (staff bearer token) submits for someone, naming the applicant when the e-form does not ask', async () => {
  const admin = { id: 950, username: 'admin950', displayName: 'Quản trị', kind: 'staff' as const, roles: ['admin' as const], agencyId: null, agencyName: null };
  await publishServiceConfig(app.database.db, admin, PROC.free.code, {
    effectiveFrom: '2025-06-01',
    eform: {
      version: 1,
      schema: { type: 'object', properties: { details: { type: 'string', minLength: 1, maxLength: 500 } }, required: ['details'] },
      ui: {
        sections: [{ title: { vi: 'Nội dung', en: 'Request' }, fields: ['details'] }],
        fields: { details: { widget: 'textarea', label: { vi: 'Nội dung đề nghị', en: 'Request' } } },
      },
      documents: [],
    },
  });
  const centre = await findAgencyByCode(app.database.db, '000.00.20.H26');
  const integrator = { id: 951, username: 'ketnoi', displayName: 'Hệ thống kết nối', kind: 'staff' as const, roles: ['intake' as const], agencyId: centre?.id ?? null, agencyName: null };
  const bearer = await apiTokenFor(app.database.db, integrator);
  const send = (payload: unknown) =>
    app.server.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
  const missing = await send({ procedure_code: PROC.free.code, form: { details: 'Đăng ký' } });
  assert.equal(missing.statusCode, 400);
  const fields = (missing.json() as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field);
  assert.deepEqual(fields.sort(), ['applicant.fullName', 'applicant.personalId']);
  const res = await send({ procedure_code: PROC.free.code, form: { details: 'Đăng ký' }, applicant: { full_name: 'Lê Văn Minh', personal_id: '001085012345', phone: '0904 111 222' } });
  assert.equal(res.statusCode, 201, res.body);
  const { code } = res.json() as { code: string };
  const row = await sql<{ applicant_account_id: number | null; name: string; version: number; fee: number; pay: string }>`
    select applicant_account_id, applicant->>'name' as name, procedure_version as version, fee_total_dong as fee, payment_status as pay from dossiers where code = ${code}`.execute(app.database.db);
  assert.deepEqual(row.rows[0], { applicant_account_id: null, name: 'Lê Văn Minh', version: 2, fee: 0, pay: 'none' });
  // The receiving agency's one-stop officer sees the dossier; the integrator that sent it, a role that does not handle
  // dossiers, does not (Decree 13/2023/NĐ-CP: least privilege over personal data).
  const officer = app.client();
  await signInAs(app.database.db, officer, { ...integrator, id: 952, roles: ['one_stop_officer'] });
  assert.equal((await officer.get(`/ho-so/${encodeURIComponent(code)}`)).statusCode, 200);
  const sender = app.client();
  await signInAs(app.database.db, sender, { ...integrator, id: 953 });
  assert.equal((await sender.get(`/ho-so/${encodeURIComponent(code)}`)).statusCode, 404);
});
