// Texts of mandatory two-step verification (EGOV_2FA_ROLES) and of the demo's second-step hint.
export const twoStepText = {
  required: {
    vi: 'Vai trò của bạn bắt buộc xác thực hai bước. Hãy thiết lập ngay để tiếp tục làm việc; nếu chưa có ứng dụng xác thực, bạn có thể đăng xuất và quay lại sau.',
    en: 'Your role requires two-step verification. Set it up now to go on working; if you have no authenticator app yet, you can sign out and come back later.',
  },
  demoHint: {
    vi: 'Trình diễn: tài khoản mẫu dùng khóa bí mật mẫu {secret} (thêm vào ứng dụng xác thực nếu muốn).',
    en: 'Demo: the demo accounts use the demo secret key {secret} (add it to an authenticator app if you like).',
  },
  demoCode: { vi: 'Mã hiện tại (đổi sau mỗi 30 giây):', en: 'The current code (it changes every 30 seconds):' },
} as const;
