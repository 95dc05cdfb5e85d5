// The IT-readiness self-assessment in a real browser (issue 14), each person in their own browser context, on the demo
// data (the 2025 communes' cycle open, 120 forms in; Phường Hoàn Kiếm's draft half filled): demo.cntt, on a 390 px
// phone, uploads an evidence PDF, fills the rest of the form (a broken rule shown as typed, then corrected) and
// submits; demo.thamdinh asks a question; demo.cntt answers and resubmits; demo.thamdinh marks it reviewed;
// demo.hoidong adjusts a score with a reason; demo.thamdinh publishes; the ranking with its chart, the ward's scorecard
// (on the phone), the DTI view and the plan's targets are shown, the Excel workbook opens and the report is a PDF. axe on
// every page; the form page does not scroll sideways at 390 px. Field ids are those of src/modules/readiness/views.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { smallPdf } from '../src/modules/documents/testing.ts';
import { checkPage, PHONE_390, signedIn, startHarness, visitChecked } from './harness.ts';
import { submitWith } from './steps.ts';

const h = startHarness({ demo: true });
const DESKTOP = { width: 1280, height: 800 } as const;

test('a ward fills and submits its form; the office asks, reviews and publishes; the council adjusts', async () => {
  // The ward's IT officer, on a phone: the landing page, then the cycle's form.
  const cntt = await signedIn(h, 'demo.cntt', PHONE_390);
  await visitChecked(cntt, '/chuyen-doi-so', 'the officer’s landing page');
  await cntt.locator('main a', { hasText: 'Mở phiếu' }).first().click();
  await cntt.waitForURL(/\/chuyen-doi-so\/phieu\/\d+$/);
  const formUrl = new URL(cntt.url()).pathname;
  await checkPage(cntt, 'the form page (draft)');

  // Evidence for AW2.
  await cntt.locator('#evidence-code').selectOption('AW2');
  await cntt.locator('#evidence-file').setInputFiles({ name: 'bien-ban-hop-bcd.pdf', mimeType: 'application/pdf', buffer: await smallPdf('Biên bản họp Ban chỉ đạo chuyển đổi số') });
  assert.equal(await submitWith(cntt, cntt.getByRole('button', { name: 'Tải lên', exact: true })), 303);
  assert.ok(await cntt.getByRole('link', { name: 'bien-ban-hop-bcd.pdf' }).isVisible());

  // Fill every input; a part above its whole is shown as typed, then corrected.
  await cntt.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLInputElement>('#readiness-form input[name^="v."]')) el.value = '10';
    for (const el of document.querySelectorAll<HTMLSelectElement>('#readiness-form select[name^="v."]')) el.selectedIndex = 1;
  });
  for (const [code, v] of Object.entries({ tasksOverdue: '0', DG1: '80', DG2: '95', DG4: '90' })) await cntt.locator(`#f-${code}`).fill(v);
  await cntt.locator('#f-trained').fill('41');
  await cntt.locator('#check-result').getByText('41').waitFor();
  await checkPage(cntt, 'the form with a broken rule shown as typed');
  await cntt.locator('#f-trained').fill('8');
  await cntt.locator('#check-result').getByText('Mọi quy tắc kiểm tra đều đạt').waitFor();
  assert.equal(await submitWith(cntt, cntt.getByRole('button', { name: 'Nộp phiếu', exact: true })), 303);
  assert.ok(await cntt.getByText('Đã nộp phiếu.').isVisible());
  await checkPage(cntt, 'the submitted form');

  // The office: the cycle page, the form, a question.
  const office = await signedIn(h, 'demo.thamdinh', DESKTOP);
  await visitChecked(office, '/chuyen-doi-so', 'the office’s landing page');
  await office.locator('main a', { hasText: 'Xem — 2025, Xã, phường' }).click();
  await office.waitForURL(/\/chuyen-doi-so\/ky\/\d+$/);
  const cycleUrl = new URL(office.url()).pathname;
  await checkPage(office, 'the cycle page');
  await visitChecked(office, formUrl, 'the form page for the office');
  await office.locator('#ask-code').selectOption('AW2');
  await office.locator('#ask-question').fill('Đề nghị bổ sung biên bản họp quý IV.');
  assert.equal(await submitWith(office, office.getByRole('button', { name: 'Đặt câu hỏi', exact: true })), 303);

  // The officer answers and resubmits.
  await visitChecked(cntt, formUrl, 'the returned form');
  await cntt.getByLabel('Trả lời (AW2)').fill('Đã bổ sung biên bản họp ngày 15/11/2025.');
  assert.equal(await submitWith(cntt, cntt.getByRole('button', { name: 'Gửi trả lời', exact: true })), 303);
  assert.equal(await submitWith(cntt, cntt.getByRole('button', { name: 'Nộp phiếu', exact: true })), 303);
  assert.ok(await cntt.getByText('Đã nộp phiếu.').isVisible());

  // The office marks it reviewed.
  await visitChecked(office, formUrl, 'the resubmitted form');
  assert.equal(await submitWith(office, office.getByRole('button', { name: 'Xác nhận đã thẩm định', exact: true })), 303);

  // The council adjusts AW2 with a reason.
  const council = await signedIn(h, 'demo.hoidong', DESKTOP);
  await visitChecked(council, '/chuyen-doi-so', 'the council’s landing page');
  await council.locator(`main a[href="${formUrl}"]`).click();
  await council.waitForURL((u) => u.pathname === formUrl);
  await checkPage(council, 'the form for the council');
  await council.locator('#adjust-code').selectOption('AW2');
  await council.locator('#adjust-points').fill('15');
  await council.locator('#adjust-reason').fill('Biên bản họp quý IV chưa có chữ ký.');
  assert.equal(await submitWith(council, council.getByRole('button', { name: 'Điều chỉnh điểm', exact: true })), 303);
  assert.ok(await council.getByText('Biên bản họp quý IV chưa có chữ ký.').isVisible());
  await checkPage(council, 'the adjusted form');
  // The cycle and the council's form on a phone (the officers' pages were otherwise tried at 1,280 px only).
  const councilPhone = await signedIn(h, 'demo.hoidong', PHONE_390);
  await visitChecked(councilPhone, formUrl, 'the council’s form on a phone');
  const officePhone = await signedIn(h, 'demo.thamdinh', PHONE_390);
  await visitChecked(officePhone, cycleUrl, 'the cycle on a phone');

  // The office publishes after the confirmation.
  await visitChecked(office, `${cycleUrl}/cong-bo`, 'the publication’s confirmation');
  await office.getByLabel('Tôi xác nhận công bố kết quả').check();
  assert.equal(await submitWith(office, office.getByRole('button', { name: 'Công bố kết quả', exact: true })), 303);
  assert.ok(await office.getByText('Đã công bố kết quả.').isVisible());
  await checkPage(office, 'the published cycle');
  await visitChecked(cntt, formUrl, 'the published form');
  assert.ok(await cntt.getByText('Phiếu chỉ xem').isVisible());

  // The results: the ranking with its chart, the ward's scorecard, the DTI view and the plan's targets; the workbook
  // opens and holds the ranking; the printable report is a PDF.
  const cycleId = /\/ky\/(\d+)$/.exec(cycleUrl)![1]!;
  await visitChecked(office, `/chuyen-doi-so/ket-qua/${cycleId}`, 'the published ranking');
  assert.ok(await office.locator('main svg[role="img"]').first().isVisible(), 'the ranking chart is drawn');
  const row = office.locator('main table tr', { hasText: 'Hoàn Kiếm' }).first();
  assert.match(await row.innerText(), /\d/, 'the ward is ranked');
  await visitChecked(cntt, `/chuyen-doi-so/ket-qua/${cycleId}`, 'the ranking on the ward’s phone');
  await cntt.locator('main a[href*="/don-vi/"]', { hasText: 'Hoàn Kiếm' }).first().click();
  await cntt.waitForURL(/\/don-vi\/\d+$/);
  await checkPage(cntt, 'the ward’s scorecard on a phone');
  assert.ok(await cntt.getByText('Biên bản họp quý IV chưa có chữ ký.').first().isVisible(), 'the council’s reason is on the scorecard');
  await visitChecked(office, '/chuyen-doi-so/dti', 'the national DTI view');
  await visitChecked(office, '/chuyen-doi-so/bo-chi-so', 'the indicator sets');
  await visitChecked(office, '/chuyen-doi-so/bo-chi-so/2025-communes', 'the communes’ indicator table');
  await visitChecked(cntt, '/chuyen-doi-so/bo-chi-so/2025-communes', 'the communes’ indicator table on a phone');
  await visitChecked(office, '/chuyen-doi-so/ke-hoach/2025', 'the plan’s targets');
  const xlsx = await office.request.get(`/chuyen-doi-so/ket-qua/${cycleId}/ket-qua.xlsx`);
  assert.equal(xlsx.status(), 200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
  const ranking = book.worksheets[0]!;
  const cells: string[] = [];
  ranking.eachRow((r) => cells.push(r.values ? JSON.stringify(r.values) : ''));
  assert.ok(cells.some((c) => c.includes('Hoàn Kiếm')), 'the workbook’s first sheet ranks the ward');
  assert.ok(book.worksheets.length >= 4, 'one workbook: ranking, indicators, groups, trends');
  const pdf = await office.request.get(`/chuyen-doi-so/ket-qua/${cycleId}/bao-cao.pdf`);
  assert.equal(pdf.status(), 200);
  assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');
});
