import { test, before, after, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testApp, type TestApp } from '../../../testing/app.ts';
import { getWorkCalendar } from '../../calendar/index.ts';
import type { TestCitizen } from '../../dossiers/testing.ts';
import { prepareWorkflowTests, row, submitted, type Staff } from '../workflow/testing.ts';
import { act, casePage, officerClient } from './testing.ts';

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

const POPPLER = existsSync('/usr/bin/pdftotext');
/** The PDF's text, whitespace collapsed; undefined without poppler-utils (CI installs it). */
function pdfText(t: TestContext, pdf: Buffer): string | undefined {
  if (!POPPLER) {
    t.diagnostic('pdftotext is not installed: the papers’ text is not checked');
    return undefined;
  }
  const file = join(mkdtempSync(join(tmpdir(), 'egov-office-')), 'p.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
}

function isPdf(res: { statusCode: number; headers: Record<string, unknown>; rawPayload: Buffer }): Buffer {
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
  return res.rawPayload;
}

test('Forms 01, 04 and 05 of an accepted dossier with an apology; Form 04 only once the apology is issued', async (t) => {
  const code = await submitted(app, citizen);
  const officer = await officerClient(app, s.hkOfficer);
  assert.equal((await act(officer, code, 'accept')).statusCode, 303);
  const leader = await officerClient(app, s.hkLeader);
  assert.equal((await leader.get(`${casePage(code)}/mau-04.pdf`)).statusCode, 404, 'no apology yet');
  assert.equal((await leader.get(`${casePage(code)}/mau-02.pdf`)).statusCode, 404, 'no supplement request');
  assert.equal((await leader.get(`${casePage(code)}/mau-06.pdf`)).statusCode, 404, 'Form 06 is the agency’s book, not a dossier’s paper');

  const due = String((await row(app, code)).due);
  const newDate = (await getWorkCalendar(app.platform)).addWorkingDays(due, 2);
  const apology = await act(leader, code, 'apologize', { new_due_date: newDate, comment: 'Cần xác minh thêm thông tin cư trú.' });
  assert.equal(apology.statusCode, 303, apology.body.slice(0, 1500));
  const page = await leader.get(String(apology.headers.location));
  assert.ok(page.body.includes(`href="${casePage(code)}/mau-04.pdf"`), 'the notice links to Form 04');
  assert.match(page.body, /Ngày hẹn ban đầu/, 'the original date is shown beside the new one');

  const text04 = pdfText(t, isPdf(await leader.get(`${casePage(code)}/mau-04.pdf`)));
  const [y, m, d] = newDate.split('-');
  if (text04) {
    assert.ok(text04.includes('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ'));
    assert.ok(text04.includes('Cần xác minh thêm thông tin cư trú.'));
    assert.ok(text04.includes(`ngày ${d} tháng ${m} năm ${y}`), `the new date: ${text04}`);
    assert.ok(text04.includes(code));
  }
  const text01 = pdfText(t, isPdf(await officer.get(`${casePage(code)}/mau-01.pdf`)));
  if (text01) assert.ok(text01.includes('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ') && text01.includes(code));
  const text05 = pdfText(t, isPdf(await officer.get(`${casePage(code)}/mau-05.pdf`)));
  if (text05) {
    assert.ok(text05.includes('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ'));
    assert.ok(text05.includes('Bộ phận Tiếp nhận và Trả kết quả'), 'the hand-over from the one-stop desk');
    assert.ok(text05.includes(s.hkOfficer.displayName), 'who handed it over');
  }
});

test('Form 03 of a refused dossier carries the reason; Form 02 lists the items asked', async (t) => {
  const refused = await submitted(app, citizen);
  const officer = await officerClient(app, s.hkOfficer);
  assert.equal((await act(officer, refused, 'refuse', { comment: 'Hồ sơ không thuộc thẩm quyền giải quyết của phường.', confirm: 'yes' })).statusCode, 303);
  const text03 = pdfText(t, isPdf(await officer.get(`${casePage(refused)}/mau-03.pdf`)));
  if (text03) {
    assert.ok(text03.includes('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ'));
    assert.ok(text03.includes('Hồ sơ không thuộc thẩm quyền giải quyết của phường.'));
  }
  assert.equal((await officer.get(`${casePage(refused)}/mau-02.pdf`)).statusCode, 404);

  const asked = await submitted(app, citizen);
  assert.equal((await act(officer, asked, 'request_supplement_receipt', { items: '1. Bản sao giấy khai sinh\n2. Ảnh 4x6 chụp trong 6 tháng' })).statusCode, 303);
  const text02 = pdfText(t, isPdf(await officer.get(`${casePage(asked)}/mau-02.pdf`)));
  if (text02) {
    assert.ok(text02.includes('1. Bản sao giấy khai sinh'), text02);
    assert.ok(text02.includes('2. Ảnh 4x6 chụp trong 6 tháng'));
  }
});
