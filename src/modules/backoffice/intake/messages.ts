// Text of the counter-intake pages (tiếp nhận hồ sơ trực tiếp), Vietnamese first, with English.

export const searchPage = {
  title: { vi: 'Tiếp nhận hồ sơ trực tiếp', en: 'Take a dossier at the counter' },
  lead: {
    vi: 'Tìm thủ tục của hồ sơ người dân mang đến, rồi nhập tờ khai thay cho họ và đính kèm bản quét giấy tờ.',
    en: 'Find the procedure of the dossier the applicant brought, then fill in the form on their behalf and attach the scanned papers.',
  },
  scopeCommune: { vi: 'Cơ quan của bạn tiếp nhận các thủ tục cấp xã.', en: 'Your agency receives commune-level procedures.' },
  scopeProvince: { vi: 'Cơ quan của bạn tiếp nhận các thủ tục cấp tỉnh.', en: 'Your agency receives province-level procedures.' },
  scopeAll: { vi: 'Cơ quan của bạn tiếp nhận thủ tục của mọi cấp.', en: 'Your agency receives procedures of every level.' },
  searchLabel: { vi: 'Tìm thủ tục', en: 'Find a procedure' },
  searchHint: { vi: 'Tên thủ tục (có dấu hoặc không dấu) hoặc mã thủ tục, ví dụ 1.001193.', en: 'Procedure name (accents optional) or code, e.g. 1.001193.' },
  search: { vi: 'Tìm', en: 'Search' },
  clear: { vi: 'Xóa tìm kiếm', en: 'Clear the search' },
  caption: { vi: '{n} thủ tục, trang {page}/{pages}', en: '{n} procedures, page {page} of {pages}' },
  captionSearch: { vi: 'Tìm “{q}”: {n} thủ tục, trang {page}/{pages}', en: 'Search “{q}”: {n} procedures, page {page} of {pages}' },
  empty: { vi: 'Không có thủ tục nào phù hợp mà cơ quan của bạn tiếp nhận.', en: 'No procedure your agency receives matches.' },
  code: { vi: 'Mã thủ tục', en: 'Code' },
  name: { vi: 'Tên thủ tục', en: 'Procedure' },
  level: { vi: 'Cấp thực hiện', en: 'Level' },
  take: { vi: 'Tiếp nhận', en: 'Take' },
  takeLabel: { vi: 'Tiếp nhận hồ sơ thủ tục {code}', en: 'Take a dossier of procedure {code}' },
  tableLabel: { vi: 'Danh sách thủ tục', en: 'Procedure list' },
  previous: { vi: 'Trang trước', en: 'Previous page' },
  next: { vi: 'Trang sau', en: 'Next page' },
  pagination: { vi: 'Phân trang', en: 'Pages' },
  inbox: { vi: 'Về danh sách hồ sơ', en: 'Back to the dossier list' },
};

export const formPage = {
  caption: { vi: 'Tiếp nhận hồ sơ trực tiếp', en: 'Counter intake' },
  lead: {
    vi: 'Nhập thông tin theo giấy tờ của người nộp (không lấy từ tài khoản của bạn) và đính kèm bản quét của từng giấy tờ.',
    en: 'Type the applicant’s details from their papers (not from your account) and attach a scan of each document.',
  },
  procedureCode: { vi: 'Mã thủ tục', en: 'Procedure code' },
  processingTime: { vi: 'Thời hạn giải quyết', en: 'Processing time' },
  agency: { vi: 'Cơ quan tiếp nhận', en: 'Receiving agency' },
  feesTitle: { vi: 'Phí, lệ phí cần thu', en: 'Fees to collect' },
  feesNone: { vi: 'Thủ tục này không có khoản phí, lệ phí ghi bằng tiền đồng.', en: 'This procedure states no fee in đồng.' },
  feesTotal: { vi: 'Tổng cộng', en: 'Total' },
  feesNote: {
    vi: 'Thu tại quầy hoặc để người nộp chuyển khoản bằng mã VietQR trên giấy biên nhận.',
    en: 'Collect it at the counter, or the applicant pays by bank transfer with the VietQR code on the receipt.',
  },
  submit: { vi: 'Tiếp nhận hồ sơ', en: 'Record the dossier' },
  filesAgain: {
    vi: 'Hồ sơ chưa được lưu. Các tệp đã chọn không được giữ lại: vui lòng chọn lại tệp quét của từng giấy tờ trước khi gửi.',
    en: 'The dossier was not saved. The files you chose were not kept: please choose the scan of each document again before sending.',
  },
  back: { vi: 'Chọn thủ tục khác', en: 'Choose another procedure' },
};
