// Vietnamese and English text of the dossiers module: validation messages, mail, timeline and payment labels.
// Page text lives in messages-pages.ts.
import type { Text } from '../../platform/web/i18n.ts';

const fill = (text: Text, vars: Record<string, string | number>): Text => {
  const out = { vi: text.vi, en: text.en };
  for (const [k, v] of Object.entries(vars)) {
    out.vi = out.vi.replaceAll(`{${k}}`, String(v));
    out.en = out.en.replaceAll(`{${k}}`, String(v));
  }
  return out;
};

export const invalid = {
  nameRequired: { vi: 'Nhập họ và tên người nộp hồ sơ.', en: 'Enter the applicant’s full name.' },
  nameTooLong: { vi: 'Họ và tên không được dài quá 150 ký tự.', en: 'The full name must be at most 150 characters.' },
  formNotObject: { vi: 'Trường “form” phải là một đối tượng JSON.', en: 'The field “form” must be a JSON object.' },
  personalIdRequired: { vi: 'Nhập số định danh cá nhân (12 chữ số).', en: 'Enter the personal identification number (12 digits).' },
  agencyInvalid: {
    vi: 'Chọn cơ quan tiếp nhận trong danh sách.',
    en: 'Choose the receiving agency from the list.',
  },
  idempotencyKey: {
    vi: 'Khóa chống gửi trùng (Idempotency-Key) phải gồm 8–200 ký tự ASCII in được.',
    en: 'The Idempotency-Key must be 8–200 printable ASCII characters.',
  },
  oneFilePerDocument: (doc: string): Text =>
    fill({ vi: 'Chỉ đính kèm một tệp cho thành phần “{doc}”.', en: 'Attach only one file for “{doc}”.' }, { doc }),
  fileType: (file: string, doc: string): Text =>
    fill(
      {
        vi: 'Tệp “{file}” của thành phần “{doc}” không phải PDF, JPEG hoặc PNG (hệ thống kiểm tra nội dung tệp, không chỉ phần đuôi tên).',
        en: 'The file “{file}” for “{doc}” is not a PDF, JPEG or PNG (the system checks the file’s content, not just its name).',
      },
      { file, doc },
    ),
  fileTooLarge: (file: string, doc: string, size: string): Text =>
    fill(
      { vi: 'Tệp “{file}” của thành phần “{doc}” lớn hơn {size}.', en: 'The file “{file}” for “{doc}” is larger than {size}.' },
      { file, doc, size },
    ),
  filesTooLarge: (size: string): Text =>
    fill({ vi: 'Tổng dung lượng các tệp đính kèm vượt quá {size}.', en: 'The attachments together are larger than {size}.' }, { size }),
  tooManyFiles: (n: number): Text => fill({ vi: 'Chỉ được đính kèm tối đa {n} tệp.', en: 'At most {n} files may be attached.' }, { n }),
  unknownDocument: (key: string): Text =>
    fill({ vi: 'Thủ tục không có thành phần hồ sơ “{key}”.', en: 'The procedure has no required document “{key}”.' }, { key }),
  base64: (key: string): Text =>
    fill({ vi: 'Nội dung tệp cho “{key}” không phải base64 hợp lệ.', en: 'The content of the file for “{key}” is not valid base64.' }, { key }),
};

