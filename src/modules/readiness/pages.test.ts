// The self-assessment pages through the real app, as the people of a cycle use them: the office opens the communes'
// cycle; Phường Hoàn Kiếm's IT officer fills the form (a refused value named, the good one kept), checks it as typed,
// uploads evidence (a PDF kept, an executable named .pdf refused), submits; the office sees who is outstanding, asks,
// the officer answers and resubmits, the office marks it reviewed; the council adjusts (out of range refused);
// the office publishes; then every change is refused. Other people get 403/404 on every page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { vietnamDateOf } from '../../platform/calendar/index.ts';
import { addDays } from '../../platform/calendar/index.ts';
import { type TestApp, testApp } from '../../testing/app.ts';
import { signInAs } from '../../testing/auth.ts';
import { postMultipart, Role, smallPdf, staff } from '../documents/testing.ts';
import { inputsOf, loadShippedSet } from './sets.ts';

const CITY = '000.00.00.H26';
const HOAN_KIEM = '000.04.51.H26';
const BA_DINH = '000.01.51.H26';
const loaded = loadShippedSet('2025-communes');

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(async () => app.close());

/** Every input as the form posts it, each rule kept. */
function fullFields(over: Record<string, string> = {}): Record<string, string> {
  const v: Record<string, string> = {};
  for (const f of inputsOf(loaded)) v[`v.${f.code}`] = f.type === 'number' ? '10' : f.type === 'boolean' ? 'true' : f.categories![0]!;
  return { ...v, 'v.tasksOverdue': '0', 'v.DG1': '80', 'v.DG2': '95', 'v.DG4': '90', ...over };
}
const versionOf = (body: string): string => /name="version" value="(\d+)"/.exec(body)?.[1] ?? '';

