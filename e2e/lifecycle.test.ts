// One dossier's whole life in a real browser (issue 4 "Done when"), signed in as each role in turn: the citizen submits
// permanent residence registration (1.004222, the liên thông workflow in the demo) to Hoàn Kiếm ward online; the
// one-stop officer asks for a supplement; the citizen completes it online; the officer accepts; the ward's specialist
// consults the Department of Justice, whose specialist replies; the ward's leader apologises with a new date; the
// specialist submits, the leader approves, the specialist records the result file, the officer returns it online; the
// citizen downloads the result and rates the service. The fee is paid at the counter and recorded by the officer; the
// citizen's feedback is answered by the officer. axe runs on every page visited.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { WorkCalendar } from '../src/platform/calendar/index.ts';
import { checkA11y, passSecondStep, PHONE, scrollsSideways, startHarness } from './harness.ts';
import { act, openFromInbox, submitWith } from './steps.ts';

const h = startHarness({ demo: true });

const PROCEDURE = '1.004222';
const PASSWORD = 'Demo@12345';
const WARD = 'Hoàn Kiếm';
const JUSTICE = '000.00.03.H26';
const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
let dir = '';
let pdf = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'egov-lifecycle-'));
  pdf = join(dir, 'giay-to.pdf');
  writeFileSync(pdf, MINIMAL_PDF);
});
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A fresh browser context signed in through the sign-in page. */
async function signedIn(username: string): Promise<Page> {
  const page = await h.newPage();
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập, số định danh, số điện thoại hoặc thư điện tử', { exact: true }).fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
  assert.equal(await submitWith(page, page.locator('main').getByRole('button', { name: 'Đăng nhập', exact: true })), 303, `${username} signs in`);
  // Leaders (and administrators) also type the code of their authenticator app.
  await passSecondStep(page, username);
  return page;
}

async function status(code: string): Promise<string> {
  // The demo citizen's phone, +84912345678: the public lookup asks its last 4 digits with the code.
  const r = await fetch(h.url(`/api/v1/dossiers/${encodeURIComponent(code)}/status?phone_last4=5678`));
  return ((await r.json()) as { status: string }).status;
}

