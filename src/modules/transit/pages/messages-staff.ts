// The words of the staff dashboards and the fares export (issue 15), Vietnamese first with English.
import type { Text } from '../../../platform/web/i18n.ts';
import type { FreeReason } from '../taps/index.ts';

export const FREE_REASON_LABELS: Record<FreeReason, Text> = {
  pass: { vi: 'Vé tháng / vé ngày', en: 'Pass (month or day)' },
  category: { vi: 'Diện miễn vé', en: 'Free-travel category' },
  'free-zone': { vi: 'Vùng miễn phí (Vành đai 1)', en: 'Free zone (Ring Road 1)' },
  campaign: { vi: 'Đợt miễn phí', en: 'Free-travel campaign' },
  other: { vi: 'Khác (hủy chuyến, chuyển tuyến, trần giá…)', en: 'Other (cancelled, transfer, cap…)' },
};

export const d = {
  dashboard: { vi: 'Thống kê hành khách', en: 'Ridership dashboard' },
  dashboardIntro: {
    vi: 'Số chuyến đã tính giá trong các ngày phục vụ đã chọn (giờ Việt Nam): theo tuyến, theo giờ, theo điểm lên xe, và tỷ lệ chuyến miễn phí theo lý do.',
    en: 'Priced trips in the chosen service days (Vietnam time): by route, by hour, by boarding stop, and the share of free trips by reason.',
  },
  from: { vi: 'Từ ngày (YYYY-MM-DD)', en: 'From (YYYY-MM-DD)' },
  to: { vi: 'Đến ngày (YYYY-MM-DD)', en: 'To (YYYY-MM-DD)' },
  badPeriod: { vi: 'Ngày bắt đầu không được sau ngày kết thúc; tối đa 92 ngày.', en: 'The first day must not be after the last; at most 92 days.' },
  show: { vi: 'Xem', en: 'Show' },
  totals: { vi: 'Tổng quan', en: 'Totals' },
  trips: { vi: 'Chuyến', en: 'Trips' },
  paidTrips: { vi: 'Chuyến trả tiền', en: 'Paid trips' },
  freeTrips: { vi: 'Chuyến miễn phí', en: 'Free trips' },
  riders: { vi: 'Hành khách', en: 'Riders' },
  pricedDays: { vi: 'Ngày đã tính giá', en: 'Days priced' },
  revenue: { vi: 'Doanh thu', en: 'Revenue' },
  noTrips: { vi: 'Không có chuyến nào đã tính giá trong khoảng này.', en: 'No priced trips in this period.' },
  byRoute: { vi: 'Hành khách theo tuyến', en: 'Ridership by route' },
  route: { vi: 'Tuyến', en: 'Route' },
  byHour: { vi: 'Chuyến theo giờ lên xe', en: 'Trips by hour of boarding' },
  hour: { vi: 'Giờ', en: 'Hour' },
  topStops: { vi: 'Điểm lên xe đông nhất', en: 'Busiest boarding stops' },
  stop: { vi: 'Điểm dừng / ga', en: 'Stop / station' },
  boardings: { vi: 'Lượt lên xe', en: 'Boardings' },
  freeShare: { vi: 'Chuyến miễn phí theo lý do', en: 'Free trips by reason' },
  reason: { vi: 'Lý do', en: 'Reason' },
  share: { vi: 'Tỷ lệ trên tổng số chuyến', en: 'Share of all trips' },
  paid: { vi: 'Trả tiền', en: 'Paid' },
  fares: { vi: 'Bảng giá vé (GTFS-Fares v2)', en: 'Fares (GTFS-Fares v2)' },
  faresIntro: {
    vi: 'Bảng giá vé hiện hành của mạng lưới, dạng tệp GTFS-Fares v2 (và các tệp mở rộng x_*). Mỗi tệp tải về riêng.',
    en: "The network's current fares as GTFS-Fares v2 files (and the x_* extensions). Each file downloads on its own.",
  },
  files: { vi: 'Các tệp', en: 'Files' },
  file: { vi: 'Tệp', en: 'File' },
  rows: { vi: 'Số dòng', en: 'Rows' },
  products: { vi: 'Sản phẩm vé và giá', en: 'Fare products and prices' },
  product: { vi: 'Sản phẩm', en: 'Product' },
  category: { vi: 'Đối tượng', en: 'Rider category' },
  price: { vi: 'Giá', en: 'Price' },
  summary: { vi: 'Tóm tắt', en: 'Summary' },
  legRules: { vi: 'Quy tắc giá chặng (fare_leg_rules)', en: 'Leg rules (fare_leg_rules)' },
  transferRules: { vi: 'Quy tắc chuyển tuyến (fare_transfer_rules)', en: 'Transfer rules (fare_transfer_rules)' },
  productCount: { vi: 'Sản phẩm vé (fare_products)', en: 'Fare products (fare_products)' },
  download: { vi: 'Tải về', en: 'Download' },
} satisfies Record<string, Text>;
