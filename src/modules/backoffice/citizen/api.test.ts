import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { SessionUser } from '../../../platform/auth/roles.ts';
import { testApp, type TestApp } from '../../../testing/app.ts';
import { apiTokenFor } from '../../../testing/auth.ts';
import { TINY, type TestCitizen } from '../../dossiers/testing.ts';
import { acting, AG, prepareWorkflowTests, submitted, type Staff } from '../workflow/testing.ts';

let app: TestApp;
let s: Staff;
let citizen: TestCitizen;
let other: TestCitizen;
const tokens = new Map<number, string>();
before(async () => {
  app = await testApp();
  ({ staff: s, citizen, other } = await prepareWorkflowTests(app));
});
after(async () => {
  await app.close();
});

interface ApiError {
  error: { code: string; status: number; message: { vi: string; en: string }; fields?: { field: string; message: { vi: string; en: string } }[] };
}

async function call(user: SessionUser | null, method: 'GET' | 'POST', url: string, payload?: unknown) {
  let token = user ? tokens.get(user.id) : undefined;
  if (user && !token) tokens.set(user.id, (token = await apiTokenFor(app.database.db, user)));
  return app.server.inject({
    method,
    url,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
}
const path = (code: string, rest = ''): string => `/api/v1/dossiers/${encodeURIComponent(code)}${rest}`;
const act = (user: SessionUser, code: string, body: Record<string, unknown>) => call(user, 'POST', path(code, '/actions'), body);
const errorOf = (body: string): ApiError['error'] => (JSON.parse(body) as ApiError).error;

test('GET /api/v1/dossiers/:code: the applicant and the agency’s staff; another ward or citizen gets 404', async () => {
  const code = await submitted(app, citizen);
  await acting(app)(s.hkOfficer, code, { action: 'request_supplement_receipt', items: [{ text: 'Ảnh 4x6' }], comment: 'Thiếu ảnh.' });
  const mine = await call(citizen.user, 'GET', path(code));
  assert.equal(mine.statusCode, 200, mine.body);
  const d = mine.json() as Record<string, unknown> & { history: { action: string; comment: string | null; from: string | null; to: string | null }[] };
  assert.equal(d.code, code);
  assert.equal(d.status, 'supplement');
  assert.deepEqual(d.state, { vi: 'Chờ bổ sung hồ sơ', en: 'Waiting for a supplement' });
  assert.deepEqual(d.status_label, d.state, 'status_label: the same label every page prints');
  assert.equal(d.receiving_agency, AG.hoanKiem);
  assert.match(String(d.due_date), /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(String(d.received_at).endsWith('Z'));
  assert.deepEqual((d.procedure as { code: string }).code, '1.999001');
  assert.deepEqual(d.history.map((h) => [h.action, h.from, h.to, h.comment]), [
    ['received', null, null, null],
    ['request_supplement_receipt', 'received', 'supplement', 'Thiếu ảnh.'],
  ]);
  assert.deepEqual((d.supplements as { items: { text: string }[] }[])[0]?.items.map((i) => i.text), ['Ảnh 4x6']);
  assert.deepEqual(d.actions, ['complete_supplement']);
  assert.equal(typeof d.row_version, 'number');

  const officer = (await call(s.hkOfficer, 'GET', path(code))).json() as { actions: string[] };
  assert.deepEqual(officer.actions, ['complete_supplement_counter']);
  for (const who of [s.cnOfficer, other.user]) {
    const res = await call(who, 'GET', path(code));
    assert.equal(res.statusCode, 404);
    assert.equal(errorOf(res.body).code, 'DOSSIER_NOT_FOUND');
  }
  assert.equal((await call(null, 'GET', path(code))).statusCode, 401);
  // A signed-in session works as well as a bearer token.
  assert.equal((await citizen.client.get(path(code))).statusCode, 200);
});

test('POST /actions with an officer’s bearer token follows the rules of the pages', async () => {
  const code = await submitted(app, citizen);
  const wrongState = await act(s.hkLeader, code, { action: 'approve' });
  assert.equal(wrongState.statusCode, 409);
  const e = errorOf(wrongState.body);
  assert.equal(e.code, 'ILLEGAL_TRANSITION');
  assert.match(e.message.vi, /Phê duyệt.*Chờ tiếp nhận/);
  assert.match(e.message.en, /Approve.*Awaiting receipt/);
  const noReason = await act(s.hkOfficer, code, { action: 'refuse', comment: ' ' });
  assert.equal(noReason.statusCode, 400);
  assert.deepEqual([errorOf(noReason.body).code, errorOf(noReason.body).fields?.map((f) => f.field)], ['INVALID_ACTION', ['comment']]);
  assert.ok(errorOf(noReason.body).fields?.[0]?.message.en);
  assert.equal((await act(s.cnOfficer, code, { action: 'accept' })).statusCode, 404);
  assert.equal(errorOf((await act(s.hkSpecialist, code, { action: 'accept' })).body).code, 'NOT_ALLOWED');
  const stale = await act(s.hkOfficer, code, { action: 'accept', version: 7 });
  assert.deepEqual([stale.statusCode, errorOf(stale.body).code], [409, 'STALE']);
  const unknown = await act(s.hkOfficer, code, { action: 'teleport' });
  assert.deepEqual([unknown.statusCode, errorOf(unknown.body).code], [400, 'UNKNOWN_ACTION']);
  const noAction = await act(s.hkOfficer, code, { comment: 'x' });
  assert.deepEqual([noAction.statusCode, errorOf(noAction.body).code], [400, 'VALIDATION']);

  const accepted = await act(s.hkOfficer, code, { action: 'accept', version: 1 });
  assert.equal(accepted.statusCode, 200, accepted.body);
  assert.deepEqual(accepted.json(), { code, action: 'accept', status: 'processing', status_label: { vi: 'Đang thẩm định', en: 'Being appraised' }, row_version: 2, form: '01' });
  assert.equal((await act(s.hkSpecialist, code, { action: 'submit_for_approval', version: 2 })).statusCode, 200);
  assert.equal((await act(s.hkLeader, code, { action: 'approve' })).statusCode, 200);
  const bad64 = await act(s.hkSpecialist, code, { action: 'record_result', files: [{ doc_key: 'result', filename: 'kq.pdf', content_base64: '***' }] });
  assert.deepEqual([bad64.statusCode, errorOf(bad64.body).fields?.map((f) => f.field)], [400, ['files.result']]);
  const result = await act(s.hkSpecialist, code, { action: 'record_result', files: [{ doc_key: 'result', filename: 'ket-qua.pdf', content_base64: TINY.pdf.toString('base64') }] });
  assert.equal(result.statusCode, 200, result.body);
  assert.equal((result.json() as { status: string }).status, 'result_ready');

  // The history as the back office sees it: every step, with the actor and the agency.
  const seen = (await call(s.hkOfficer, 'GET', path(code))).json() as { history: { action: string; actor: string; agency: string | null }[]; result_at: string; files: { kind: string }[] };
  assert.deepEqual(seen.history.map((h) => h.action), ['received', 'accept', 'submit_for_approval', 'approve', 'record_result']);
  assert.equal(seen.history[1]?.agency, AG.hoanKiem);
  assert.equal(seen.history[1]?.actor, s.hkOfficer.displayName);
  assert.ok(seen.result_at);
  assert.ok(seen.files.some((f) => f.kind === 'result'));
  // A browser session must send the CSRF token to act.
  assert.equal((await citizen.client.json('POST', path(code, '/actions'), { action: 'complete_supplement' })).statusCode, 403);
});

test('the applicant rates and writes through the API; an officer answers', async () => {
  const code = await submitted(app, citizen);
  const criteria = { time: 3, contacts: 2, attitude: 3, openness: 3, lawful: 3 };
  const early = await call(citizen.user, 'POST', path(code, '/rating'), { overall: 3, criteria });
  assert.deepEqual([early.statusCode, errorOf(early.body).code], [409, 'RATING_NOT_YET']);
  await acting(app)(s.hkOfficer, code, { action: 'refuse', comment: 'Không thuộc thẩm quyền.' });
  const bad = await call(citizen.user, 'POST', path(code, '/rating'), { overall: 3, criteria: { time: 3 } });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(errorOf(bad.body).fields?.map((f) => f.field).sort(), ['criteria.attitude', 'criteria.contacts', 'criteria.lawful', 'criteria.openness']);
  const rated = await call(citizen.user, 'POST', path(code, '/rating'), { overall: 2, criteria, comment: 'Được hướng dẫn rõ.' });
  assert.equal(rated.statusCode, 201, rated.body);
  assert.deepEqual((rated.json() as { overall: number; criteria: unknown }).criteria, criteria);
  assert.equal(errorOf((await call(citizen.user, 'POST', path(code, '/rating'), { overall: 3, criteria })).body).code, 'ALREADY_RATED');
  assert.equal((await call(s.hkOfficer, 'POST', path(code, '/rating'), { overall: 3, criteria })).statusCode, 403);

  const fb = await call(citizen.user, 'POST', path(code, '/feedback'), { message: 'Vì sao hồ sơ bị từ chối?' });
  assert.equal(fb.statusCode, 201, fb.body);
  const { id } = fb.json() as { id: number };
  assert.equal((await call(other.user, 'POST', path(code, '/feedback'), { message: 'Xin chào' })).statusCode, 404);
  assert.equal((await call(s.cnOfficer, 'POST', path(code, `/feedback/${id}/answer`), { answer: 'Trả lời' })).statusCode, 404);
  const answered = await call(s.hkOfficer, 'POST', path(code, `/feedback/${id}/answer`), { answer: 'Thủ tục thuộc thẩm quyền của Sở Tư pháp.' });
  assert.equal(answered.statusCode, 200, answered.body);
  const mine = (await call(citizen.user, 'GET', path(code))).json() as { rating: { overall: number }; feedback: { answer: string | null }[]; history: { comment: string | null }[] };
  assert.equal(mine.rating.overall, 2);
  assert.equal(mine.feedback[0]?.answer, 'Thủ tục thuộc thẩm quyền của Sở Tư pháp.');
  assert.equal(mine.history.at(-1)?.comment, 'Không thuộc thẩm quyền.');
});

test('the applicant does not see officers’ internal comments; the OpenAPI document lists the new paths', async () => {
  const code = await submitted(app, citizen);
  await acting(app)(s.hkOfficer, code, { action: 'accept' });
  await acting(app)(s.hkSpecialist, code, { action: 'submit_for_approval', comment: 'Ý kiến nội bộ.' });
  const applicant = (await call(citizen.user, 'GET', path(code))).json() as { history: { action: string; comment: string | null }[] };
  assert.equal(applicant.history.find((h) => h.action === 'submit_for_approval')?.comment, null);
  const officer = (await call(s.hkLeader, 'GET', path(code))).json() as { history: { action: string; comment: string | null }[]; actions: string[] };
  assert.equal(officer.history.find((h) => h.action === 'submit_for_approval')?.comment, 'Ý kiến nội bộ.');
  assert.deepEqual(officer.actions, ['send_back', 'approve', 'reject', 'apologize']);

  const doc = (await app.server.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { tags?: string[]; security?: unknown[]; requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> }; responses?: Record<string, unknown> }>>;
  };
  const get = doc.paths['/api/v1/dossiers/{code}']?.get;
  assert.deepEqual(get?.tags, ['dossiers']);
  assert.ok(get?.responses?.['200']);
  const post = doc.paths['/api/v1/dossiers/{code}/actions']?.post;
  assert.deepEqual(post?.security, [{ bearer: [] }]);
  assert.ok(post?.requestBody?.content['application/json']?.schema.properties.action);
  assert.ok(post?.responses?.['409']);
  for (const p of ['/api/v1/dossiers/{code}/rating', '/api/v1/dossiers/{code}/feedback', '/api/v1/dossiers/{code}/feedback/{id}/answer']) assert.ok(doc.paths[p]?.post, p);
});

test('POST /api/v1/dossiers/:code/fees: the receiving one-stop officer records the fee once; others and bad input are refused', async () => {
  const code = await submitted(app, citizen);
  const fees = (user: SessionUser, body: unknown) => call(user, 'POST', path(code, '/fees'), body);
  const bad = await fees(s.hkOfficer, { method: 'cash', reference: 'BL-1' });
  assert.equal(bad.statusCode, 400, 'a method outside the two is refused by the schema');
  const blank = await fees(s.hkOfficer, { method: 'counter', reference: '  ' });
  assert.equal(blank.statusCode, 400);
  assert.deepEqual(errorOf(blank.body).fields?.map((f) => f.field), ['reference']);
  assert.equal((await fees(s.hkSpecialist, { method: 'counter', reference: 'BL-1' })).statusCode, 403);
  assert.equal((await fees(s.cnOfficer, { method: 'counter', reference: 'BL-1' })).statusCode, 404);
  assert.equal((await fees(citizen.user, { method: 'counter', reference: 'BL-1' })).statusCode, 403);
  const ok = await fees(s.hkOfficer, { method: 'vietqr', reference: 'FT26330123456' });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json(), { code, payment_status: 'paid' });
  const status = await call(citizen.user, 'GET', path(code));
  assert.equal((status.json() as { payment_status: string }).payment_status, 'paid');
  const again = await fees(s.hkOfficer, { method: 'counter', reference: 'BL-2' });
  assert.equal(again.statusCode, 409);
  assert.equal(errorOf(again.body).code, 'NOTHING_TO_PAY');
});