test('one dossier from online submission through supplement, consultation, apology and approval to the result and a rating', async () => {
  // The citizen submits online to the ward.
  const citizen = await signedIn('demo.congdan');
  await citizen.goto(`/dich-vu-cong/${PROCEDURE}/nop`);
  await checkA11y(citizen, 'the e-form of 1.004222');
  const agency = citizen.locator('#f-agency');
  const wardValue = await agency.locator('option', { hasText: WARD }).first().getAttribute('value');
  assert.ok(wardValue, 'the ward is offered as receiving agency');
  await agency.selectOption(wardValue);
  await citizen.locator('#f-applicant-birthDate').fill('1990-05-17');
  await citizen.locator('#f-applicant-sex').check();
  await citizen.locator('#f-applicant-phone').fill('0912345678');
  await citizen.locator('#f-newAddress').selectOption({ label: 'Phường Hoàn Kiếm' });
  await citizen.locator('#f-newAddress-street').fill('Số 5 phố Hàng Bạc');
  await citizen.locator('#f-basis-3').check();
  await citizen.locator('#f-household-headFullName').fill('Nguyễn Văn An');
  await citizen.locator('#f-household-headPersonalId').fill('001090012345');
  await citizen.locator('#f-household-relationship').selectOption('self');
  await citizen.locator('#f-reason').fill('Đăng ký thường trú tại chỗ ở thuê.');
  await citizen.locator('#f-declaration').check();
  await citizen.locator('#f-files-rentalContract').setInputFiles(pdf);
  // Checked on the check-your-answers page, then submitted from there (issue 9).
  assert.equal(await submitWith(citizen, citizen.getByRole('button', { name: 'Tiếp tục', exact: true })), 303);
  assert.match(await citizen.locator('main').innerText(), /Chỗ ở thuê|Đăng ký thường trú tại chỗ ở thuê\./);
  assert.equal(await submitWith(citizen, citizen.getByRole('button', { name: 'Nộp hồ sơ', exact: true })), 303);
  const m = /^\/ho-so\/([^/]+)\/bien-nhan$/.exec(new URL(citizen.url()).pathname);
  assert.ok(m, 'the receipt page');
  const code = decodeURIComponent(m[1] ?? '');
  assert.match(code, /^000\.04\.51\.H26-\d{6}-\d{4}$/, 'numbered in the ward’s series');

  // The one-stop officer finds it among the new dossiers and asks for everything missing at once.
  const officer = await signedIn('demo.motcua');
  await openFromInbox(officer, code, 'new', 'one-stop officer, new');
  await act(officer, 'request_supplement_receipt', async (f) => {
    await f.locator('textarea[name="items"]').fill('Bản sao hợp đồng thuê nhà có công chứng\nVăn bản đồng ý của chủ nhà');
    await f.locator('textarea[name="comment"]').fill('Hồ sơ thiếu giấy tờ về chỗ ở thuê.');
  });
  assert.equal(await status(code), 'supplement');

  // The citizen reads the request and completes it online.
  await citizen.goto(`/ho-so-cua-toi/${code}`);
  await checkA11y(citizen, 'the citizen’s dossier page with a supplement request');
  assert.match(await citizen.locator('main').innerText(), /Văn bản đồng ý của chủ nhà/);
  const supplement = citizen.locator('form[action$="/bo-sung"]');
  await supplement.locator('input[type="file"]').first().setInputFiles(pdf);
  assert.equal(await submitWith(citizen, supplement.locator('button[type="submit"]')), 303);
  await checkA11y(citizen, 'the citizen’s dossier page after the supplement');
  assert.equal(await status(code), 'received');

  // The officer accepts: the ward handles it.
  await openFromInbox(officer, code, 'new', 'one-stop officer, after the supplement');
  await act(officer, 'accept');
  assert.equal(await status(code), 'processing');
  // The applicant pays the fee at the counter; the officer records it with the receipt number.
  const fee = officer.locator('form[action$="/thu-phi"]');
  await fee.locator('#fee-method').selectOption('counter');
  await fee.locator('#fee-reference').fill('BL-0000123');
  assert.equal(await submitWith(officer, fee.locator('button[type="submit"]')), 303, 'the fee is recorded');
  await checkA11y(officer, 'the dossier page after the fee was recorded');
  assert.equal(await officer.locator('form[action$="/thu-phi"]').count(), 0, 'recorded once');

  // The ward's specialist consults the Department of Justice.
  const specialist = await signedIn('demo.chuyenvien');
  await openFromInbox(specialist, code, 'processing', 'specialist');
  await act(specialist, 'consult', async (f) => {
    await f.locator(`input[name="agencies"][value="${JUSTICE}"]`).check();
    // The department reads only the files sent (issue 10): the specialist ticks them.
    for (const box of await f.locator('input[name="documents"]').all()) await box.check();
    await f.locator('textarea[name="comment"]').fill('Đề nghị Sở Tư pháp cho ý kiến về hợp đồng thuê nhà.');
  });
  assert.equal(await status(code), 'consulting');

  // The department's specialist sees the request in its own inbox and replies.
  const justice = await signedIn('demo.stp.chuyenvien');
  await openFromInbox(justice, code, 'consulting', 'consulted department');
  assert.ok((await justice.locator('a[href*="/tep/"]').count()) > 0, 'the department sees the files sent');
  await act(justice, 'reply_consultation', async (f) => {
    await f.locator('textarea[name="comment"]').fill('Hợp đồng thuê nhà hợp lệ.');
  });
  assert.equal(await status(code), 'processing');

  // The leader apologises with a new date, at least one working day ahead of the due date.
  const leader = await signedIn('demo.lanhdao');
  const api = await citizen.request.get(`/api/v1/dossiers/${encodeURIComponent(code)}`);
  assert.equal(api.status(), 200);
  const due = ((await api.json()) as { due_date: string }).due_date;
  const newDue = WorkCalendar.withDefaults().addWorkingDays(due, 3);
  await openFromInbox(leader, code, 'processing', 'leader');
  await act(leader, 'apologize', async (f) => {
    await f.locator('input[name="new_due_date"]').fill(newDue);
    await f.locator('textarea[name="comment"]').fill('Cần thêm thời gian xác minh chỗ ở.');
  });
  assert.equal(await leader.locator('form[action$="/thao-tac/apologize"]').count(), 0, 'a second apology is not offered');

  // Appraisal ends: submitted, approved, result recorded and returned online.
  await openFromInbox(specialist, code, 'processing', 'specialist, to submit');
  await act(specialist, 'submit_for_approval', async (f) => {
    await f.locator('textarea[name="comment"]').fill('Đủ điều kiện đăng ký thường trú.');
  });
  await openFromInbox(leader, code, 'approval', 'leader, to approve');
  await act(leader, 'approve');
  await specialist.goto(`/mot-cua/ho-so/${code}`);
  await act(specialist, 'record_result', async (f) => {
    await f.locator('input[type="file"]').setInputFiles(pdf);
  });
  await openFromInbox(officer, code, 'results', 'one-stop officer, to return');
  await act(officer, 'return_result', async (f) => {
    await f.locator('input[name="return_method"][value="online"]').check();
  });
  assert.equal(await status(code), 'returned');

  // The citizen sees the new date and the apology, downloads the result and rates the service.
  await citizen.goto(`/ho-so-cua-toi/${code}`);
  await checkA11y(citizen, 'the citizen’s dossier page with the result');
  const text = await citizen.locator('main').innerText();
  assert.match(text, /Cần thêm thời gian xác minh chỗ ở/);
  const resultLink = citizen.locator('a[href*="/tep/"]').last();
  const file = await citizen.request.get(h.url((await resultLink.getAttribute('href')) ?? ''));
  assert.equal(file.status(), 200);
  assert.equal(file.headers()['content-type'], 'application/pdf');
  const rating = citizen.locator('form[action$="/danh-gia"]');
  for (const name of await rating.locator('input[type="radio"][value="3"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).name))) {
    await rating.locator(`input[name="${name}"][value="3"]`).check();
  }
  assert.equal(await submitWith(citizen, rating.locator('button[type="submit"]')), 303);
  await checkA11y(citizen, 'the citizen’s dossier page after rating');
  assert.equal(await citizen.locator('form[action$="/danh-gia"]').count(), 0, 'rated once');

  // The citizen writes to the ward; the officer answers on the dossier page; the citizen reads the answer.
  await citizen.locator('#feedback-message').fill('Xin cho biết tôi có cần mang bản gốc khi nhận kết quả không?');
  assert.equal(await submitWith(citizen, citizen.locator('form[action$="/gop-y"] button[type="submit"]')), 303);
  await officer.goto(`/mot-cua/ho-so/${code}`);
  const answer = officer.locator('form[action*="/phan-anh/"]');
  assert.equal(await answer.count(), 1, 'one message to answer');
  await answer.locator('textarea[name="answer"]').fill('Ông/Bà mang căn cước khi nhận kết quả; không cần bản gốc.');
  assert.equal(await submitWith(officer, answer.locator('button[type="submit"]')), 303);
  await checkA11y(officer, 'the dossier page after answering the feedback');
  await citizen.goto(`/ho-so-cua-toi/${code}`);
  assert.match(await citizen.locator('main').innerText(), /không cần bản gốc/);
  await checkA11y(citizen, 'the citizen’s dossier page with the answer');
});

test('the service-quality dashboard, the public transparency page and the inbox pass axe and fit a phone', async () => {
  const leader = await signedIn('demo.lanhdao');
  await leader.goto('/quan-ly/chat-luong');
  assert.equal(await leader.locator('h1').count(), 1);
  assert.ok((await leader.locator('svg[role="img"]').count()) > 0, 'charts are drawn');
  await checkA11y(leader, 'the ward leader’s quality dashboard');
  const anonymous = await h.newPage();
  await anonymous.goto('/cong-khai/co-quan/000.04.51.H26');
  await checkA11y(anonymous, 'the public transparency page of Hoàn Kiếm ward');
  assert.doesNotMatch(await anonymous.locator('main').innerText(), /\d{12}/, 'no personal identification number');
  const phone = await h.newPage({ viewport: PHONE });
  await phone.goto('/dang-nhap');
  await phone.getByLabel('Tên đăng nhập, số định danh, số điện thoại hoặc thư điện tử', { exact: true }).fill('demo.motcua');
  await phone.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
  await submitWith(phone, phone.locator('main').getByRole('button', { name: 'Đăng nhập', exact: true }));
  for (const path of ['/mot-cua', '/mot-cua?tab=overdue']) {
    await phone.goto(path);
    await checkA11y(phone, `${path} on a phone`);
    assert.equal((await scrollsSideways(phone)).overflows, false, `${path} does not scroll sideways on a phone`);
  }
});
