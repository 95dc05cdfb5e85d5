// The schools' IT pages' words, Vietnamese first with English: one source for every label and figure name.
import type { Text } from '../../platform/web/i18n.ts';
import type { ReportState, ValueField } from './repo.ts';

export const FIELD_LABELS: Record<ValueField, Text> = {
  computers_teaching: { vi: 'Số máy tính dùng cho dạy học', en: 'Computers for teaching' },
  computers_admin: { vi: 'Số máy tính dùng cho quản lý, hành chính', en: 'Computers for administration' },
  computer_rooms: { vi: 'Số phòng máy tính', en: 'Computer rooms' },
  networked_rooms: { vi: 'Số phòng máy tính có nối mạng', en: 'Networked computer rooms' },
  projectors: { vi: 'Số máy chiếu', en: 'Projectors' },
  screens: { vi: 'Số màn hình tương tác, ti vi dùng dạy học', en: 'Interactive screens and TVs for teaching' },
  internet: { vi: 'Trường có kết nối Internet', en: 'The school is connected to the Internet' },
  bandwidth_mbps: { vi: 'Băng thông Internet (Mbit/s)', en: 'Internet bandwidth (Mbit/s)' },
  pupils: { vi: 'Số học sinh', en: 'Pupils' },
};

export const STATE_LABELS: Record<ReportState | 'none', Text> = {
  none: { vi: 'Chưa lập báo cáo', en: 'No report yet' },
  draft: { vi: 'Đang nhập (nháp)', en: 'Draft' },
  submitted: { vi: 'Đã nộp, chờ kiểm tra', en: 'Submitted, awaiting check' },
  checked: { vi: 'Đã kiểm tra', en: 'Checked' },
  returned: { vi: 'Bị trả lại để sửa', en: 'Returned for correction' },
};

