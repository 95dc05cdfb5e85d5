// Text of the dossiers module's pages, Vietnamese first, with English.
export const submitPage = {
  caption: { vi: 'Nộp hồ sơ trực tuyến', en: 'Apply online' },
  procedureCode: { vi: 'Mã thủ tục', en: 'Procedure code' },
  processingTime: { vi: 'Thời hạn giải quyết', en: 'Processing time' },
  feesTitle: { vi: 'Phí, lệ phí', en: 'Fees' },
  feesNone: { vi: 'Thủ tục này không thu phí, lệ phí trực tuyến.', en: 'No fee is charged online for this procedure.' },
  feesTotal: { vi: 'Tổng cộng', en: 'Total' },
  feesNote: {
    vi: 'Sau khi nộp, bạn có thể thanh toán bằng mã VietQR hoặc qua cổng thanh toán trên giấy biên nhận.',
    en: 'After you submit, you can pay with the VietQR code or through the payment gateway on the receipt.',
  },
  agencyLegend: { vi: 'Cơ quan tiếp nhận', en: 'Receiving agency' },
  agencyLabel: { vi: 'Nộp hồ sơ tới', en: 'Submit to' },
  agencyHint: {
    vi: 'Trung tâm Phục vụ hành chính công tiếp nhận hồ sơ của mọi cấp.',
    en: 'The Public Administration Service Centre receives dossiers of every level.',
  },
  submit: { vi: 'Nộp hồ sơ', en: 'Submit' },
  continue: { vi: 'Tiếp tục', en: 'Continue' },
  saveDraft: { vi: 'Lưu nháp', en: 'Save draft' },
  draftNote: {
    vi: 'Bản nháp lưu các thông tin đã nhập và tệp đã tải lên để bạn tiếp tục trên thiết bị khác. Bấm “Tiếp tục” để kiểm tra lại trước khi nộp.',
    en: 'A draft keeps what you typed and the files you uploaded so that you can carry on from another device. “Continue” lets you check everything before you submit.',
  },
  draftSaved: { vi: 'Đã lưu bản nháp lúc {at}.', en: 'Draft saved at {at}.' },
  keptFiles: { vi: 'Tệp đã tải lên (chọn tệp mới để thay):', en: 'Files uploaded (choose a new one to replace it):' },
  draftLoaded: { vi: 'Đã nạp bản nháp lưu lúc {at}.', en: 'Loaded your draft saved at {at}.' },
  checkCaption: { vi: 'Kiểm tra thông tin trước khi nộp', en: 'Check your answers before submitting' },
  checkTitle: { vi: 'Kiểm tra lại thông tin hồ sơ', en: 'Check your answers' },
  checkIntro: {
    vi: 'Hồ sơ chưa được gửi. Kiểm tra từng mục; bấm “Thay đổi” để sửa, rồi bấm “Nộp hồ sơ”.',
    en: 'Your dossier has not been sent yet. Check each answer; use “Change” to correct one, then “Submit”.',
  },
  checkAgency: { vi: 'Cơ quan tiếp nhận', en: 'Receiving agency' },
  checkFiles: { vi: 'Giấy tờ đính kèm', en: 'Attached documents' },
  checkNoFile: { vi: 'Không đính kèm', en: 'None attached' },
  checkFee: { vi: 'Phí, lệ phí phải nộp', en: 'Fee to pay' },
  checkFeeNone: { vi: 'Không phải nộp', en: 'None' },
  checkFeeCounter: { vi: 'Cơ quan tiếp nhận tính và thu khi giải quyết hồ sơ', en: 'Worked out and collected by the receiving agency' },
  checkDue: { vi: 'Ngày hẹn trả kết quả dự kiến (nếu nộp bây giờ)', en: 'Expected result date (if you submit now)' },
  checkDueNone: { vi: 'Cơ quan tiếp nhận sẽ hẹn ngày trả khi tiếp nhận', en: 'The receiving agency sets the date on receipt' },
  checkDeclaration: {
    vi: 'Bằng việc nộp hồ sơ, bạn xác nhận các thông tin trên là đúng sự thật.',
    en: 'By submitting you confirm that the information above is true.',
  },
  change: { vi: 'Thay đổi', en: 'Change' },
  notOnlineTitle: { vi: 'Thủ tục không nộp trực tuyến', en: 'This procedure is not available online' },
  procedureLink: { vi: 'Xem thông tin thủ tục', en: 'See the procedure' },
  citizensOnly: {
    vi: 'Chỉ công dân đăng nhập bằng tài khoản của mình mới nộp hồ sơ trực tuyến tại đây.',
    en: 'Only citizens signed in with their own account can apply online here.',
  },
};

export const receiptPage = {
  title: { vi: 'Biên nhận hồ sơ', en: 'Dossier receipt' },
  lead: { vi: 'Hồ sơ của bạn đã được gửi và có mã số; bộ phận một cửa kiểm tra để tiếp nhận.', en: 'Your dossier has been sent and has its code; the one-stop desk checks it before accepting it.' },
  code: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  procedure: { vi: 'Thủ tục', en: 'Procedure' },
  agency: { vi: 'Cơ quan tiếp nhận', en: 'Receiving agency' },
  received: { vi: 'Thời gian tiếp nhận', en: 'Received' },
  status: { vi: 'Trạng thái', en: 'Status' },
  due: { vi: 'Ngày hẹn trả kết quả', en: 'Results due' },
  dueUnknown: { vi: 'Cơ quan tiếp nhận sẽ thông báo', en: 'The receiving agency will announce it' },
  dueProvisional: {
    vi: 'Lịch nghỉ của năm chưa được công bố chính thức; ngày hẹn có thể thay đổi.',
    en: 'The official holiday schedule is not announced yet; the date may change.',
  },
  howCounted: { vi: 'Cách tính thời hạn', en: 'How the date is counted' },
  form01: { vi: 'Tải Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu số 01, PDF)', en: 'Download the receipt and appointment (Form 01, PDF)' },
  track: { vi: 'Theo dõi hồ sơ', en: 'Track this dossier' },
  myDossiers: { vi: 'Hồ sơ của tôi', en: 'My dossiers' },
  paid: { vi: 'Đã ghi nhận thanh toán. Cảm ơn bạn.', en: 'Your payment has been recorded. Thank you.' },
};

