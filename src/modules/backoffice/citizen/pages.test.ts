import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../../testing/app.ts';
import { signInAs } from '../../../testing/auth.ts';
import { findAgencyByCode } from '../../units/index.ts';
import { postMultipart, TINY, type Part, type TestCitizen } from '../../dossiers/testing.ts';
import { acting, AG, PDF_RESULT, prepareWorkflowTests, row, submitted, type Staff } from '../workflow/testing.ts';
import { answerFeedback } from './service.ts';

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

const at = (day: string, hhmm = '09:00'): Date => new Date(`${day}T${hhmm}:00+07:00`);
const url = (code: string, rest = ''): string => `/ho-so-cua-toi/${encodeURIComponent(code)}${rest}`;
const csrfOf = (html: string): string => {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(token, 'the page carries a CSRF token');
  return token;
};

test('the applicant sees their dossier: status and step in words, agency, due date, timeline; nobody else does', async () => {
  const code = await submitted(app, citizen);
  const page = await citizen.client.get(url(code));
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Chờ tiếp nhận/);
  assert.match(page.body, /Bộ phận Một cửa đang kiểm tra hồ sơ để tiếp nhận/);
  const agency = await findAgencyByCode(app.database.db, AG.hoanKiem);
  assert.ok(page.body.includes(agency?.name ?? '?'));
  assert.match(page.body, /Ngày hẹn trả kết quả<\/dt><dd><strong>\d{2}\/\d{2}\/\d{4}/);
  assert.match(page.body, /Tiếp nhận hồ sơ trực tuyến/);
  assert.match(page.body, /Bạn có thể đánh giá khi hồ sơ đã có kết quả/);
  assert.doesNotMatch(page.body, /action="[^"]*\/danh-gia"/);
  // My dossiers links to this page.
  assert.ok((await citizen.client.get('/ho-so-cua-toi')).body.includes(`href="${url(code)}"`));

  assert.equal((await other.client.get(url(code))).statusCode, 404);
  assert.doesNotMatch((await other.client.get(url(code))).body, new RegExp(citizen.name));
  const officer = app.client();
  await signInAs(app.database.db, officer, s.hkOfficer);
  assert.equal((await officer.get(url(code))).statusCode, 404, 'the back office has its own pages');
  const anonymous = await app.client().get(url(code));
  assert.equal(anonymous.statusCode, 303);
  assert.equal(anonymous.headers.location, `/dang-nhap?next=${encodeURIComponent(url(code))}`);
});

