import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { handlingSlipPdf, officialDocumentPdf, sealPng, type HandlingSlip, type OfficialDocument } from './index.ts';
import { letterSubject, recipientLines } from './document-pdf.ts';
import { pdfInfo, pdfPages, pdfText } from './test-helpers.ts';

const A4_PORTRAIT = /^595\.2\d+ x 841\.89 pts \(A4\)/;

const LETTER: OfficialDocument = {
  parentAgencyName: 'UBND Thành phố Hà Nội',
  agencyName: 'Ủy ban nhân dân Phường Hoàn Kiếm',
  numberNotation: '125/UBND-VP',
  place: 'Hoàn Kiếm',
  date: '2026-01-05',
  typeCode: 'CV',
  summary: 'triển khai kế hoạch cải cách hành chính năm 2026',
  body: 'Kính gửi: Các phòng, ban chuyên môn thuộc Ủy ban nhân dân phường.\n\nThực hiện Kế hoạch số 12/KH-UBND của Ủy ban nhân dân Thành phố,\nỦy ban nhân dân phường đề nghị các phòng, ban rà soát thủ tục hành chính.\n\nTrân trọng./.',
  recipients: ['Như trên', 'Chủ tịch UBND phường (để b/c);', 'Lưu: VT, VP(2)'],
  signer: { competence: 'KT. Chủ tịch', position: 'Phó Chủ tịch', fullName: 'Nguyễn Văn Ánh' },
  urgency: 'urgent',
};

test('recipients end in ";" and the file copy last with "."; a công văn summary reads "V/v …"', () => {
  assert.deepEqual(recipientLines(['Như trên', '- Sở Nội vụ;', 'Lưu: VT, VP(2).']), ['- Như trên;', '- Sở Nội vụ;', '- Lưu: VT, VP(2).']);
  assert.deepEqual(recipientLines(['Sở Nội vụ']), ['- Sở Nội vụ;', '- Lưu: VT.']);
  assert.equal(letterSubject('triển khai kế hoạch'), 'V/v triển khai kế hoạch');
  assert.equal(letterSubject('v/v triển khai'), 'V/v triển khai');
});

test('a công văn: national heading, number, "V/v" under it, no type heading, urgency box, body, Nơi nhận, signer', async () => {
  const pdf = await officialDocumentPdf(LETTER);
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.match(pdfInfo(pdf).size, A4_PORTRAIT);
  const text = pdfText(pdf);
  for (const s of [
    'ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM',
    'UBND THÀNH PHỐ HÀ NỘI',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Số: 125/UBND-VP',
    'V/v triển khai kế hoạch cải cách hành chính năm 2026',
    'Hoàn Kiếm, ngày 05 tháng 01 năm 2026',
    'KHẨN',
    'Thực hiện Kế hoạch số 12/KH-UBND của Ủy ban nhân dân Thành phố, Ủy ban nhân dân phường đề nghị',
    'Nơi nhận:',
    '- Như trên;',
    '- Chủ tịch UBND phường (để b/c);',
    '- Lưu: VT, VP(2).',
    'KT. CHỦ TỊCH',
    'PHÓ CHỦ TỊCH',
    'Nguyễn Văn Ánh',
  ])
    assert.ok(text.includes(s), `has "${s}"`);
  assert.doesNotMatch(text, /CÔNG VĂN/);
  assert.doesNotMatch(text, /MẬT/);
});

test('a quyết định: type name heading, bold summary, unnumbered and undated blanks, confidential mark', async () => {
  const pdf = await officialDocumentPdf({
    ...LETTER,
    typeCode: 'QĐ',
    numberNotation: null,
    date: null,
    summary: 'Về việc ban hành Quy chế làm việc của Ủy ban nhân dân phường',
    urgency: 'normal',
    secrecy: 'confidential',
    recipients: ['Sở Nội vụ'],
  });
  assert.match(pdfInfo(pdf).size, A4_PORTRAIT);
  const text = pdfText(pdf);
  assert.match(text, /QUYẾT ĐỊNH Về việc ban hành Quy chế làm việc của Ủy ban nhân dân phường/);
  assert.match(text, /Số: \/…/);
  assert.match(text, /Hoàn Kiếm, ngày tháng năm/);
  assert.match(text, /MẬT/);
  assert.doesNotMatch(text, /V\/v/);
  assert.doesNotMatch(text, /KHẨN/);
  assert.match(text, /- Sở Nội vụ; - Lưu: VT\./);
});

test('a long document runs onto more pages, numbered from the second; dates keep Decree 30 zeros', async () => {
  const body = Array.from({ length: 30 }, (_, i) => `Điều ${i + 1}. Ủy ban nhân dân phường giao các phòng, ban chuyên môn tổ chức thực hiện nghiêm túc, hiệu quả các nhiệm vụ cải cách hành chính, bảo đảm đúng tiến độ.`).join('\n\n');
  const pdf = await officialDocumentPdf({ ...LETTER, typeCode: 'KH', date: '2026-11-15', body });
  const pages = pdfPages(pdf);
  assert.ok(pages.length >= 2);
  assert.match(pages[1] ?? '', /^\s*2\s*$/m);
  assert.match(pdfText(pdf), /ngày 15 tháng 11 năm 2026/);
  assert.match(pdfText(pdf), /KẾ HOẠCH/);
});

