import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../../testing/app.ts';
import { TINY, type TestCitizen } from '../../dossiers/testing.ts';
import { AG, prepareWorkflowTests, row, submitted, type Staff } from '../workflow/testing.ts';
import { act, actMultipart, actionUrl, casePage, csrfOn, officerClient, tabCount, versionOn } from './testing.ts';

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

const decoded = (html: string): string => html.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');

async function historyKinds(code: string): Promise<string[]> {
  const r = await sql<{ kind: string }>`select e.kind from dossier_events e join dossiers d on d.id = e.dossier_id where d.code = ${code} order by e.at, e.id`.execute(app.database.db);
  return r.rows.map((x) => x.kind);
}

test('the officer finds a new dossier in the "new" tab with its count, accepts it; the specialist submits it, the leader approves, the result is recorded and returned', async () => {
  const code = await submitted(app, citizen);
  const officer = await officerClient(app, s.hkOfficer);
  const inbox = await officer.get('/mot-cua');
  assert.equal(inbox.statusCode, 200);
  const received = await sql<{ n: number }>`select count(*)::int as n from dossiers where status = 'received' and agency_id = ${s.hkOfficer.agencyId}`.execute(app.database.db);
  assert.equal(tabCount(inbox.body, 'new'), Number(received.rows[0]?.n));
  assert.ok(tabCount(inbox.body, 'new') >= 1);
  for (const label of ['Hồ sơ mới', 'Của tôi', 'Đang xử lý', 'Chờ phê duyệt', 'Sắp đến hạn', 'Quá hạn', 'Chờ bổ sung', 'Xin ý kiến', 'Chờ trả kết quả']) assert.ok(inbox.body.includes(`<span>${label}</span>`), label);
  assert.ok(inbox.body.includes(`href="${casePage(code)}"`), 'the dossier is listed with a link');
  assert.match(inbox.body, /Cấp giấy xác nhận thử nghiệm cho công dân/);
  assert.match(inbox.body, /Trần Văn Hùng/);
  assert.match(inbox.body, /Chờ tiếp nhận/, 'the workflow state’s label');
  // Search by the applicant's name without accents.
  const found = await officer.get('/mot-cua?tab=new&q=tran%20van%20hung');
  assert.ok(found.body.includes(casePage(code)));
  const none = await officer.get('/mot-cua?tab=new&q=khong-co-ai');
  assert.ok(!none.body.includes(casePage(code)));

  const page = await officer.get(casePage(code));
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Cách tính thời hạn/, 'the deadline is explained');
  assert.match(page.body, /to-khai\.pdf/);
  for (const a of ['accept', 'request_supplement_receipt', 'refuse']) assert.ok(page.body.includes(`action="${actionUrl(code, a)}"`), a);
  const accepted = await act(officer, code, 'accept');
  assert.equal(accepted.statusCode, 303, accepted.body.slice(0, 1500));
  assert.equal(accepted.headers.location, `${casePage(code)}?xong=accept`);
  const after = await officer.get(String(accepted.headers.location));
  assert.match(decoded(after.body), /Đã thực hiện: “Tiếp nhận, hẹn trả kết quả”/);
  assert.ok(after.body.includes(`href="${casePage(code)}/mau-01.pdf"`), 'a link to the Form 01 the action issued');
  assert.equal((await row(app, code)).status, 'processing');

  const specialist = await officerClient(app, s.hkSpecialist);
  assert.ok((await specialist.get('/mot-cua?tab=processing')).body.includes(casePage(code)));
  assert.equal((await act(specialist, code, 'submit_for_approval', { comment: 'Hồ sơ đủ điều kiện.' })).statusCode, 303);
  const leader = await officerClient(app, s.hkLeader);
  const approvals = await leader.get('/mot-cua');
  assert.ok(approvals.body.includes('href="/mot-cua?tab=approval" aria-current="page"'), 'a leader starts on the approval tab');
  assert.ok(approvals.body.includes(casePage(code)));
  assert.equal((await act(leader, code, 'approve')).statusCode, 303);
  assert.equal((await row(app, code)).status, 'approved');
  // Approved, waiting for its result: the one-stop officer finds it under "Chờ trả kết quả", not "Đang xử lý" (issue 9).
  assert.ok((await officer.get('/mot-cua?tab=results')).body.includes(casePage(code)));
  assert.ok(!(await officer.get('/mot-cua?tab=processing')).body.includes(casePage(code)));

  const result = await actMultipart(app, specialist, code, 'record_result', [{ name: 'files.result', file: { filename: 'ket-qua.pdf', content: TINY.pdf, type: 'application/pdf' } }]);
  assert.equal(result.statusCode, 303, result.body.slice(0, 1500));
  const returned = await act(officer, code, 'return_result', { return_method: 'counter' });
  assert.equal(returned.statusCode, 303, returned.body.slice(0, 1500));
  const d = await row(app, code);
  assert.deepEqual([d.status, d.return_method], ['returned', 'counter']);
  assert.deepEqual(await historyKinds(code), ['received', 'accept', 'submit_for_approval', 'approve', 'record_result', 'return_result']);
  const final = await officer.get(casePage(code));
  assert.match(final.body, /ket-qua\.pdf/);
  assert.match(final.body, /Hồ sơ đủ điều kiện\./, 'the history shows the comment');
  assert.match(final.body, /Đã trả kết quả/);
});

