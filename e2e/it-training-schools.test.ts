// IT training of officials and schools' IT equipment in a real browser (issue 14), on the demo data, each person in
// their own browser context: the training office (demo.daotao) goes through its courses, a class, the class's exam
// grid, the certificates and the coverage per unit; anyone, on a 390 px phone, verifies a certificate by its code; a
// school's IT officer (demo.truong.cntt), on a phone, fills the school's equipment report (a networked-room count above
// the rooms is refused and shown beside its field, then corrected) and submits it; the education office (demo.sogd)
// finds it, accepts it and reads the coverage per level and ward. axe on every page; phones never scroll sideways.
// Field ids are those of src/modules/training/views and src/modules/schoolit/views.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPage, PHONE_390, signedIn, sizedPage, startHarness, visitChecked } from './harness.ts';
import { submitWith } from './steps.ts';

const h = startHarness({ demo: true });
const DESKTOP = { width: 1280, height: 800 } as const;

test('the training office goes through a class, its exam grid and the certificates; anyone verifies a certificate on a phone', async () => {
  const office = await signedIn(h, 'demo.daotao', DESKTOP);
  assert.equal(new URL(office.url()).pathname, '/dao-tao-cntt', 'the training office lands on its pages');
  await checkPage(office, 'the training home (courses)');
  await visitChecked(office, '/dao-tao-cntt/lop', 'the classes');
  await office.locator('main a[href^="/dao-tao-cntt/lop/"]').first().click();
  await office.waitForURL(/\/dao-tao-cntt\/lop\/\d+$/);
  await checkPage(office, 'a class');
  const classPath = new URL(office.url()).pathname;
  await visitChecked(office, `${classPath}/ket-qua`, 'the class’s exam grid');
  await visitChecked(office, '/dao-tao-cntt/bao-phu', 'the coverage per unit');
  assert.ok(await office.locator('main svg[role="img"]').first().isVisible(), 'the coverage chart is drawn');
  await visitChecked(office, '/dao-tao-cntt/chung-chi', 'the certificates');
  const code = (await office.locator('main tbody th a').first().innerText()).trim();
  assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/, 'a certificate shows its code');
  // The office's pages on a phone too: the exam grid (trainees × modules) is the widest of them.
  const officePhone = await signedIn(h, 'demo.daotao', PHONE_390);
  await visitChecked(officePhone, classPath, 'a class on a phone');
  await visitChecked(officePhone, `${classPath}/ket-qua`, 'the exam grid on a phone');
  await visitChecked(officePhone, '/dao-tao-cntt/chung-chi', 'the certificates on a phone');

  // Anyone, without signing in, on a phone: the public verification with the code as printed.
  const visitor = await sizedPage(h, PHONE_390);
  await visitChecked(visitor, '/xac-minh-chung-chi', 'the public verification form');
  await visitor.locator('#ma').fill(code.toLowerCase());
  await visitor.locator('main form button[type="submit"]').click();
  await visitor.waitForURL(/\/xac-minh-chung-chi/);
  await checkPage(visitor, 'a verified certificate');
  const result = await visitor.locator('section.notice').innerText();
  assert.match(result, /Còn hiệu lực|Đã thu hồi/, 'the certificate’s validity is shown');
  assert.match(result, /\*\*\*/, 'the holder’s middle names are masked');
});

test('a school fills and submits its IT equipment report on a phone; the education office accepts it and reads the coverage', async () => {
  const school = await signedIn(h, 'demo.truong.cntt', PHONE_390);
  assert.match(new URL(school.url()).pathname, /^\/thiet-bi-cntt-truong/, 'the school’s IT officer lands on the report');
  await checkPage(school, 'the school’s report (draft)');
  const values: Record<string, string> = { computers_teaching: '42', computers_admin: '9', computer_rooms: '2', networked_rooms: '3', projectors: '18', screens: '6', bandwidth_mbps: '300', pupils: '1250' };
  for (const [id, v] of Object.entries(values)) await school.locator(`#${id}`).fill(v);
  await school.locator('#internet').selectOption('yes');
  await school.getByRole('button', { name: 'Lưu nháp', exact: true }).click();
  await school.waitForLoadState();
  await checkPage(school, 'the report with a refused value');
  assert.equal(await school.locator('#networked_rooms').inputValue(), '3', 'what was typed is shown back');
  assert.ok(await school.locator('.error-summary, [role="alert"]').first().isVisible(), 'the refusal is listed');
  await school.locator('#networked_rooms').fill('2');
  for (const [id, v] of Object.entries(values)) if (id !== 'networked_rooms') await school.locator(`#${id}`).fill(v);
  await school.locator('#internet').selectOption('yes');
  assert.equal(await submitWith(school, school.getByRole('button', { name: 'Nộp báo cáo cho cơ quan giáo dục', exact: true })), 303, 'the report is submitted');
  await checkPage(school, 'the submitted report');

  const edu = await signedIn(h, 'demo.sogd', DESKTOP);
  await visitChecked(edu, '/thiet-bi-cntt-truong/so-gd?trang-thai=submitted', 'the office’s list of submitted reports');
  await edu.locator('main a[href*="/thiet-bi-cntt-truong/so-gd/bao-cao/"]').first().click();
  await edu.waitForURL(/\/bao-cao\/\d+$/);
  await checkPage(edu, 'a submitted report for the office');
  assert.equal(await submitWith(edu, edu.getByRole('button', { name: 'Xác nhận đã kiểm tra', exact: true })), 303, 'the office accepts it');
  assert.ok(await edu.getByText('Đã xác nhận báo cáo.').isVisible());
  await visitChecked(edu, '/thiet-bi-cntt-truong/so-gd/do-phu', 'the coverage per level and ward');
  assert.ok(await edu.locator('main svg[role="img"]').first().isVisible(), 'the coverage chart is drawn');
  const phone = await signedIn(h, 'demo.sogd', PHONE_390);
  await visitChecked(phone, '/thiet-bi-cntt-truong/so-gd/do-phu', 'the coverage on a phone');
  await visitChecked(phone, '/thiet-bi-cntt-truong/so-gd', 'the office’s list on a phone');
});
