// What an official document is (DOMAIN §7, Decree 30/2020/NĐ-CP): its 29 types with their abbreviations (Appendix III),
// urgency and confidentiality marks, and the rows of the outgoing and incoming registers (Appendix IV). One source for
// every label: pages, registers, exports and edXML packets all read them from here.

/** Decree 30/2020 Appendix III: the types of administrative documents and their abbreviations. `CV` is the official
 *  letter (công văn), which has no abbreviation in its notation (`125/UBND-VP`). */
export const DOCUMENT_TYPES = [
  { code: 'NQ', vi: 'Nghị quyết', en: 'Resolution' },
  { code: 'QĐ', vi: 'Quyết định', en: 'Decision' },
  { code: 'CT', vi: 'Chỉ thị', en: 'Directive' },
  { code: 'QC', vi: 'Quy chế', en: 'Regulation' },
  { code: 'QyĐ', vi: 'Quy định', en: 'Rules' },
  { code: 'TC', vi: 'Thông cáo', en: 'Communiqué' },
  { code: 'TB', vi: 'Thông báo', en: 'Notice' },
  { code: 'HD', vi: 'Hướng dẫn', en: 'Guidance' },
  { code: 'CTr', vi: 'Chương trình', en: 'Programme' },
  { code: 'KH', vi: 'Kế hoạch', en: 'Plan' },
  { code: 'PA', vi: 'Phương án', en: 'Scheme' },
  { code: 'ĐA', vi: 'Đề án', en: 'Proposal' },
  { code: 'DA', vi: 'Dự án', en: 'Project' },
  { code: 'BC', vi: 'Báo cáo', en: 'Report' },
  { code: 'BB', vi: 'Biên bản', en: 'Minutes' },
  { code: 'TTr', vi: 'Tờ trình', en: 'Submission' },
  { code: 'HĐ', vi: 'Hợp đồng', en: 'Contract' },
  { code: 'CĐ', vi: 'Công điện', en: 'Official telegram' },
  { code: 'BGN', vi: 'Bản ghi nhớ', en: 'Memorandum' },
  { code: 'BTT', vi: 'Bản thỏa thuận', en: 'Agreement' },
  { code: 'GUQ', vi: 'Giấy ủy quyền', en: 'Power of attorney' },
  { code: 'GM', vi: 'Giấy mời', en: 'Invitation' },
  { code: 'GGT', vi: 'Giấy giới thiệu', en: 'Letter of introduction' },
  { code: 'GNP', vi: 'Giấy nghỉ phép', en: 'Leave permit' },
  { code: 'PG', vi: 'Phiếu gửi', en: 'Dispatch slip' },
  { code: 'PC', vi: 'Phiếu chuyển', en: 'Transfer slip' },
  { code: 'PB', vi: 'Phiếu báo', en: 'Notification slip' },
  { code: 'SY', vi: 'Bản sao y', en: 'Certified copy' },
  { code: 'TrS', vi: 'Bản trích sao', en: 'Extract copy' },
  { code: 'SL', vi: 'Bản sao lục', en: 'Transcribed copy' },
  { code: 'CV', vi: 'Công văn', en: 'Official letter' },
] as const;
export type DocumentTypeCode = (typeof DOCUMENT_TYPES)[number]['code'];
export const OFFICIAL_LETTER: DocumentTypeCode = 'CV';

export function documentType(code: string): (typeof DOCUMENT_TYPES)[number] | undefined {
  return DOCUMENT_TYPES.find((t) => t.code === code);
}

/** Urgency (Decree 30 Art. 15): marked documents are registered and handled at once. */
export const URGENCIES = {
  normal: { vi: 'Thường', en: 'Normal' },
  urgent: { vi: 'Khẩn', en: 'Urgent' },
  very_urgent: { vi: 'Thượng khẩn', en: 'Very urgent' },
  flash: { vi: 'Hỏa tốc', en: 'Flash' },
} as const;
export type Urgency = keyof typeof URGENCIES;

/** Confidentiality: a confidential document is seen only by the people named on it. */
export const SECRECY = {
  normal: { vi: 'Thường', en: 'Not confidential' },
  confidential: { vi: 'Mật', en: 'Confidential' },
} as const;
export type Secrecy = keyof typeof SECRECY;

/** One line of the outgoing register (sổ đăng ký văn bản đi, Decree 30 Appendix IV). */
export interface OutgoingRegisterRow {
  /** `05/QĐ-UBND` */
  numberNotation: string;
  /** ISO date of issue, `2026-03-05`. */
  issuedOn: string;
  typeName: string;
  summary: string;
  signer: string;
  recipients: string;
  /** The unit or person who keeps the file copy. */
  fileCopyHolder: string;
  copies: number;
  /** ISO date the document went out, or '' */
  transferredOn: string;
  /** Who signed for it on receipt (name), or '' */
  receivedBy: string;
  notes: string;
}

/** One line of the incoming register (sổ đăng ký văn bản đến, Decree 30 Appendix IV). */
export interface IncomingRegisterRow {
  /** ISO date of arrival. */
  arrivedOn: string;
  arrivalNumber: number;
  /** The issuing agency. */
  author: string;
  numberNotation: string;
  /** ISO date on the document. */
  documentDate: string;
  typeName: string;
  summary: string;
  /** The lead unit or person it was assigned to, or '' */
  receiver: string;
  transferredOn: string;
  receivedBy: string;
  notes: string;
}
