// The whole chain in a real browser (issue 9 "Done when"), each person in their own browser context:
// - at 1280 px, a citizen renews a driving licence (3.000347) through the e-form, with files, at the city's Public
//   Administration Service Centre: the check-your-answers page shows the answers, the fee (135.000 đ) and the expected
//   date; the receipt shows the due date computed on receipt. The centre's one-stop officer accepts it and reads the
//   answers on the case page; the API returns the same answers and the fee; the city police's specialist and leader
//   appraise and approve it, the specialist records the result and the centre's officer returns it.
// - at 390 px, a citizen registers a birth (1.001193) at Hoàn Kiếm ward, the father left blank (the nationality the
//   form prefills for him is not an answer); the ward's one-stop officer reads the answers and accepts, the API
//   returns them, the ward's specialist and leader appraise and approve it and the officer returns it online.
// axe runs on every page visited. Field ids are those of data/eforms/*.json as rendered by src/modules/eforms/views.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { checkA11y, passSecondStep, startHarness } from './harness.ts';
import { act, openFromInbox, submitWith } from './steps.ts';

const h = startHarness({ demo: true });

const PASSWORD = 'Demo@12345';
const DESKTOP = { width: 1280, height: 800 } as const;
const PHONE_390 = { width: 390, height: 844 } as const;
const SERVICE_CENTRE = '000.00.20.H26';
const HOAN_KIEM = '000.04.51.H26';
/** A date as a person reads it: dd/mm/yyyy. */
const DATE = /\b\d{2}\/\d{2}\/\d{4}\b/;
/** 135,000 dong however the page spells the unit (đồng, đ, ₫). */
const FEE_135K = /135\.000\s*(đồng|đ|₫)/;

const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
let dir = '';
const files = { png: '', pdf: '' };
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'egov-chain-'));
  files.png = join(dir, 'anh-chan-dung.png');
  files.pdf = join(dir, 'giay-to.pdf');
  writeFileSync(files.png, PNG_1X1);
  writeFileSync(files.pdf, MINIMAL_PDF);
});
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A fresh browser context of the given size, signed in through the sign-in page (checked by axe once per size). */
async function signedIn(username: string, viewport: { width: number; height: number }, a11y = false): Promise<Page> {
  const page = await h.newPage({ viewport });
  await page.goto('/dang-nhap');
  if (a11y) await checkA11y(page, `the sign-in page at ${viewport.width} px`);
  await page.getByLabel('Tên đăng nhập, số định danh, số điện thoại hoặc thư điện tử', { exact: true }).fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
  assert.equal(await submitWith(page, page.locator('main').getByRole('button', { name: 'Đăng nhập', exact: true })), 303, `${username} signs in`);
  // Leaders sign in with a second step (EGOV_2FA_ROLES=leader,admin in the harness): the demo secret's code.
  if (/lanhdao|admin/.test(username)) assert.ok(await passSecondStep(page, username), `${username} is asked for the second step`);
  else assert.equal(await passSecondStep(page, username), false, `${username} signs in without a second step`);
  return page;
}

/** The text of a `<dl class="facts">` entry by its term (the first when several lists hold it). */
async function fact(page: Page, term: string | RegExp): Promise<string> {
  const dt = page.locator('dl.facts dt').filter({ hasText: typeof term === 'string' ? new RegExp(`^\\s*${term}\\s*$`) : term });
  assert.ok((await dt.count()) >= 1, `a fact "${String(term)}"`);
  return (await dt.first().locator('xpath=following-sibling::dd[1]').innerText()).trim();
}

/** "Tiếp tục" → the check-your-answers page: checks what every check page must show, and axe. Returns its text. */
async function continueToCheck(page: Page, procedure: string): Promise<string> {
  const status = await submitWith(page, page.getByRole('button', { name: 'Tiếp tục', exact: true }));
  const errors = status === 303 ? '' : await page.getByRole('alert').allInnerTexts();
  assert.equal(status, 303, `the filled form is accepted (errors: ${String(errors)})`);
  assert.equal(new URL(page.url()).pathname, `/dich-vu-cong/${procedure}/nop/kiem-tra`);
  assert.equal((await page.locator('h1').innerText()).trim(), 'Kiểm tra lại thông tin hồ sơ');
  await checkA11y(page, `the check-your-answers page of ${procedure}`);
  return page.locator('main').innerText();
}

