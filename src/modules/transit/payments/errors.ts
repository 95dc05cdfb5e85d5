// Errors of transit payments (issue 15), each with a stable code, an HTTP status and a Vietnamese and English message.
import { defineErrors } from '../../../platform/http/errors.ts';

export const PaymentErrors = defineErrors({
  INVALID: { status: 400, vi: 'Thông tin chưa hợp lệ. Vui lòng sửa các trường được nêu.', en: 'Some details are not valid. Please correct the fields listed.' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy khoản thanh toán với mã tham chiếu này.', en: 'No payment has this reference.' },
  WRONG_AMOUNT: {
    status: 409,
    vi: 'Số tiền chuyển khoản không khớp với số tiền của khoản thanh toán; không có gì được ghi nhận.',
    en: 'The amount transferred does not match the payment’s amount; nothing was recorded.',
  },
  EXPIRED: {
    status: 409,
    vi: 'Khoản thanh toán đã hết hạn; hãy tạo khoản mới. Tiền đã chuyển sau hạn được trung tâm hoàn lại.',
    en: 'The payment has expired; please start a new one. Money transferred after the deadline is returned by the centre.',
  },
  ALREADY_PAID: { status: 409, vi: 'Khoản thanh toán này đã được ghi nhận trước đó.', en: 'This payment was recorded already.' },
  BAD_SIGNATURE: { status: 401, vi: 'Chữ ký của ngân hàng không hợp lệ.', en: 'The bank’s signature is not valid.' },
  CALLBACK_OFF: { status: 404, vi: 'Cổng nhận xác nhận của ngân hàng chưa được cấu hình.', en: 'The bank confirmation callback is not configured.' },
  DEMO_ONLY: { status: 403, vi: 'Chỉ bản trình diễn mới giả lập xác nhận của ngân hàng.', en: 'Only the demonstration simulates the bank’s confirmation.' },
});
