// Text of the applicant's dossier page, rating and feedback, Vietnamese first, with English.
import type { Text } from '../../../platform/web/i18n.ts';

export const fieldText = {
  tooLong: (n: number): Text => ({ vi: `Nội dung quá dài (tối đa ${n} ký tự).`, en: `Too long (at most ${n} characters).` }),
  overallRequired: { vi: 'Vui lòng chọn mức độ hài lòng chung.', en: 'Please choose your overall satisfaction.' },
  criterionRequired: (label: Text): Text => ({ vi: `Vui lòng chọn mức độ cho tiêu chí “${label.vi}”.`, en: `Please choose a level for “${label.en}”.` }),
  criterionUnknown: (key: string): Text => ({ vi: `Không có tiêu chí đánh giá “${key}”.`, en: `There is no criterion “${key}”.` }),
  messageRequired: { vi: 'Vui lòng nhập nội dung phản ánh, góp ý.', en: 'Please write your message.' },
  answerRequired: { vi: 'Vui lòng nhập nội dung trả lời.', en: 'Please write the answer.' },
};

export const page = {
  title: { vi: 'Hồ sơ {code}', en: 'Dossier {code}' },
  answers: { vi: 'Nội dung tờ khai', en: 'Answers on the form' },
  back: { vi: 'Hồ sơ của tôi', en: 'My dossiers' },
  status: { vi: 'Trạng thái', en: 'Status' },
  step: { vi: 'Đang ở bước', en: 'Where it is' },
  receivingAgency: { vi: 'Cơ quan tiếp nhận', en: 'Receiving agency' },
  handlingAgency: { vi: 'Cơ quan giải quyết', en: 'Handling agency' },
  received: { vi: 'Thời gian tiếp nhận', en: 'Received' },
  due: { vi: 'Ngày hẹn trả kết quả', en: 'Results due' },
  dueUnknown: { vi: 'Cơ quan tiếp nhận sẽ thông báo', en: 'The receiving agency will announce it' },
  duePaused: { vi: 'Thời hạn tạm dừng trong khi chờ bạn bổ sung hồ sơ.', en: 'The time limit is paused while the agency waits for your supplement.' },
  originalDue: { vi: 'Ngày hẹn ban đầu: {date}.', en: 'First date given: {date}.' },
  apologyReason: { vi: 'Cơ quan đã xin lỗi và hẹn lại ngày trả kết quả. Lý do: ', en: 'The agency apologised and set a new date. Reason: ' },
  result: { vi: 'Kết quả', en: 'Result' },
  resultAt: { vi: 'Ngày có kết quả', en: 'Result date' },
  returnMethod: { vi: 'Hình thức trả kết quả', en: 'How the result was returned' },
  fees: { vi: 'Phí, lệ phí', en: 'Fees' },
  pay: { vi: 'Thanh toán trên giấy biên nhận', en: 'Pay on the receipt page' },
  receipt: { vi: 'Xem giấy biên nhận', en: 'See the receipt' },
  timeline: { vi: 'Quá trình xử lý', en: 'Timeline' },
  reason: { vi: 'Lý do', en: 'Reason' },
  note: { vi: 'Ghi chú', en: 'Note' },
  files: { vi: 'Tệp của hồ sơ', en: 'Files of the dossier' },
  noFiles: { vi: 'Không có tệp.', en: 'No files.' },
};

export const fileKinds: Record<string, Text> = {
  applicant: { vi: 'Hồ sơ đã nộp', en: 'Documents submitted' },
  supplement: { vi: 'Hồ sơ bổ sung', en: 'Supplementary documents' },
  scan: { vi: 'Bản chụp tại Bộ phận Một cửa', en: 'Scanned at the one-stop desk' },
  result: { vi: 'Kết quả giải quyết (bản điện tử)', en: 'Result (electronic copy)' },
};

export const decisions: Record<'approved' | 'rejected', Text> = {
  approved: { vi: 'Hồ sơ được giải quyết', en: 'The request was granted' },
  rejected: { vi: 'Hồ sơ không được giải quyết', en: 'The request was not granted' },
};

export const outcomes: Record<'early' | 'on_time' | 'late', Text> = {
  early: { vi: 'trước hạn', en: 'early' },
  on_time: { vi: 'đúng hạn', en: 'on time' },
  late: { vi: 'quá hạn', en: 'late' },
};

export const returnMethods: Record<'counter' | 'post' | 'online', Text> = {
  counter: { vi: 'Nhận tại Bộ phận Một cửa', en: 'Collected at the one-stop desk' },
  post: { vi: 'Qua dịch vụ bưu chính', en: 'By post' },
  online: { vi: 'Trực tuyến', en: 'Online' },
};

