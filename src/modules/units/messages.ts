// Every user-facing text of the units module, Vietnamese first, with English.
import type { AgencyKind, MergeType, UnitTypeName } from './schema.ts';

export const units = {
  listTitle: { vi: 'Đơn vị hành chính Thành phố Hà Nội', en: 'Administrative units of Hà Nội' },
  listLead: {
    vi: 'Từ ngày 01/7/2025, chính quyền địa phương có hai cấp. Thành phố Hà Nội có {total} đơn vị hành chính cấp xã: {phuong} phường và {xa} xã.',
    en: 'Since 1 July 2025 local government has two tiers. Hà Nội has {total} commune-level units: {phuong} wards and {xa} communes.',
  },
  searchLegend: { vi: 'Tìm đơn vị hành chính', en: 'Find an administrative unit' },
  searchLabel: { vi: 'Tên phường, xã', en: 'Name of the ward or commune' },
  searchHint: { vi: 'Có thể gõ không dấu, ví dụ: hoan kiem', en: 'Accents are optional, for example: hoan kiem' },
  typeLabel: { vi: 'Loại đơn vị', en: 'Type of unit' },
  typeAll: { vi: 'Tất cả', en: 'All' },
  searchButton: { vi: 'Tìm kiếm', en: 'Search' },
  resultsFor: { vi: '{n} kết quả cho “{q}”', en: '{n} results for “{q}”' },
  noResults: {
    vi: 'Không tìm thấy đơn vị nào phù hợp. Hãy kiểm tra chính tả hoặc thử tra cứu theo tên đơn vị cũ.',
    en: 'No unit matches. Check the spelling, or try the lookup by former unit name.',
  },
  clearSearch: { vi: 'Xem toàn bộ danh sách', en: 'Show the whole list' },
  oldLookupLink: { vi: 'Tra cứu đơn vị hành chính cũ (trước 01/7/2025)', en: 'Look up a former unit (before 1 July 2025)' },
  agenciesLink: { vi: 'Danh sách cơ quan, đơn vị', en: 'List of agencies' },
  groupHeading: { vi: '{type} ({n})', en: '{type} ({n})' },
  code: { vi: 'Mã', en: 'Code' },
  name: { vi: 'Tên', en: 'Name' },

  detailType: { vi: 'Loại đơn vị', en: 'Type' },
  detailCode: { vi: 'Mã đơn vị (Tổng cục Thống kê)', en: 'Unit code (statistics office)' },
  detailNameEn: { vi: 'Tên tiếng Anh', en: 'English name' },
  detailProvince: { vi: 'Trực thuộc', en: 'Part of' },
  detailEffective: { vi: 'Hiệu lực từ', en: 'In force since' },
  detailFormedFrom: { vi: 'Hình thành từ', en: 'Formed from' },
  detailNotes: { vi: 'Ghi chú', en: 'Notes' },
  detailCommunes: { vi: 'Số đơn vị cấp xã', en: 'Commune-level units' },
  detailCommunesLink: { vi: 'Xem danh sách phường, xã', en: 'See the wards and communes' },
  agenciesHeading: { vi: 'Cơ quan', en: 'Agencies' },
  noAgencies: { vi: 'Chưa có cơ quan nào được khai báo cho đơn vị này.', en: 'No agency is recorded for this unit.' },
  formerHeading: { vi: 'Các đơn vị hành chính cũ sáp nhập vào', en: 'Former units merged into it' },
  formerNone: { vi: 'Không có dữ liệu đơn vị cũ cho đơn vị này.', en: 'There are no former units on record for this unit.' },
  formerDistrict: { vi: 'Quận, huyện cũ', en: 'Former district' },
  mergeType: { vi: 'Mức sáp nhập', en: 'Merged' },
  backToList: { vi: 'Quay lại danh sách đơn vị hành chính', en: 'Back to the list of units' },

  oldTitle: { vi: 'Tra cứu đơn vị hành chính cũ', en: 'Look up a former administrative unit' },
  oldLead: {
    vi: 'Nhập tên hoặc mã phường, xã, thị trấn trước ngày 01/7/2025 để biết đơn vị hành chính hiện nay.',
    en: 'Enter the name or code of a ward, commune or town as it was before 1 July 2025 to find today’s unit.',
  },
  oldLabel: { vi: 'Tên hoặc mã đơn vị cũ', en: 'Name or code of the former unit' },
  oldHint: { vi: 'Ví dụ: Phúc Xá, phuc xa hoặc 00001', en: 'For example: Phúc Xá, phuc xa or 00001' },
  oldResultsFor: { vi: '{n} đơn vị cũ phù hợp với “{q}”', en: '{n} former units match “{q}”' },
  oldNoResults: {
    vi: 'Không tìm thấy đơn vị cũ nào phù hợp. Dữ liệu hiện có: các đơn vị cũ của Thành phố Hà Nội.',
    en: 'No former unit matches. The data on record covers Hà Nội’s former units.',
  },
  oldUnit: { vi: 'Đơn vị cũ', en: 'Former unit' },
  oldCode: { vi: 'Mã cũ', en: 'Former code' },
  newUnit: { vi: 'Đơn vị hiện nay', en: 'Unit today' },

  agenciesTitle: { vi: 'Cơ quan, đơn vị', en: 'Agencies' },
  agenciesLead: {
    vi: 'Ủy ban nhân dân Thành phố, Trung tâm Phục vụ hành chính công, các sở, ngành và Ủy ban nhân dân các phường, xã.',
    en: 'The City People’s Committee, the Public Administration Service Centre, the city departments and the People’s Committees of the wards and communes.',
  },
  agenciesNote: {
    vi: 'Mã định danh theo cấu trúc QCVN 102:2016 (13 ký tự) là dữ liệu cấu hình của hệ thống.',
    en: 'Agency identifiers follow the QCVN 102:2016 pattern (13 characters) and are configuration data of this system.',
  },
  agenciesPublic: {
    vi: 'Chọn tên một cơ quan để xem kết quả giải quyết thủ tục hành chính mà cơ quan đó công khai.',
    en: 'Choose an agency’s name to see the results of handling applications it publishes.',
  },
  agencySearchLabel: { vi: 'Tên cơ quan', en: 'Agency name' },
  agencyKindLabel: { vi: 'Loại cơ quan', en: 'Kind of agency' },
  agencyCode: { vi: 'Mã định danh', en: 'Identifier' },
  agencyName: { vi: 'Tên cơ quan', en: 'Agency' },
  agencyUnit: { vi: 'Địa bàn', en: 'Area' },
  agenciesCount: { vi: '{n} cơ quan', en: '{n} agencies' },
  agenciesNone: { vi: 'Không tìm thấy cơ quan nào phù hợp.', en: 'No agency matches.' },
} as const;

