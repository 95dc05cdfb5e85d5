// Texts of official documents: field labels (also naming fields in errors), field errors and the states. One source:
// the pages, the registers and the errors all read them here.
import type { Text } from '../../platform/web/i18n.ts';
import type { DocumentState } from './repo.ts';

export const FIELDS = {
  typeCode: { vi: 'Loại văn bản', en: 'Document type' },
  summary: { vi: 'Trích yếu nội dung', en: 'Summary' },
  body: { vi: 'Nội dung văn bản', en: 'Text of the document' },
  author: { vi: 'Cơ quan ban hành', en: 'Issuing agency' },
  authorCode: { vi: 'Mã định danh cơ quan ban hành', en: 'Issuing agency’s identifier' },
  numberNotation: { vi: 'Số, ký hiệu', en: 'Number and notation' },
  documentDate: { vi: 'Ngày văn bản', en: 'Date of the document' },
  signerName: { vi: 'Người ký', en: 'Signed by' },
  signerPosition: { vi: 'Chức vụ người ký', en: 'Signer’s position' },
  signerCompetence: { vi: 'Quyền hạn ký (KT., TL., TM.)', en: 'Signing authority (KT., TL., TM.)' },
  urgency: { vi: 'Độ khẩn', en: 'Urgency' },
  secrecy: { vi: 'Độ mật', en: 'Confidentiality' },
  pageCount: { vi: 'Số trang', en: 'Pages' },
  copies: { vi: 'Số lượng bản', en: 'Copies' },
  dueDate: { vi: 'Hạn trả lời ghi trên văn bản', en: 'Answer due (as the document says)' },
  files: { vi: 'Tệp văn bản (PDF, ảnh quét)', en: 'Files (PDF, scans)' },
  recipients: { vi: 'Nơi nhận', en: 'Recipients' },
  internalRecipients: { vi: 'Gửi tới cơ quan trên hệ thống', en: 'Send to agencies on the platform' },
  emails: { vi: 'Gửi qua thư điện tử (mỗi dòng một địa chỉ)', en: 'Send by e-mail (one address per line)' },
  draftingUnit: { vi: 'Đơn vị soạn thảo (viết tắt)', en: 'Drafting unit (abbreviation)' },
  legal: { vi: 'Văn bản quy phạm pháp luật (hệ thống số riêng)', en: 'Legal normative document (own number series)' },
  lead: { vi: 'Người chủ trì xử lý', en: 'Lead handler' },
  co: { vi: 'Người phối hợp', en: 'Co-handlers' },
  info: { vi: 'Người nhận để biết', en: 'For information' },
  instruction: { vi: 'Ý kiến chỉ đạo', en: 'Instructions' },
  deadlineDays: { vi: 'Thời hạn xử lý (ngày làm việc)', en: 'Deadline (working days)' },
  note: { vi: 'Nội dung', en: 'Note' },
  reason: { vi: 'Lý do', en: 'Reason' },
  readers: { vi: 'Người được xem (văn bản mật)', en: 'Who may read it (confidential)' },
  query: { vi: 'Từ khóa', en: 'Search words' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
} as const;

export const fieldErrors = {
  missing: (n: Text): Text => ({ vi: `${n.vi} là bắt buộc.`, en: `${n.en} is required.` }),
  tooLong: (n: Text, max: number): Text => ({ vi: `${n.vi} không được dài quá ${max} ký tự.`, en: `${n.en} must be at most ${max} characters long.` }),
  choose: (n: Text): Text => ({ vi: `Vui lòng chọn ${n.vi.toLowerCase()} trong danh sách.`, en: `Please choose ${n.en.toLowerCase()} from the list.` }),
  date: (n: Text): Text => ({ vi: `${n.vi} phải là một ngày có thật, dạng ngày/tháng/năm.`, en: `${n.en} must be a real date (day/month/year).` }),
  future: (n: Text): Text => ({ vi: `${n.vi} không được sau ngày hôm nay.`, en: `${n.en} cannot be later than today.` }),
  range: (n: Text, min: number, max: number): Text => ({ vi: `${n.vi} phải là số từ ${min} đến ${max}.`, en: `${n.en} must be a number from ${min} to ${max}.` }),
  numberNotation: { vi: 'Số, ký hiệu phải có dạng số/ký hiệu, ví dụ 125/UBND-VP hoặc 05/QĐ-UBND.', en: 'The number and notation must look like number/notation, e.g. 125/UBND-VP or 05/QĐ-UBND.' },
  letterSummary: { vi: 'Trích yếu của công văn phải bắt đầu bằng “V/v”.', en: 'An official letter’s summary must start with “V/v”.' },
  authorCode: { vi: 'Mã định danh có dạng 000.00.00.H26 (13 ký tự).', en: 'An identifier looks like 000.00.00.H26 (13 characters).' },
  outsider: { vi: 'Chỉ giao được cho cán bộ của cơ quan mình.', en: 'Only the agency’s own staff can be assigned.' },
  leadTwice: { vi: 'Người chủ trì không đồng thời là người phối hợp hoặc nhận để biết.', en: 'The lead handler cannot also be a co-handler or a reader.' },
  file: (name: string, why: Text): Text => ({ vi: `Tệp “${name}”: ${why.vi}`, en: `File “${name}”: ${why.en}` }),
  needFile: { vi: 'Cần ít nhất một tệp văn bản (PDF hoặc ảnh quét).', en: 'At least one file (PDF or a scan) is needed.' },
  email: (e: string): Text => ({ vi: `“${e}” không phải địa chỉ thư điện tử hợp lệ.`, en: `“${e}” is not a valid e-mail address.` }),
  secretByMail: { vi: 'Văn bản mật không được gửi qua thư điện tử.', en: 'A confidential document cannot be sent by e-mail.' },
  period: { vi: 'Khoảng thời gian không hợp lệ (từ ngày phải trước đến ngày, tối đa 366 ngày).', en: 'The period is not valid (from must be before to, at most 366 days).' },
} as const;

export const STATE_LABELS: Record<DocumentState, Text> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  review: { vi: 'Chờ lãnh đạo duyệt', en: 'Awaiting approval' },
  approved: { vi: 'Đã duyệt, chờ cấp số', en: 'Approved, awaiting number' },
  issued: { vi: 'Đã ban hành', en: 'Issued' },
  recalled: { vi: 'Đã thu hồi', en: 'Recalled' },
  cancelled: { vi: 'Đã hủy số', en: 'Number cancelled' },
  registered: { vi: 'Đã vào sổ, chờ phân công', en: 'Registered, awaiting assignment' },
  assigned: { vi: 'Đã phân công', en: 'Assigned' },
  handling: { vi: 'Đang xử lý', en: 'In progress' },
  done: { vi: 'Đã xử lý xong', en: 'Done' },
};

