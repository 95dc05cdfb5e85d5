// Texts of work files (hồ sơ công việc, Decree 30/2020 Chapter IV): field labels (also naming fields in errors), field
// errors, the errors of the service, and the pages' titles, captions and buttons. One source for the pages, the
// service and the exports.
import { defineErrors } from '../../platform/http/errors.ts';
import type { Text } from '../../platform/web/i18n.ts';

export const WF_FIELDS = {
  code: { vi: 'Mã hồ sơ', en: 'File code' },
  title: { vi: 'Tiêu đề hồ sơ', en: 'File title' },
  retention: { vi: 'Thời hạn bảo quản', en: 'Retention period' },
  openedOn: { vi: 'Ngày mở hồ sơ', en: 'Opened on' },
  closedOn: { vi: 'Ngày kết thúc hồ sơ', en: 'Closed on' },
  keeper: { vi: 'Người lập, giữ hồ sơ', en: 'Keeper of the file' },
  notes: { vi: 'Ghi chú', en: 'Notes' },
  document: { vi: 'Văn bản cần đưa vào hồ sơ', en: 'Document to add' },
  query: { vi: 'Tìm theo mã hoặc tiêu đề hồ sơ', en: 'Search by file code or title' },
} as const satisfies Record<string, Text>;

export type WorkFileField = keyof typeof WF_FIELDS;

export const wfErrors = {
  missing: (n: Text): Text => ({ vi: `${n.vi} là bắt buộc.`, en: `${n.en} is required.` }),
  tooLong: (n: Text, max: number): Text => ({ vi: `${n.vi} không được dài quá ${max} ký tự.`, en: `${n.en} must be at most ${max} characters long.` }),
  date: (n: Text): Text => ({ vi: `${n.vi} phải là một ngày có thật, dạng ngày/tháng/năm.`, en: `${n.en} must be a real date (day/month/year).` }),
  future: (n: Text): Text => ({ vi: `${n.vi} không được sau ngày hôm nay.`, en: `${n.en} cannot be later than today.` }),
  code: {
    vi: 'Mã hồ sơ chỉ gồm chữ, số và các dấu . - / _ (ví dụ 2026.VP.01), bắt đầu bằng chữ hoặc số.',
    en: 'A file code has only letters, digits and . - / _ (e.g. 2026.VP.01) and starts with a letter or a digit.',
  },
  codeTaken: { vi: 'Cơ quan đã có hồ sơ mang mã này. Vui lòng chọn mã khác.', en: 'The agency already has a file with this code. Please choose another code.' },
  retention: {
    vi: 'Thời hạn bảo quản là “Vĩnh viễn” hoặc một số năm từ 1 đến 70.',
    en: 'The retention period is “Permanent” or a number of years from 1 to 70.',
  },
  keeper: { vi: 'Vui lòng chọn một cán bộ của cơ quan mình.', en: 'Please choose a member of the agency’s own staff.' },
  closedBeforeOpened: { vi: 'Ngày kết thúc không được trước ngày mở hồ sơ.', en: 'The closing day cannot be before the day the file was opened.' },
  openedAfterDocuments: {
    vi: 'Ngày mở hồ sơ không được sau ngày của văn bản đã có trong hồ sơ.',
    en: 'The file cannot be opened later than the date of a document already in it.',
  },
  reference: {
    vi: 'Nhập mã văn bản (ví dụ 123), số và ký hiệu (ví dụ 125/UBND-VP) hoặc số đến (ví dụ “đến 37”, “đến 37/2026”).',
    en: 'Enter the document’s id (e.g. 123), its number and notation (e.g. 125/UBND-VP) or its arrival number (e.g. “đến 37”, “đến 37/2026”).',
  },
  documentNotFound: {
    vi: 'Không tìm thấy văn bản này trong cơ quan, hoặc bạn không có quyền xem văn bản.',
    en: 'No such document in the agency, or you may not see it.',
  },
  ambiguous: (n: number): Text => ({
    vi: `Có ${n} văn bản cùng số, ký hiệu này. Vui lòng nhập mã văn bản (số cuối trong địa chỉ trang văn bản, /van-ban/…).`,
    en: `${n} documents have this number and notation. Please enter the document’s id (the number at the end of its page’s address, /van-ban/…).`,
  }),
  draft: { vi: 'Dự thảo chưa ban hành thì chưa đưa vào hồ sơ được.', en: 'A draft that has not been issued cannot go into a file yet.' },
  already: { vi: 'Văn bản này đã có trong hồ sơ.', en: 'This document is in the file already.' },
  closed: { vi: 'Hồ sơ đã kết thúc nên không thay đổi được nữa.', en: 'The file is closed and can no longer be changed.' },
  tooLarge: (pages: number, mb: number): { vi: string; en: string } => ({
    vi: `Hồ sơ quá lớn để xuất thành một tệp PDF kèm văn bản (tối đa ${pages.toLocaleString('vi-VN')} trang và ${mb} MB tệp). Vui lòng mở từng văn bản từ trang của hồ sơ, hoặc tải dữ liệu hồ sơ dạng XML.`,
    en: `The file is too large to export with its documents as one PDF (at most ${pages.toLocaleString('en-US')} pages and ${mb} MB of files). Please open the documents one by one from the file’s page, or download the file’s metadata as XML.`,
  }),
} as const;