export const unitTypeLabels: Record<UnitTypeName, { vi: string; en: string }> = {
  'Thành phố': { vi: 'Thành phố trực thuộc trung ương', en: 'Centrally governed city' },
  Tỉnh: { vi: 'Tỉnh', en: 'Province' },
  Phường: { vi: 'Phường', en: 'Ward' },
  Xã: { vi: 'Xã', en: 'Commune' },
  'Đặc khu': { vi: 'Đặc khu', en: 'Special zone' },
};

export const unitTypePlurals: Record<UnitTypeName, { vi: string; en: string }> = {
  'Thành phố': { vi: 'Thành phố', en: 'Cities' },
  Tỉnh: { vi: 'Tỉnh', en: 'Provinces' },
  Phường: { vi: 'Phường', en: 'Wards' },
  Xã: { vi: 'Xã', en: 'Communes' },
  'Đặc khu': { vi: 'Đặc khu', en: 'Special zones' },
};

export const mergeTypeLabels: Record<MergeType, { vi: string; en: string }> = {
  full: { vi: 'Toàn bộ', en: 'Whole' },
  partial: { vi: 'Một phần', en: 'In part' },
};

export const agencyKindLabels: Record<AgencyKind, { vi: string; en: string }> = {
  city_committee: { vi: 'Ủy ban nhân dân Thành phố', en: 'City People’s Committee' },
  service_centre: { vi: 'Trung tâm Phục vụ hành chính công', en: 'Public Administration Service Centre' },
  service_centre_branch: { vi: 'Chi nhánh Trung tâm Phục vụ hành chính công', en: 'Service Centre branches' },
  department: { vi: 'Sở, ban, ngành', en: 'City departments' },
  commune_committee: { vi: 'Ủy ban nhân dân phường, xã', en: 'People’s Committees of wards and communes' },
  other: { vi: 'Cơ quan khác', en: 'Other agencies' },
};

/** Import problems, one per bad row; `{x}` placeholders are filled in. */
export const importIssues = {
  missingColumns: { vi: 'tệp thiếu cột: {columns}', en: 'the file lacks columns: {columns}' },
  fieldCount: { vi: 'dòng có {n} cột, tiêu đề có {m} cột', en: 'the row has {n} fields, the header {m}' },
  required: { vi: 'thiếu giá trị cột {column}', en: 'no value in column {column}' },
  badCode: { vi: 'cột {column} = “{value}” không phải mã {digits} chữ số', en: 'column {column} = “{value}” is not a {digits}-digit code' },
  badType: { vi: 'loại đơn vị “{value}” không hợp lệ (cho phép: {allowed})', en: 'unit type “{value}” is not valid (allowed: {allowed})' },
  badMerge: { vi: 'merge_type “{value}” không hợp lệ (full hoặc partial)', en: 'merge_type “{value}” is not valid (full or partial)' },
  tooLong: { vi: 'cột {column} dài quá {max} ký tự', en: 'column {column} is longer than {max} characters' },
  duplicate: { vi: 'trùng mã với dòng {line}', en: 'same code as line {line}' },
  noProvince: {
    vi: 'tỉnh/thành phố {code} chưa có trong cơ sở dữ liệu (nhập tệp provinces_2025.csv trước)',
    en: 'province {code} is not in the database (import provinces_2025.csv first)',
  },
  noNewUnit: {
    vi: 'đơn vị mới {code} chưa có trong cơ sở dữ liệu (nhập tệp phường, xã của tỉnh này trước)',
    en: 'new unit {code} is not in the database (import that province’s wards first)',
  },
  notUnicode: { vi: 'không đọc được văn bản ở cột {column}', en: 'the text in column {column} cannot be read' },
} as const;
