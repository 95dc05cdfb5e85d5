// Texts of the e-form engine. Error reasons are written to follow the field's label after a colon:
// "Họ và tên của trẻ: không được để trống" / "Child's full name: required".

export const form = {
  optional: { vi: '(không bắt buộc)', en: '(optional)' },
  choose: { vi: '— Chọn —', en: '— Choose —' },
  addressCommune: { vi: 'Phường, xã', en: 'Ward or commune' },
  addressStreet: { vi: 'Số nhà, ngõ, đường phố, tổ dân phố hoặc thôn', en: 'House number, lane, street, residential group or village' },
  documentsTitle: { vi: 'Giấy tờ kèm theo', en: 'Attached documents' },
  documentsIntro: {
    vi: 'Tải lên bản chụp hoặc bản quét rõ nét, đầy đủ các trang của từng giấy tờ.',
    en: 'Upload a clear photo or scan of every page of each document.',
  },
  documentRequired: { vi: 'Bắt buộc', en: 'Required' },
  documentOptional: { vi: 'Không bắt buộc', en: 'Optional' },
  originals: { vi: '{n} bản chính', en: '{n} original(s)' },
  copies: { vi: '{n} bản sao', en: '{n} copy(ies)' },
  accepts: { vi: 'Định dạng {types}; tối đa {size}.', en: 'Format {types}; up to {size}.' },
} as const;

export const reasons = {
  required: { vi: 'không được để trống', en: 'required' },
  choose: { vi: 'chưa chọn', en: 'select an option' },
  chooseSome: { vi: 'chọn ít nhất một mục', en: 'select at least one option' },
  address: {
    vi: 'chọn phường, xã và nhập số nhà, đường phố',
    en: 'choose the ward or commune and enter the house number and street',
  },
  tick: { vi: 'cần đánh dấu để xác nhận', en: 'must be ticked to confirm' },
  // A single checkbox's label is a whole sentence (a declaration): its error does not repeat it.
  tickBox: { vi: 'Cần đánh dấu ô xác nhận trước khi nộp', en: 'Tick the confirmation box before you submit' },
  notNumber: { vi: 'phải là một số', en: 'must be a number' },
  notInteger: { vi: 'phải là số nguyên', en: 'must be a whole number' },
  wrongType: { vi: 'không đúng kiểu dữ liệu', en: 'has the wrong type of value' },
  date: {
    vi: 'ngày không hợp lệ, hãy nhập theo dạng ngày/tháng/năm, ví dụ 15/03/2024',
    en: 'not a real date; enter it as day/month/year, for example 15/03/2024',
  },
  email: { vi: 'địa chỉ thư điện tử không hợp lệ, ví dụ ten@example.com', en: 'not a valid e-mail address, for example name@example.com' },
  format: { vi: 'không đúng định dạng', en: 'is not in the right format' },
  pattern: { vi: 'không đúng định dạng', en: 'is not in the right format' },
  minLength: { vi: 'phải có ít nhất {n} ký tự', en: 'must be at least {n} characters' },
  maxLength: { vi: 'không được quá {n} ký tự', en: 'must be {n} characters or fewer' },
  minimum: { vi: 'phải từ {n} trở lên', en: 'must be {n} or more' },
  maximum: { vi: 'không được lớn hơn {n}', en: 'must be {n} or less' },
  exclusiveMinimum: { vi: 'phải lớn hơn {n}', en: 'must be more than {n}' },
  exclusiveMaximum: { vi: 'phải nhỏ hơn {n}', en: 'must be less than {n}' },
  dateMinimum: { vi: 'phải từ ngày {n} trở đi', en: 'must be on or after {n}' },
  dateMaximum: { vi: 'không được sau ngày {n}', en: 'must be on or before {n}' },
  minItems: { vi: 'chọn ít nhất {n} mục', en: 'select at least {n} options' },
  maxItems: { vi: 'chọn không quá {n} mục', en: 'select {n} options or fewer' },
  notInList: { vi: 'giá trị không có trong danh sách, hãy chọn lại', en: 'choose one of the options listed' },
  notFutureDate: { vi: 'không được là ngày trong tương lai', en: 'must not be in the future' },
  notFutureYear: { vi: 'không được sau năm hiện tại', en: 'must not be later than this year' },
  phone: {
    vi: 'không hợp lệ; nhập số di động 10 chữ số (ví dụ 0912 345 678) hoặc số cố định kèm mã vùng (ví dụ 024 3825 1234)',
    en: 'not valid; enter a 10-digit mobile number (e.g. 0912 345 678) or a landline with its area code (e.g. 024 3825 1234)',
  },
  unknownUnit: { vi: 'không có trong danh sách phường, xã của Hà Nội', en: 'is not one of Hà Nội’s wards and communes' },
  invalid: { vi: 'không hợp lệ', en: 'is not valid' },
} as const;

export const fileReasons = {
  missing: { vi: 'chưa tải lên tệp', en: 'upload a file' },
  type: { vi: 'tệp phải có định dạng {types}', en: 'the file must be {types}' },
  tooLarge: { vi: 'tệp vượt quá {size}', en: 'the file is larger than {size}' },
  empty: { vi: 'tệp rỗng', en: 'the file is empty' },
} as const;

export const answers = {
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
  notGiven: { vi: 'Không khai', en: 'Not given' },
  change: { vi: 'Thay đổi', en: 'Change' },
  title: { vi: 'Nội dung tờ khai', en: 'Answers on the form' },
  changesTitle: { vi: 'Nội dung tờ khai đã sửa khi bổ sung', en: 'Answers corrected in a supplement' },
  field: { vi: 'Mục', en: 'Field' },
  before: { vi: 'Trước', en: 'Before' },
  after: { vi: 'Sau', en: 'After' },
  changedAt: { vi: 'Thời điểm', en: 'When' },
} as const;
