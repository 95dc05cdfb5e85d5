// Errors of trip disputes (issue 15), each with a stable code and a Vietnamese and English message.
import { defineErrors } from '../../../platform/http/errors.ts';

export const DisputeErrors = defineErrors({
  INVALID: { status: 400, vi: 'Thông tin chưa hợp lệ. Vui lòng sửa các trường được nêu.', en: 'Some details are not valid. Please correct the fields listed.' },
  TRIP_NOT_FOUND: { status: 404, vi: 'Không tìm thấy chuyến đi.', en: 'The trip was not found.' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy khiếu nại.', en: 'The dispute was not found.' },
  ALREADY_OPEN: { status: 409, vi: 'Chuyến đi này đang có một khiếu nại chờ trả lời.', en: 'This trip already has a dispute waiting for an answer.' },
  ALREADY_REFUNDED: { status: 409, vi: 'Chuyến đi này đã được hoàn tiền; không thể khiếu nại thêm.', en: 'This trip has been refunded already; it cannot be disputed again.' },
  ALREADY_ANSWERED: { status: 409, vi: 'Khiếu nại này đã được trả lời.', en: 'This dispute has been answered already.' },
});
