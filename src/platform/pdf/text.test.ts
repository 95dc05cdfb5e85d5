// The text of PDFs for search: Vietnamese with its diacritics from a pdfkit PDF (subset fonts with ToUnicode maps),
// bounded in pages and characters, and '' (never an exception) for garbage, truncated and password-locked files.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import PDFDocument from 'pdfkit';
import { createPdf, pdfToBuffer } from './index.ts';
import { pdfText } from './text.ts';

async function pages(texts: string[]): Promise<Buffer> {
  const doc = createPdf({ size: 'A4', title: 'Thử nghiệm' });
  texts.forEach((t, i) => {
    if (i > 0) doc.addPage();
    doc.fontSize(13).text(t);
  });
  return pdfToBuffer(doc);
}

const PHRASE = 'Về việc giải phóng mặt bằng tuyến đường Vành đai 4 — Ủy ban nhân dân phường Đống Đa';

test('a pdfkit PDF gives back its Vietnamese words with their diacritics, NFC, whitespace collapsed', async () => {
  const pdf = await pages([PHRASE, 'Trang hai: Quyết định số 125/QĐ-UBND\n\nngày 02 tháng 3 năm 2026']);
  const before = Buffer.from(pdf);
  const text = await pdfText(pdf);
  assert.ok(text.includes('giải phóng mặt bằng tuyến đường Vành đai 4'), text);
  assert.ok(text.includes('Ủy ban nhân dân phường Đống Đa'), text);
  assert.ok(text.includes('Quyết định số 125/QĐ-UBND'), text);
  assert.equal(text, text.normalize('NFC'));
  assert.doesNotMatch(text, /\s{2,}|^\s|\s$/);
  assert.deepEqual(pdf, before, 'the caller keeps its bytes');
});

test('bounded in pages and characters', async () => {
  const pdf = await pages(['Trang một: hộ tịch', 'Trang hai: đất đai', 'Trang ba: xây dựng']);
  const first = await pdfText(pdf, { maxPages: 1 });
  assert.ok(first.includes('hộ tịch') && !first.includes('đất đai'), first);
  const short = await pdfText(pdf, { maxChars: 10 });
  assert.equal(short, 'Trang một:');
  const long = await pdfText(await pages([`${'Vành đai bốn '.repeat(400)}`]), { maxChars: 1000 });
  assert.ok(long.length <= 1000 && long.length > 900, String(long.length));
});

test('garbage, truncated, empty and password-locked input give "" and never throw', async () => {
  const pdf = await pages([PHRASE]);
  assert.equal(await pdfText(Buffer.alloc(0)), '');
  assert.equal(await pdfText(Buffer.from('not a pdf at all, just words')), '');
  assert.equal(await pdfText(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))), '');
  assert.equal(await pdfText(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0x41)])), '');
  assert.equal(await pdfText(pdf.subarray(0, Math.floor(pdf.length / 3))), '');
  const locked = new PDFDocument({ userPassword: 'matkhau', ownerPassword: 'chu' });
  locked.text('Secret');
  assert.equal(await pdfText(await pdfToBuffer(locked)), '');
});

test('bounded in time: a deadline already passed gives what was read by then, without throwing', async () => {
  const pdf = await pages(Array.from({ length: 20 }, (_, i) => `Trang ${i + 1}: ${PHRASE}`));
  const text = await pdfText(pdf, { timeoutMs: 0 });
  assert.ok(!text.includes('Trang 20'), text.slice(0, 200));
  const started = performance.now();
  const all = await pdfText(pdf);
  assert.ok(all.includes('Trang 20'), all.slice(-200));
  assert.ok(performance.now() - started < 5000);
});
