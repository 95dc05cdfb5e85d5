// The columns of the outgoing and incoming registers, in the order of Decree 30/2020 Appendix IV, shared by the
// printed register and its spreadsheet so that both always say the same thing, and the register's heading.
import type { IncomingRegisterRow, OutgoingRegisterRow } from '../types.ts';
import { dmy } from './common.ts';

export type RegisterValue = { kind: 'text'; text: string } | { kind: 'date'; iso: string } | { kind: 'number'; n: number };

export interface RegisterColumn<R> {
  header: string;
  /** Relative width in the PDF; characters in the spreadsheet. */
  width: number;
  /** Dates and numbers are centred in their cells. */
  center?: true;
  value: (r: R) => RegisterValue;
}

const text = (t: string): RegisterValue => ({ kind: 'text', text: t });
const date = (iso: string): RegisterValue => ({ kind: 'date', iso });
const num = (n: number): RegisterValue => ({ kind: 'number', n });

/** "Quyết định về việc …": the type's name, then the summary. */
export function typeAndSummary(r: { typeName: string; summary: string }): string {
  return [r.typeName.trim(), r.summary.trim()].filter(Boolean).join(' ');
}

export const OUTGOING_COLUMNS: readonly RegisterColumn<OutgoingRegisterRow>[] = [
  { header: 'Số, ký hiệu văn bản', width: 13, value: (r) => text(r.numberNotation) },
  { header: 'Ngày tháng văn bản', width: 9, center: true, value: (r) => date(r.issuedOn) },
  { header: 'Tên loại và trích yếu nội dung văn bản', width: 29, value: (r) => text(typeAndSummary(r)) },
  { header: 'Người ký', width: 11, value: (r) => text(r.signer) },
  { header: 'Nơi nhận văn bản', width: 17, value: (r) => text(r.recipients) },
  { header: 'Đơn vị, người nhận bản lưu', width: 11, value: (r) => text(r.fileCopyHolder) },
  { header: 'Số lượng bản', width: 6, center: true, value: (r) => num(r.copies) },
  { header: 'Ngày chuyển', width: 9, center: true, value: (r) => date(r.transferredOn) },
  { header: 'Ký nhận', width: 9, value: (r) => text(r.receivedBy) },
  { header: 'Ghi chú', width: 9, value: (r) => text(r.notes) },
];

export const INCOMING_COLUMNS: readonly RegisterColumn<IncomingRegisterRow>[] = [
  { header: 'Ngày đến', width: 9, center: true, value: (r) => date(r.arrivedOn) },
  { header: 'Số đến', width: 6, center: true, value: (r) => num(r.arrivalNumber) },
  { header: 'Tác giả', width: 14, value: (r) => text(r.author) },
  { header: 'Số, ký hiệu', width: 12, value: (r) => text(r.numberNotation) },
  { header: 'Ngày tháng', width: 9, center: true, value: (r) => date(r.documentDate) },
  { header: 'Tên loại và trích yếu nội dung', width: 29, value: (r) => text(typeAndSummary(r)) },
  { header: 'Đơn vị hoặc người nhận', width: 13, value: (r) => text(r.receiver) },
  { header: 'Ngày chuyển', width: 9, center: true, value: (r) => date(r.transferredOn) },
  { header: 'Ký nhận', width: 9, value: (r) => text(r.receivedBy) },
  { header: 'Ghi chú', width: 9, value: (r) => text(r.notes) },
];

/** A cell as printed: dates dd/mm/yyyy, numbers as digits. */
export function cellText(v: RegisterValue): string {
  return v.kind === 'text' ? v.text : v.kind === 'date' ? dmy(v.iso) : String(v.n);
}

export interface RegisterMeta {
  agencyName: string;
  parentAgencyName?: string;
  /** ISO days, first and last of the period. */
  from: string;
  to: string;
  printedAt: Date;
}

export const OUTGOING_TITLE = 'SỔ ĐĂNG KÝ VĂN BẢN ĐI';
export const INCOMING_TITLE = 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN';

/** Từ ngày 01/01/2026 đến ngày 31/03/2026 */
export function periodText(m: Pick<RegisterMeta, 'from' | 'to'>): string {
  return `Từ ngày ${dmy(m.from) || '…'} đến ngày ${dmy(m.to) || '…'}`;
}
