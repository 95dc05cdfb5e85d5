// A procedure the portal publishes as "1" with no unit, whose own steps state the same-day rule (as birth registration
// 1.001193 does): submitted online, it gets its return date on receipt, counted by the calendar (the same working
// day, the next one after 15:00), and Form 01 prints the date and the rule, never a bare "1".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testApp, type TestApp } from '../../testing/app.ts';
import { importCatalogue } from '../procedures/index.ts';
import { submitDossier } from './index.ts';
import { answersFor, prepareDossierTests, registerCitizen, TINY, type TestCitizen } from './testing.ts';

const SAME_DAY = '1.999051';
let app: TestApp;
let citizen: TestCitizen;
before(async () => {
  app = await testApp();
  await prepareDossierTests(app);
  citizen = await registerCitizen(app, 31);
  const report = await importCatalogue(
    app.database.db,
    [
      {
        line: 1,
        data: {
          ma_thu_tuc: SAME_DAY,
          ten_thu_tuc: 'Cấp giấy xác nhận trong ngày thử nghiệm',
          co_quan_ban_hanh: 'Ủy ban nhân dân Thành phố Hà Nội',
          linh_vuc: 'Thử nghiệm',
          cap_thuc_hien: 'Cấp xã',
          kenh_nop: 'Trực tiếp; Trực tuyến',
          co_nop_truc_tuyen: true,
          thoi_han_giai_quyet: '1',
          trinh_tu_thuc_hien:
            'Bước 1: Nộp hồ sơ. Bước 2: Ngay sau khi nhận đủ giấy tờ, công chức cấp giấy xác nhận ngay trong ngày; trường hợp nhận hồ sơ sau 15 giờ mà không giải quyết được ngay thì trả kết quả trong ngày làm việc tiếp theo.',
          phi_le_phi: 'Miễn phí',
          thanh_phan_ho_so: 'Tờ khai1 bản chính',
        },
      },
    ],
    { effectiveFrom: '2025-01-01', source: 'test', actor: { id: null, label: 'test' } },
  );
  assert.equal(report.failed.length, 0);
});
after(async () => {
  await app.close();
});

async function submitAt(now: Date) {
  const { dossier } = await submitDossier(
    app.platform,
    citizen.user,
    { procedureCode: SAME_DAY, agencyCode: '000.00.20.H26', form: answersFor(citizen), files: [{ docKey: 'doc1', filename: 'to-khai.pdf', content: TINY.pdf }] },
    { via: 'web', now },
  );
  return dossier;
}

test('submitted online: due the same working day before 15:00, the next working day after, with no officer', async () => {
  const morning = await submitAt(new Date('2026-03-02T10:00:00+07:00')); // Monday
  assert.equal(morning.dueDate, '2026-03-02');
  const late = await submitAt(new Date('2026-03-13T15:30:00+07:00')); // Friday after 15:00
  assert.equal(late.dueDate, '2026-03-16');
  const tet = await submitAt(new Date('2026-02-13T16:00:00+07:00')); // the last afternoon before the Tết break
  assert.equal(tet.dueDate, '2026-02-23');
});

test('Form 01 prints the return date and the same-day rule, never a bare "1"', async () => {
  const d = await submitAt(new Date('2026-03-02T09:00:00+07:00'));
  const receipt = await citizen.client.get(`/ho-so/${encodeURIComponent(d.code)}/bien-nhan`);
  assert.equal(receipt.statusCode, 200);
  assert.match(receipt.body, /<strong>02\/03\/2026<\/strong>/);
  const pdf = await citizen.client.get(`/ho-so/${encodeURIComponent(d.code)}/mau-01.pdf`);
  assert.equal(pdf.statusCode, 200);
  if (!existsSync('/usr/bin/pdftotext')) return;
  const dir = mkdtempSync(join(tmpdir(), 'egov-same-day-'));
  writeFileSync(join(dir, 'f.pdf'), pdf.rawPayload);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'f.pdf'), '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
  assert.match(text, /hẹn trả\): ngày 02\/03\/2026/);
  assert.match(text, /3\. Thời gian giải quyết hồ sơ theo quy định: Trong ngày làm việc; nhận hồ sơ sau 15 giờ/);
  assert.doesNotMatch(text, /quy định: 1\b|không rõ đơn vị/);
});
