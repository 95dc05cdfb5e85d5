export const portal = {
  homeTitle: { vi: 'Trang chủ', en: 'Home' },
  heroTitle: { vi: 'Dịch vụ công trực tuyến Thành phố Hà Nội', en: 'Online public services of Hà Nội' },
  heroLead: {
    vi: 'Tra cứu thủ tục hành chính, nộp hồ sơ trực tuyến, theo dõi tiến độ và nhận kết quả — mọi lúc, mọi nơi.',
    en: 'Find administrative procedures, submit dossiers online, track their progress and receive results — any time, anywhere.',
  },
  servicesTitle: { vi: 'Bạn cần gì hôm nay?', en: 'What do you need today?' },
  cardUnits: { vi: 'Đơn vị hành chính', en: 'Administrative units' },
  cardUnitsText: {
    vi: '126 phường, xã của Hà Nội sau sắp xếp năm 2025, và tra cứu đơn vị cũ.',
    en: 'Hà Nội’s 126 wards and communes after the 2025 reform, and lookup of former units.',
  },
  cardCalendar: { vi: 'Lịch làm việc và hạn giải quyết', en: 'Working calendar and deadlines' },
  cardCalendarText: {
    vi: 'Ngày nghỉ lễ, Tết, lịch âm và cách tính hạn trả kết quả theo ngày làm việc.',
    en: 'Public holidays, Tết, the lunar calendar and how due dates are counted in working days.',
  },
  cardAccount: { vi: 'Tài khoản công dân', en: 'Citizen account' },
  cardAccountText: {
    vi: 'Đăng ký tài khoản bằng số điện thoại hoặc thư điện tử và số định danh cá nhân.',
    en: 'Register with your phone number or e-mail and your personal identification number.',
  },
  cardApi: { vi: 'API cho hệ thống tích hợp', en: 'API for integrators' },
  cardApiText: { vi: 'Tài liệu OpenAPI và mã truy cập cho các hệ thống kết nối.', en: 'OpenAPI document and access tokens for connected systems.' },
} as const;