test('a forged post without the CSRF token is refused and changes nothing', async () => {
  const code = await submitted(app, citizen);
  const officer = await officerClient(app, s.hkOfficer);
  const before = await row(app, code);
  const forged = await officer.postForm(actionUrl(code, 'accept'), { version: String(before.row_version) });
  assert.equal(forged.statusCode, 403);
  const wrong = await officer.postForm(actionUrl(code, 'accept'), { _csrf: 'x'.repeat(43), version: String(before.row_version) });
  assert.equal(wrong.statusCode, 403);
  const d = await row(app, code);
  assert.deepEqual([d.status, d.row_version], [before.status, before.row_version]);
});

test('acting on a dossier someone else has just handled: told so (409), nothing changes, what was typed is kept', async () => {
  const code = await submitted(app, citizen);
  const mine = await officerClient(app, s.hkOfficer);
  const other = await officerClient(app, s.hkOfficer);
  const seen = await mine.get(casePage(code));
  assert.equal((await act(other, code, 'accept')).statusCode, 303);
  const changed = await row(app, code);
  const late = await mine.postForm(actionUrl(code, 'refuse'), { _csrf: csrfOn(seen.body), version: versionOn(seen.body), comment: 'Hồ sơ không thuộc thẩm quyền của phường.', confirm: 'yes' });
  assert.equal(late.statusCode, 409);
  assert.match(late.body, /vừa được người khác xử lý/);
  assert.match(late.body, /class="error-summary"/);
  assert.match(late.body, /Hồ sơ không thuộc thẩm quyền của phường\./, 'the reason typed is still on the page');
  const d = await row(app, code);
  assert.deepEqual([d.status, d.row_version], [changed.status, changed.row_version]);
});