/** Submits from the check page; returns the dossier code of the receipt page it lands on, checked by axe. */
async function submitFromCheck(page: Page): Promise<string> {
  assert.equal(await submitWith(page, page.getByRole('button', { name: 'Nộp hồ sơ', exact: true })), 303);
  const m = /^\/ho-so\/([^/]+)\/bien-nhan$/.exec(new URL(page.url()).pathname);
  assert.ok(m, `lands on the receipt page (at ${page.url()})`);
  assert.equal((await page.locator('h1').innerText()).trim(), 'Biên nhận hồ sơ');
  await checkA11y(page, 'the receipt page');
  return decodeURIComponent(m[1] ?? '');
}

/** The dossier as the API gives it to the applicant's signed-in session. */
interface CaseJson {
  status: string;
  due_date: string | null;
  fee_total_dong: number;
  receiving_agency: string | null;
  form: { values: Record<string, unknown>; sections: { rows: { field: string; value: { vi: string } }[] }[] } | null;
}
async function apiCase(page: Page, code: string): Promise<CaseJson> {
  const res = await page.request.get(`/api/v1/dossiers/${encodeURIComponent(code)}`);
  assert.equal(res.status(), 200, `GET /api/v1/dossiers/${code}`);
  return (await res.json()) as CaseJson;
}

