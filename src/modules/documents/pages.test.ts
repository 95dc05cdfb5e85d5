// The registry's pages through the real app, as the people at the counter use them: the clerk registers an incoming
// letter with its signed PDF (typed values come back on a refusal; an executable named .pdf is refused), the leader
// assigns it, the specialist acknowledges, answers with a draft the leader approves and the clerk issues; both
// registers list them and their PDF and Excel exports open; people of another agency get 404s.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { signPdf } from '../../platform/pdf/signature.ts';
import { makeTestP12 } from '../../platform/pdf/test-certificate.ts';
import { testApp, type TestApp } from '../../testing/app.ts';
import { OTHER_WARD, postMultipart, Role, smallPdf, staff, WARD } from './testing.ts';
import { addDirectoryEntry } from '../directory/testing.ts';

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(async () => app.close());

const pdfText = (content: Buffer): string => {
  const dir = mkdtempSync(join(tmpdir(), 'egov-docs-'));
  writeFileSync(join(dir, 'f.pdf'), content);
  return execFileSync('pdftotext', ['-layout', join(dir, 'f.pdf'), '-'], { encoding: 'utf8' });
};

test('incoming letter to outgoing answer through the pages, with registers and exports', async () => {
  const clerk = await staff(app, 'vt.pages', [Role.registryClerk], WARD);
  const leader = await staff(app, 'ld.pages', [Role.leader], WARD);
  const specialist = await staff(app, 'cv.pages', [Role.specialist], WARD);
  const stranger = await staff(app, 'cv.stranger', [Role.specialist], OTHER_WARD);
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const fields = { author: 'Sở Tư pháp', authorCode: '000.00.03.H26', numberNotation: '512/STP-HCTP', documentDate: today, typeCode: 'CV', summary: 'V/v rà soát hộ tịch năm 2026', signerName: 'Bùi Văn Khải', urgency: 'urgent', secrecy: 'normal', pageCount: '2', dueDate: '' };

  // A file that is not what its name says: refused, and the typed values come back.
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
  const refused = await postMultipart(app, clerk.client, '/van-ban/den/moi', '/van-ban/den/moi', fields, [{ field: 'files.main', name: 'cv512.pdf', type: 'application/pdf', content: exe }]);
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /cv512\.pdf/);
  assert.match(refused.body, /value="512\/STP-HCTP"/);
  assert.match(refused.body, /V\/v rà soát hộ tịch năm 2026/);

  const cert = makeTestP12({ commonName: 'Sở Tư pháp Hà Nội', organisation: 'Sở Tư pháp', passphrase: 'p' });
  const signed = await signPdf(await smallPdf('Công văn 512/STP-HCTP'), { p12: cert.p12, passphrase: 'p', reason: 'Ban hành', location: 'Hà Nội', name: 'Sở Tư pháp' });
  const ok = await postMultipart(app, clerk.client, '/van-ban/den/moi', '/van-ban/den/moi', fields, [{ field: 'files.main', name: 'cv512.pdf', type: 'application/pdf', content: signed }]);
  assert.equal(ok.statusCode, 303);
  const url = ok.headers.location!.split('?')[0]!;
  const page = await clerk.client.get(ok.headers.location!);
  assert.match(page.body, /Đã vào sổ văn bản đến, số đến \d+/);
  assert.match(page.body, /Chữ ký hợp lệ, tệp không bị sửa sau khi ký/);
  assert.match(page.body, /Sở Tư pháp Hà Nội/);

  // The same letter again: refused as a duplicate with a link to the first.
  const dup = await postMultipart(app, clerk.client, '/van-ban/den/moi', '/van-ban/den/moi', fields, []);
  assert.equal(dup.statusCode, 409);
  assert.ok(dup.body.includes(`href="${url}"`));

  // Another ward's specialist and the unassigned specialist see nothing.
  assert.equal((await stranger.client.get(url)).statusCode, 404);
  assert.equal((await specialist.client.get(url)).statusCode, 404);

  const version = (html: string): string => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';
  let html = (await leader.client.get(url)).body;
  const assigned = await leader.client.submit(url, { version: version(html), lead: String(specialist.user.id), instruction: 'Đồng chí chủ trì trả lời.', deadlineDays: '3' }, `${url}/phan-cong`);
  assert.equal(assigned.statusCode, 303);
  html = (await specialist.client.get(url)).body;
  assert.match(html, /Chủ trì: Cán bộ cv\.pages/);
  assert.equal((await specialist.client.submit(url, { version: version(html) }, `${url}/da-nhan`)).statusCode, 303);
  const slip = await specialist.client.get(`${url}/phieu-giai-quyet.pdf`);
  assert.equal(slip.headers['content-type'], 'application/pdf');
  assert.match(pdfText(slip.rawPayload), /Đồng chí chủ trì trả lời/);

  // The answer: drafted from the letter, approved, issued.
  const incomingId = url.split('/').pop()!;
  const form = await specialist.client.get(`/van-ban/di/moi?tra-loi=${incomingId}`);
  assert.match(form.body, /V\/v trả lời văn bản số 512\/STP-HCTP/);
  const draft = await postMultipart(app, specialist.client, '/van-ban/di/moi', '/van-ban/di/moi', { typeCode: 'CV', summary: 'V/v trả lời văn bản số 512/STP-HCTP', body: 'Ủy ban nhân dân phường báo cáo kết quả rà soát hộ tịch.', draftingUnit: 'VP', signerPosition: 'Chủ tịch', signerName: '', signerCompetence: '', urgency: 'normal', secrecy: 'normal', copies: '2', recipients: 'Sở Tư pháp', replyTo: incomingId }, []);
  assert.equal(draft.statusCode, 303);
  const out = draft.headers.location!;
  html = (await specialist.client.get(out)).body;
  assert.equal((await specialist.client.submit(out, { version: version(html) }, `${out}/trinh`)).statusCode, 303);
  html = (await leader.client.get(out)).body;
  assert.equal((await leader.client.submit(out, { version: version(html) }, `${out}/duyet`)).statusCode, 303);
  html = (await clerk.client.get(out)).body;
  const issued = await clerk.client.submit(out, { version: version(html) }, `${out}/phat-hanh`);
  assert.equal(issued.statusCode, 303);
  html = (await clerk.client.get(issued.headers.location!)).body;
  const number = /Đã phát hành văn bản số (\d+\/UBND-VP)/.exec(html)?.[1];
  assert.ok(number, 'issued notice');
  // A stale form (the version before issue) changes nothing and says why.
  const stale = await clerk.client.submit(out, { version: '1', note: 'x' }, `${out}/huy-so`);
  assert.equal(stale.statusCode, 409);

  html = (await specialist.client.get(url)).body;
  assert.equal((await specialist.client.submit(url, { version: version(html), note: `Đã trả lời bằng văn bản ${number}`, close: '1' }, `${url}/tien-do`)).statusCode, 303);

  const month = `tu=${today.slice(0, 8)}01&den=${today}`;
  const bookOut = await clerk.client.get(`/van-ban/so-di?${month}`);
  assert.ok(bookOut.body.includes(number!));
  const bookIn = await clerk.client.get(`/van-ban/so-den?${month}`);
  assert.match(bookIn.body, /512\/STP-HCTP/);
  assert.match(bookIn.body, /Cán bộ cv\.pages/);
  const pdf = await clerk.client.get(`/van-ban/so-di.pdf?${month}`);
  assert.match(pdfText(pdf.rawPayload), /SỔ ĐĂNG KÝ VĂN BẢN ĐI/);
  const xlsx = await clerk.client.get(`/van-ban/so-den.xlsx?${month}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
  assert.ok(cells.some((c) => c.includes('512/STP-HCTP')));

  const search = await specialist.client.get('/van-ban/tim-kiem?q=ra%20soat%20ho%20tich');
  assert.match(search.body, /rà soát hộ tịch năm 2026/);
  // The report sums per unit (the lead handler's department in the staff directory) and lists each person.
  await addDirectoryEntry(app.database.db, { agencyId: specialist.user.agencyId, accountId: specialist.user.id, fullName: 'Cán bộ cv.pages', email: 'cv.pages@hanoi.gov.vn', department: 'Phòng Văn hóa – Xã hội' });
  const report = await leader.client.get(`/van-ban/bao-cao?${month}`);
  assert.match(report.body, /Cán bộ cv\.pages/);
  const unitRow = /<caption>Theo đơn vị,[^<]*<\/caption>.*?<tbody>(.*?)<\/tbody>/s.exec(report.body)?.[1] ?? '';
  const cellsOf = (row: string) => [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
  assert.deepEqual(cellsOf(unitRow), ['Phòng Văn hóa – Xã hội', '1', '1', '0', '0', '0'], 'one unit, one lead handler, one letter closed on time');
  const personRow = /<caption>Theo người chủ trì,[^<]*<\/caption>.*?<tbody>(.*?)<\/tbody>/s.exec(report.body)?.[1] ?? '';
  assert.deepEqual(cellsOf(personRow), ['Cán bộ cv.pages', 'Phòng Văn hóa – Xã hội', '1', '0', '0', '0']);
  // A period longer than a year is refused with a clear message.
  assert.equal((await clerk.client.get('/van-ban/so-di?tu=2020-01-01&den=2026-01-01')).statusCode, 400);
});
