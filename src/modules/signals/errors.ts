// Errors of the signal registry (issue 16), each with a stable code, an HTTP status and a Vietnamese and English message.
import { defineErrors } from '../../platform/http/errors.ts';

export const SignalErrors = defineErrors({
  INVALID: { status: 400, vi: 'Thông tin chưa hợp lệ. Vui lòng sửa các trường được nêu; không có gì bị thay đổi.', en: 'Some details are not valid. Please correct the fields listed; nothing was changed.' },
  NOT_FOUND: { status: 404, vi: 'Không có nút giao hoặc hành lang này trong danh mục.', en: 'There is no such intersection or corridor in the registry.' },
  BAD_PLAN: { status: 422, vi: 'Kịch bản không qua kiểm tra nhất quán; không có gì bị thay đổi.', en: 'The plan fails the consistency check; nothing was changed.' },
  CENTRE_OFF: { status: 409, vi: 'Trung tâm điều khiển chưa chạy (EGOV_SIGNALS_BROKER chưa đặt): không gửi được kịch bản.', en: 'The signal centre is not running (EGOV_SIGNALS_BROKER is not set): plans cannot be sent.' },
});