test('the seal: a transparent 600 px PNG, red ring and star; drawn on a signed document with the signature info', async () => {
  const seal = await sealPng('Ủy ban nhân dân Phường Hoàn Kiếm', 'Thành phố Hà Nội');
  const meta = await sharp(seal).metadata();
  assert.equal(meta.format, 'png');
  assert.equal(meta.width, 600);
  assert.equal(meta.height, 600);
  assert.equal(meta.hasAlpha, true);
  const { data, info } = await sharp(seal).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const px = (x: number, y: number): number[] => Array.from(data.subarray((y * info.width + x) * 4, (y * info.width + x) * 4 + 4));
  assert.equal(px(5, 5)[3], 0, 'the corner is transparent');
  const [r, g, b, a] = px(300, 300);
  assert.ok((r ?? 0) > 180 && (g ?? 255) < 90 && (b ?? 255) < 90 && a === 255, `the centre star is red: ${px(300, 300).join(',')}`);
  // Letters were drawn: the ring band has many red pixels.
  let inked = 0;
  for (let x = 0; x < 600; x++) for (let y = 30; y < 90; y++) if ((px(x, y)[3] ?? 0) > 128) inked++;
  assert.ok(inked > 2000, `ring text inked ${inked} px`);

  const signed = await officialDocumentPdf({ ...LETTER, sealImage: seal, signedBy: { agencyName: 'Ủy ban nhân dân Phường Hoàn Kiếm', at: new Date('2026-01-05T02:30:15Z') } });
  const text = pdfText(signed);
  assert.match(text, /Ký bởi: Ủy ban nhân dân Phường Hoàn Kiếm/);
  assert.match(text, /Thời gian ký: 2026-01-05T09:30:15\+07:00/);
  assert.match(signed.toString('latin1'), /\/Subtype \/Image/);
  assert.doesNotMatch((await officialDocumentPdf(LETTER)).toString('latin1'), /\/Subtype \/Image/, 'no seal before signing');
});

const SLIP: HandlingSlip = {
  agencyName: 'Ủy ban nhân dân Phường Hoàn Kiếm',
  parentAgencyName: 'UBND Thành phố Hà Nội',
  arrivalNumber: 1234,
  arrivedOn: '2026-03-05T01:30:00Z',
  author: 'Sở Nội vụ Thành phố Hà Nội',
  numberNotation: '45/SNV-CCVC',
  documentDate: '2026-03-03',
  summary: 'V/v báo cáo tình hình thực hiện cải cách hành chính quý I năm 2026',
  urgency: 'very_urgent',
  leaderInstruction: 'Giao Văn phòng chủ trì, phối hợp với Phòng Văn hóa - Xã hội tham mưu báo cáo.',
  leaderName: 'Trần Thị Bình',
  assignedAt: '2026-03-05T03:00:00Z',
  lead: 'Văn phòng HĐND và UBND',
  coHandling: ['Phòng Văn hóa - Xã hội', 'Phòng Kinh tế'],
  deadline: '2026-03-15',
  progress: [{ at: '2026-03-06T02:00:00Z', who: 'Văn phòng', note: 'Đã dự thảo báo cáo, gửi xin ý kiến các phòng.' }],
};

test('the handling slip: A4 portrait, particulars, the leader instruction signed and dated, progress, deadline', async () => {
  const pdf = await handlingSlipPdf(SLIP);
  assert.match(pdfInfo(pdf).size, A4_PORTRAIT);
  const text = pdfText(pdf);
  for (const s of [
    'ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM',
    'PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN',
    'Số đến: 1234',
    'Ngày đến: 05/03/2026 08:30',
    'Tác giả (cơ quan ban hành): Sở Nội vụ Thành phố Hà Nội',
    'Số, ký hiệu văn bản: 45/SNV-CCVC',
    'Ngày tháng văn bản: 03/03/2026',
    'Mức độ khẩn: THƯỢNG KHẨN',
    'Ý kiến của lãnh đạo cơ quan, tổ chức:',
    'Giao Văn phòng chủ trì, phối hợp với Phòng Văn hóa - Xã hội tham mưu báo cáo.',
    'Đơn vị, người phối hợp: Phòng Văn hóa - Xã hội; Phòng Kinh tế',
    'Thời hạn giải quyết: 15/03/2026',
    'Ngày 05 tháng 3 năm 2026',
    'Trần Thị Bình',
    '06/03/2026 09:00',
    'Đã dự thảo báo cáo, gửi xin ý kiến các phòng.',
  ])
    assert.ok(text.includes(s), `has "${s}"`);
  assert.doesNotMatch(pdf.toString('latin1'), /\/Subtype \/Image/, 'no QR without a verify URL');

  const withQr = await handlingSlipPdf({ ...SLIP, verifyUrl: 'https://egov.example.vn/vb/den/1234', deadline: null, progress: [], urgency: 'normal' });
  assert.match(withQr.toString('latin1'), /\/Subtype \/Image/);
  const t2 = pdfText(withQr);
  assert.match(t2, /Thời hạn giải quyết: Không quy định/);
  assert.doesNotMatch(t2, /Mức độ khẩn/);
});
