// Feedback handled on time, as the quality module counts it from feedback_case_facts: per agency on its transparency
// page and city-wide; a late answer counts as late, an unanswered case past its due date as overdue.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../testing/app.ts';
import { vietnamDateOf } from '../../platform/calendar/index.ts';
import { Role, type SessionUser } from '../../platform/auth/roles.ts';
import { createStaffAccount } from '../accounts/index.ts';
import { findAgencyByCode } from '../units/index.ts';
import { parseQualityQuery, publicAgencyFigures, qualityFigures } from '../quality/index.ts';
import { answerFeedback, assignFeedback, rejectFeedback } from './index.ts';
import { codeIn, FORM, sendForm } from './testing.ts';

const WARD = '000.04.51.H26';
let app: TestApp;
let office: SessionUser;
let specialist: SessionUser;

before(async () => {
  app = await testApp();
  const ward = (await findAgencyByCode(app.database.db, WARD))?.id ?? 0;
  const account = (username: string, roles: Role[], agencyId: number) =>
    createStaffAccount(app.database.db, { username, full_name: username, email: '', phone: '', agency_id: agencyId, roles, password: 'Matkhau2025' }, { id: null, label: 'test' });
  const centre = (await findAgencyByCode(app.database.db, '000.00.20.H26'))?.id ?? 0;
  office = { id: await account('quantri.pa', [Role.admin], centre), username: 'quantri', displayName: 'Quản trị', kind: 'staff', roles: [Role.admin], agencyId: centre, agencyName: null };
  specialist = { id: await account('cv.pa', [Role.specialist], ward), username: 'cv', displayName: 'Chuyên viên', kind: 'staff', roles: [Role.specialist], agencyId: ward, agencyName: null };
});
after(async () => {
  await app.close();
});

const send = async (ip: string): Promise<string> => codeIn((await sendForm(app, app.client({ ip }), FORM)).res.body);

test('an answer after the due date counts as late, one by the due date as on time, an unanswered case past it as overdue', async () => {
  const now = new Date();
  const longAgo = new Date(now.getTime() - 40 * 86_400_000);
  const codes: string[] = [];
  for (const ip of ['10.1.0.1', '10.1.0.2', '10.1.0.3', '10.1.0.4', '10.1.0.5']) codes.push(await send(ip));
  const [onTime, late, overdue, pending, rejected] = codes;
  for (const code of [onTime, late, overdue, pending, rejected]) assert.match(code ?? '', /^PA-/);
  await assignFeedback(app.platform, office, onTime ?? '', WARD, null, now);
  await answerFeedback(app.platform, specialist, onTime ?? '', 'Đã xử lý.', null, now);
  // Assigned forty days ago: ten working days have passed.
  await assignFeedback(app.platform, office, late ?? '', WARD, null, longAgo);
  await answerFeedback(app.platform, specialist, late ?? '', 'Xử lý muộn.', null, now);
  await assignFeedback(app.platform, office, overdue ?? '', WARD, null, longAgo);
  await assignFeedback(app.platform, office, pending ?? '', WARD, null, now);
  await rejectFeedback(app.platform, office, rejected ?? '', 'Không thuộc thẩm quyền.', null, now);

  const today = vietnamDateOf(now);
  const figures = await publicAgencyFigures(app.platform, WARD, { from: `${today.slice(0, 8)}01`, to: today });
  assert.deepEqual(figures.figures.feedback, { total: 4, on_time: 1, late: 1, overdue: 1, pending: 1 });

  // City-wide, as the staff dashboard counts it (the same figure, no agency filter).
  const city = await qualityFigures(app.platform, office, parseQualityQuery({}));
  assert.deepEqual(city.figures.feedback, { total: 4, on_time: 1, late: 1, overdue: 1, pending: 1 });
  assert.equal(city.circular01.indices.find((i) => i.key === 'feedback')?.score, 1, 'index 8: (2 + 1 + 0) ÷ 3 points');

  const page = await app.client().get(`/cong-khai/co-quan/${WARD}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Phản ánh, kiến nghị trả lời đúng hạn/);
  assert.match(page.body, /1 đúng hạn, 1 trả lời muộn, 1 quá hạn chưa trả lời/);
});