const isoDaysFromNow = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('at 1280 px: driving-licence renewal from the e-form through the service centre and the city police to the returned result', async () => {
  // demo.congdan's class B licence in the registry (licences/seed.ts): the form offers it to pick, prefilled.
  const licence = { name: 'Nguyễn Văn An', number: '010100012345', street: 'Số 8 phố Tràng Thi', birth: '1990-05-12' };

  // The citizen fills the e-form with its files.
  const citizen = await signedIn('demo.congdan', DESKTOP, true);
  await citizen.goto('/dich-vu-cong/3.000347/nop');
  assert.equal((await citizen.locator('h1').innerText()).trim(), 'Đổi giấy phép lái xe');
  await checkA11y(citizen, 'the e-form of 3.000347');
  assert.match(await citizen.locator('main').innerText(), FEE_135K, 'the form shows the fee');
  assert.equal(await citizen.locator('#f-agency').inputValue(), SERVICE_CENTRE);
  await citizen.locator('#f-applicant-fullName').fill(licence.name);
  await citizen.locator('#f-applicant-birthDate').fill(licence.birth);
  await citizen.locator('#f-applicant-residence').selectOption({ label: 'Phường Hoàn Kiếm' });
  await citizen.locator('#f-applicant-residence-street').fill(licence.street);
  await citizen.locator(`input[name="licence.number"][value="${licence.number}"]`).check();
  assert.equal(await citizen.locator('#f-licence-class').inputValue(), 'B', 'the class is prefilled from the registry');
  await citizen.locator('#f-healthCheckDate').fill(isoDaysFromNow(-10));
  await citizen.locator('#f-delivery').check();
  await citizen.locator('#f-declaration').check();
  await citizen.locator('#f-files-portrait').setInputFiles(files.png);
  await citizen.locator('#f-files-licenceCopy').setInputFiles(files.pdf);
  await citizen.locator('#f-files-healthCertificate').setInputFiles(files.pdf);

  // Check your answers: the typed answers, the files, the fee and the expected date.
  const check = await continueToCheck(citizen, '3.000347');
  for (const answer of [licence.name, licence.number, '12/05/1990', licence.street, 'Phường Hoàn Kiếm', 'Nhận tại nơi nộp hồ sơ', 'anh-chan-dung.png']) {
    assert.ok(check.includes(answer), `the check page shows “${answer}”`);
  }
  assert.match(await fact(citizen, 'Phí, lệ phí phải nộp'), FEE_135K, 'the check page shows the fee');
  const expected = await fact(citizen, /Ngày hẹn trả kết quả dự kiến/);
  assert.match(expected, DATE, 'the check page shows an expected date');
  assert.ok((await citizen.getByRole('link', { name: /^Thay đổi/ }).count()) > 8, 'each answer can be changed');

  // The receipt: pending, the due date computed on receipt, the fee to pay.
  const code = await submitFromCheck(citizen);
  assert.match(code, /^000\.00\.20\.H26-\d{6}-\d{4}$/, 'numbered in the service centre’s series');
  assert.equal(await fact(citizen, 'Trạng thái'), 'Chờ tiếp nhận');
  const due = await fact(citizen, 'Ngày hẹn trả kết quả');
  assert.match(due, DATE, `the receipt shows a due date (shows “${due}”)`);
  assert.equal(due.match(DATE)?.[0], expected.match(DATE)?.[0], 'the due date is the one the check page expected');
  assert.match(await citizen.locator('main').innerText(), FEE_135K, 'the receipt shows the fee');

  // The service centre's one-stop officer reads the answers on the case page and accepts.
  const officer = await signedIn('demo.ttpvhcc.motcua', DESKTOP);
  await openFromInbox(officer, code, 'new', 'service centre one-stop officer, new');
  const casePage = await officer.locator('main').innerText();
  for (const answer of [licence.name, licence.number, licence.street, '12/05/1990']) {
    assert.ok(casePage.includes(answer), `the officer's case page shows “${answer}”`);
  }
  await act(officer, 'accept');

  // The API gives the applicant the same answers, the fee and the due date.
  const json = await apiCase(citizen, code);
  assert.equal(json.status, 'processing');
  assert.equal(json.receiving_agency, SERVICE_CENTRE);
  assert.equal(json.fee_total_dong, 135000);
  assert.match(json.due_date ?? '', /^\d{4}-\d{2}-\d{2}$/);
  const values = json.form?.values as { applicant?: { fullName?: string; birthDate?: string; residence?: { street?: string } }; licence?: { number?: string; class?: string } } | undefined;
  assert.equal(values?.applicant?.fullName, licence.name);
  assert.equal(values?.applicant?.birthDate, licence.birth);
  assert.equal(values?.applicant?.residence?.street, licence.street);
  assert.equal(values?.licence?.number, licence.number);
  assert.equal(values?.licence?.class, 'B');
  const rows = (json.form?.sections ?? []).flatMap((s) => s.rows);
  assert.equal(rows.find((r) => r.field === 'applicant.fullName')?.value.vi, licence.name, 'the answers laid out by label too');

  // The city police appraise and approve it; the specialist records the result, the centre returns it.
  const specialist = await signedIn('demo.catp.chuyenvien', DESKTOP);
  await openFromInbox(specialist, code, 'processing', 'city police specialist');
  assert.ok((await specialist.locator('main').innerText()).includes(licence.number), 'the specialist reads the answers');
  await act(specialist, 'submit_for_approval', async (f) => {
    await f.locator('textarea[name="comment"]').fill('Đủ điều kiện đổi giấy phép lái xe.');
  });
  const leader = await signedIn('demo.catp.lanhdao', DESKTOP);
  await openFromInbox(leader, code, 'approval', 'city police leader');
  await act(leader, 'approve');
  await specialist.goto(`/mot-cua/ho-so/${code}`);
  await act(specialist, 'record_result', async (f) => {
    await f.locator('input[type="file"]').setInputFiles(files.pdf);
  });
  await openFromInbox(officer, code, 'results', 'service centre one-stop officer, to return');
  await act(officer, 'return_result', async (f) => {
    // The citizen chose to collect the new licence where they applied.
    await f.locator('input[name="return_method"][value="counter"]').check();
  });
  assert.equal((await apiCase(citizen, code)).status, 'returned');

  // The citizen's own page says so.
  await citizen.goto(`/ho-so-cua-toi/${code}`);
  await checkA11y(citizen, 'the citizen’s dossier page with the result');
  assert.match(await citizen.locator('main').innerText(), /Đã trả kết quả/);
});

