import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../../testing/app.ts';
import { sendFeedback } from '../citizen/service.ts';
import type { TestCitizen } from '../../dossiers/testing.ts';
import { prepareWorkflowTests, submitted, type Staff } from '../workflow/testing.ts';
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

const answerUrl = (code: string, id: number): string => `${casePage(code)}/phan-anh/${id}/tra-loi`;
const mailsTo = (to: string) => app.database.db.selectFrom('outbox_mail').select(['subject', 'body_text']).where('to_address', '=', to).where('subject', 'like', 'Trả lời phản ánh%').execute();

test('an officer answers the applicant’s feedback on the dossier page: an empty answer is refused beside the field, the answer is shown and mailed, the form is gone', async () => {
  const code = await submitted(app, citizen);
  const fb = await sendFeedback(app.platform, citizen.user, code, 'Tôi cần nhận kết quả sớm để đi công tác.');
  const officer = await officerClient(app, s.hkOfficer);
  const page = await officer.get(casePage(code));
  assert.match(page.body, /Tôi cần nhận kết quả sớm để đi công tác\./);
  assert.ok(page.body.includes(`action="${answerUrl(code, fb.id)}"`), 'the answer form under the message');

  const empty = await officer.postForm(answerUrl(code, fb.id), { _csrf: csrfOn(page.body), answer: '   ' });
  assert.equal(empty.statusCode, 400);
  assert.ok(empty.body.includes(`href="#answer-${fb.id}"`), 'the error summary links to the field');
  assert.match(empty.body, new RegExp(`id="answer-${fb.id}-error"`));
  assert.equal((await mailsTo(citizen.email)).length, 0);

  const forged = await officer.postForm(answerUrl(code, fb.id), { _csrf: 'forged', answer: 'Giả mạo' });
  assert.equal(forged.statusCode, 403);

  const ok = await officer.postForm(answerUrl(code, fb.id), { _csrf: csrfOn(empty.body), answer: 'Kết quả sẽ có trước ngày hẹn; mời Ông/Bà theo dõi thư điện tử.' });
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 800));
  const after = await officer.get(String(ok.headers.location));
  assert.match(after.body, /Đã gửi câu trả lời cho người nộp hồ sơ\./);
  assert.match(after.body, /Kết quả sẽ có trước ngày hẹn; mời Ông\/Bà theo dõi thư điện tử\./);
  assert.ok(!after.body.includes(`action="${answerUrl(code, fb.id)}"`), 'answered once: no form');
  const mails = await mailsTo(citizen.email);
  assert.equal(mails.length, 1);
  assert.match(mails[0]?.body_text ?? '', /Kết quả sẽ có trước ngày hẹn/);

  // The applicant sees it on their page.
  const mine = await citizen.client.get(`/ho-so-cua-toi/${code}`);
  assert.match(mine.body, /Kết quả sẽ có trước ngày hẹn; mời Ông\/Bà theo dõi thư điện tử\./);

  // A second answer (another tab) is refused on the page; still one mail.
  const again = await officer.postForm(answerUrl(code, fb.id), { _csrf: csrfOn(after.body), answer: 'Lần hai' });
  assert.equal(again.statusCode, 409);
  assert.equal((await mailsTo(citizen.email)).length, 1);

  // Another ward's officer cannot see the dossier, so cannot answer.
  const other = await officerClient(app, s.cnOfficer);
  const page2 = await other.get('/mot-cua');
  const stranger = await other.postForm(answerUrl(code, fb.id), { _csrf: csrfOn(page2.body), answer: 'Không phải việc của tôi' });
  assert.equal(stranger.statusCode, 404);
});