export const payPanel = {
  title: { vi: 'Thanh toán phí, lệ phí', en: 'Pay the fees' },
  amount: { vi: 'Số tiền', en: 'Amount' },
  status: { vi: 'Tình trạng thanh toán', en: 'Payment' },
  qrTitle: { vi: 'Chuyển khoản bằng mã VietQR', en: 'Pay by bank transfer with VietQR' },
  qrHelp: {
    vi: 'Mở ứng dụng ngân hàng, quét mã để điền sẵn tài khoản, số tiền và nội dung chuyển khoản.',
    en: 'Open your banking app and scan the code: it fills in the account, the amount and the reference.',
  },
  qrAlt: { vi: 'Mã VietQR thanh toán {amount} cho hồ sơ {code}', en: 'VietQR code to pay {amount} for dossier {code}' },
  bank: { vi: 'Ngân hàng', en: 'Bank' },
  accountNumber: { vi: 'Số tài khoản', en: 'Account number' },
  accountName: { vi: 'Chủ tài khoản', en: 'Account name' },
  memo: { vi: 'Nội dung chuyển khoản', en: 'Payment reference' },
  demoAccount: {
    vi: 'Tài khoản minh họa (bản trình diễn) — không chuyển tiền thật.',
    en: 'Demonstration account — do not send real money.',
  },
  gatewayTitle: { vi: 'Thanh toán qua cổng thanh toán', en: 'Pay through the payment gateway' },
  gatewayButton: { vi: 'Thanh toán (cổng giả lập)', en: 'Pay (simulated gateway)' },
  gatewayNote: {
    vi: 'Cổng thanh toán giả lập dùng để trình diễn: bấm nút là hồ sơ được ghi nhận đã thanh toán.',
    en: 'The simulated gateway is for demonstrations: pressing the button records the dossier as paid.',
  },
};

export const detailPage = {
  title: { vi: 'Hồ sơ {code}', en: 'Dossier {code}' },
  timeline: { vi: 'Quá trình xử lý', en: 'Timeline' },
  files: { vi: 'Tệp đính kèm', en: 'Attached files' },
  noFiles: { vi: 'Không có tệp đính kèm.', en: 'No files attached.' },
  receipt: { vi: 'Xem biên nhận', en: 'See the receipt' },
  fees: { vi: 'Phí, lệ phí', en: 'Fees' },
  applicant: { vi: 'Người nộp', en: 'Applicant' },
};

export const myPage = {
  title: { vi: 'Hồ sơ của tôi', en: 'My dossiers' },
  none: { vi: 'Bạn chưa nộp hồ sơ nào.', en: 'You have not submitted any dossier yet.' },
  find: { vi: 'Tìm thủ tục để nộp hồ sơ', en: 'Find a procedure to apply for' },
};

export const lookupPage = {
  title: { vi: 'Tra cứu hồ sơ', en: 'Look up a dossier' },
  intro: {
    vi: 'Nhập mã hồ sơ in trên giấy biên nhận và 4 chữ số cuối số điện thoại của người nộp để xem trạng thái. Không cần đăng nhập; thông tin cá nhân không được hiển thị.',
    en: 'Enter the code printed on your receipt and the last 4 digits of the applicant’s phone number to see its status. No sign-in needed; no personal details are shown.',
  },
  digitsLabel: { vi: '4 chữ số cuối số điện thoại của người nộp', en: 'Last 4 digits of the applicant’s phone number' },
  digitsHint: {
    vi: 'Số điện thoại ghi trên giấy biên nhận. Hồ sơ không có số điện thoại: 4 chữ số cuối số định danh cá nhân.',
    en: 'The phone number on the receipt. A dossier without a phone number: the last 4 digits of the personal ID number.',
  },
  label: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  hint: { vi: 'Ví dụ: 000.00.20.H26-260213-0001', en: 'For example: 000.00.20.H26-260213-0001' },
  button: { vi: 'Tra cứu', en: 'Look up' },
  notFound: {
    vi: 'Không tìm thấy hồ sơ có mã “{code}” với 4 chữ số này. Kiểm tra lại mã trên giấy biên nhận và số điện thoại của người nộp.',
    en: 'No dossier has the code “{code}” with these 4 digits. Check the code on your receipt and the applicant’s phone number.',
  },
  malformed: {
    vi: 'Mã hồ sơ có dạng 000.00.20.H26-260213-0001.',
    en: 'A dossier code looks like 000.00.20.H26-260213-0001.',
  },
  result: { vi: 'Kết quả tra cứu', en: 'Result' },
  signInForMore: {
    vi: 'Người nộp hồ sơ đăng nhập để xem chi tiết, tệp đính kèm và quá trình xử lý.',
    en: 'Applicants can sign in to see the details, files and timeline.',
  },
};
