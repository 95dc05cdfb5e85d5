import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../../testing/app.ts';
import type { TestCitizen } from '../../dossiers/testing.ts';
import { prepareWorkflowTests, refused, row, submitted, type Staff } from '../workflow/testing.ts';
import { recordFeesCollected } from './fees.ts';
import { casePage, csrfOn, officerClient } from './testing.ts';

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

const feeUrl = (code: string): string => `${casePage(code)}/thu-phi`;

async function payments(code: string) {
  const r = await sql<{ status: string; method: string; provider_ref: string | null; amount_dong: string }>`
    select p.status, p.method, p.provider_ref, p.amount_dong::text from payments p join dossiers d on d.id = p.dossier_id where d.code = ${code}`.execute(app.database.db);
  return r.rows;
}

async function audits(code: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'dossiers.payment' and entity_id = ${code}`.execute(app.database.db);
  return r.rows[0]?.n ?? 0;
}

test('the one-stop officer records fees taken at the counter: the form, its errors beside the fields, then paid with history and audit', async () => {
  const code = await submitted(app, citizen);
  assert.equal((await row(app, code)).payment_status, 'unpaid');
  const officer = await officerClient(app, s.hkOfficer);
  const page = await officer.get(casePage(code));
  assert.ok(page.body.includes(`action="${feeUrl(code)}"`), 'the form is offered');
  assert.match(page.body, /Số tiền phải thu: 50\.000/);

  // Nothing chosen, nothing typed: both errors, in Vietnamese, beside their fields and in the summary; nothing changes.
  const bad = await officer.postForm(feeUrl(code), { _csrf: csrfOn(page.body), 'fee-method': '', 'fee-reference': '  ' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /id="fee-method-error"[^>]*>Chọn hình thức thu\./);
  assert.match(bad.body, /id="fee-reference-error"[^>]*>Nhập số biên lai hoặc mã giao dịch\./);
  assert.ok(bad.body.includes('href="#fee-method"'), 'the error summary links to the field');
  assert.equal((await row(app, code)).payment_status, 'unpaid');

  // A reference too long keeps what was typed.
  const long = 'BL-' + '9'.repeat(60);
  const tooLong = await officer.postForm(feeUrl(code), { _csrf: csrfOn(bad.body), 'fee-method': 'counter', 'fee-reference': long });
  assert.equal(tooLong.statusCode, 400);
  assert.ok(tooLong.body.includes(`value="${long}"`), 'what was typed is kept');
  assert.match(tooLong.body, /<option value="counter" selected>/);

  const ok = await officer.postForm(feeUrl(code), { _csrf: csrfOn(tooLong.body), 'fee-method': 'counter', 'fee-reference': 'BL-0001234' });
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 800));
  assert.equal(ok.headers.location, `${casePage(code)}?xong=thu-phi`);
  const after = await officer.get(String(ok.headers.location));
  assert.match(after.body, /Đã ghi nhận: hồ sơ đã thanh toán phí, lệ phí\./);
  assert.ok(!after.body.includes(`action="${feeUrl(code)}"`), 'no form once paid');
  assert.match(after.body, /50\.000[^<]*— Đã thanh toán/);
  assert.equal((await row(app, code)).payment_status, 'paid');
  assert.deepEqual(await payments(code), [{ status: 'paid', method: 'counter', provider_ref: 'BL-0001234', amount_dong: '50000' }]);
  assert.equal(await audits(code), 1);
  const kinds = await sql<{ kind: string }>`select e.kind from dossier_events e join dossiers d on d.id = e.dossier_id where d.code = ${code}`.execute(app.database.db);
  assert.ok(kinds.rows.some((k) => k.kind === 'paid'), 'the timeline shows the payment');

  // Recording twice (a second tab, a double click) is refused with a reason; still one payment, one audit row.
  const again = await officer.postForm(feeUrl(code), { _csrf: csrfOn(after.body), 'fee-method': 'counter', 'fee-reference': 'BL-0001235' });
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /không có khoản phí nào cần thanh toán/);
  assert.equal((await payments(code)).length, 1);
  assert.equal(await audits(code), 1);
});

test('only a one-stop officer of the receiving agency records fees; others are refused and nothing changes', async () => {
  const code = await submitted(app, citizen);
  const input = { method: 'vietqr', reference: 'FT26330000001' };
  // Another ward's officer cannot even see the dossier.
  assert.equal((await refused(recordFeesCollected(app.platform, s.cnOfficer, code, input))).code, 'DOSSIER_NOT_FOUND');
  // The receiving ward's specialist and leader see it but do not collect fees.
  for (const u of [s.hkSpecialist, s.hkLeader]) {
    assert.equal((await refused(recordFeesCollected(app.platform, u, code, input))).code, 'NOT_COLLECTING');
    const page = await (await officerClient(app, u)).get(casePage(code));
    assert.ok(!page.body.includes(`action="${feeUrl(code)}"`), 'no form for them');
  }
  // A citizen is not staff.
  assert.equal((await refused(recordFeesCollected(app.platform, citizen.user, code, input))).code, 'FORBIDDEN');
  assert.equal((await row(app, code)).payment_status, 'unpaid');
  // A method that is not one of the two is refused beside its field.
  const wrong = await refused(recordFeesCollected(app.platform, s.hkOfficer, code, { method: 'gateway', reference: 'X1' }));
  assert.deepEqual([wrong.code, wrong.fields.map((f) => f.field)], ['INVALID_FEE', ['method']]);
  // The bank transfer found on the statement.
  await recordFeesCollected(app.platform, s.hkOfficer, code, input);
  assert.deepEqual(await payments(code), [{ status: 'paid', method: 'vietqr', provider_ref: 'FT26330000001', amount_dong: '50000' }]);
});