export const supplementForm = {
  title: { vi: 'Hồ sơ cần bổ sung, hoàn thiện', en: 'What you need to supplement' },
  requested: { vi: 'Cơ quan yêu cầu ngày {date}:', en: 'The agency asked on {date}:' },
  files: { vi: 'Tệp hồ sơ bổ sung', en: 'Supplementary files' },
  fileFor: { vi: 'Tệp cho: {item}', en: 'File for: {item}' },
  other: { vi: 'Giấy tờ khác (nếu có)', en: 'Other documents (if any)' },
  hint: { vi: 'Tệp PDF, JPEG hoặc PNG.', en: 'PDF, JPEG or PNG files.' },
  note: { vi: 'Ghi chú gửi cơ quan (không bắt buộc)', en: 'A note for the agency (optional)' },
  submit: { vi: 'Nộp hồ sơ bổ sung', en: 'Send the supplement' },
  answers: { vi: 'Sửa nội dung tờ khai (nếu được yêu cầu)', en: 'Correct your answers on the form (if asked to)' },
  answersHint: {
    vi: 'Các mục đang ghi là nội dung đã nộp. Sửa mục cần sửa; cán bộ sẽ thấy các thay đổi.',
    en: 'The fields show what you submitted. Correct what needs correcting; the officer will see what changed.',
  },
  reattach: { vi: 'Vì lý do an toàn, vui lòng chọn lại các tệp trước khi gửi.', en: 'For security, please choose the files again before sending.' },
  done: { vi: 'Đã nộp hồ sơ bổ sung. Thời hạn giải quyết được tính lại từ hôm nay; ngày hẹn mới: {date}.', en: 'Your supplement was sent. The time limit starts again today; new date: {date}.' },
  doneNoDate: {
    vi: 'Đã nộp hồ sơ bổ sung. Thời hạn giải quyết được tính từ hôm nay; cơ quan tiếp nhận sẽ hẹn ngày trả khi tiếp nhận hồ sơ.',
    en: 'Your supplement was sent. The time limit starts today; the receiving agency gives the return date when it accepts the dossier.',
  },
};

export const ratingForm = {
  title: { vi: 'Đánh giá mức độ hài lòng', en: 'Rate the service' },
  intro: {
    vi: 'Ý kiến của bạn được dùng để đo lường sự hài lòng về phục vụ hành chính (Thông tư 01/2018/TT-VPCP). Mỗi hồ sơ được đánh giá một lần.',
    en: 'Your answers measure satisfaction with the public service (Circular 01/2018/TT-VPCP). Each dossier can be rated once.',
  },
  notYet: { vi: 'Bạn có thể đánh giá khi hồ sơ đã có kết quả.', en: 'You can rate the service once the result is ready.' },
  comment: { vi: 'Ý kiến khác (không bắt buộc)', en: 'Other comments (optional)' },
  submit: { vi: 'Gửi đánh giá', en: 'Send the rating' },
  given: { vi: 'Bạn đã đánh giá ngày {date}.', en: 'You rated the service on {date}.' },
  done: { vi: 'Cảm ơn bạn đã đánh giá.', en: 'Thank you for your rating.' },
};

export const feedbackForm = {
  title: { vi: 'Phản ánh, góp ý', en: 'Feedback' },
  intro: { vi: 'Gửi câu hỏi hoặc phản ánh về hồ sơ này tới cơ quan giải quyết. Câu trả lời sẽ hiển thị tại đây.', en: 'Send a question or a complaint about this dossier to the agency. The answer will appear here.' },
  label: { vi: 'Nội dung', en: 'Your message' },
  hint: { vi: 'Tối đa {n} lần mỗi ngày cho mỗi hồ sơ.', en: 'At most {n} messages a day per dossier.' },
  submit: { vi: 'Gửi phản ánh, góp ý', en: 'Send' },
  sent: { vi: 'Gửi lúc {at}', en: 'Sent {at}' },
  answer: { vi: 'Trả lời của cơ quan ({at})', en: 'The agency’s answer ({at})' },
  waiting: { vi: 'Đang chờ cơ quan trả lời.', en: 'Waiting for the agency’s answer.' },
  done: { vi: 'Đã gửi phản ánh, góp ý của bạn.', en: 'Your message was sent.' },
};

/** Who read the dossier (Decree 13/2023/NĐ-CP: the applicant knows who processed their personal data). */
export const readsSection = {
  title: { vi: 'Ai đã xem hồ sơ của bạn', en: 'Who read your dossier' },
  intro: {
    vi: 'Mỗi lần cán bộ xem thông tin cá nhân, tệp hoặc giấy tờ của hồ sơ đều được ghi lại. Chỉ cán bộ trực tiếp giải quyết hồ sơ mới được xem.',
    en: 'Every time a staff member reads the personal data, files or papers of this dossier is recorded. Only the staff who handle the dossier may read it.',
  },
  none: { vi: 'Chưa có cán bộ nào xem hồ sơ.', en: 'No staff member has read the dossier yet.' },
  when: { vi: 'Thời gian', en: 'When' },
  who: { vi: 'Cán bộ', en: 'Staff member' },
  role: { vi: 'Vai trò', en: 'Role' },
  agency: { vi: 'Cơ quan', en: 'Agency' },
  what: { vi: 'Đã xem', en: 'What' },
  whats: {
    page: { vi: 'Trang hồ sơ', en: 'The dossier page' } as { vi: string; en: string },
    file: { vi: 'Tệp đính kèm', en: 'An attachment' },
    pdf: { vi: 'Giấy tờ (PDF)', en: 'A paper (PDF)' },
    api: { vi: 'Qua API', en: 'Through the API' },
    receipt: { vi: 'Giấy biên nhận', en: 'The receipt' },
  },
};