test('a cycle through its pages: fill, check, evidence, submit, question, review, adjustment, publication', async () => {
  const reviewer = await staff(app, 'rd.thamdinh', [Role.readinessReviewer], CITY);
  const council = await staff(app, 'rd.hoidong', [Role.readinessCouncil], CITY);
  const reporter = await staff(app, 'rd.cntt', [Role.readinessReporter], HOAN_KIEM);
  const stranger = await staff(app, 'rd.badinh', [Role.readinessReporter], BA_DINH);
  const officer = await staff(app, 'rd.motcua', [Role.oneStopOfficer], HOAN_KIEM);
  const citizen = app.client();
  await signInAs(app.database.db, citizen, { id: stranger.user.id, kind: 'citizen', roles: [], agencyId: null });
  const today = vietnamDateOf(new Date());

  // The office opens the cycle: a deadline in the past refused, the guidance typed kept.
  const home = await reviewer.client.get('/chuyen-doi-so');
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /2025-communes/);
  const bad = await reviewer.client.submit('/chuyen-doi-so', { setId: '2025-communes', deadline: '2020-01-01', guidance: 'Nộp kèm minh chứng <b>đủ</b>' }, '/chuyen-doi-so/ky');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Hạn nộp không được trước hôm nay/);
  assert.match(bad.body, /Nộp kèm minh chứng &lt;b>đủ&lt;\/b>|Nộp kèm minh chứng &lt;b&gt;đủ&lt;\/b&gt;/);
  const opened = await reviewer.client.submit('/chuyen-doi-so', { setId: '2025-communes', deadline: addDays(today, 10), guidance: 'Nộp kèm minh chứng' }, '/chuyen-doi-so/ky');
  assert.equal(opened.statusCode, 303);
  const cycleUrl = opened.headers.location!.split('?')[0]!;

  // The officer's landing page lists the cycle; the cycle leads to its own form, made on first visit.
  assert.ok((await reporter.client.get('/chuyen-doi-so')).body.includes(`href="${cycleUrl}"`));
  const go = await reporter.client.get(cycleUrl);
  assert.equal(go.statusCode, 303);
  const formUrl = go.headers.location!;
  const page = await reporter.client.get(formUrl);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Điểm tối đa: 20\. Cách chấm: Theo mức/);
  assert.match(page.body, /Đơn vị xác minh/);
  assert.match(page.body, /src="\/static\/readiness.js"/);

  // A refused value is named beside its field and shown back; the good one is saved.
  const saved = await reporter.client.submit(formUrl, { version: versionOf(page.body), 'v.staff': '40', 'v.trained': 'bốn mươi', action: 'save' });
  assert.equal(saved.statusCode, 400);
  assert.match(saved.body, /trained \(Số cán bộ, công chức được bồi dưỡng[^)]*\): cần một số/);
  assert.match(saved.body, /value="bốn mươi"/);
  assert.match((await reporter.client.get(formUrl)).body, /id="f-staff" name="v.staff" type="text" inputmode="decimal" value="40"/);

  // Checked as typed (JSON): the broken rule with both sides, the provisional points.
  const check = await reporter.client.submit(formUrl, { 'v.staff': '40', 'v.trained': '41', 'v.AW2': '3' }, `${formUrl}/kiem-tra`);
  assert.equal(check.statusCode, 200);
  const checked = JSON.parse(check.body) as { broken: { code: string; left: number; right: number; message: string }[]; points: Record<string, { points: number; max: number }> };
  const rule = checked.broken.find((b) => b.left === 41 && b.right === 40);
  assert.ok(rule, check.body);
  assert.match(rule.message, /41/);
  assert.equal(checked.points.AW2!.points, 15);

  // Evidence: a PDF kept (and downloaded), an executable named .pdf refused by name.
  const pdf = await smallPdf('Biên bản họp Ban chỉ đạo');
  const up = await postMultipart(app, reporter.client, formUrl, `${formUrl}/minh-chung`, { code: 'AW2' }, [{ field: 'files.evidence', name: 'bien-ban.pdf', type: 'application/pdf', content: pdf }]);
  assert.equal(up.statusCode, 303);
  const exe = await postMultipart(app, reporter.client, formUrl, `${formUrl}/minh-chung`, { code: 'AW2' }, [{ field: 'files.evidence', name: 'virus.pdf', type: 'application/pdf', content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 1)]) }]);
  assert.equal(exe.statusCode, 400);
  assert.match(exe.body, /virus\.pdf/);
  const withFile = await reporter.client.get(formUrl);
  const link = new RegExp(`href="(${formUrl}/minh-chung/\\d+)"`).exec(withFile.body)?.[1];
  assert.ok(link);
  const file = await reporter.client.get(link);
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'application/pdf');

  // Submission refused while inputs are missing (each named), then accepted.
  const missing = await reporter.client.submit(formUrl, { version: versionOf(withFile.body), 'v.trained': '30', action: 'submit' });
  assert.equal(missing.statusCode, 422);
  assert.match(missing.body, /Còn chỉ tiêu chưa có số liệu hoặc giải trình/);
  assert.match(missing.body, /href="#f-AW1"/);
  const full = await reporter.client.get(formUrl);
  const sent = await reporter.client.submit(formUrl, { version: versionOf(full.body), ...fullFields(), action: 'submit' });
  assert.equal(sent.statusCode, 303, sent.body.slice(0, 3000));
  assert.match((await reporter.client.get(sent.headers.location!)).body, /Đã nộp phiếu/);

  // Another ward's officer: 404; a one-stop officer and a citizen: refused on every page.
  assert.equal((await stranger.client.get(formUrl)).statusCode, 404);
  assert.equal((await stranger.client.get(`${formUrl}/minh-chung/1`)).statusCode, 404);
  for (const c of [officer.client, citizen]) {
    for (const url of ['/chuyen-doi-so', cycleUrl, formUrl, `${cycleUrl}/cong-bo`]) assert.ok([403, 404].includes((await c.get(url)).statusCode), url);
  }
  assert.equal((await app.client().get('/chuyen-doi-so')).statusCode === 200, false);

  // The office: the form with its date, who is outstanding; a question returns the form.
  const cyclePage = await reviewer.client.get(cycleUrl);
  assert.equal(cyclePage.statusCode, 200);
  assert.match(cyclePage.body, /Chưa nộp \(125\)/);
  assert.match(cyclePage.body, /Hoàn Kiếm/);
  assert.match(cyclePage.body, new RegExp(`/chuyen-doi-so/ket-qua/\\d+`));
  const asked = await reviewer.client.submit(formUrl, { code: 'AW2', question: 'Đề nghị gửi biên bản họp thứ ba.' }, `${formUrl}/hoi`);
  assert.equal(asked.statusCode, 303);
  const returned = await reporter.client.get(formUrl);
  assert.match(returned.body, /Đề nghị gửi biên bản họp thứ ba/);
  const qid = /\/tra-loi\/(\d+)/.exec(returned.body)?.[1];
  assert.ok(qid);
  const early = await reporter.client.submit(formUrl, { version: versionOf(returned.body), action: 'submit' });
  assert.equal(early.statusCode, 409);
  assert.match(early.body, /chưa được trả lời/);
  assert.equal((await reporter.client.submit(formUrl, { answer: 'Đã bổ sung biên bản.' }, `${formUrl}/tra-loi/${qid}`)).statusCode, 303);
  const again = await reporter.client.get(formUrl);
  assert.equal((await reporter.client.submit(formUrl, { version: versionOf(again.body), action: 'submit' })).statusCode, 303);
  assert.equal((await reviewer.client.submit(formUrl, {}, `${formUrl}/da-tham-dinh`)).statusCode, 303);

  // The council: out of range refused naming the maximum, a reason required; then adjusted and listed.
  const out = await council.client.submit(formUrl, { code: 'AW2', points: '25', reason: 'Thừa' }, `${formUrl}/dieu-chinh`);
  assert.equal(out.statusCode, 400);
  assert.match(out.body, /AW2: điểm phải từ 0 đến 20/);
  const noReason = await council.client.submit(formUrl, { code: 'AW2', points: '12', reason: ' ' }, `${formUrl}/dieu-chinh`);
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, /Vui lòng nhập lý do điều chỉnh/);
  assert.equal((await council.client.submit(formUrl, { code: 'AW2', points: '12', reason: 'Biên bản thứ ba không hợp lệ' }, `${formUrl}/dieu-chinh`)).statusCode, 303);
  const adjusted = await council.client.get(formUrl);
  assert.match(adjusted.body, /Biên bản thứ ba không hợp lệ/);
  assert.match(adjusted.body, /Cán bộ rd\.hoidong/);
  assert.ok((await council.client.get('/chuyen-doi-so')).body.includes(`href="${formUrl}"`));

  // Publication needs the confirmation; then every change is refused with a clear message.
  const unconfirmed = await reviewer.client.submit(`${cycleUrl}/cong-bo`, {});
  assert.equal(unconfirmed.statusCode, 400);
  assert.match(unconfirmed.body, /đánh dấu ô xác nhận/);
  assert.equal((await reviewer.client.submit(`${cycleUrl}/cong-bo`, { confirm: 'yes' })).statusCode, 303);
  const late = await council.client.submit(formUrl, { code: 'AW2', points: '10', reason: 'Sau công bố' }, `${formUrl}/dieu-chinh`);
  assert.equal(late.statusCode, 409);
  assert.match(late.body, /đã được công bố nên không thay đổi được nữa/);
  const final = await reporter.client.get(formUrl);
  assert.match(final.body, /Phiếu chỉ xem/);
  assert.doesNotMatch(final.body, /name="action" value="submit"/);
});
