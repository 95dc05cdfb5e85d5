// Errors of the driving-licence registry (issue 16), each with a stable code, an HTTP status and a Vietnamese and English message.
import { defineErrors } from '../../platform/http/errors.ts';

export const LicenceErrors = defineErrors({
  INVALID: { status: 400, vi: 'Thông tin chưa hợp lệ. Vui lòng sửa các trường được nêu.', en: 'Some details are not valid. Please correct the fields listed.' },
  NOT_FOUND: { status: 404, vi: 'Không có giấy phép lái xe nào mang số này trong cơ sở dữ liệu.', en: 'No driving licence has this number in the registry.' },
  DUPLICATE_DECISION: { status: 409, vi: 'Quyết định xử phạt này đã được trừ điểm trên giấy phép; không có gì bị thay đổi.', en: 'This penalty decision has already been deducted from the licence; nothing was changed.' },
  NOT_AT_ZERO: { status: 409, vi: 'Giấy phép chưa bị trừ hết điểm: không cần kiểm tra để phục hồi điểm; không có gì bị thay đổi.', en: 'The licence is not at zero points: no test is needed to restore them; nothing was changed.' },
  TEST_TOO_EARLY: { status: 409, vi: 'Chưa đủ 6 tháng kể từ ngày bị trừ hết điểm; không có gì bị thay đổi.', en: 'Six months have not passed since the licence reached zero points; nothing was changed.' },
  NOT_VALID: { status: 409, vi: 'Giấy phép đã bị thu hồi hoặc đã được thay thế; không có gì bị thay đổi.', en: 'The licence is revoked or replaced; nothing was changed.' },
  DUPLICATE_CASE: { status: 409, vi: 'Vụ việc với số biên bản/quyết định này đã được ghi trên giấy phép; không có gì bị thay đổi.', en: 'A case with this record or decision number is already on the licence; nothing was changed.' },
  CASE_NOT_FOUND: { status: 404, vi: 'Không có vụ việc này trên giấy phép.', en: 'There is no such case on this licence.' },
  CASE_CLOSED: { status: 409, vi: 'Vụ việc đã được đóng; không có gì bị thay đổi.', en: 'The case is already closed; nothing was changed.' },
  VIOLATION_PENDING: { status: 409, vi: 'Giấy phép đang có vi phạm chưa xử lý xong: chưa thể đổi; không có gì được lưu.', en: 'A violation on this licence is still being processed: it cannot be renewed yet; nothing was saved.' },
  NOT_HOLDER: { status: 409, vi: 'Giấy phép lái xe không phải của người đề nghị; không có gì được cấp.', en: 'The driving licence is not the applicant’s; nothing was issued.' },
  NOT_IN_REGISTRY: { status: 409, vi: 'Giấy phép lái xe không có trong cơ sở dữ liệu giấy phép lái xe: không đổi được; không có gì được cấp.', en: 'The driving licence is not in the registry: it cannot be renewed; nothing was issued.' },
  NOT_RENEWABLE: { status: 409, vi: 'Giấy phép lái xe này không đổi được; không có gì được cấp.', en: 'This driving licence cannot be renewed; nothing was issued.' },
});
