// Texts of the tokens page (/tai-khoan/ma-truy-cap).
export const tokensPage = {
  title: { vi: 'Mã truy cập API', en: 'API tokens' },
  lead: {
    vi: 'Mã truy cập cho phần mềm gọi API (/api/v1) thay bạn. Chỉ chọn những quyền phần mềm cần; mã hết hạn sau số ngày đã chọn.',
    en: 'Tokens let software call the API (/api/v1) as you. Choose only the scopes it needs; a token expires after the days chosen.',
  },
  label: { vi: 'Tên gợi nhớ', en: 'Name' },
  scopes: { vi: 'Quyền', en: 'Scopes' },
  days: { vi: 'Hiệu lực (ngày, 1–90)', en: 'Valid for (days, 1–90)' },
  create: { vi: 'Tạo mã', en: 'Create token' },
  created: {
    vi: 'Mã mới (chỉ hiện một lần, hãy sao chép ngay):',
    en: 'The new token (shown once only, copy it now):',
  },
  none: { vi: 'Chưa có mã truy cập nào.', en: 'No tokens yet.' },
  expires: { vi: 'Hết hạn', en: 'Expires' },
  revoke: { vi: 'Thu hồi', en: 'Revoke' },
  revoked: { vi: 'Đã thu hồi mã truy cập.', en: 'The token was revoked.' },
  everywhere: { vi: 'Đăng xuất mọi nơi', en: 'Sign out everywhere' },
  everywhereLead: {
    vi: 'Kết thúc mọi phiên đăng nhập của tài khoản (kể cả phiên này) và thu hồi mọi mã truy cập.',
    en: 'Ends every session of the account (this one included) and revokes every token.',
  },
  scopeRequired: { vi: 'Chọn ít nhất một quyền.', en: 'Choose at least one scope.' },
} as const;
