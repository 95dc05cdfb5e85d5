import { defineErrors } from '../../platform/http/errors.ts';

export const UnitErrors = defineErrors({
  UNIT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy đơn vị hành chính có mã này.',
    en: 'No administrative unit has this code.',
  },
  UNIT_CODE_MALFORMED: {
    status: 400,
    vi: 'Mã đơn vị hành chính không hợp lệ: mã tỉnh có 2 chữ số, mã xã/phường có 5 chữ số.',
    en: 'The unit code is not valid: a province code has 2 digits, a commune or ward code 5 digits.',
  },
  UNIT_TYPE_UNKNOWN: {
    status: 400,
    vi: 'Loại đơn vị không hợp lệ (thanh-pho, tinh, phuong, xa, dac-khu).',
    en: 'The unit type is not valid (thanh-pho, tinh, phuong, xa, dac-khu).',
  },
  QUERY_TOO_LONG: {
    status: 400,
    vi: 'Từ khóa tìm kiếm quá dài (tối đa 100 ký tự).',
    en: 'The search text is too long (100 characters at most).',
  },
  OLD_QUERY_REQUIRED: {
    status: 400,
    vi: 'Nhập tên hoặc mã đơn vị hành chính cũ (trước ngày 01/7/2025) để tra cứu.',
    en: 'Enter the name or code of a former administrative unit (before 1 July 2025) to look it up.',
  },
  AGENCY_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy cơ quan có mã này.',
    en: 'No agency has this code.',
  },
  AGENCY_CODE_MALFORMED: {
    status: 400,
    vi: 'Mã định danh cơ quan không hợp lệ (dạng 000.00.00.H26, 13 ký tự).',
    en: 'The agency identifier is not valid (13 characters, like 000.00.00.H26).',
  },
  AGENCY_KIND_UNKNOWN: {
    status: 400,
    vi: 'Loại cơ quan không hợp lệ.',
    en: 'The agency kind is not valid.',
  },
  UNIT_FILE_UNKNOWN: {
    status: 400,
    vi: 'Không nhận ra định dạng tệp: cần tệp CSV có dòng tiêu đề như provinces_2025.csv, wards_2025.csv hoặc old_to_new_ward_mapping.csv.',
    en: 'Unrecognised file: expected a CSV with a header like provinces_2025.csv, wards_2025.csv or old_to_new_ward_mapping.csv.',
  },
  AGENCY_FILE_INVALID: {
    status: 500,
    vi: 'Tệp danh sách cơ quan không hợp lệ.',
    en: 'The agency list file is not valid.',
  },
});
