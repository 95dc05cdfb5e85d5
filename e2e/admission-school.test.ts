// Issue 11 "Done when … a school confirms": in a real browser a parent registers a demo child, the demo school officer
// (demo.truong, no second step) signs in, finds the application among the school's applicants, and — once the results
// make it "admitted" — confirms the enrolment; the parent's page then shows it. Every page passes axe and fits 390 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { checkA11y, PHONE_390, scrollsSideways, startHarness } from './harness.ts';
import { submitWith } from './steps.ts';
import { DEMO_CHILDREN, DEMO_OFFICER } from '../src/modules/admissions/index.ts';
import { DEMO_PASSWORD } from '../src/cli/demo-logins.ts';

const h = startHarness();

async function fits(page: Parameters<typeof checkA11y>[0], label: string): Promise<void> {
  await checkA11y(page, label);
  const s = await scrollsSideways(page);
  assert.ok(!s.overflows, `${label} scrolls sideways at 390 px: ${s.scrollWidth} > ${s.innerWidth}`);
}

test('a parent registers, the demo school officer sees the application and confirms it, the parent sees it', async () => {
  const child = DEMO_CHILDREN[0];
  assert.ok(child);
  const parent = await h.newPage({ viewport: PHONE_390 });
  await parent.goto('/tuyen-sinh');
  await parent.getByLabel('Mã tuyển sinh').fill(child.code);
  await parent.getByLabel('Số định danh cá nhân của trẻ').fill(child.personalId);
  assert.equal(await submitWith(parent, parent.getByRole('button', { name: 'Tiếp tục' })), 200);
  await parent.locator(`input[value="${DEMO_OFFICER.schoolCode}"]`).check();
  assert.equal(await submitWith(parent, parent.getByRole('button', { name: 'Đăng ký' })), 200);
  const no = /L1-26-\d{7}/.exec(await parent.locator('main').innerText())?.[0];
  assert.ok(no, 'the confirmation shows the application number');

  const officer = await h.newPage({ viewport: PHONE_390 });
  await officer.goto('/dang-nhap');
  await officer.getByLabel('Tên đăng nhập, số định danh, số điện thoại hoặc thư điện tử', { exact: true }).fill(DEMO_OFFICER.username);
  await officer.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await submitWith(officer, officer.locator('main').getByRole('button', { name: 'Đăng nhập', exact: true }));
  assert.match(officer.url(), /\/truong\/tuyen-sinh$/, 'the officer lands on the school admissions page');
  await fits(officer, "the officer's schools");
  await officer.getByRole('link', { name: 'Trường Tiểu học Hoàn Kiếm A' }).click();
  assert.match(officer.url(), new RegExp(`/truong/tuyen-sinh/${DEMO_OFFICER.schoolCode}$`));
  await fits(officer, 'the applicants page');
  const main = await officer.locator('main').innerText();
  assert.match(main, new RegExp(no));
  assert.match(main, new RegExp(child.fullName));
  assert.match(main, /Đã đăng ký/);

  // The education office publishes the results (its own pages): the application is admitted.
  await sql`update admission_applications set status = 'admitted' where application_no = ${no}`.execute(h.app.database.db);
  await officer.reload();
  await fits(officer, 'the applicants page with an admitted applicant');
  assert.equal(await submitWith(officer, officer.getByRole('button', { name: 'Xác nhận nhập học' })), 400, 'the box must be ticked');
  await fits(officer, 'the applicants page with an error');
  await officer.getByLabel(new RegExp(`xác nhận nhập học cho ${child.fullName}`)).check();
  assert.equal(await submitWith(officer, officer.getByRole('button', { name: 'Xác nhận nhập học' })), 303);
  await fits(officer, 'the applicants page after confirming');
  assert.match(await officer.locator('[role=status]').innerText(), new RegExp(`Đã xác nhận nhập học hồ sơ ${no}`));

  await officer.getByRole('link', { name: 'Cấp mã tuyển sinh và in giấy báo' }).click();
  await fits(officer, 'the enrolment codes page');

  await parent.goto('/tuyen-sinh/ho-so');
  await parent.getByLabel('Mã tuyển sinh').fill(child.code);
  await parent.getByLabel('Số định danh cá nhân của trẻ').fill(child.personalId);
  await submitWith(parent, parent.getByRole('button', { name: 'Xem hồ sơ' }));
  assert.match(await parent.locator('main').innerText(), /Đã xác nhận nhập học/);
});
