// Errors of taps, daily pricing and clearing (issue 15), each with a stable code and a Vietnamese and English message.
import { defineErrors } from '../../../platform/http/errors.ts';

export const TapErrors = defineErrors({
  BATCH_INVALID: { status: 400, vi: 'Lô lượt quẹt không hợp lệ; không lượt nào được lưu.', en: 'The batch of taps is not valid; no tap was stored.' },
  BATCH_TOO_LARGE: { status: 413, vi: 'Lô lượt quẹt quá lớn; hãy gửi thành nhiều lô nhỏ hơn.', en: 'The batch of taps is too large; send it in smaller batches.' },
  VALIDATOR_UNKNOWN: { status: 404, vi: 'Máy soát vé chưa được đăng ký; lô lượt quẹt bị từ chối.', en: 'The validator is not registered; the batch is refused.' },
  VALIDATOR_BLOCKED: { status: 403, vi: 'Máy soát vé đang bị khóa; lô lượt quẹt bị từ chối.', en: 'The validator is blocked; the batch is refused.' },
  BAD_SIGNATURE: { status: 401, vi: 'Chữ ký của lô lượt quẹt không đúng; lô bị từ chối.', en: 'The batch signature does not match; the batch is refused.' },
  CLOCK_SKEW: {
    status: 422,
    vi: 'Giờ của máy soát vé lệch quá một ngày so với máy chủ; lô bị từ chối. Hãy chỉnh giờ máy rồi gửi lại.',
    en: 'The validator clock is more than a day ahead of the server; the batch is refused. Set its clock and resend.',
  },
  DAY_INVALID: { status: 400, vi: 'Ngày phục vụ phải có dạng YYYY-MM-DD.', en: 'The service day must be YYYY-MM-DD.' },
  DAY_NOT_OVER: { status: 409, vi: 'Ngày phục vụ chưa kết thúc; chưa thể tính tiền.', en: 'The service day is not over yet; it cannot be priced.' },
  PERIOD_INVALID: { status: 400, vi: 'Khoảng ngày không hợp lệ: ngày bắt đầu không được sau ngày kết thúc, tối đa 92 ngày.', en: 'The period is not valid: the first day must not be after the last, and it covers at most 92 days.' },
  OPERATOR_NOT_YOURS: { status: 404, vi: 'Không tìm thấy đơn vị vận hành trong phạm vi đối soát của đơn vị bạn.', en: 'The operator is not among those your agency clears for.' },
  OPERATOR_INVALID: { status: 400, vi: 'Mã đơn vị vận hành không hợp lệ.', en: 'The operator code is not valid.' },
});