export const ROLE_IN_HANDLING: Record<'lead' | 'co' | 'info', Text> = {
  lead: { vi: 'Chủ trì', en: 'Lead' },
  co: { vi: 'Phối hợp', en: 'Co-handling' },
  info: { vi: 'Để biết', en: 'For information' },
};

export const EVENT_LABELS: Record<string, Text> = {
  drafted: { vi: 'Tạo dự thảo', en: 'Draft created' },
  edited: { vi: 'Sửa dự thảo', en: 'Draft edited' },
  submitted: { vi: 'Trình lãnh đạo duyệt', en: 'Sent for approval' },
  comment: { vi: 'Góp ý', en: 'Comment' },
  returned: { vi: 'Trả lại để sửa', en: 'Returned for changes' },
  approved: { vi: 'Lãnh đạo duyệt', en: 'Approved' },
  issued: { vi: 'Cấp số, ký số và phát hành', en: 'Numbered, signed and issued' },
  recalled: { vi: 'Thu hồi', en: 'Recalled' },
  cancelled: { vi: 'Hủy số', en: 'Number cancelled' },
  registered: { vi: 'Vào sổ văn bản đến', en: 'Registered' },
  assigned: { vi: 'Phân công xử lý', en: 'Assigned' },
  acknowledged: { vi: 'Đã nhận', en: 'Acknowledged' },
  progress: { vi: 'Cập nhật tiến độ', en: 'Progress' },
  done: { vi: 'Hoàn thành xử lý', en: 'Handling done' },
  reminded: { vi: 'Nhắc hạn xử lý', en: 'Deadline reminder' },
  escalated: { vi: 'Quá hạn, báo lãnh đạo', en: 'Overdue, leader told' },
  status: { vi: 'Nơi nhận báo trạng thái', en: 'Status from a recipient' },
};

/** A recipient's status in words: the exchange's status codes (edxml/status.ts) and the sender's own states. */
export const RECIPIENT_STATUS: Record<string, Text> = {
  queued: { vi: 'Đang chờ gửi', en: 'Waiting to be sent' },
  mailed: { vi: 'Đã gửi thư điện tử', en: 'E-mailed' },
  opened: { vi: 'Người nhận đã mở văn bản', en: 'Opened by the recipient' },
  sent: { vi: 'Đã gửi', en: 'Sent' },
  failed: { vi: 'Gửi không thành công', en: 'Sending failed' },
  duplicate: { vi: 'Đã nhận trước đó (trùng)', en: 'Already received (duplicate)' },
};
