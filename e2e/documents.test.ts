// Official documents in a real browser (issue 13 "Done when"), each person in their own browser context:
// at 1280 px the registry clerk of UBND phường Hoàn Kiếm registers a signed letter from Sở Tư pháp with its PDF (a
// refused first try keeps what was typed), the leader assigns it with a deadline of 3 working days; the specialist, on
// a 390 px phone, finds it in their list, acknowledges it and answers with a letter to Sở Tư pháp and UBND phường Ba
// Đình; the leader approves, the clerk numbers, signs and issues it; the signed PDF opens, both registers show the
// letters and their PDF and Excel exports open; Ba Đình's registry clerk finds the letter in its incoming book with a
// valid signature; the specialist closes the incoming letter. axe runs on every page visited; on the phone the inbox
// and the register fit the screen's width. Field ids and names are those of src/modules/documents/views.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { signPdf } from '../src/platform/pdf/signature.ts';
import { makeTestP12 } from '../src/platform/pdf/test-certificate.ts';
import { smallPdf } from '../src/modules/documents/testing.ts';
import { checkPage, PHONE_390, signedIn, startHarness, visitChecked } from './harness.ts';
import { submitWith } from './steps.ts';

const h = startHarness({ demo: true });

const DESKTOP = { width: 1280, height: 800 } as const;
/** Sở Tư pháp, the letter's author, and UBND phường Ba Đình (data/agencies/hanoi.json). */
const JUSTICE = '000.00.03.H26';
const BA_DINH = '000.01.51.H26';
const LETTER = { author: 'Sở Tư pháp', number: '512/STP-HCTP', summary: 'V/v rà soát hộ tịch năm 2026', signer: 'Bùi Văn Khải' };
/** The specialist demo.chuyenvien, as the ward's lists name them. */
const SPECIALIST = 'Lê Minh Châu';
/** Today in Việt Nam (UTC+7), as a date input takes it. */
const today = (): string => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** The inbox table with this caption (documents/views/parts.tsx DocTable). */
const list = (page: Page, caption: string): Locator => page.locator('main table').filter({ has: page.locator('caption', { hasText: caption }) });

/** Follows the link and waits for its page; axe (and width on a phone) on it. */
async function follow(page: Page, link: Locator, label: string): Promise<void> {
  const from = page.url();
  await Promise.all([page.waitForURL((u) => u.href !== from), link.click()]);
  await page.waitForLoadState('load');
  await checkPage(page, label);
}

/** Presses a button of a form on the document's page: the server answers 303 and the page comes back; axe on it. */
async function press(page: Page, name: string, label: string): Promise<void> {
  const button = page.locator('main').getByRole('button', { name, exact: true });
  assert.equal(await button.count(), 1, `the page offers “${name}”`);
  const status = await submitWith(page, button);
  const errors = status === 303 ? '' : await page.locator('.error-summary').allInnerTexts();
  assert.equal(status, 303, `“${name}” is taken (errors: ${String(errors)})`);
  await checkPage(page, label);
}

/** The id in /van-ban/<id>. */
const docId = (page: Page): number => {
  const m = /^\/van-ban\/(\d+)$/.exec(new URL(page.url()).pathname);
  assert.ok(m, `on a document's page (at ${page.url()})`);
  return Number(m[1]);
};

/** Downloads what a link points to, through the page's session: status, content type and first bytes. */
async function download(page: Page, link: Locator, type: RegExp, magic: string, label: string): Promise<Buffer> {
  const href = await link.getAttribute('href');
  assert.ok(href, `${label}: the link has an address`);
  const res = await page.request.get(href);
  assert.equal(res.status(), 200, `${label}: HTTP 200`);
  assert.match(res.headers()['content-type'] ?? '', type, `${label}: content type`);
  const body = await res.body();
  assert.equal(body.subarray(0, magic.length).toString('latin1'), magic, `${label} starts with ${JSON.stringify(magic)}`);
  return body;
}

