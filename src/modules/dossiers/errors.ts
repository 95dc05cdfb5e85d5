// Errors of the dossiers module, each with a stable code, an HTTP status and Vietnamese and English text.
import { defineErrors } from '../../platform/http/errors.ts';

export const DossierErrors = defineErrors({
  PROCEDURE_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy thủ tục hành chính này.',
    en: 'This administrative procedure was not found.',
  },
  NOT_ONLINE: {
    status: 400,
    vi: 'Thủ tục này không được nộp trực tuyến. Vui lòng nộp trực tiếp hoặc qua bưu chính tại cơ quan tiếp nhận.',
    en: 'This procedure cannot be submitted online. Please submit it in person or by post to the receiving agency.',
  },
  NO_TIME_LIMIT: {
    status: 400,
    vi: 'Thủ tục này chưa có thời hạn giải quyết để hẹn ngày trả kết quả, nên chưa nhận hồ sơ trực tuyến. Vui lòng nộp trực tiếp tại cơ quan tiếp nhận: cán bộ tiếp nhận sẽ hẹn ngày trả.',
    en: 'This procedure states no processing time to set a return date from, so it does not take online applications. Please apply in person at the receiving agency: the officer there sets the return date.',
  },
  INVALID_DOSSIER: {
    status: 400,
    vi: 'Hồ sơ chưa hợp lệ. Vui lòng sửa các lỗi được nêu.',
    en: 'The dossier is not valid yet. Please correct the errors listed.',
  },
  DOSSIER_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy hồ sơ với mã này.',
    en: 'No dossier was found with this code.',
  },
  FILE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tệp đính kèm.', en: 'The attachment was not found.' },
  NOTHING_TO_PAY: {
    status: 409,
    vi: 'Hồ sơ này không có khoản phí nào cần thanh toán.',
    en: 'There is nothing to pay for this dossier.',
  },
  GATEWAY_UNAVAILABLE: {
    status: 503,
    vi: 'Cổng thanh toán trực tuyến hiện không hoạt động. Vui lòng chuyển khoản bằng mã VietQR.',
    en: 'The online payment gateway is not available. Please pay by bank transfer with the VietQR code.',
  },
  GATEWAY_APPLICANT_ONLY: {
    status: 403,
    vi: 'Chỉ người nộp hồ sơ mới thanh toán trực tuyến được cho hồ sơ này.',
    en: 'Only the applicant can pay online for this dossier.',
  },
  SEQUENCE_EXHAUSTED: {
    status: 503,
    vi: 'Cơ quan đã tiếp nhận số hồ sơ tối đa trong ngày (9999). Vui lòng nộp lại vào ngày mai.',
    en: 'The agency has received the most dossiers a day allows (9999). Please submit again tomorrow.',
  },
  NOT_ON_BEHALF: {
    status: 403,
    vi: 'Tài khoản này không được nộp hồ sơ thay cho người khác tại cơ quan này. Cần vai trò “Tiếp nhận thay” cho cơ quan tiếp nhận.',
    en: 'This account may not submit dossiers on another person’s behalf to this agency. It needs the role “Submits on behalf” for the receiving agency.',
  },
  TOO_MANY_SUBMISSIONS: {
    status: 429,
    vi: 'Tài khoản đã nộp số hồ sơ tối đa cho phép trong một giờ. Vui lòng nộp tiếp sau ít phút.',
    en: 'This account has submitted the most dossiers allowed in an hour. Please submit again in a few minutes.',
  },
  DRAFT_INVALID: {
    status: 400,
    vi: 'Bản nháp quá lớn hoặc không hợp lệ.',
    en: 'The draft is too large or not valid.',
  },
});