test('at 390 px: birth registration at Hoàn Kiếm ward, the father left blank, from the e-form to the returned result', async () => {
  const child = { name: 'Nguyễn Minh Châu', birth: isoDaysFromNow(-12), place: 'Bệnh viện Phụ sản Hà Nội', mother: 'Lê Thị Hoa' };

  const citizen = await signedIn('demo.congdan', PHONE_390, true);
  await citizen.goto('/dich-vu-cong/1.001193/nop');
  await checkA11y(citizen, 'the e-form of 1.001193 at 390 px');
  const agency = citizen.locator('#f-agency');
  await agency.selectOption(HOAN_KIEM);
  await citizen.locator('#f-declarant-residence').selectOption({ label: 'Phường Hoàn Kiếm' });
  await citizen.locator('#f-declarant-residence-street').fill('Số 5 phố Hàng Bạc');
  await citizen.locator('#f-declarant-relationship').selectOption('grandparent');
  await citizen.locator('#f-child-fullName').fill(child.name);
  await citizen.locator('#f-child-sex-2').check();
  await citizen.locator('#f-child-birthDate').fill(child.birth);
  await citizen.locator('#f-child-birthPlace').fill(child.place);
  await citizen.locator('#f-child-ethnicity').fill('Kinh');
  await citizen.locator('#f-mother-fullName').fill(child.mother);
  await citizen.locator('#f-mother-birthYear').fill('1996');
  await citizen.locator('#f-mother-ethnicity').fill('Kinh');
  await citizen.locator('#f-mother-residence').selectOption({ label: 'Phường Hoàn Kiếm' });
  await citizen.locator('#f-mother-residence-street').fill('Số 5 phố Hàng Bạc');
  await citizen.locator('#f-declaration').check();
  await citizen.locator('#f-files-birthCertificate').setInputFiles(files.pdf);

  const check = await continueToCheck(citizen, '1.001193');
  for (const answer of [child.name, child.place, child.mother, 'Nữ', 'Ông, bà', 'Số 5 phố Hàng Bạc']) {
    assert.ok(check.includes(answer), `the check page shows “${answer}”`);
  }
  assert.match(await fact(citizen, /Ngày hẹn trả kết quả dự kiến/), DATE, 'the check page shows an expected date');

  const code = await submitFromCheck(citizen);
  assert.match(code, /^000\.04\.51\.H26-\d{6}-\d{4}$/, 'numbered in the ward’s series');
  assert.match(await fact(citizen, 'Ngày hẹn trả kết quả'), DATE, 'the receipt shows a due date');

  const officer = await signedIn('demo.hoankiem.motcua', PHONE_390);
  await openFromInbox(officer, code, 'new', 'Hoàn Kiếm one-stop officer at 390 px');
  const casePage = await officer.locator('main').innerText();
  for (const answer of [child.name, child.place, child.mother]) {
    assert.ok(casePage.includes(answer), `the officer's case page shows “${answer}”`);
  }
  await act(officer, 'accept');

  const json = await apiCase(citizen, code);
  assert.equal(json.status, 'processing');
  assert.equal(json.receiving_agency, HOAN_KIEM);
  const values = json.form?.values as { child?: { fullName?: string; sex?: string; birthDate?: string }; father?: unknown } | undefined;
  assert.equal(values?.child?.fullName, child.name);
  assert.equal(values?.child?.sex, 'female');
  assert.equal(values?.child?.birthDate, child.birth);
  assert.equal(values?.father, undefined, 'the blank father is not an answer');
  const fatherNationality = (json.form?.sections ?? []).flatMap((sec) => sec.rows).find((r) => r.field === 'father.nationality');
  assert.equal(fatherNationality?.value.vi, '', 'nor is the nationality the form prefilled for him');

  // The ward appraises, approves and returns it, each officer on a phone.
  const specialist = await signedIn('demo.hoankiem.chuyenvien', PHONE_390);
  await openFromInbox(specialist, code, 'processing', 'Hoàn Kiếm specialist at 390 px');
  await act(specialist, 'submit_for_approval', async (f) => {
    await f.locator('textarea[name="comment"]').fill('Đủ điều kiện đăng ký khai sinh.');
  });
  const leader = await signedIn('demo.hoankiem.lanhdao', PHONE_390);
  await openFromInbox(leader, code, 'approval', 'Hoàn Kiếm leader at 390 px');
  await act(leader, 'approve');
  await specialist.goto(`/mot-cua/ho-so/${code}`);
  await act(specialist, 'record_result', async (f) => {
    await f.locator('input[type="file"]').setInputFiles(files.pdf);
  });
  await openFromInbox(officer, code, 'results', 'Hoàn Kiếm one-stop officer at 390 px, to return');
  await act(officer, 'return_result', async (f) => {
    await f.locator('input[name="return_method"][value="online"]').check();
  });
  assert.equal((await apiCase(citizen, code)).status, 'returned');
  await citizen.goto(`/ho-so-cua-toi/${code}`);
  await checkA11y(citizen, 'the citizen’s dossier page with the result at 390 px');
  assert.match(await citizen.locator('main').innerText(), /Đã trả kết quả/);
});