test('refusing asks for the confirmation box: without it nothing changes, the reason is kept; with it the dossier is refused', async () => {
  const code = await submitted(app, citizen);
  const officer = await officerClient(app, s.hkOfficer);
  const page = await officer.get(casePage(code));
  const form = page.body.slice(page.body.indexOf(`action="${actionUrl(code, 'refuse')}"`));
  assert.match(form.slice(0, form.indexOf('</form>')), /<button type="submit" class="danger">Từ chối tiếp nhận<\/button>/, 'the refusal looks different');
  assert.match(form.slice(0, form.indexOf('</form>')), /type="checkbox" id="refuse-confirm" name="confirm" value="yes" required/);
  const accept = page.body.slice(page.body.indexOf(`action="${actionUrl(code, 'accept')}"`));
  assert.doesNotMatch(accept.slice(0, accept.indexOf('</form>')), /danger|name="confirm"/, 'accepting is not asked twice');
  const before = await row(app, code);
  const unticked = await act(officer, code, 'refuse', { comment: 'Hồ sơ không thuộc thẩm quyền của phường.' });
  assert.equal(unticked.statusCode, 400);
  assert.match(unticked.body, /class="error-summary"/);
  assert.match(unticked.body, /<title>Lỗi: /, 'the title says the form was refused');
  assert.match(unticked.body, /class="error-summary" role="alert" tabindex="-1" autofocus/, 'the summary takes the focus');
  assert.match(unticked.body, /Hãy đánh dấu ô xác nhận để thực hiện thao tác này\. Chưa có gì thay đổi\./);
  assert.match(unticked.body, /href="#refuse-confirm"/, 'the summary links to the box');
  assert.match(unticked.body, /Hồ sơ không thuộc thẩm quyền của phường\./, 'the reason typed is still on the page');
  const after = await row(app, code);
  assert.deepEqual([after.status, after.row_version], [before.status, before.row_version], 'nothing changed');
  assert.doesNotMatch((await historyKinds(code)).join(' '), /refuse/);
  const en = await officer.get(`${casePage(code)}?lang=en`);
  const enPost = await officer.postForm(`${actionUrl(code, 'refuse')}?lang=en`, { _csrf: csrfOn(en.body), version: versionOn(en.body), comment: 'x' });
  assert.match(enPost.body, /Tick the confirmation box to take this action\. Nothing has changed\./);
  const ticked = await act(officer, code, 'refuse', { comment: 'Hồ sơ không thuộc thẩm quyền của phường.', confirm: 'yes' });
  assert.equal(ticked.statusCode, 303);
  assert.equal((await row(app, code)).status, 'refused');
});

test('a request to supplement without items comes back with the error beside the items and the comment kept', async () => {
  const code = await submitted(app, citizen);
  const officer = await officerClient(app, s.hkOfficer);
  const before = await row(app, code);
  const res = await act(officer, code, 'request_supplement_receipt', { items: '  \n ', comment: 'Cần bổ sung trước ngày 10.' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /class="error-summary"/);
  assert.ok(res.body.includes('href="#request_supplement_receipt-items"'), 'the summary links to the field');
  assert.match(res.body, /id="request_supplement_receipt-items-error"[^>]*>Vui lòng liệt kê đầy đủ/);
  assert.match(res.body, /<textarea id="request_supplement_receipt-comment"[^>]*>Cần bổ sung trước ngày 10\.<\/textarea>/);
  assert.equal((await row(app, code)).row_version, before.row_version);

  // With the items, one per line, the request goes out and Form 02 lists them.
  const ok = await act(officer, code, 'request_supplement_receipt', { items: 'Bản sao giấy khai sinh\n- Ảnh 4x6', comment: '' });
  assert.equal(ok.statusCode, 303);
  const after = await officer.get(String(ok.headers.location));
  assert.ok(after.body.includes(`href="${casePage(code)}/mau-02.pdf"`));
  assert.match(after.body, /<li>Ảnh 4x6<\/li>/);
  const form02 = await officer.get(`${casePage(code)}/mau-02.pdf`);
  assert.equal(form02.statusCode, 200);
  assert.equal(form02.headers['content-type'], 'application/pdf');
  assert.equal(form02.rawPayload.subarray(0, 5).toString(), '%PDF-');
});

test('an officer of another ward sees neither the dossier, nor its files, nor its papers (404), and cannot act', async () => {
  const code = await submitted(app, citizen);
  const fileId = (await sql<{ id: number }>`select f.id from dossier_files f join dossiers d on d.id = f.dossier_id where d.code = ${code}`.execute(app.database.db)).rows[0]?.id;
  const own = await officerClient(app, s.hkOfficer);
  const file = await own.get(`${casePage(code)}/tep/${fileId}`);
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'application/pdf');
  const stranger = await officerClient(app, s.cnOfficer);
  for (const url of [casePage(code), `${casePage(code)}/tep/${fileId}`, `${casePage(code)}/mau-01.pdf`, `${casePage(code)}/mau-05.pdf`]) {
    assert.equal((await stranger.get(url)).statusCode, 404, url);
  }
  const page = await stranger.get('/mot-cua');
  const res = await stranger.postForm(actionUrl(code, 'accept'), { _csrf: csrfOn(page.body), version: '1' });
  assert.equal(res.statusCode, 404);
  assert.equal((await row(app, code)).status, 'received');
  assert.ok(!page.body.includes(casePage(code)), 'nor is it in their inbox');
});

