// Text of the officers' pages (một cửa điện tử), Vietnamese first, with English.
import type { Text } from '../../../platform/web/i18n.ts';
import type { InboxTab } from '../workflow/inbox.ts';
import type { Requirement } from '../workflow/definition.ts';

export const tabLabels: Record<InboxTab, Text> = {
  new: { vi: 'Hồ sơ mới', en: 'New' },
  mine: { vi: 'Của tôi', en: 'Assigned to me' },
  processing: { vi: 'Đang xử lý', en: 'In progress' },
  approval: { vi: 'Chờ phê duyệt', en: 'Awaiting approval' },
  due_soon: { vi: 'Sắp đến hạn', en: 'Due soon' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  waiting: { vi: 'Chờ bổ sung', en: 'Waiting for the applicant' },
  consulting: { vi: 'Xin ý kiến', en: 'Consultations' },
  results: { vi: 'Chờ trả kết quả', en: 'Results to return' },
};

export const inboxPage = {
  title: { vi: 'Hồ sơ một cửa', en: 'One-stop dossiers' },
  intake: { vi: 'Tiếp nhận hồ sơ tại quầy', en: 'Take a dossier at the counter' },
  tabsLabel: { vi: 'Nhóm hồ sơ', en: 'Dossier groups' },
  tabCount: { vi: '{n} hồ sơ', en: '{n} dossiers' },
  searchLabel: { vi: 'Tìm hồ sơ', en: 'Find a dossier' },
  searchHint: { vi: 'Mã hồ sơ, tên người nộp (có dấu hoặc không dấu) hoặc mã thủ tục.', en: 'Dossier code, applicant’s name (accents optional) or procedure code.' },
  search: { vi: 'Tìm', en: 'Search' },
  clear: { vi: 'Xóa tìm kiếm', en: 'Clear the search' },
  caption: { vi: '{tab}: {n} hồ sơ, trang {page}/{pages}', en: '{tab}: {n} dossiers, page {page} of {pages}' },
  captionSearch: { vi: '{tab}, tìm “{q}”: {n} hồ sơ, trang {page}/{pages}', en: '{tab}, search “{q}”: {n} dossiers, page {page} of {pages}' },
  empty: { vi: 'Không có hồ sơ nào trong nhóm này.', en: 'There is no dossier in this group.' },
  code: { vi: 'Mã hồ sơ', en: 'Code' },
  procedure: { vi: 'Thủ tục', en: 'Procedure' },
  applicant: { vi: 'Người nộp', en: 'Applicant' },
  channel: { vi: 'Kênh', en: 'Channel' },
  received: { vi: 'Tiếp nhận', en: 'Received' },
  due: { vi: 'Hẹn trả', en: 'Due' },
  status: { vi: 'Trạng thái', en: 'Status' },
  noDue: { vi: 'Chưa có', en: 'None yet' },
  previous: { vi: 'Trang trước', en: 'Previous page' },
  next: { vi: 'Trang sau', en: 'Next page' },
  pagination: { vi: 'Phân trang', en: 'Pages' },
  book: { vi: 'Sổ theo dõi hồ sơ (Mẫu số 06)', en: 'Tracking book (Form 06)' },
  tableLabel: { vi: 'Danh sách hồ sơ', en: 'Dossier list' },
};

export const channelLabels: Record<'online' | 'counter', Text> = {
  online: { vi: 'Trực tuyến', en: 'Online' },
  counter: { vi: 'Trực tiếp', en: 'At the counter' },
};

export const dueBadges = {
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  dueSoon: { vi: 'Sắp đến hạn', en: 'Due soon' },
};

export const casePage = {
  title: { vi: 'Hồ sơ {code}', en: 'Dossier {code}' },
  back: { vi: 'Về danh sách hồ sơ', en: 'Back to the dossier list' },
  facts: { vi: 'Thông tin hồ sơ', en: 'Dossier facts' },
  code: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  procedure: { vi: 'Thủ tục', en: 'Procedure' },
  version: { vi: 'phiên bản {v}', en: 'version {v}' },
  applicant: { vi: 'Người nộp', en: 'Applicant' },
  personalId: { vi: 'Số định danh', en: 'Personal ID' },
  contact: { vi: 'Liên hệ', en: 'Contact' },
  channel: { vi: 'Kênh nộp', en: 'Channel' },
  received: { vi: 'Thời gian tiếp nhận', en: 'Received' },
  clockStarted: { vi: 'Bắt đầu tính thời hạn', en: 'Legal clock started' },
  due: { vi: 'Ngày hẹn trả kết quả', en: 'Results due' },
  dueNone: { vi: 'Chưa có ngày hẹn', en: 'No return date yet' },
  howCounted: { vi: 'Cách tính thời hạn', en: 'How the date is counted' },
  originalDue: { vi: 'Ngày hẹn ban đầu (trước khi xin lỗi, hẹn lại)', en: 'Original return date (before the apology)' },
  paused: { vi: 'Tạm dừng tính thời hạn từ {at} (chờ bổ sung).', en: 'The clock is stopped since {at} (waiting for a supplement).' },
  receiving: { vi: 'Cơ quan tiếp nhận', en: 'Receiving agency' },
  handling: { vi: 'Cơ quan giải quyết', en: 'Handling agency' },
  handlingNone: { vi: 'Chưa phân (khi tiếp nhận)', en: 'Not yet (set on acceptance)' },
  assignee: { vi: 'Cán bộ được phân công', en: 'Assigned to' },
  assigneeNone: { vi: 'Chưa phân công', en: 'Nobody yet' },
  fees: { vi: 'Phí, lệ phí', en: 'Fees' },
  state: { vi: 'Trạng thái hiện tại', en: 'Current state' },
  outcome: { vi: 'Kết quả giải quyết', en: 'Resolution' },
  files: { vi: 'Thành phần hồ sơ và tệp', en: 'Documents and files' },
  noFiles: { vi: 'Hồ sơ không có tệp đính kèm.', en: 'The dossier has no attached files.' },
  fileKind: { vi: 'Loại', en: 'Kind' },
  fileName: { vi: 'Tệp', en: 'File' },
  fileSize: { vi: 'Dung lượng', en: 'Size' },
  supplements: { vi: 'Yêu cầu bổ sung', en: 'Supplement requests' },
  answers: { vi: 'Nội dung tờ khai', en: 'Answers on the form' },
  answersChanged: { vi: 'Sửa tờ khai', en: 'Answers corrected' },
  supplementAt: { vi: 'Yêu cầu lúc {at}', en: 'Requested {at}' },
  supplementDone: { vi: 'đã bổ sung lúc {at}', en: 'completed {at}' },
  supplementOpen: { vi: 'đang chờ người nộp bổ sung', en: 'waiting for the applicant' },
  consultations: { vi: 'Lấy ý kiến cơ quan liên quan', en: 'Consultations' },
  consultAgency: { vi: 'Cơ quan', en: 'Agency' },
  consultAsked: { vi: 'Ngày gửi', en: 'Asked' },
  consultDue: { vi: 'Hạn trả lời', en: 'Reply due' },
  consultReply: { vi: 'Trả lời', en: 'Reply' },
  consultWaiting: { vi: 'Chưa trả lời', en: 'No reply yet' },
  history: { vi: 'Quá trình xử lý', en: 'Process history' },
  historyTime: { vi: 'Thời gian', en: 'Time' },
  historyActor: { vi: 'Người thực hiện', en: 'By' },
  historyAgency: { vi: 'Cơ quan', en: 'Agency' },
  historyAction: { vi: 'Thao tác', en: 'Action' },
  historyMove: { vi: 'Chuyển trạng thái', en: 'State' },
  historyComment: { vi: 'Ý kiến', en: 'Comment' },
  rating: { vi: 'Đánh giá của người dân', en: 'Applicant’s rating' },
  ratingValue: { vi: 'Mức độ hài lòng: {n}/3 (lúc {at})', en: 'Satisfaction: {n}/3 ({at})' },
  feedback: { vi: 'Phản ánh, kiến nghị', en: 'Feedback' },
  feedbackAnswer: { vi: 'Trả lời', en: 'Answer' },
  papers: { vi: 'Giấy tờ, biểu mẫu', en: 'Papers and forms' },
  actions: { vi: 'Thao tác', en: 'Actions' },
  noActions: { vi: 'Bạn không có thao tác nào với hồ sơ ở trạng thái này.', en: 'There is nothing for you to do on this dossier in its current state.' },
  done: { vi: 'Đã thực hiện: “{action}”.', en: 'Done: “{action}”.' },
  formIssued: { vi: 'Tải {form} (PDF)', en: 'Download {form} (PDF)' },
  typedKept: { vi: 'Nội dung bạn đã nhập (chưa được lưu)', en: 'What you typed (not saved)' },
  tableLabel: { vi: '{what} (cuộn ngang nếu màn hình hẹp)', en: '{what} (scrolls sideways on a narrow screen)' },
  applicantSelf: { vi: 'Người nộp hồ sơ', en: 'The applicant' },
};

export const outcomeLabels: Record<'early' | 'on_time' | 'late', Text> = {
  early: { vi: 'Trước hạn', en: 'Early' },
  on_time: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Quá hạn', en: 'Late' },
};

export const fileKindLabels: Record<string, Text> = {
  applicant: { vi: 'Nộp kèm hồ sơ', en: 'Submitted' },
  supplement: { vi: 'Bổ sung', en: 'Supplement' },
  scan: { vi: 'Bản quét', en: 'Scan' },
  result: { vi: 'Kết quả giải quyết', en: 'Result' },
};

export const formNames: Record<'01' | '02' | '03' | '04' | '05', Text> = {
  '01': { vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu số 01)', en: 'Receipt and appointment (Form 01)' },
  '02': { vi: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu số 02)', en: 'Request to supplement (Form 02)' },
  '03': { vi: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu số 03)', en: 'Refusal (Form 03)' },
  '04': { vi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu số 04)', en: 'Apology and new date (Form 04)' },
  '05': { vi: 'Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu số 05)', en: 'Control sheet (Form 05)' },
};

/** Labels of the inputs an action may require. */
export const inputLabels: Record<Requirement | 'comment_optional', Text> = {
  comment: { vi: 'Ý kiến, lý do', en: 'Comment or reasons' },
  comment_optional: { vi: 'Ý kiến (không bắt buộc)', en: 'Comment (optional)' },
  items: { vi: 'Các nội dung cần bổ sung, hoàn thiện', en: 'What must be supplemented' },
  agencies: { vi: 'Cơ quan cần lấy ý kiến', en: 'Agencies to consult' },
  new_due_date: { vi: 'Ngày hẹn trả mới', en: 'New return date' },
  return_method: { vi: 'Hình thức trả kết quả', en: 'How the result is returned' },
  files: { vi: 'Giấy tờ bổ sung (PDF, JPEG hoặc PNG)', en: 'Supplementary documents (PDF, JPEG or PNG)' },
  result_file: { vi: 'Tệp kết quả giải quyết (bản điện tử: PDF, JPEG hoặc PNG)', en: 'Result file (electronic copy: PDF, JPEG or PNG)' },
  assignee: { vi: 'Cán bộ được phân công', en: 'Assign to' },
  processing_days: { vi: 'Thời hạn giải quyết (số ngày làm việc)', en: 'Processing time (working days)' },
};

export const inputHints = {
  items: { vi: 'Mỗi dòng một nội dung. Theo quy định, phải nêu đầy đủ trong một lần yêu cầu.', en: 'One item per line. The rules require everything to be listed in one request.' },
  agencies: { vi: 'Để trống hạn trả lời thì hệ thống tính theo thời gian dành cho bước lấy ý kiến.', en: 'Without a reply date the system uses the consultation step’s share of the time.' },
  newDueDate: { vi: 'Một ngày làm việc sau ngày hẹn hiện tại. Chỉ được hẹn lại một lần.', en: 'A working day after the current date. The date may be reset only once.' },
  chooseAssignee: { vi: 'Chọn cán bộ', en: 'Choose someone' },
  replyBy: { vi: 'Hạn trả lời', en: 'Reply by' },
  files: { vi: 'Có thể chọn nhiều tệp.', en: 'You may choose several files.' },
  processingDays: {
    vi: 'Danh mục thủ tục không ghi thời hạn giải quyết dùng được. Ngày hẹn trả được tính từ lúc tiếp nhận theo lịch làm việc.',
    en: 'The catalogue gives no usable processing time. The return date is counted from receipt on the working-day calendar.',
  },
};

export const returnMethodLabels: Record<'counter' | 'post' | 'online', Text> = {
  counter: { vi: 'Trực tiếp tại Bộ phận Một cửa', en: 'At the one-stop counter' },
  post: { vi: 'Qua dịch vụ bưu chính', en: 'By post' },
  online: { vi: 'Trực tuyến', en: 'Online' },
};

export const bookPage = {
  title: { vi: 'Sổ theo dõi hồ sơ (Mẫu số 06)', en: 'Tracking book (Form 06)' },
  lead: {
    vi: 'Hồ sơ do {agency} tiếp nhận trong kỳ, mỗi hồ sơ một dòng (Thông tư 01/2018/TT-VPCP).',
    en: 'Dossiers received by {agency} in the period, one line each (Circular 01/2018/TT-VPCP).',
  },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  format: { vi: 'Định dạng', en: 'Format' },
  pdf: { vi: 'PDF (in khổ A4 ngang)', en: 'PDF (A4 landscape)' },
  xlsx: { vi: 'Bảng tính Excel (XLSX)', en: 'Spreadsheet (XLSX)' },
  download: { vi: 'Tải sổ', en: 'Download' },
  count: { vi: 'Kỳ này có {n} hồ sơ.', en: 'The period has {n} dossiers.' },
  cut: {
    vi: 'Sổ chỉ gồm {max} hồ sơ đầu tiên của kỳ; hãy chọn kỳ ngắn hơn để có đủ các hồ sơ.',
    en: 'The book holds only the first {max} dossiers of the period; choose a shorter period to get them all.',
  },
  downloadFirst: { vi: 'Vẫn tải sổ gồm {max} hồ sơ đầu tiên ({format})', en: 'Download the first {max} dossiers anyway ({format})' },
  badDate: { vi: 'Ngày không hợp lệ (định dạng năm-tháng-ngày).', en: 'The date is not valid (year-month-day).' },
  badRange: { vi: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc, kỳ không quá 366 ngày.', en: 'The start must be on or before the end, and the period at most 366 days.' },
  noAgency: { vi: 'Tài khoản của bạn không thuộc cơ quan nào nên không có sổ theo dõi.', en: 'Your account belongs to no agency, so there is no tracking book.' },
};

export const feeForm = {
  title: { vi: 'Thu phí, lệ phí', en: 'Collect the fees' },
  amount: { vi: 'Số tiền phải thu: {amount}.', en: 'Amount due: {amount}.' },
  lead: {
    vi: 'Ghi nhận khi đã thu tại quầy, hoặc khi khoản chuyển khoản VietQR (nội dung là mã hồ sơ) đã có trên sao kê của cơ quan.',
    en: 'Record it once collected at the counter, or once the VietQR transfer (memo: the dossier code) shows on the agency’s bank statement.',
  },
  method: { vi: 'Hình thức thu', en: 'How it was paid' },
  methodChoose: { vi: '— Chọn —', en: '— Choose —' },
  counter: { vi: 'Tại quầy (tiền mặt hoặc thẻ)', en: 'At the counter (cash or card)' },
  vietqr: { vi: 'Chuyển khoản VietQR (đã đối chiếu sao kê)', en: 'VietQR transfer (checked on the statement)' },
  reference: { vi: 'Số biên lai hoặc mã giao dịch', en: 'Receipt number or transaction reference' },
  referenceHint: { vi: 'Ví dụ: BL-0001234 hoặc mã giao dịch trên sao kê.', en: 'For example BL-0001234, or the reference on the statement.' },
  submit: { vi: 'Ghi nhận đã thu', en: 'Record as paid' },
  done: { vi: 'Đã ghi nhận: hồ sơ đã thanh toán phí, lệ phí.', en: 'Recorded: the dossier’s fees are paid.' },
};

export const answerForm = {
  label: { vi: 'Trả lời phản ánh', en: 'Answer the feedback' },
  hint: {
    vi: 'Người nộp nhận câu trả lời qua thư điện tử, tin nhắn và trên trang hồ sơ; mỗi phản ánh được trả lời một lần.',
    en: 'The applicant gets the answer by e-mail, SMS and on the dossier page; each message is answered once.',
  },
  submit: { vi: 'Gửi trả lời', en: 'Send the answer' },
  done: { vi: 'Đã gửi câu trả lời cho người nộp hồ sơ.', en: 'The answer was sent to the applicant.' },
};

/** The confirmation box of the actions that end a dossier against the applicant (refuse, reject). */
export const confirmText = {
  label: {
    vi: 'Tôi xác nhận thao tác này: hồ sơ sẽ không được giải quyết tiếp.',
    en: 'I confirm this action: the dossier will not be processed any further.',
  },
  missing: {
    vi: 'Hãy đánh dấu ô xác nhận để thực hiện thao tác này. Chưa có gì thay đổi.',
    en: 'Tick the confirmation box to take this action. Nothing has changed.',
  },
};

/** What a consultation sends to the agencies asked (issue 10, Decree 13/2023: they read only that). */
export const consultSendText = {
  legend: { vi: 'Gửi kèm cho cơ quan được lấy ý kiến', en: 'Send to the agencies consulted' },
  hint: {
    vi: 'Cơ quan được lấy ý kiến chỉ xem được các tệp đã chọn (và nội dung tờ khai nếu chọn); không xem số định danh, điện thoại, thư điện tử, địa chỉ của người nộp.',
    en: 'The agencies consulted see only the files chosen (and the form’s answers if chosen); not the applicant’s personal ID number, phone, e-mail or address.',
  },
  answers: { vi: 'Nội dung tờ khai (biểu mẫu điện tử)', en: 'The e-form’s answers' },
  noFiles: { vi: 'Hồ sơ không có tệp đính kèm.', en: 'The dossier has no attachments.' },
  question: { vi: 'Nội dung xin ý kiến', en: 'Question' },
  sent: { vi: 'Gửi kèm', en: 'Sent' },
  nothingSent: { vi: 'không có tệp nào', en: 'no files' },
} satisfies Record<string, Text>;
