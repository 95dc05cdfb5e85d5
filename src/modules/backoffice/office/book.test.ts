import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../../testing/app.ts';
import { vietnamDateOf } from '../../../platform/calendar/index.ts';
import { FORM06_HEADER_ROW, FORM06_SHEET } from '../forms/index.ts';
import type { TestCitizen } from '../../dossiers/testing.ts';
import { prepareWorkflowTests, submitted, type Staff } from '../workflow/testing.ts';
import { BOOK_MAX_ROWS } from './book.ts';
import { act, officerClient } from './testing.ts';

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

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function codesIn(xlsx: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(xlsx).buffer);
  const ws = wb.getWorksheet(FORM06_SHEET);
  assert.ok(ws);
  const out: string[] = [];
  for (let r = FORM06_HEADER_ROW + 1; r <= ws.rowCount; r++) out.push(String(ws.getRow(r).getCell(2).value));
  return out;
}

test('the tracking book of the officer’s agency downloads as PDF and XLSX, with every dossier it received in the period', async () => {
  const accepted = await submitted(app, citizen);
  const waiting = await submitted(app, citizen);
  const elsewhere = await submitted(app, citizen, { agency: '000.05.51.H26' });
  const officer = await officerClient(app, s.hkOfficer);
  assert.equal((await act(officer, accepted, 'accept')).statusCode, 303);
  const today = vietnamDateOf(new Date());

  const page = await officer.get('/mot-cua/so-theo-doi');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Kỳ này có \d+ hồ sơ\./);
  assert.match(page.body, /name="format" value="xlsx"/);

  const pdf = await officer.get(`/mot-cua/so-theo-doi?from=${today}&to=${today}&format=pdf`);
  assert.equal(pdf.statusCode, 200, pdf.body.slice(0, 800));
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');

  const xlsx = await officer.get(`/mot-cua/so-theo-doi?from=${today}&to=${today}&format=xlsx`);
  assert.equal(xlsx.statusCode, 200);
  assert.equal(xlsx.headers['content-type'], XLSX);
  assert.match(String(xlsx.headers['content-disposition']), /attachment/);
  const codes = await codesIn(xlsx.rawPayload);
  assert.ok(codes.includes(accepted) && codes.includes(waiting), 'both dossiers of the ward');
  assert.ok(!codes.includes(elsewhere), 'not another ward’s dossier');

  const bad = await officer.get(`/mot-cua/so-theo-doi?from=2026-13-01&to=${today}&format=pdf`);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /id="from-error"/);
  const backwards = await officer.get('/mot-cua/so-theo-doi?from=2026-03-10&to=2026-03-01&format=xlsx');
  assert.equal(backwards.statusCode, 400);

  const specialist = await officerClient(app, s.hkSpecialist);
  assert.equal((await specialist.get(`/mot-cua/so-theo-doi?from=${today}&to=${today}&format=pdf`)).statusCode, 403, 'the one-stop desk and leaders keep the book');
  assert.equal((await citizen.client.get('/mot-cua/so-theo-doi')).statusCode, 403);
});

test('a period with more dossiers than a book holds: the officer is told, and may take the first ones', async () => {
  const code = await submitted(app, citizen);
  // BOOK_MAX_ROWS + 1 dossiers received by the ward on 15 January 2025, copied from a real one.
  await sql`insert into dossiers (code, agency_id, procedure_code, procedure_version, channel, applicant_account_id, applicant, form_data, status,
      received_at, due_at, due_date, fee_total_dong, payment_status, workflow_code, clock_started_at)
    select '000.04.51.H26-250115-' || lpad(g::text, 4, '0'), d.agency_id, d.procedure_code, d.procedure_version, d.channel, d.applicant_account_id,
      d.applicant, d.form_data, d.status, timestamptz '2025-01-15 09:00:00+07' + g * interval '1 second', d.due_at, d.due_date, d.fee_total_dong,
      d.payment_status, d.workflow_code, d.clock_started_at
    from dossiers d, generate_series(1, ${BOOK_MAX_ROWS + 1}) g where d.code = ${code}`.execute(app.database.db);
  const officer = await officerClient(app, s.hkOfficer);
  const warned = await officer.get('/mot-cua/so-theo-doi?from=2025-01-01&to=2025-01-31&format=xlsx');
  assert.equal(warned.statusCode, 200);
  assert.match(warned.headers['content-type'] as string, /text\/html/);
  assert.match(warned.body, /Kỳ này có 5\.001 hồ sơ\./);
  assert.match(warned.body, /Sổ chỉ gồm 5\.000 hồ sơ đầu tiên/);
  const link = /href="(\/mot-cua\/so-theo-doi\?[^"]+gioi-han=1)"/.exec(warned.body)?.[1]?.replaceAll('&amp;', '&');
  assert.ok(link);
  const first = await officer.get(link);
  assert.equal(first.statusCode, 200);
  assert.equal(first.headers['x-book-rows'], `${BOOK_MAX_ROWS}/${BOOK_MAX_ROWS + 1}`);
  const codes = await codesIn(first.rawPayload);
  assert.equal(codes.length, BOOK_MAX_ROWS);
  assert.equal(codes[0], '000.04.51.H26-250115-0001');
});