export const WorkFileErrors = defineErrors({
  INVALID: { status: 400, vi: 'Thông tin hồ sơ chưa hợp lệ. Vui lòng sửa các trường được nêu.', en: 'The file details are not valid. Please correct the fields listed.' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy hồ sơ, hoặc bạn không có quyền xem hồ sơ này.', en: 'The work file was not found, or you may not see it.' },
  NOT_ALLOWED: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này với hồ sơ.', en: 'You may not do this with the work file.' },
  TOO_LARGE: { status: 422, vi: 'Hồ sơ quá lớn để xuất thành một tệp PDF kèm văn bản.', en: 'The file is too large to export with its documents as one PDF.' },
  CLOSED: { status: 409, vi: 'Hồ sơ đã kết thúc nên không thay đổi được nữa; không có gì bị thay đổi.', en: 'The file is closed and can no longer be changed; nothing was changed.' },
});

/** Circular 10/2022/TT-BNV style periods offered in the form (the service takes any number of years from 1 to 70). */
export const RETENTION_CHOICES = ['2', '5', '10', '20', '50', '70', 'permanent'] as const;

export function retentionText(retention: string): Text {
  return retention === 'permanent' ? { vi: 'Vĩnh viễn', en: 'Permanent' } : { vi: `${retention} năm`, en: `${retention} years` };
}

export const wp = {
  listTitle: { vi: 'Hồ sơ công việc', en: 'Work files' },
  intro: {
    vi: 'Văn bản được lập thành hồ sơ theo từng việc, có thời hạn bảo quản (Nghị định 30/2020/NĐ-CP, Chương IV).',
    en: 'Documents are grouped into work files, one per matter, each with a retention period (Decree 30/2020, Chapter IV).',
  },
  newFile: { vi: 'Mở hồ sơ mới', en: 'Open a new file' },
  createButton: { vi: 'Mở hồ sơ', en: 'Open the file' },
  searchButton: { vi: 'Tìm', en: 'Search' },
  empty: { vi: 'Chưa có hồ sơ nào.', en: 'No work files yet.' },
  none: { vi: 'Không có hồ sơ nào khớp.', en: 'No files match.' },
  count: { vi: '{n} hồ sơ', en: '{n} files' },
  colCode: { vi: 'Mã hồ sơ', en: 'Code' },
  colTitle: { vi: 'Tiêu đề', en: 'Title' },
  colPeriod: { vi: 'Thời gian', en: 'Period' },
  colRetention: { vi: 'Thời hạn bảo quản', en: 'Retention' },
  colDocuments: { vi: 'Số văn bản', en: 'Documents' },
  colKeeper: { vi: 'Người giữ', en: 'Keeper' },
  colState: { vi: 'Tình trạng', en: 'State' },
  open: { vi: 'Đang mở', en: 'Open' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
  back: { vi: '← Danh sách hồ sơ', en: '← Work files' },
  documents: { vi: 'Văn bản trong hồ sơ', en: 'Documents in the file' },
  noDocuments: { vi: 'Hồ sơ chưa có văn bản nào.', en: 'The file has no documents yet.' },
  withheld: {
    vi: '{n} văn bản mật trong hồ sơ không được liệt kê vì bạn không có quyền xem.',
    en: '{n} confidential documents in the file are not listed because you may not see them.',
  },
  colNo: { vi: 'STT', en: 'No.' },
  colNumber: { vi: 'Số, ký hiệu', en: 'Number' },
  colDate: { vi: 'Ngày văn bản', en: 'Date' },
  colSummary: { vi: 'Trích yếu', en: 'Summary' },
  colDirection: { vi: 'Đến / đi', en: 'In / out' },
  colPages: { vi: 'Số trang', en: 'Pages' },
  colAction: { vi: 'Thao tác', en: 'Action' },
  direction: { in: { vi: 'Văn bản đến', en: 'Incoming' }, out: { vi: 'Văn bản đi', en: 'Outgoing' } },
  arrival: { vi: 'số đến {n}', en: 'arrival no. {n}' },
  noNumber: { vi: '(chưa có số)', en: '(no number)' },
  addTitle: { vi: 'Đưa văn bản vào hồ sơ', en: 'Add a document to the file' },
  addHint: {
    vi: 'Mã văn bản (ví dụ 123), số và ký hiệu (ví dụ 125/UBND-VP) hoặc số đến (ví dụ “đến 37”).',
    en: 'The document’s id (e.g. 123), its number and notation (e.g. 125/UBND-VP) or its arrival number (e.g. “đến 37”).',
  },
  addButton: { vi: 'Đưa vào hồ sơ', en: 'Add to the file' },
  removeButton: { vi: 'Bỏ khỏi hồ sơ', en: 'Remove from the file' },
  removeLabel: { vi: 'Bỏ văn bản {number} khỏi hồ sơ', en: 'Remove document {number} from the file' },
  editTitle: { vi: 'Sửa thông tin hồ sơ', en: 'Edit the file’s details' },
  saveButton: { vi: 'Lưu', en: 'Save' },
  closeTitle: { vi: 'Kết thúc hồ sơ', en: 'Close the file' },
  closeHint: {
    vi: 'Hồ sơ đã kết thúc không nhận thêm văn bản và không sửa được nữa.',
    en: 'A closed file takes no more documents and can no longer be edited.',
  },
  closeButton: { vi: 'Kết thúc hồ sơ', en: 'Close the file' },
  exportPdf: { vi: 'Hồ sơ kèm văn bản (PDF)', en: 'The file with its documents (PDF)' },
  exportXml: { vi: 'Dữ liệu hồ sơ (XML)', en: 'File metadata (XML)' },
  exports: { vi: 'Tải về', en: 'Download' },
  chooseKeeper: { vi: '— Chọn người —', en: '— Choose someone —' },
  codeHint: { vi: 'Duy nhất trong cơ quan, ví dụ 2026.VP.01.', en: 'Unique in the agency, e.g. 2026.VP.01.' },
  pageCountTotal: { vi: 'Tổng số trang', en: 'Pages in all' },
} as const;
