// The demo accounts page (/tai-khoan-trinh-dien, demo data only).
export const demoAccountsPage = {
  title: { vi: 'Tài khoản trình diễn', en: 'Demo accounts' },
  named: { vi: 'Tài khoản chính', en: 'Main accounts' },
  desks: { vi: 'Cán bộ của từng cơ quan', en: 'Staff of every agency' },
  desksLead: {
    vi: 'Mỗi cơ quan tiếp nhận hoặc giải quyết hồ sơ có một cán bộ một cửa (.motcua), một chuyên viên (.chuyenvien) và một lãnh đạo (.lanhdao).',
    en: 'Every agency that receives or handles dossiers has a one-stop officer (.motcua), a specialist (.chuyenvien) and a leader (.lanhdao).',
  },
};
