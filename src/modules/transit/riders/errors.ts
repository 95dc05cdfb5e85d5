// Errors of the transit riders' side (issue 15), each with a stable code, an HTTP status and a Vietnamese and English message.
import { defineErrors } from '../../../platform/http/errors.ts';

export const RiderErrors = defineErrors({
  INVALID: { status: 400, vi: 'Thông tin chưa hợp lệ. Vui lòng sửa các trường được nêu.', en: 'Some details are not valid. Please correct the fields listed.' },
  NOT_A_CITIZEN: { status: 404, vi: 'Không tìm thấy tài khoản công dân.', en: 'The citizen account was not found.' },
  ACCOUNT_EXISTS: { status: 409, vi: 'Công dân này đã có tài khoản vé giao thông (mỗi người một tài khoản).', en: 'This citizen already has a transit account (one account per person).' },
  ACCOUNT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tài khoản vé giao thông.', en: 'The transit account was not found.' },
  ACCOUNT_BLOCKED: { status: 409, vi: 'Tài khoản vé giao thông đang bị khóa.', en: 'The transit account is blocked.' },
  MEDIUM_NOT_FOUND: { status: 404, vi: 'Không tìm thấy thẻ hoặc phương tiện thanh toán.', en: 'The card or payment medium was not found.' },
  MEDIUM_TAKEN: { status: 409, vi: 'Thẻ hoặc phương tiện này đã được đăng ký.', en: 'This card or medium is registered already.' },
  MEDIUM_BLOCKED: {
    status: 409,
    vi: 'Thẻ đã bị khóa hoặc báo mất; không thể dùng thẻ này. Vui lòng dùng thẻ mới hoặc liên hệ trung tâm.',
    en: 'The card is blocked or reported lost and cannot be used. Please use a new card or contact the centre.',
  },
  ONE_CARD_ACTIVE: {
    status: 409,
    vi: 'Mỗi tài khoản chỉ có một thẻ đang dùng: thẻ vật lý hoặc thẻ ảo. Hãy khóa thẻ đang dùng trước.',
    en: 'An account has one active card only, physical or virtual. Block the active card first.',
  },
  NOT_A_CARD: { status: 409, vi: 'Chỉ chuyển số dư giữa các thẻ của đơn vị vận hành hoặc thẻ ảo.', en: 'A balance moves only between operator cards or virtual cards.' },
  INSUFFICIENT_BALANCE: { status: 409, vi: 'Số dư không đủ; không có gì bị trừ.', en: 'The balance is too low; nothing was charged.' },
  CCCD_INVALID: {
    status: 400,
    vi: 'Số căn cước không hợp lệ hoặc không khớp với ngày sinh.',
    en: 'The citizen-ID number is not valid or does not match the date of birth.',
  },
  CCCD_NOT_OWNER: { status: 403, vi: 'Số căn cước không phải của chủ tài khoản.', en: 'The citizen-ID number is not the account holder’s.' },
  NOT_YET_60: { status: 422, vi: 'Chưa đủ 60 tuổi; chưa được miễn vé theo diện người cao tuổi.', en: 'Not yet 60: the senior concession does not apply yet.' },
  NOT_IN_DEBT: { status: 409, vi: 'Tài khoản không có thẻ ngân hàng nào trong danh sách từ chối do nợ.', en: 'The account has no bank card on the deny list for debt.' },
});