test('staff only: anonymous visitors are sent to sign in, citizens are refused, even for their own dossier', async () => {
  const code = await submitted(app, citizen);
  const anonymous = await app.client().get('/mot-cua');
  assert.equal(anonymous.statusCode, 303);
  assert.equal(anonymous.headers.location, `/dang-nhap?next=${encodeURIComponent('/mot-cua')}`);
  assert.equal((await citizen.client.get('/mot-cua')).statusCode, 403);
  assert.equal((await citizen.client.get(casePage(code))).statusCode, 403);
  assert.equal((await citizen.client.get(`${casePage(code)}/mau-01.pdf`)).statusCode, 403);
});

test('overdue and due-soon dossiers carry a badge in words, in their tabs; the page speaks English too', async () => {
  const late = await submitted(app, citizen);
  const soon = await submitted(app, citizen);
  await sql`update dossiers set due_at = now() - interval '1 hour' where code = ${late}`.execute(app.database.db);
  await sql`update dossiers set due_at = now() + interval '2 hours' where code = ${soon}`.execute(app.database.db);
  const officer = await officerClient(app, s.hkOfficer);
  const overdue = await officer.get('/mot-cua?tab=overdue');
  assert.ok(tabCount(overdue.body, 'overdue') >= 1);
  const lateRow = new RegExp(`${late.replaceAll('.', '\\.')}[\\s\\S]*?</tr>`).exec(overdue.body)?.[0] ?? '';
  assert.match(lateRow, /class="badge badge-late">Quá hạn</);
  assert.ok(!overdue.body.includes(casePage(soon)));
  const dueSoon = await officer.get('/mot-cua?tab=due_soon');
  const soonRow = new RegExp(`${soon.replaceAll('.', '\\.')}[\\s\\S]*?</tr>`).exec(dueSoon.body)?.[0] ?? '';
  assert.match(soonRow, /class="badge badge-soon">Sắp đến hạn</);

  const english = await officerClient(app, s.hkOfficer);
  const en = await english.get('/mot-cua?tab=overdue&lang=en');
  assert.match(en.body, /<html lang="en"/);
  for (const label of ['New', 'Assigned to me', 'Awaiting approval', 'Due soon', 'Overdue', 'Results to return']) assert.ok(en.body.includes(`<span>${label}</span>`), label);
  assert.match(en.body, /class="badge badge-late">Overdue</);
});