test('a requested supplement is completed online with a file: back to the officer, clock restarted, new due date', async () => {
  const code = await submitted(app, citizen, { now: at('2026-03-02') });
  await acting(app, at('2026-03-02', '10:00'))(s.hkOfficer, code, {
    action: 'request_supplement_receipt',
    items: [{ text: 'Bản sao giấy khai sinh' }, { text: 'Ảnh 4x6' }],
    comment: 'Thiếu giấy tờ theo quy định.',
  });
  const before = await row(app, code);
  const page = await citizen.client.get(url(code));
  assert.match(page.body, /Hồ sơ cần bổ sung, hoàn thiện/);
  assert.match(page.body, /Bản sao giấy khai sinh/);
  assert.match(page.body, /Lý do: <\/span><span>Thiếu giấy tờ theo quy định\./);
  assert.match(page.body, /enctype="multipart\/form-data"/);
  assert.match(page.body, /<label for="supplement-file-1">Tệp cho: Bản sao giấy khai sinh<\/label>/);
  const csrf = csrfOf(page.body);
  const fields = (over: Part[] = []): Part[] => [
    { name: '_csrf', value: csrf },
    { name: 'version', value: String(before.row_version) },
    { name: 'supplement-note', value: 'Xin gửi bổ sung <giấy khai sinh> & ảnh' },
    ...over,
  ];

  const noCsrf = await postMultipart(app, citizen.client, url(code, '/bo-sung'), fields().slice(1));
  assert.equal(noCsrf.statusCode, 403);
  const noFile = await postMultipart(app, citizen.client, url(code, '/bo-sung'), fields([{ name: 'files.bs1', file: { filename: '', content: Buffer.alloc(0) } }]));
  assert.equal(noFile.statusCode, 400);
  assert.match(noFile.body, /class="error-summary"/);
  assert.match(noFile.body, /<title>Lỗi: /, 'the title says the form was refused');
  assert.match(noFile.body, /class="error-summary" role="alert" tabindex="-1" autofocus/, 'the summary takes the focus');
  assert.match(noFile.body, /href="#supplement-file-1">Vui lòng đính kèm giấy tờ bổ sung/);
  assert.match(noFile.body, /<textarea id="supplement-note"[^>]*>Xin gửi bổ sung &lt;giấy khai sinh> &amp; ảnh<\/textarea>/, 'the note is kept');
  assert.equal((await row(app, code)).status, 'supplement');

  const sent = await postMultipart(app, citizen.client, url(code, '/bo-sung'), fields([{ name: 'files.bs1', file: { filename: 'khai-sinh.pdf', content: TINY.pdf, type: 'application/pdf' } }]));
  assert.equal(sent.statusCode, 303, sent.body.slice(0, 1500));
  assert.equal(sent.headers.location, url(code, '?gui=bo-sung'));
  const after = await row(app, code);
  assert.equal(after.status, 'received');
  assert.equal(after.paused_at, null);
  assert.ok(String(after.due) > String(before.due), `new due date ${String(after.due)} after ${String(before.due)}`);
  const done = await citizen.client.get(String(sent.headers.location));
  assert.match(done.body, /Đã nộp hồ sơ bổ sung/);
  const [y, m, d] = String(after.due).split('-');
  assert.ok(done.body.includes(`${d}/${m}/${y}`));
  assert.match(done.body, /Hồ sơ bổ sung đã được nộp/);
  assert.match(done.body, /Ghi chú: <\/span><span>Xin gửi bổ sung &lt;giấy khai sinh> &amp; ảnh/);
  assert.match(done.body, /<h3>Hồ sơ bổ sung<\/h3>\s*<ul><li><a href="\/ho-so\/[^"]+\/tep\/\d+">khai-sinh\.pdf/);
  assert.doesNotMatch(done.body, /enctype="multipart\/form-data"/);
});

