// Citizen feedback end to end through the real app: sending with a photo, the lookup's second factor, assignment with
// the calendar's due date (across Tết), the answer, publishing, rating; refused photos and captchas; access.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp, type TestClient } from '../../testing/app.ts';
import { signInAs } from '../../testing/auth.ts';
import { listAudit } from '../../platform/audit/index.ts';
import { Role, type SessionUser } from '../../platform/auth/roles.ts';
import { createStaffAccount } from '../accounts/index.ts';
import { findAgencyByCode } from '../units/index.ts';
import { assignFeedback } from './index.ts';
import { feedbackDb, feedbackRepo } from './repo.ts';
import { codeIn, FORM, sendForm, solidPng } from './testing.ts';

const WARD = '000.04.51.H26';
const OTHER_WARD = '000.01.51.H26';
const CENTRE = '000.00.20.H26';
let app: TestApp;
const ids: Record<string, number> = {};

async function staff(username: string, roles: Role[], agency: string): Promise<{ client: TestClient; user: SessionUser }> {
  const agencyId = ids[agency] ?? 0;
  const id = await createStaffAccount(app.database.db, { username, full_name: username, email: '', phone: '', agency_id: agencyId, roles, password: 'Matkhau2025' }, { id: null, label: 'test' });
  const client = app.client();
  const user = await signInAs(app.database.db, client, { id, username, roles, agencyId });
  return { client, user };
}

const png = solidPng(4, 4, [200, 10, 10]);
const caseOf = (code: string) => feedbackRepo.findByCode(feedbackDb(app.database.db), code);
const lookup = (c: TestClient, code: string, contact: string) => c.submit('/phan-anh-kien-nghi/tra-cuu', { code, contact });

before(async () => {
  app = await testApp();
  for (const code of [WARD, OTHER_WARD, CENTRE]) ids[code] = (await findAgencyByCode(app.database.db, code))?.id ?? 0;
  assert.ok(Object.values(ids).every((x) => x > 0));
});
after(async () => {
  await app.close();
});

test('a citizen sends feedback with a photo, follows it with code and contact, the agency answers, a leader publishes, the citizen rates', async () => {
  const citizen = app.client({ ip: '10.0.0.1' });
  const { res } = await sendForm(app, citizen, FORM, [{ name: 'den.png', type: 'image/png', content: png }]);
  assert.equal(res.statusCode, 201, res.body.slice(0, 500));
  const code = codeIn(res.body);
  assert.match(code, /^PA-\d{4}-\d{6}$/);
  const row = await caseOf(code);
  assert.equal(row?.status, 'received');
  assert.equal(row?.sender_phone, '+84912345678');
  assert.equal(row?.description, FORM.description);
  assert.equal((await feedbackRepo.photos(feedbackDb(app.database.db), row?.id ?? 0)).length, 1);
  const mail = await app.database.db.selectFrom('outbox_mail').select(['to_address', 'subject']).where('to_address', '=', FORM.email).execute();
  assert.ok(mail.some((m) => m.subject.includes(code)), 'the tracking code is mailed');

  // The code alone opens nothing; the right phone (any spelling) or e-mail does.
  const stranger = app.client({ ip: '10.0.0.2' });
  const wrong = await lookup(stranger, code, '0987654321');
  assert.equal(wrong.statusCode, 404);
  assert.doesNotMatch(wrong.body, /Hàng Bài/);
  for (const contact of ['+84 912 345 678', 'HOA@example.vn']) {
    const ok = await lookup(stranger, code, contact);
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /Đèn đường hỏng ở phố Hàng Bài/);
    assert.match(ok.body, /Đã tiếp nhận/);
  }

  // The receiving office sees the due date it would set, and assigns.
  const office = await staff('tiepnhan.ttpv', [Role.oneStopOfficer], CENTRE);
  const casePage = await office.client.get(`/quan-ly/phan-anh/${code}`);
  assert.equal(casePage.statusCode, 200);
  assert.match(casePage.body, /10 ngày làm việc/);
  const assigned = await office.client.submit(`/quan-ly/phan-anh/${code}`, { agency: WARD }, `/quan-ly/phan-anh/${code}/chuyen`);
  assert.equal(assigned.statusCode, 303);
  assert.equal((await caseOf(code))?.agency_id, ids[WARD]);

  // The ward's specialist answers; the sender is told by mail.
  const specialist = await staff('cv.pa.hk', [Role.specialist], WARD);
  const inbox = await specialist.client.get('/quan-ly/phan-anh');
  assert.match(inbox.body, new RegExp(code));
  assert.equal((await specialist.client.submit(`/quan-ly/phan-anh/${code}`, { answer: '' }, `/quan-ly/phan-anh/${code}/tra-loi`)).statusCode, 400);
  const answered = await specialist.client.submit(`/quan-ly/phan-anh/${code}`, { answer: 'Đã thay bóng đèn ngày 3/12.' }, `/quan-ly/phan-anh/${code}/tra-loi`);
  assert.equal(answered.statusCode, 303);
  assert.equal((await caseOf(code))?.status, 'answered');
  // A specialist may not publish; the leader may.
  assert.equal((await specialist.client.submit(`/quan-ly/phan-anh/${code}`, {}, `/quan-ly/phan-anh/${code}/cong-khai`)).statusCode, 403);
  const leader = await staff('ld.pa.hk', [Role.leader], WARD);
  assert.equal((await leader.client.submit(`/quan-ly/phan-anh/${code}`, {}, `/quan-ly/phan-anh/${code}/cong-khai`)).statusCode, 303);
  const list = await app.client().get('/phan-anh-kien-nghi?linh_vuc=place&don_vi=00070');
  assert.match(list.body, /Đã thay bóng đèn ngày 3\/12\./);
  assert.doesNotMatch(list.body, /Nguyễn Thị Hoa|0912|hoa@example/, 'no sender data on the public list');

  // The sender reads the answer and rates it: the case closes.
  const page = await lookup(citizen, code, FORM.email);
  assert.match(page.body, /Đã thay bóng đèn/);
  assert.match(page.body, /name="rating"/);
  const rated = await citizen.submit('/phan-anh-kien-nghi/tra-cuu', { code, contact: FORM.email, rating: '4', comment: 'Nhanh' }, '/phan-anh-kien-nghi/tra-cuu/danh-gia');
  assert.equal(rated.statusCode, 200);
  const closed = await caseOf(code);
  assert.equal(closed?.status, 'closed');
  assert.equal(closed?.rating, 4);
  const actions = (await listAudit(app.database.db, { entity: 'feedback', entityId: code })).map((a) => a.action).sort();
  assert.deepEqual(actions, ['feedback.answered', 'feedback.assigned', 'feedback.published', 'feedback.rated', 'feedback.received']);
});