test('liên thông through the forms: the specialist assigns, consults two departments with dates, each replies from its own inbox', async () => {
  const code = await submitted(app, citizen, { workflow: 'lien-thong' });
  const officer = await officerClient(app, s.hkOfficer);
  assert.equal((await act(officer, code, 'accept')).statusCode, 303);
  const specialist = await officerClient(app, s.hkSpecialist);
  const page = await specialist.get(casePage(code));
  assert.ok(page.body.includes(`<option value="${s.hkLeader.id}">`), 'the handling agency’s leaders and specialists to choose from');
  assert.ok(!page.body.includes(`<option value="${s.cnSpecialist.id}">`), 'nobody from another ward');
  assert.equal((await act(specialist, code, 'assign', { assignee: String(s.hkSpecialist.id) })).statusCode, 303);
  assert.ok((await specialist.get('/mot-cua?tab=mine')).body.includes(casePage(code)));

  const noAgency = await act(specialist, code, 'consult', { comment: 'Đề nghị cho ý kiến.' });
  assert.equal(noAgency.statusCode, 400);
  assert.match(noAgency.body, /id="consult-agencies-error"/);
  assert.match(noAgency.body, /<textarea id="consult-comment"[^>]*>Đề nghị cho ý kiến\.<\/textarea>/);
  const asked = await act(specialist, code, 'consult', {
    comment: 'Đề nghị cho ý kiến về hồ sơ.',
    agencies: [AG.justice, AG.construction],
    [`due.${AG.justice}`]: '2099-01-05',
  });
  assert.equal(asked.statusCode, 303, asked.body.slice(0, 1500));
  const k = await sql<{ code: string; due: string }>`select a.code, to_char(k.due_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as due
    from dossier_consultations k join agencies a on a.id = k.agency_id join dossiers d on d.id = k.dossier_id where d.code = ${code}`.execute(app.database.db);
  assert.deepEqual(k.rows.map((r) => r.code).sort(), [AG.justice, AG.construction].sort());
  assert.equal(k.rows.find((r) => r.code === AG.justice)?.due, '2099-01-05');

  for (const dept of [s.justiceSpecialist, s.constructionSpecialist]) {
    const client = await officerClient(app, dept);
    const box = await client.get('/mot-cua?tab=consulting');
    assert.ok(box.body.includes(casePage(code)), 'the consulted department finds it in its inbox');
    assert.equal((await act(client, code, 'reply_consultation', { comment: `Ý kiến của ${dept.displayName}: thống nhất.` })).statusCode, 303);
  }
  const back = await specialist.get(casePage(code));
  assert.match(back.body, /Sở Tư pháp/);
  assert.ok(back.body.includes(`Ý kiến của ${s.justiceSpecialist.displayName}: thống nhất.`), 'the replies are on the dossier');
  assert.equal((await row(app, code)).status, 'processing');
});

test('a long tab is paged: 50 dossiers a page, with links to the next and previous pages', async () => {
  const code = await submitted(app, citizen);
  await sql`insert into dossiers (code, agency_id, procedure_code, procedure_version, channel, applicant_account_id, applicant, form_data, status,
      received_at, due_at, due_date, fee_total_dong, payment_status, workflow_code, clock_started_at)
    select '000.04.51.H26-250201-' || lpad(g::text, 4, '0'), d.agency_id, d.procedure_code, d.procedure_version, d.channel, d.applicant_account_id,
      d.applicant, d.form_data, d.status, d.received_at, d.due_at + g * interval '1 minute', d.due_date, d.fee_total_dong, d.payment_status, d.workflow_code, d.clock_started_at
    from dossiers d, generate_series(1, 60) g where d.code = ${code}`.execute(app.database.db);
  const officer = await officerClient(app, s.hkOfficer);
  const first = await officer.get('/mot-cua?tab=new');
  const total = tabCount(first.body, 'new');
  assert.ok(total > 60);
  assert.equal((first.body.match(/<tr class=|<tr>/g) ?? []).length - 1, 50, 'a header row and 50 dossiers');
  assert.match(first.body, new RegExp(`trang 1/${Math.ceil(total / 50)}`));
  const next = /href="(\/mot-cua\?tab=new&amp;trang=2)" rel="next"/.exec(first.body)?.[1]?.replaceAll('&amp;', '&');
  assert.ok(next, 'a link to the next page');
  const second = await officer.get(next);
  assert.match(second.body, /rel="prev"/);
  assert.equal((second.body.match(/<tr class=|<tr>/g) ?? []).length - 1, Math.min(50, total - 50));
  assert.ok(!second.body.includes(/href="([^"]+)" class="code-link"/.exec(first.body)?.[1] ?? '-'), 'the second page does not repeat the first');
});
