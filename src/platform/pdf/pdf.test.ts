import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPdf, drawNationalHeading, drawQrTopLeft, pdfToBuffer } from './index.ts';

test('an A5 paper with Vietnamese text, the national heading and a QR code top-left', async () => {
  const doc = createPdf({ size: 'A5', title: 'Giấy tiếp nhận hồ sơ' });
  await drawQrTopLeft(doc, 'MãHS=000.00.01.H26-260213-0001');
  drawNationalHeading(doc, { agency: 'UBND Phường Hoàn Kiếm', place: 'Hà Nội', date: new Date('2026-02-13T03:00:00Z'), offsetLeft: 65 });
  doc.fontSize(12).font('serifBold').text('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', { align: 'center' });
  doc.font('serif').text('Ông/bà: Nguyễn Thị Ánh — Đăng ký khai sinh — Ủy ban nhân dân');
  const pdf = await pdfToBuffer(doc);
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  // A5 is 148 × 210 mm = 419.53 × 595.28 pt
  assert.match(pdf.toString('latin1'), /\/MediaBox \[0 0 419\.53 595\.28\]/);
  if (!existsSync('/usr/bin/pdftotext')) return; // CI installs poppler-utils; text extraction is checked there
  const dir = mkdtempSync(join(tmpdir(), 'egov-pdf-'));
  writeFileSync(join(dir, 'a.pdf'), pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
  assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  assert.match(text, /Độc lập - Tự do - Hạnh phúc/);
  assert.match(text, /Hà Nội, ngày 13 tháng 02 năm 2026/);
  assert.match(text, /Nguyễn Thị Ánh — Đăng ký khai sinh — Ủy ban nhân dân/);
});