test('assigned on the Friday before Tết 2026, the answer is due ten working days later: the break and weekends do not count', async () => {
  const { res } = await sendForm(app, app.client({ ip: '10.0.0.3' }), { ...FORM, email: '' });
  const code = codeIn(res.body);
  const office = await staff('tiepnhan.tet', [Role.oneStopOfficer], CENTRE);
  await assignFeedback(app.platform, office.user, code, WARD, null, new Date('2026-02-13T10:00:00+07:00'));
  // 14–22 Feb: Tết break and weekends; then 23–27 Feb and 2–6 Mar.
  assert.equal((await caseOf(code))?.due_date, '2026-03-06');
});

test('a non-image and an oversized photo are refused beside the field, the typed values kept, nothing saved', async () => {
  const before = await feedbackDb(app.database.db).selectFrom('feedback_cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const c = app.client({ ip: '10.0.0.4' });
  const big = Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]);
  const fake = Buffer.from('MZ\x90\x00 not an image at all', 'latin1');
  const { res } = await sendForm(app, c, FORM, [
    { name: 'virus.png', type: 'image/png', content: fake },
    { name: 'lon.png', type: 'image/png', content: big },
  ]);
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /class="error-summary"/);
  assert.match(res.body, /id="photos-error"/);
  assert.match(res.body, /virus\.png.*không phải ảnh/);
  assert.match(res.body, /lon\.png.*lớn hơn 5 MB/);
  assert.match(res.body, /value="Đèn đường hỏng ở phố Hàng Bài"/);
  const after = await feedbackDb(app.database.db).selectFrom('feedback_cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  assert.equal(after?.n, before?.n);
});

test('the captcha: missing or replayed, the feedback is refused', async () => {
  const c = app.client({ ip: '10.0.0.5' });
  const missing = await sendForm(app, c, FORM, [], 'none');
  assert.equal(missing.res.statusCode, 400);
  assert.match(missing.res.body, /id="proof-error"/);
  const first = await sendForm(app, c, FORM);
  assert.equal(first.res.statusCode, 201);
  const replay = await sendForm(app, c, FORM, [], first.proof);
  assert.equal(replay.res.statusCode, 400);
  assert.match(replay.res.body, /id="proof-error"/);
});

test('staff of another agency get 403 on a case, its photos and its actions', async () => {
  const { res } = await sendForm(app, app.client({ ip: '10.0.0.6' }), FORM, [{ name: 'a.png', type: 'image/png', content: png }]);
  const code = codeIn(res.body);
  const office = await staff('tiepnhan.403', [Role.oneStopOfficer], CENTRE);
  await assignFeedback(app.platform, office.user, code, WARD, null);
  const other = await staff('cv.badinh', [Role.specialist], OTHER_WARD);
  assert.equal((await other.client.get(`/quan-ly/phan-anh/${code}`)).statusCode, 403);
  assert.equal((await other.client.get(`/quan-ly/phan-anh/${code}/anh/1`)).statusCode, 403);
  assert.equal((await other.client.submit('/quan-ly/phan-anh', { answer: 'x' }, `/quan-ly/phan-anh/${code}/tra-loi`)).statusCode, 403);
  assert.equal((await other.client.submit('/quan-ly/phan-anh', { answer: '' }, `/quan-ly/phan-anh/${code}/tra-loi`)).statusCode, 403, 'access before input');
  assert.equal((await other.client.submit('/quan-ly/phan-anh', {}, `/quan-ly/phan-anh/${code}/cong-khai`)).statusCode, 403);
  assert.equal((await other.client.submit('/quan-ly/phan-anh', { agency: OTHER_WARD }, `/quan-ly/phan-anh/${code}/chuyen`)).statusCode, 403);
  // A ward's one-stop officer is not the receiving office.
  const wardDesk = await staff('motcua.pa', [Role.oneStopOfficer], WARD);
  assert.equal((await wardDesk.client.get('/quan-ly/phan-anh')).statusCode, 403);
  const mine = await staff('cv.hk.photo', [Role.specialist], WARD);
  const photo = await mine.client.get(`/quan-ly/phan-anh/${code}/anh/1`);
  assert.equal(photo.statusCode, 200);
  assert.equal(photo.headers['content-type'], 'image/png');
});
