// Errors of the accounts module. Form errors carry `fields` so that pages can show each one beside its input.
import { defineErrors } from '../../platform/http/errors.ts';

export const AccountErrors = defineErrors({
  INVALID_INPUT: { status: 400, vi: 'Thông tin nhập chưa hợp lệ.', en: 'Some of the information entered is not valid.' },
  DUPLICATE: { status: 409, vi: 'Thông tin này đã được dùng cho một tài khoản khác.', en: 'This information is already used by another account.' },
  INVALID_CREDENTIALS: {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'The username or password is not correct.',
  },
  THROTTLED: {
    status: 429,
    vi: 'Đã nhập sai nhiều lần từ nơi này. Vui lòng chờ một lát rồi thử lại.',
    en: 'Too many failed attempts from here. Please wait a moment and try again.',
  },
  PROOF_REQUIRED: {
    status: 400,
    vi: 'Sau nhiều lần nhập sai, biểu mẫu cần một bước chống dò mật khẩu: chờ trình duyệt xử lý xong (hoặc chờ 30 giây nếu trình duyệt không chạy JavaScript) rồi gửi lại.',
    en: 'After several failed attempts the form needs an anti-guessing check: wait until your browser has finished it (or 30 seconds if it does not run JavaScript), then send again.',
  },
  SCOPE_NOT_ALLOWED: {
    status: 403,
    vi: 'Tài khoản này không được cấp mã truy cập với quyền đã chọn.',
    en: 'This account cannot have a token with the scopes chosen.',
  },
  TOKEN_NOT_FOUND: { status: 404, vi: 'Không tìm thấy mã truy cập.', en: 'The token was not found.' },
  ACCOUNT_DISABLED: {
    status: 403,
    vi: 'Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ quản trị hệ thống.',
    en: 'This account has been disabled. Please contact the administrator.',
  },
  TOTP_REQUIRED: {
    status: 401,
    vi: 'Tài khoản này cần mã xác thực 6 chữ số từ ứng dụng xác thực.',
    en: 'This account needs the 6-digit code from its authenticator app.',
  },
  TOTP_INVALID: {
    status: 401,
    vi: 'Mã xác thực không đúng, đã hết hạn hoặc đã được dùng.',
    en: 'The code is wrong, has expired or has already been used.',
  },
  TOTP_NOT_STARTED: {
    status: 400,
    vi: 'Chưa bắt đầu thiết lập xác thực hai bước.',
    en: 'Two-step verification setup has not been started.',
  },
  RESET_LINK_INVALID: {
    status: 400,
    vi: 'Liên kết đặt lại mật khẩu không hợp lệ, đã hết hạn hoặc đã được dùng. Vui lòng yêu cầu liên kết mới.',
    en: 'The password reset link is not valid, has expired or has already been used. Please ask for a new one.',
  },
  WRONG_PASSWORD: { status: 400, vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is not correct.' },
  ACCOUNT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tài khoản.', en: 'The account was not found.' },
  CODE_INVALID: {
    status: 400,
    vi: 'Mã xác minh không đúng, đã hết hạn hoặc đã nhập sai quá nhiều lần. Hãy kiểm tra lại, hoặc yêu cầu mã mới.',
    en: 'The code is wrong, has expired or was mistyped too many times. Check it, or ask for a new code.',
  },
  CODE_COOLDOWN: {
    status: 429,
    vi: 'Mã vừa được gửi. Vui lòng chờ một phút rồi mới yêu cầu mã mới.',
    en: 'A code was just sent. Please wait a minute before asking for a new one.',
  },
  TOO_MANY_CODES: {
    status: 429,
    vi: 'Đã gửi quá nhiều mã đến địa chỉ này trong một giờ. Vui lòng thử lại sau.',
    en: 'Too many codes have been sent to this address within an hour. Please try again later.',
  },
  FLOW_EXPIRED: {
    status: 400,
    vi: 'Phiên xác minh đã hết hạn. Vui lòng bắt đầu lại.',
    en: 'The verification has expired. Please start again.',
  },
  ACCOUNT_UNVERIFIED: {
    status: 403,
    vi: 'Tài khoản chưa xác minh số điện thoại hoặc thư điện tử nên chưa nộp được hồ sơ. Vui lòng xác minh tại trang Tài khoản, mục Xác minh liên hệ (/tai-khoan/xac-minh).',
    en: 'The account has no verified phone number or e-mail address yet, so it cannot submit. Please verify one under My account, Verify your contacts (/tai-khoan/xac-minh).',
  },
  SELF_LOCKOUT: {
    status: 400,
    vi: 'Bạn không thể tự bỏ quyền quản trị hoặc tự vô hiệu hóa tài khoản của mình.',
    en: 'You cannot remove your own administrator role or disable your own account.',
  },
});
