import { defineErrors } from '../../platform/http/errors.ts';

export const SchoolItErrors = defineErrors({
  SCHOOL_NOT_FOUND: { status: 404, vi: 'Không tìm thấy trường trong danh sách trường bạn phụ trách.', en: 'The school is not among the schools you report for.' },
  REPORT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy báo cáo thiết bị CNTT của trường.', en: "The school's IT equipment report was not found." },
  INVALID: { status: 400, vi: 'Có số liệu chưa hợp lệ; các số liệu hợp lệ đã được lưu. Vui lòng sửa các trường được nêu.', en: 'Some values are not valid; the valid ones were saved. Please correct the fields listed.' },
  INCOMPLETE: { status: 400, vi: 'Báo cáo chưa được nộp: còn số liệu chưa nhập hoặc chưa hợp lệ. Các số liệu hợp lệ đã được lưu.', en: 'The report was not submitted: some values are missing or not valid. The valid ones were saved.' },
  NOT_EDITABLE: { status: 409, vi: 'Báo cáo đã nộp hoặc đã được kiểm tra nên không sửa được; không có gì bị thay đổi.', en: 'The report is submitted or checked and cannot be edited; nothing was changed.' },
  WRONG_STATE: { status: 409, vi: 'Báo cáo không ở trạng thái cho phép thao tác này; không có gì bị thay đổi.', en: 'The report is not in a state that allows this action; nothing was changed.' },
  STALE: { status: 409, vi: 'Báo cáo vừa được người khác thay đổi; số liệu bạn nhập chưa được lưu. Vui lòng xem lại rồi gửi lại.', en: 'Someone else changed the report just now; your values were not saved. Please review them and send again.' },
  COMMENT_MISSING: { status: 400, vi: 'Vui lòng ghi lý do trả lại (tối đa 2.000 ký tự).', en: 'Please give the reason for returning the report (at most 2,000 characters).' },
  BAD_YEAR: { status: 400, vi: 'Năm học không hợp lệ (dạng 2026-2027).', en: 'The school year is not valid (as 2026-2027).' },
});