export const eventKinds: Record<string, Text> = {
  received: { vi: 'Tiếp nhận hồ sơ trực tuyến', en: 'Dossier received online' },
  received_counter: { vi: 'Tiếp nhận hồ sơ tại Bộ phận Một cửa', en: 'Dossier received at the one-stop counter' },
  paid: { vi: 'Đã thanh toán phí, lệ phí', en: 'Fees paid' },
  // Back-office actions (data/workflows), as the applicant reads them in the list of their dossiers.
  accept: { vi: 'Hồ sơ được tiếp nhận và hẹn ngày trả kết quả', en: 'Dossier accepted, return date given' },
  request_supplement_receipt: { vi: 'Yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Supplement requested' },
  request_supplement_appraisal: { vi: 'Yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Supplement requested' },
  complete_supplement: { vi: 'Đã nộp hồ sơ bổ sung', en: 'Supplement sent' },
  complete_supplement_counter: { vi: 'Đã nộp hồ sơ bổ sung tại quầy', en: 'Supplement given at the counter' },
  refuse: { vi: 'Từ chối tiếp nhận hồ sơ', en: 'Dossier refused' },
  assign: { vi: 'Phân công cán bộ xử lý', en: 'Officer assigned' },
  consult: { vi: 'Lấy ý kiến cơ quan liên quan', en: 'Other agencies consulted' },
  reply_consultation: { vi: 'Cơ quan liên quan đã cho ý kiến', en: 'A consulted agency replied' },
  submit_for_approval: { vi: 'Trình lãnh đạo phê duyệt', en: 'Submitted for approval' },
  send_back: { vi: 'Chuyển lại để thẩm định thêm', en: 'Sent back for further appraisal' },
  approve: { vi: 'Lãnh đạo đã phê duyệt', en: 'Approved' },
  reject: { vi: 'Không giải quyết, có nêu lý do', en: 'Not granted, with reasons' },
  record_result: { vi: 'Đã có kết quả giải quyết', en: 'Result ready' },
  return_result: { vi: 'Đã trả kết quả', en: 'Result returned' },
  apologize: { vi: 'Xin lỗi và hẹn lại ngày trả kết quả', en: 'Apology and a new return date' },
  due_soon: { vi: 'Cảnh báo: sắp đến hạn trả kết quả', en: 'Warning: the due date is near' },
  overdue: { vi: 'Cảnh báo: quá hạn trả kết quả', en: 'Warning: overdue' },
};

/** Events the deadline sweeps write for the officers; the applicant's timeline leaves them out. */
export const INTERNAL_EVENT_KINDS: ReadonlySet<string> = new Set(['due_soon', 'overdue']);

export const paymentLabels: Record<'none' | 'unpaid' | 'paid', Text> = {
  none: { vi: 'Không thu phí', en: 'No fee' },
  unpaid: { vi: 'Chưa thanh toán', en: 'Not paid yet' },
  paid: { vi: 'Đã thanh toán', en: 'Paid' },
};

export const receiptMail = {
  subject: (code: string): string => `Biên nhận hồ sơ ${code} / Dossier receipt ${code}`,
  body: (v: { name: string; code: string; procedure: string; agency: string; received: string; due: string | null; url: string; fee: { vi: string; en: string } | null; feeAtCounter?: boolean }): string =>
    [
      `Kính gửi ${v.name},`,
      '',
      `Hồ sơ của Ông/Bà đã được tiếp nhận trực tuyến với mã số ${v.code}.`,
      `Thủ tục: ${v.procedure}`,
      `Cơ quan tiếp nhận: ${v.agency}`,
      `Thời gian tiếp nhận: ${v.received}`,
      v.due ? `Ngày hẹn trả kết quả: ${v.due}` : 'Ngày hẹn trả kết quả: theo thông báo của cơ quan tiếp nhận',
      v.fee ? `Phí, lệ phí: ${v.fee.vi} (thanh toán theo hướng dẫn trên giấy biên nhận)` : '',
      v.feeAtCounter ? 'Phí, lệ phí: cơ quan tiếp nhận tính và thu khi giải quyết hồ sơ' : '',
      `Tra cứu và xem giấy biên nhận: ${v.url}`,
      '',
      '---',
      '',
      `Dear ${v.name},`,
      '',
      `Your dossier was received online with the code ${v.code}.`,
      `Procedure: ${v.procedure}`,
      `Receiving agency: ${v.agency}`,
      `Received: ${v.received}`,
      v.due ? `Results due: ${v.due}` : 'Results due: as the receiving agency will announce',
      v.fee ? `Fees: ${v.fee.en} (pay as the receipt explains)` : '',
      v.feeAtCounter ? 'Fees: worked out and collected by the receiving agency' : '',
      `Track it and see the receipt: ${v.url}`,
    ]
      .filter((l, i, all) => l !== '' || all[i - 1] !== '')
      .join('\n'),
};