export const m = {
  title: { vi: 'Thiết bị CNTT của trường', en: "The school's IT equipment" },
  officeTitle: { vi: 'Thiết bị CNTT các trường', en: "Schools' IT equipment" },
  coverageTitle: { vi: 'Mức độ trang bị CNTT của các trường', en: "Coverage of schools' IT equipment" },
  noSchools: { vi: 'Tài khoản chưa được gắn với trường nào. Vui lòng liên hệ cơ quan giáo dục.', en: 'The account is not attached to any school yet. Please contact the education office.' },
  yourSchools: { vi: 'Các trường bạn phụ trách', en: 'The schools you report for' },
  schoolYear: { vi: 'Năm học', en: 'School year' },
  state: { vi: 'Trạng thái', en: 'State' },
  level: { vi: 'Cấp học', en: 'Level' },
  ward: { vi: 'Xã, phường', en: 'Commune or ward' },
  school: { vi: 'Trường', en: 'School' },
  all: { vi: 'Tất cả', en: 'All' },
  filter: { vi: 'Lọc', en: 'Filter' },
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
  notEntered: { vi: 'Chưa nhập', en: 'Not entered' },
  countHint: { vi: 'Số nguyên từ 0 đến 10.000.', en: 'A whole number from 0 to 10,000.' },
  bandwidthHint: { vi: 'Từ 0 đến 100.000; để trống nếu không có Internet.', en: 'From 0 to 100,000; leave empty without Internet.' },
  save: { vi: 'Lưu nháp', en: 'Save draft' },
  submit: { vi: 'Nộp báo cáo cho cơ quan giáo dục', en: 'Submit the report to the education office' },
  saved: { vi: 'Đã lưu số liệu.', en: 'The values were saved.' },
  submitted: { vi: 'Đã nộp báo cáo. Cơ quan giáo dục sẽ kiểm tra.', en: 'The report was submitted. The education office will check it.' },
  readOnly: { vi: 'Báo cáo đã nộp; chỉ sửa được khi cơ quan giáo dục trả lại.', en: 'The report is submitted; it can be edited only if the education office returns it.' },
  returnedBox: { vi: 'Cơ quan giáo dục trả lại báo cáo với nhận xét:', en: 'The education office returned the report with this comment:' },
  officeComment: { vi: 'Nhận xét của cơ quan giáo dục', en: "The education office's comment" },
  accept: { vi: 'Xác nhận đã kiểm tra', en: 'Accept as checked' },
  returnIt: { vi: 'Trả lại để trường sửa', en: 'Return to the school for correction' },
  returnReason: { vi: 'Lý do trả lại', en: 'Reason for returning' },
  accepted: { vi: 'Đã xác nhận báo cáo.', en: 'The report was accepted.' },
  returned: { vi: 'Đã trả lại báo cáo cho trường.', en: 'The report was returned to the school.' },
  open: { vi: 'Xem', en: 'Open' },
  none: { vi: 'Không có trường nào khớp bộ lọc.', en: 'No school matches the filter.' },
  shown: { vi: 'Hiện {n} trên {total} trường.', en: '{n} of {total} schools shown.' },
  previous: { vi: 'Trang trước', en: 'Previous page' },
  next: { vi: 'Trang sau', en: 'Next page' },
  coverageLink: { vi: 'Xem mức độ trang bị theo cấp học và theo xã, phường', en: 'See the coverage per level and per commune or ward' },
  listLink: { vi: 'Danh sách báo cáo', en: 'List of reports' },
  onlyChecked: {
    vi: 'Chỉ tính các báo cáo đã được cơ quan giáo dục kiểm tra; tỷ lệ là trên số trường có báo cáo đã kiểm tra.',
    en: 'Only reports checked by the education office count; shares are of the schools with a checked report.',
  },
  byLevel: { vi: 'Theo cấp học', en: 'Per level' },
  byWard: { vi: 'Theo xã, phường', en: 'Per commune or ward' },
  schools: { vi: 'Số trường', en: 'Schools' },
  checkedReports: { vi: 'Báo cáo đã kiểm tra', en: 'Checked reports' },
  shareComputers: { vi: 'Tỷ lệ trường có máy tính', en: 'Share with computers' },
  shareNetworked: { vi: 'Tỷ lệ trường có phòng máy nối mạng', en: 'Share with a networked computer room' },
  shareInternet: { vi: 'Tỷ lệ trường có Internet', en: 'Share with Internet' },
  pupilsPerComputer: { vi: 'Số học sinh/máy tính dạy học', en: 'Pupils per teaching computer' },
  normMax: { vi: 'Định mức tối đa (học sinh/máy)', en: 'Norm, at most (pupils per computer)' },
  shareMeetingNorm: { vi: 'Tỷ lệ trường đạt định mức', en: 'Share meeting the norm' },
  baseline: { vi: 'Hà Nội 2017', en: 'Hà Nội 2017' },
  normsNote: {
    vi: 'Định mức theo cấp học theo {doc}; các con số định mức là giả định hợp lý, chưa đối chiếu văn bản. Số liệu Hà Nội 2017 là số đã công bố.',
    en: 'Norms per level after {doc}; the norm figures are plausible, not checked against the letter. The Hà Nội 2017 figures are published ones.',
  },
  total: { vi: 'Toàn thành phố', en: 'Whole city' },
  chartTitle: { vi: 'Tỷ lệ trường có phòng máy nối mạng và có Internet, theo cấp học (%)', en: 'Share of schools with a networked computer room and with Internet, per level (%)' },
  wardChartTitle: { vi: 'Tỷ lệ trường có phòng máy nối mạng theo xã, phường (%)', en: 'Share of schools with a networked computer room per commune or ward (%)' },
} satisfies Record<string, Text>;

/** Field refusals, each naming the field (FIELD_LABELS) and the rule. */
export const fieldErrors = {
  count: (label: Text): Text => ({ vi: `${label.vi}: phải là số nguyên từ 0 đến 10.000.`, en: `${label.en}: must be a whole number from 0 to 10,000.` }),
  bandwidth: (label: Text): Text => ({ vi: `${label.vi}: phải là số từ 0 đến 100.000.`, en: `${label.en}: must be a number from 0 to 100,000.` }),
  yesNo: (label: Text): Text => ({ vi: `${label.vi}: vui lòng chọn Có hoặc Không.`, en: `${label.en}: please choose Yes or No.` }),
  networkedOverRooms: { vi: 'Số phòng máy tính có nối mạng không được lớn hơn số phòng máy tính.', en: 'Networked computer rooms cannot be more than computer rooms.' },
  bandwidthWithoutInternet: { vi: 'Trường không có Internet thì để trống băng thông (hoặc ghi 0).', en: 'Without Internet, leave the bandwidth empty (or 0).' },
  missing: (label: Text): Text => ({ vi: `${label.vi}: chưa nhập.`, en: `${label.en}: not entered.` }),
};