test('after the result: reasons shown but no internal notes, the apology’s dates, the result file, then one rating', async () => {
  const code = await submitted(app, citizen, { now: at('2026-03-02') }); // due Mon 9 March
  await acting(app, at('2026-03-02', '10:00'))(s.hkOfficer, code, { action: 'accept' });
  await acting(app, at('2026-03-05'))(s.hkLeader, code, { action: 'apologize', comment: 'Cần xác minh thêm thông tin cư trú.', newDueDate: '2026-03-13' });
  await acting(app, at('2026-03-05', '10:00'))(s.hkSpecialist, code, { action: 'submit_for_approval', comment: 'Ý kiến nội bộ: đủ điều kiện.' });
  await acting(app, at('2026-03-05', '11:00'))(s.hkLeader, code, { action: 'approve' });
  await acting(app, at('2026-03-06'))(s.hkSpecialist, code, { action: 'record_result', files: [PDF_RESULT] });

  const page = await citizen.client.get(url(code));
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<strong>13\/03\/2026<\/strong>/);
  assert.match(page.body, /Ngày hẹn ban đầu: 09\/03\/2026/);
  assert.match(page.body, /hẹn lại ngày trả kết quả\. Lý do: <\/span><span>Cần xác minh thêm thông tin cư trú\./);
  assert.match(page.body, /Hồ sơ được trình lãnh đạo phê duyệt/);
  assert.doesNotMatch(page.body, /Ý kiến nội bộ/);
  assert.match(page.body, /Hồ sơ được giải quyết — .*\(trước hạn\)/);
  const resultHref = /<h3>Kết quả giải quyết \(bản điện tử\)<\/h3>\s*<ul><li><a href="([^"]+)">ket-qua\.pdf/.exec(page.body)?.[1];
  assert.ok(resultHref);
  const file = await citizen.client.get(resultHref);
  assert.deepEqual([file.statusCode, file.headers['content-type']], [200, 'application/pdf']);

  // The rating form: one fieldset with a legend per question, radios 1–3.
  assert.match(page.body, /<fieldset[^>]*><legend>Mức độ hài lòng chung<\/legend>/);
  assert.match(page.body, /<legend>Thái độ của cán bộ, công chức tiếp nhận và giải quyết<\/legend>/);
  assert.equal((page.body.match(/type="radio"/g) ?? []).length, 18);
  const csrf = csrfOf(page.body);
  const partial = await citizen.client.postForm(url(code, '/danh-gia'), { _csrf: csrf, overall: '3', 'criteria.time': '2', 'rating-comment': 'Nhanh' });
  assert.equal(partial.statusCode, 400);
  assert.match(partial.body, /href="#rating-contacts">Vui lòng chọn mức độ cho tiêu chí “Số lần phải liên hệ/);
  assert.match(partial.body, /id="rating-overall-3" name="overall" value="3" checked/);
  assert.match(partial.body, /id="rating-time-2" name="criteria\.time" value="2" checked/);
  assert.match(partial.body, />Nhanh<\/textarea>/);
  const full = { _csrf: csrf, overall: '3', 'criteria.time': '3', 'criteria.contacts': '3', 'criteria.attitude': '2', 'criteria.openness': '3', 'criteria.lawful': '3' };
  const rated = await citizen.client.postForm(url(code, '/danh-gia'), full);
  assert.equal(rated.statusCode, 303);
  const after = await citizen.client.get(String(rated.headers.location));
  assert.match(after.body, /Cảm ơn bạn đã đánh giá/);
  assert.match(after.body, /Bạn đã đánh giá ngày/);
  assert.match(after.body, /<dt>Thái độ của cán bộ, công chức tiếp nhận và giải quyết<\/dt><dd><span>2 — Hài lòng<\/span>/);
  const again = await citizen.client.postForm(url(code, '/danh-gia'), full);
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /href="#danh-gia">Bạn đã đánh giá hồ sơ này/);
});

test('rating before the result is refused on the page; feedback is sent, kept and shows the officer’s answer', async () => {
  const code = await submitted(app, citizen);
  const page = await citizen.client.get(url(code));
  const csrf = csrfOf(page.body);
  const early = await citizen.client.postForm(url(code, '/danh-gia'), { _csrf: csrf, overall: '3' });
  assert.equal(early.statusCode, 409);
  assert.match(early.body, /Chỉ đánh giá được khi hồ sơ đã có kết quả/);

  const empty = await citizen.client.postForm(url(code, '/gop-y'), { _csrf: csrf, 'feedback-message': '  ' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /href="#feedback-message">Vui lòng nhập nội dung phản ánh, góp ý/);
  assert.match(empty.body, /aria-invalid="true"/);
  const sent = await citizen.client.postForm(url(code, '/gop-y'), { _csrf: csrf, 'feedback-message': 'Tôi cần nhận kết quả qua bưu điện.' });
  assert.equal(sent.statusCode, 303);
  const shown = await citizen.client.get(String(sent.headers.location));
  assert.match(shown.body, /Đã gửi phản ánh, góp ý của bạn/);
  assert.match(shown.body, /Tôi cần nhận kết quả qua bưu điện\./);
  assert.match(shown.body, /Đang chờ cơ quan trả lời/);
  const id = Number(/id="gop-y-(\d+)"/.exec(shown.body)?.[1]);
  await answerFeedback(app.platform, s.hkOfficer, code, id, 'Đã ghi nhận, kết quả sẽ gửi qua bưu điện.');
  const answered = await citizen.client.get(url(code, '?lang=en'));
  assert.match(answered.body, /The agency’s answer/);
  assert.match(answered.body, /<span lang="vi">Đã ghi nhận, kết quả sẽ gửi qua bưu điện\.<\/span>/);
  // Another citizen cannot post to it.
  const otherPage = await other.client.get('/ho-so-cua-toi');
  const theirs = await other.client.postForm(url(code, '/gop-y'), { _csrf: csrfOf(otherPage.body), 'feedback-message': 'Xin chào' });
  assert.equal(theirs.statusCode, 404);
});
