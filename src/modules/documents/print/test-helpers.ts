// What the print tests share: the PDF's text and page size by poppler-utils (pdftotext, pdfinfo), and sample rows.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingRegisterRow, OutgoingRegisterRow } from '../types.ts';

/** Runs a poppler tool on the PDF written to a temporary file, removed afterwards. */
function poppler(tool: string, args: string[], pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'egov-docprint-'));
  try {
    const file = join(dir, 'f.pdf');
    writeFileSync(file, pdf);
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page (pdftotext -layout separates pages with a form feed), NFC. */
export function pdfPages(pdf: Buffer): string[] {
  const out = poppler('pdftotext', ['-layout', '-enc', 'UTF-8'], pdf);
  const pages = out.normalize('NFC').split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

/** The whole text in drawing order with whitespace collapsed, so that a phrase wrapped in its cell reads whole. */
export function pdfText(pdf: Buffer): string {
  const out = poppler('pdftotext', ['-raw', '-enc', 'UTF-8'], pdf);
  return out.normalize('NFC').replace(/\s+/g, ' ');
}

export function pdfInfo(pdf: Buffer): { pages: number; size: string } {
  const out = poppler('pdfinfo', [], pdf);
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]), size: /^Page size:\s+(.+)$/m.exec(out)?.[1] ?? '' };
}

export const META = {
  agencyName: 'Ủy ban nhân dân Phường Hoàn Kiếm',
  parentAgencyName: 'Ủy ban nhân dân Thành phố Hà Nội',
  from: '2026-01-01',
  to: '2026-03-31',
  printedAt: new Date('2026-04-01T02:30:00Z'),
};

const LONG = 'về việc phê duyệt kế hoạch cải cách hành chính năm 2026, gồm số hóa hồ sơ, giải quyết thủ tục hành chính trên môi trường điện tử và đo lường sự hài lòng của người dân, tổ chức';

export function outgoingRows(n: number): OutgoingRegisterRow[] {
  return Array.from({ length: n }, (_, i) => ({
    numberNotation: `${i + 1}/QĐ-UBND`,
    issuedOn: `2026-0${1 + (i % 3)}-0${1 + (i % 9)}`,
    typeName: 'Quyết định',
    summary: i % 5 === 0 ? LONG : `về việc khen thưởng tập thể, cá nhân có thành tích lần ${i + 1}`,
    signer: 'Nguyễn Văn Ánh',
    recipients: 'Các phòng, ban chuyên môn; Đảng ủy phường',
    fileCopyHolder: 'Văn phòng HĐND và UBND',
    copies: 2 + (i % 4),
    transferredOn: i % 2 ? '2026-03-06' : '',
    receivedBy: i % 2 ? 'Trần Thị Bình' : '',
    notes: i % 7 === 0 ? 'Bản gốc lưu tại Văn phòng' : '',
  }));
}

export function incomingRows(n: number): IncomingRegisterRow[] {
  return Array.from({ length: n }, (_, i) => ({
    arrivedOn: '2026-02-13',
    arrivalNumber: 101 + i,
    author: 'Sở Nội vụ Thành phố Hà Nội',
    numberNotation: `${45 + i}/SNV-CCVC`,
    documentDate: '2026-02-11',
    typeName: 'Công văn',
    summary: i % 4 === 0 ? LONG : 'V/v báo cáo tình hình thực hiện cải cách hành chính quý I',
    receiver: 'Văn phòng',
    transferredOn: '2026-02-14',
    receivedBy: 'Lê Thị Cúc',
    notes: '',
  }));
}