test('an incoming letter, its assignment and the signed answer, through the registers to a second agency', async () => {
  const started = Date.now();
  // The letter as Sở Tư pháp sent it: a PDF signed with its (test) certificate.
  const cert = makeTestP12({ commonName: 'Sở Tư pháp Hà Nội', organisation: 'Sở Tư pháp', passphrase: 'p' });
  const pdf = await signPdf(await smallPdf(`Công văn ${LETTER.number}: ${LETTER.summary}`), { p12: cert.p12, passphrase: 'p', reason: 'Ban hành', location: 'Hà Nội', name: LETTER.author });

  // 1. The registry clerk registers it; the first try misses the summary and keeps what was typed.
  const clerk = await signedIn(h, 'demo.vanthu', DESKTOP, { a11y: true, secondStep: false });
  await visitChecked(clerk, '/van-ban', "the clerk's inbox");
  await follow(clerk, clerk.locator('main').getByRole('link', { name: 'Vào sổ văn bản đến', exact: true }), 'the incoming form');
  assert.equal(new URL(clerk.url()).pathname, '/van-ban/den/moi');
  await clerk.locator('#author').fill(LETTER.author);
  await clerk.locator('#authorCode').fill(JUSTICE);
  await clerk.locator('#numberNotation').fill(LETTER.number);
  await clerk.locator('#documentDate').fill(today());
  await clerk.locator('#typeCode').selectOption('CV');
  await clerk.locator('#signerName').fill(LETTER.signer);
  await clerk.locator('#urgency').selectOption('urgent');
  await clerk.locator('#secrecy').selectOption('normal');
  await clerk.locator('#pageCount').fill('2');
  assert.equal(await submitWith(clerk, clerk.getByRole('button', { name: 'Vào sổ', exact: true })), 400, 'a letter without its summary is refused');
  const summaryBox = clerk.locator('.error-summary');
  assert.match(await summaryBox.innerText(), /Trích yếu nội dung/, 'the error summary names the missing field');
  assert.equal(await summaryBox.locator('a[href="#summary"]').count(), 1, 'and links to it');
  await checkPage(clerk, 'the refused incoming form');
  assert.equal(await clerk.locator('#author').inputValue(), LETTER.author, 'the typed values are kept');
  assert.equal(await clerk.locator('#numberNotation').inputValue(), LETTER.number);
  assert.equal(await clerk.locator('#documentDate').inputValue(), today());
  assert.equal(await clerk.locator('#typeCode').inputValue(), 'CV');
  assert.equal(await clerk.locator('#urgency').inputValue(), 'urgent');
  assert.equal(await clerk.locator('#pageCount').inputValue(), '2');
  await clerk.locator('#summary').fill(LETTER.summary);
  await clerk.locator('#files').setInputFiles({ name: 'cv512-stp.pdf', mimeType: 'application/pdf', buffer: pdf });
  assert.equal(await submitWith(clerk, clerk.getByRole('button', { name: 'Vào sổ', exact: true })), 303, 'the letter is registered');
  const incoming = docId(clerk);
  const registered = (await clerk.getByRole('status').innerText()).trim();
  const arrival = /^Đã vào sổ văn bản đến, số đến (\d+)\.$/.exec(registered)?.[1];
  assert.ok(arrival, `the page says the letter is registered (it says “${registered}”)`);
  await checkPage(clerk, 'the registered letter');
  const letterPage = await clerk.locator('main').innerText();
  assert.match(letterPage, /Chữ ký hợp lệ, tệp không bị sửa sau khi ký/, "Sở Tư pháp's signature is checked");
  assert.ok(letterPage.includes('cv512-stp.pdf'), 'the file is listed');
  await download(clerk, clerk.getByRole('link', { name: 'cv512-stp.pdf', exact: true }), /^application\/pdf/, '%PDF', 'the registered file');

  // 2. The leader assigns it to the specialist with an instruction and 3 working days.
  const leader = await signedIn(h, 'demo.lanhdao', DESKTOP, { secondStep: true });
  await visitChecked(leader, '/van-ban', "the leader's inbox");
  await follow(leader, list(leader, 'Chờ tôi phân công').getByRole('link', { name: `${LETTER.number} (số đến ${arrival})`, exact: true }), 'the letter for the leader');
  assert.equal(docId(leader), incoming);
  await leader.getByLabel('Người chủ trì xử lý', { exact: true }).selectOption({ label: SPECIALIST });
  await leader.getByLabel('Ý kiến chỉ đạo', { exact: true }).fill('Đồng chí Châu chủ trì, dự thảo văn bản trả lời Sở Tư pháp.');
  await leader.getByLabel('Thời hạn xử lý (ngày làm việc)', { exact: true }).fill('3');
  await press(leader, 'Phân công', 'the assigned letter');
  const handling = await leader.locator('main').innerText();
  assert.match(handling, new RegExp(`Chủ trì: ${SPECIALIST} — Hạn xử lý \\d{2}/\\d{2}/\\d{4}`), 'the lead handler and the deadline are shown');

  // 3. On a phone the specialist finds it, acknowledges it and drafts the answer.
  const specialist = await signedIn(h, 'demo.chuyenvien', PHONE_390, { a11y: true, secondStep: false });
  await visitChecked(specialist, '/van-ban', "the specialist's inbox");
  await follow(specialist, list(specialist, 'Văn bản tôi được giao xử lý').getByRole('link', { name: `${LETTER.number} (số đến ${arrival})`, exact: true }), 'the letter for the specialist');
  assert.equal(docId(specialist), incoming);
  assert.match(await specialist.locator('main').innerText(), /Đồng chí Châu chủ trì/, 'the specialist reads the instruction');
  await press(specialist, 'Tôi đã nhận văn bản', 'the acknowledged letter');
  assert.match(await specialist.locator('main').innerText(), /Đang xử lý/);
  await download(specialist, specialist.getByRole('link', { name: 'Phiếu giải quyết văn bản đến (PDF)', exact: true }), /^application\/pdf/, '%PDF', 'the handling slip');
  await follow(specialist, specialist.locator('main').getByRole('link', { name: 'Soạn văn bản trả lời', exact: true }), 'the answer form');
  assert.equal(new URL(specialist.url()).pathname + new URL(specialist.url()).search, `/van-ban/di/moi?tra-loi=${incoming}`);
  const summary = specialist.locator('#summary');
  assert.match(await summary.inputValue(), new RegExp(`^V/v trả lời văn bản số ${LETTER.number}`), 'the summary is prefilled');
  assert.deepEqual(await specialist.locator('#internal').evaluate((s: HTMLSelectElement) => [...s.selectedOptions].map((o) => o.value)), [JUSTICE], 'the letter’s author is chosen');
  await specialist.locator('#typeCode').selectOption('CV');
  await summary.fill(`V/v trả lời văn bản số ${LETTER.number} về rà soát hộ tịch năm 2026`);
  await specialist.locator('#draftingUnit').fill('VP');
  await specialist.locator('#body').fill('Ủy ban nhân dân phường Hoàn Kiếm báo cáo kết quả rà soát hộ tịch năm 2026 như sau: đã rà soát 1.245 trường hợp, không có sai sót.');
  await specialist.locator('#signerPosition').fill('Chủ tịch');
  await specialist.locator('#signerName').fill('Phạm Quốc Dũng');
  await specialist.locator('#copies').fill('3');
  await specialist.locator('#recipients').fill('Như trên;\nLưu: VT, VP.');
  await specialist.locator('#internal').selectOption([JUSTICE, BA_DINH]);
  await checkPage(specialist, 'the filled answer form');
  assert.equal(await submitWith(specialist, specialist.getByRole('button', { name: 'Lưu dự thảo', exact: true })), 303, 'the draft is saved');
  const answer = docId(specialist);
  await checkPage(specialist, 'the draft answer');
  await press(specialist, 'Trình lãnh đạo duyệt', 'the draft sent for approval');
  assert.match(await specialist.locator('main').innerText(), /Chờ lãnh đạo duyệt/);

  // 4. The leader approves it.
  await visitChecked(leader, '/van-ban', "the leader's inbox with the draft");
  const toApprove = list(leader, 'Dự thảo chờ tôi duyệt').locator('tr').filter({ hasText: 'về rà soát hộ tịch năm 2026' });
  await follow(leader, toApprove.getByRole('link'), 'the draft for the leader');
  assert.equal(docId(leader), answer);
  await press(leader, 'Duyệt', 'the approved draft');

  // 5. The clerk numbers, signs and issues it; the signed PDF opens.
  await visitChecked(clerk, '/van-ban', "the clerk's inbox with the approved draft");
  await follow(clerk, list(clerk, 'Đã duyệt, chờ cấp số và phát hành').locator('tr').filter({ hasText: 'về rà soát hộ tịch năm 2026' }).getByRole('link'), 'the approved draft for the clerk');
  assert.equal(docId(clerk), answer);
  const issue = clerk.locator('main').getByRole('button', { name: 'Cấp số, ký số và phát hành', exact: true });
  assert.equal(await submitWith(clerk, issue), 303, 'the answer is issued');
  assert.equal(new URL(clerk.url()).search, '?da-phat-hanh=1');
  const issuedNotice = (await clerk.getByRole('status').innerText()).trim();
  const number = /^Đã phát hành văn bản số (\d+\/UBND-VP)\.$/.exec(issuedNotice)?.[1];
  assert.ok(number, `the page says the answer is issued (it says “${issuedNotice}”)`);
  await checkPage(clerk, 'the issued answer');
  const issuedPage = await clerk.locator('main').innerText();
  assert.match(issuedPage, /Đã ban hành/);
  assert.match(issuedPage, /Ủy ban nhân dân phường Ba Đình: Đã đến/, 'the page says in words that Ba Đình received it');
  const signedLink = clerk.locator('main li').filter({ hasText: 'Bản đã ký số' }).getByRole('link');
  assert.equal(await signedLink.innerText(), `${number.replace('/', '-')}.pdf`);
  await download(clerk, signedLink, /^application\/pdf/, '%PDF', 'the signed answer');

  // 6. The registers show both letters; their exports open.
  await visitChecked(clerk, '/van-ban/so-di', 'the outgoing register');
  const outBook = await clerk.locator('main table').innerText();
  assert.ok(outBook.includes(number), `the outgoing register shows ${number}`);
  assert.ok(outBook.includes('về rà soát hộ tịch năm 2026'));
  await download(clerk, clerk.getByRole('link', { name: 'Tải PDF', exact: true }), /^application\/pdf/, '%PDF', 'the outgoing register as PDF');
  await download(clerk, clerk.getByRole('link', { name: 'Tải Excel', exact: true }), /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/, 'PK', 'the outgoing register as Excel');
  await visitChecked(clerk, '/van-ban/so-den', 'the incoming register');
  const inRow = clerk.locator('main table tbody tr').filter({ hasText: LETTER.number });
  assert.equal(await inRow.count(), 1, 'the incoming register lists the letter');
  const inText = await inRow.innerText();
  assert.ok(inText.includes(LETTER.author) && inText.includes(SPECIALIST), `the letter's row names its author and lead handler (it reads “${inText}”)`);
  await download(clerk, clerk.getByRole('link', { name: 'Tải PDF', exact: true }), /^application\/pdf/, '%PDF', 'the incoming register as PDF');
  await download(clerk, clerk.getByRole('link', { name: 'Tải Excel', exact: true }), /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/, 'PK', 'the incoming register as Excel');
  await visitChecked(clerk, '/van-ban/ho-so', 'the work files');

  // On the phone, the specialist's inbox and the incoming register fit the screen.
  await visitChecked(specialist, '/van-ban', "the specialist's inbox after the answer");
  await visitChecked(specialist, '/van-ban/so-den', 'the incoming register on a phone');
  assert.equal(await specialist.locator('main table tbody tr').filter({ hasText: LETTER.number }).count(), 1, 'the register on the phone lists the letter');

  // 7. Ba Đình's registry clerk finds the answer in its incoming book, its signature valid.
  const other = await signedIn(h, 'demo.badinh.vanthu', DESKTOP, { secondStep: false });
  await visitChecked(other, '/van-ban', "Ba Đình clerk's inbox");
  const received = list(other, 'Đã vào sổ, chờ lãnh đạo phân công').getByRole('link', { name: new RegExp(`^${number.replace('/', '\\/')} \\(số đến \\d+\\)$`) });
  assert.equal(await received.count(), 1, 'the answer waits in Ba Đình to be assigned');
  await follow(other, received, 'the answer as Ba Đình received it');
  const receivedPage = await other.locator('main').innerText();
  assert.match(receivedPage, /Chữ ký hợp lệ/, 'the signature check says it is valid');
  assert.match(receivedPage, /Ủy ban nhân dân phường Hoàn Kiếm/, 'from Hoàn Kiếm');

  // 8. The specialist closes the incoming letter with a note.
  await visitChecked(specialist, `/van-ban/${incoming}`, 'the letter before closing');
  await specialist.getByLabel('Nội dung', { exact: true }).fill(`Đã trả lời bằng văn bản số ${number}.`);
  await press(specialist, 'Hoàn thành xử lý', 'the closed letter');
  const closed = await specialist.locator('main').innerText();
  assert.match(closed, /Đã xử lý xong/);
  assert.ok(closed.includes(`Đã trả lời bằng văn bản số ${number}.`), 'the note is in the history');
  assert.equal(await specialist.locator('main').getByRole('button', { name: 'Hoàn thành xử lý', exact: true }).count(), 0, 'nothing left to close');

  console.log(`# the documents chain took ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

test("on a 390 px phone the clerk's registers, the on-time report, search and the work files fit the screen and pass axe", async () => {
  const clerk = await signedIn(h, 'demo.vanthu', PHONE_390, { secondStep: false });
  await visitChecked(clerk, '/van-ban/so-di', 'the outgoing register on a phone');
  assert.ok((await clerk.locator('main table tbody tr').count()) > 0, 'the demo outgoing register has rows');
  await visitChecked(clerk, '/van-ban/so-den', 'the incoming register on a phone (demo data)');
  await visitChecked(clerk, '/van-ban/bao-cao', 'the on-time report on a phone');
  assert.ok((await clerk.locator('main table tbody tr').count()) > 0, 'the report lists the handlers');
  await visitChecked(clerk, '/van-ban/tim-kiem?q=ke%20hoach', 'search results on a phone');
  await visitChecked(clerk, '/van-ban/ho-so', 'the work files on a phone');
  const first = clerk.locator('main table tbody tr a').first();
  assert.equal(await first.count(), 1, 'the demo has work files');
  await follow(clerk, first, 'a work file on a phone');
  assert.ok((await clerk.locator('main table tbody tr').count()) > 0, 'the work file lists its documents');
  await visitChecked(clerk, '/van-ban/di/moi', 'the new outgoing document form on a phone');
});
