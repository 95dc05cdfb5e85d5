// Texts of the sign-in throttle (guard.ts): the waits, the anti-guessing check on the form, the owner's notice.
export const guardText = {
  wait: {
    vi: 'Đã nhập sai nhiều lần từ nơi này. Vui lòng chờ {seconds} giây rồi thử lại.',
    en: 'Too many failed attempts from here. Please wait {seconds} seconds and try again.',
  },
  proofLead: {
    vi: 'Đã có nhiều lần đăng nhập sai từ nơi này, nên trình duyệt cần làm một phép tính chống dò mật khẩu (vài giây). Nếu trình duyệt không chạy JavaScript, hãy chờ 30 giây rồi gửi.',
    en: 'There have been several failed sign-ins from here, so your browser does a short anti-guessing computation (a few seconds). If your browser does not run JavaScript, wait 30 seconds before sending.',
  },
  proofDone: { vi: 'Đã xong, bạn có thể gửi.', en: 'Done, you can send the form.' },
} as const;

/** To the owner after repeated failures on their account (once an hour at most). */
export const failuresNotice = {
  sms: 'Cong DVC: co {count} lan dang nhap sai vao tai khoan {username} trong 1 gio qua. Neu khong phai ban, hay doi mat khau: {url}',
  subject: { vi: 'Nhiều lần đăng nhập sai vào tài khoản của bạn', en: 'Several failed sign-ins to your account' },
  body: {
    vi: 'Kính gửi {name},\n\nTrong một giờ qua có {count} lần đăng nhập sai vào tài khoản {username}. Tài khoản không bị khóa: bạn vẫn đăng nhập bình thường. Nếu đó không phải bạn, hãy đổi mật khẩu: {url}',
    en: 'Dear {name},\n\nIn the last hour there were {count} failed sign-ins to the account {username}. The account is not locked: you can sign in as usual. If that was not you, change your password: {url}',
  },
} as const;
