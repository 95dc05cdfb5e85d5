// Vietnamese first, with English. Procedure data itself (fields, agencies, documents) exists only in Vietnamese; names
// have an English translation for the procedures listed in data/procedures/names-en.csv.
import type { Text } from '../../platform/web/i18n.ts';
import type { Channel, Level, OnlineLevel, TimeUnit } from './schema.ts';

export const levelLabels: Record<Level, Text> = {
  ministry: { vi: 'Cấp bộ (trung ương)', en: 'Ministry (central)' },
  province: { vi: 'Cấp tỉnh', en: 'Province' },
  commune: { vi: 'Cấp xã', en: 'Commune' },
  other: { vi: 'Cơ quan khác', en: 'Other agency' },
};

export const channelLabels: Record<Channel, Text> = {
  direct: { vi: 'Trực tiếp', en: 'In person' },
  post: { vi: 'Dịch vụ bưu chính', en: 'By post' },
  online: { vi: 'Trực tuyến', en: 'Online' },
};

export const onlineLevelLabels: Record<OnlineLevel, Text> = {
  full: { vi: 'Toàn trình', en: 'Fully online' },
  partial: { vi: 'Một phần', en: 'Partly online' },
};

export const timeUnitLabels: Record<TimeUnit, Text> = {
  working_days: { vi: '{n} ngày làm việc', en: '{n} working days' },
  calendar_days: { vi: '{n} ngày', en: '{n} calendar days' },
  hours: { vi: '{n} giờ', en: '{n} hours' },
  within_day: { vi: 'Trong ngày', en: 'Within the day' },
};

/** The same for one (English has a singular): "1 working day", not "1 working days". */
export const timeUnitOne: Record<Exclude<TimeUnit, 'within_day'>, Text> = {
  working_days: { vi: '1 ngày làm việc', en: '1 working day' },
  calendar_days: { vi: '1 ngày', en: '1 calendar day' },
  hours: { vi: '1 giờ', en: '1 hour' },
};

export const page = {
  listTitle: { vi: 'Thủ tục hành chính', en: 'Administrative procedures' },
  listLead: {
    vi: 'Tra cứu {n} thủ tục hành chính: hồ sơ cần chuẩn bị, thời hạn giải quyết, phí, lệ phí và cách nộp.',
    en: 'Look up {n} administrative procedures: the documents you need, processing times, fees and how to submit.',
  },
  searchLegend: { vi: 'Tìm thủ tục', en: 'Find a procedure' },
  searchLabel: { vi: 'Tên hoặc mã thủ tục', en: 'Procedure name or code' },
  searchHint: {
    vi: 'Có thể gõ không dấu hoặc bằng tiếng Anh, ví dụ: doi bang lai xe, cap lai ho chieu, birth registration, 1.001193.',
    en: 'In English or Vietnamese, accents optional, e.g. renew driving licence, birth registration, doi bang lai xe, 1.001193.',
  },
  fieldLabel: { vi: 'Lĩnh vực', en: 'Field' },
  agencyLabel: { vi: 'Cơ quan ban hành', en: 'Issuing agency' },
  levelLabel: { vi: 'Cấp thực hiện', en: 'Level' },
  onlineLabel: { vi: 'Nộp trực tuyến', en: 'Online submission' },
  all: { vi: 'Tất cả', en: 'All' },
  onlineYes: { vi: 'Có nộp trực tuyến', en: 'Can be submitted online' },
  onlineNo: { vi: 'Không nộp trực tuyến', en: 'Cannot be submitted online' },
  onlineFull: { vi: 'Dịch vụ công trực tuyến toàn trình', en: 'Fully online service' },
  searchButton: { vi: 'Tìm kiếm', en: 'Search' },
  clear: { vi: 'Xóa bộ lọc', en: 'Clear filters' },
  resultsHeading: { vi: 'Tìm thấy {n} thủ tục', en: '{n} procedures found' },
  resultsRange: { vi: 'Hiển thị {from}–{to} trong {n} thủ tục', en: 'Showing {from}–{to} of {n} procedures' },
  expandedNote: { vi: 'Đã tìm cả: {list}', en: 'Also searched for: {list}' },
  noResults: {
    vi: 'Không có thủ tục nào phù hợp. Hãy thử từ khóa ngắn hơn hoặc bỏ bớt bộ lọc.',
    en: 'No procedure matches. Try fewer words or remove some filters.',
  },
  colCode: { vi: 'Mã', en: 'Code' },
  colName: { vi: 'Tên thủ tục', en: 'Procedure' },
  colField: { vi: 'Lĩnh vực', en: 'Field' },
  colLevel: { vi: 'Cấp thực hiện', en: 'Level' },
  colTime: { vi: 'Thời hạn giải quyết', en: 'Processing time' },
  colOnline: { vi: 'Trực tuyến', en: 'Online' },
  badgeOnline: { vi: 'Nộp trực tuyến', en: 'Online' },
  pagination: { vi: 'Phân trang', en: 'Pagination' },
  previous: { vi: '« Trang trước', en: '« Previous page' },
  next: { vi: 'Trang sau »', en: 'Next page »' },
  pageOf: { vi: 'Trang {page}/{pages}', en: 'Page {page} of {pages}' },
  noInfo: { vi: 'Không có thông tin', en: 'No information' },
  unitNone: { vi: '{n} (không rõ đơn vị)', en: '{n} (unit not stated)' },
} as const;

export const detail = {
  nameVi: { vi: 'Tên tiếng Việt', en: 'Vietnamese name' },
  code: { vi: 'Mã thủ tục', en: 'Procedure code' },
  general: { vi: 'Thông tin chung', en: 'General information' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  procedureType: { vi: 'Loại thủ tục', en: 'Type' },
  levels: { vi: 'Cấp thực hiện', en: 'Level' },
  issuingAgency: { vi: 'Cơ quan ban hành', en: 'Issuing agency' },
  implementingAgencies: { vi: 'Cơ quan thực hiện', en: 'Implementing agencies' },
  competentAgency: { vi: 'Cơ quan có thẩm quyền', en: 'Competent agency' },
  receivingAddress: { vi: 'Địa chỉ tiếp nhận hồ sơ', en: 'Where to submit' },
  applicantTypes: { vi: 'Đối tượng thực hiện', en: 'Who can apply' },
  decisionNumber: { vi: 'Quyết định công bố', en: 'Publishing decision' },
  howTo: { vi: 'Cách thức thực hiện', en: 'How to submit' },
  channels: { vi: 'Hình thức nộp', en: 'Channels' },
  onlineLevel: { vi: 'Mức độ dịch vụ công trực tuyến', en: 'Online service level' },
  notOnline: { vi: 'Không nộp trực tuyến', en: 'Not available online' },
  byChannel: { vi: 'Thời hạn và phí, lệ phí theo từng hình thức nộp', en: 'Time and fees for each channel' },
  channelCol: { vi: 'Hình thức', en: 'Channel' },
  timeCol: { vi: 'Thời hạn', en: 'Time' },
  feeCol: { vi: 'Phí, lệ phí', en: 'Fees' },
  descriptionCol: { vi: 'Mô tả', en: 'Description' },
  processingTime: { vi: 'Thời hạn giải quyết', en: 'Processing time' },
  sourceText: { vi: 'Theo văn bản gốc: {text}', en: 'As published: {text}' },
  fees: { vi: 'Phí, lệ phí', en: 'Fees' },
  feeItem: { vi: 'Khoản thu', en: 'Item' },
  feeAmount: { vi: 'Số tiền', en: 'Amount' },
  free: { vi: 'Miễn phí', en: 'Free' },
  amountUnknown: { vi: 'Xem mô tả', en: 'See the description' },
  documents: { vi: 'Thành phần hồ sơ', en: 'Required documents' },
  documentName: { vi: 'Tên giấy tờ', en: 'Document' },
  originals: { vi: 'Bản chính', en: 'Originals' },
  copies: { vi: 'Bản sao', en: 'Copies' },
  form: { vi: 'Mẫu đơn, tờ khai', en: 'Form' },
  originalText: { vi: 'Văn bản gốc', en: 'Text as published' },
  steps: { vi: 'Trình tự thực hiện', en: 'Steps' },
  conditions: { vi: 'Yêu cầu, điều kiện', en: 'Requirements and conditions' },
  result: { vi: 'Kết quả thực hiện', en: 'Result' },
  resultCode: { vi: 'mã {code}', en: 'code {code}' },
  legalBasis: { vi: 'Căn cứ pháp lý', en: 'Legal basis' },
  version: { vi: 'Phiên bản', en: 'Version' },
  versionLine: { vi: 'Phiên bản {v}, có hiệu lực từ ngày {date}.', en: 'Version {v}, in force from {date}.' },
  versionsCaption: { vi: 'Các phiên bản', en: 'All versions' },
  versionCol: { vi: 'Phiên bản', en: 'Version' },
  effectiveCol: { vi: 'Hiệu lực từ', en: 'In force from' },
  sourceCol: { vi: 'Nguồn', en: 'Source' },
  source: { vi: 'Nguồn: Cơ sở dữ liệu quốc gia về thủ tục hành chính', en: 'Source: national database of administrative procedures' },
  sourceLink: { vi: 'Xem trên Cổng Dịch vụ công quốc gia', en: 'View on the National Public Service Portal' },
  back: { vi: '« Quay lại danh sách thủ tục', en: '« Back to the list of procedures' },
  submitOnline: { vi: 'Nộp hồ sơ trực tuyến', en: 'Apply online' },
  noOnline: {
    vi: 'Thủ tục này chưa nhận hồ sơ trực tuyến: vui lòng nộp trực tiếp hoặc qua bưu chính.',
    en: 'This procedure does not take online applications yet: please apply in person or by post.',
  },
  noTimeLimit: {
    vi: 'Thủ tục này chưa công bố thời hạn giải quyết để hẹn ngày trả kết quả, nên chưa nhận hồ sơ trực tuyến: vui lòng nộp trực tiếp, cán bộ tiếp nhận sẽ hẹn ngày trả.',
    en: 'This procedure publishes no processing time to set a return date from, so it does not take online applications: please apply in person; the officer sets the return date.',
  },
  none: { vi: 'Không có', en: 'None' },
} as const;

/** Fees as rules and the same-day rule, in words (format.ts, the procedure page). */
export const feeWords = {
  withinDayRule: {
    vi: 'Trong ngày làm việc; nhận hồ sơ sau {h} giờ thì trả kết quả trong ngày làm việc tiếp theo',
    en: 'The same working day; received after {h}:00, the next working day',
  },
  fromTo: { vi: 'từ {from} đến hết {to}', en: 'from {from} to {to}' },
  fromOnly: { vi: 'từ {from}', en: 'from {from}' },
  toOnly: { vi: 'đến hết {to}', en: 'until {to}' },
  percent: { vi: '{p}% mức thu', en: '{p}% of the standard rate' },
  asPublished: { vi: 'Theo văn bản', en: 'As published' },
  atCounter: { vi: 'Tính và thu tại cơ quan tiếp nhận', en: 'Worked out and paid at the receiving agency' },
  todayCaption: { vi: 'Mức thu áp dụng hôm nay, {date}, theo hình thức nộp', en: 'Fees that apply today, {date}, by channel' },
  ruleCol: { vi: 'Căn cứ (trích văn bản)', en: 'Rule (from the published text)' },
  rateCol: { vi: 'Mức thu', en: 'Rate' },
  caseCol: { vi: 'Trường hợp', en: 'Case' },
  allCases: { vi: 'Mọi trường hợp', en: 'Every case' },
  periodCol: { vi: 'Thời gian áp dụng', en: 'In force' },
  statusCol: { vi: 'Tình trạng', en: 'Status' },
  expired: { vi: 'Đã hết hạn', en: 'Expired' },
  upcoming: { vi: 'Chưa áp dụng', en: 'Not yet in force' },
  allChannels: { vi: 'Mọi hình thức', en: 'Every channel' },
  otherPeriods: { vi: 'Mức thu có thời hạn không áp dụng hôm nay', en: 'Time-limited rates that do not apply today' },
  counterNote: {
    vi: 'Mức thu phụ thuộc trường hợp, số trang, số bản hoặc chưa được ghi thành số tiền trong văn bản: cơ quan tiếp nhận tính và thu khi giải quyết hồ sơ.',
    en: 'The fee depends on the case or on a count of pages or copies, or the text does not put it in figures: the receiving agency works it out and collects it.',
  },
  notStated: { vi: 'Văn bản không nêu phí, lệ phí.', en: 'The published text states no fee.' },
  timeBasis: { vi: 'Căn cứ xác định thời hạn:', en: 'Where this time comes from:' },
} as const satisfies Record<string, Text>;

export const configErrors = {
  onlineLevel: { vi: 'Mức độ trực tuyến phải là "full" (toàn trình) hoặc "partial" (một phần).', en: 'The online level must be "full" or "partial".' },
  notOnline: { vi: 'Thủ tục này không có hình thức nộp trực tuyến.', en: 'This procedure cannot be submitted online.' },
  eform: { vi: 'Biểu mẫu điện tử phải là một đối tượng JSON Schema.', en: 'The e-form must be a JSON Schema object.' },
  workflowRef: { vi: 'Mã quy trình tối đa 200 ký tự.', en: 'The workflow reference has at most 200 characters.' },
  effectiveFrom: {
    vi: 'Ngày hiệu lực phải có dạng YYYY-MM-DD và không trước ngày hiệu lực của phiên bản hiện tại.',
    en: 'The effective date must be YYYY-MM-DD and not before the current version’s.',
  },
} as const satisfies Record<string, Text>;
