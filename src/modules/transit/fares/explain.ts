// The words that go with each charge, in Vietnamese and English.
import type { Text } from '../../../platform/web/i18n.ts';

const W = {
  fare: { vi: 'Giá vé lượt theo quy tắc {rule}: {amount} đ.', en: 'Single fare by rule {rule}: {amount} VND.' },
  routeBand: { vi: 'Tuyến {route} dài {km} km, giá theo quy tắc {rule}: {amount} đ.', en: 'Route {route} is {km} km long, priced by rule {rule}: {amount} VND.' },
  distance: { vi: 'Đi {km} km từ {from} đến {to}, giá theo quy tắc {rule}: {amount} đ.', en: 'Travelled {km} km from {from} to {to}, priced by rule {rule}: {amount} VND.' },
  noTapOffLegFare: { vi: 'Không chạm thẻ khi xuống; tính giá vé của tuyến {route}: {amount} đ.', en: 'No tap when alighting; charged the fare of route {route}: {amount} VND.' },
  missingTapOff: { vi: 'Không chạm thẻ khi ra; tính giá vé tối đa {amount} đ (không tính vào mức trần).', en: 'No tap-off; charged the maximum fare of {amount} VND (not counted toward caps).' },
  missingTapOn: { vi: 'Không chạm thẻ khi vào; tính giá vé tối đa {amount} đ (không tính vào mức trần).', en: 'No tap-on; charged the maximum fare of {amount} VND (not counted toward caps).' },
  cancelled: { vi: 'Chạm vào và ra cùng một điểm: chuyến bị hủy, không tính tiền.', en: 'Tapped on and off at the same stop: a cancelled trip, free.' },
  campaign: { vi: 'Miễn phí theo chương trình "{name}".', en: 'Free under the campaign "{name}".' },
  category: { vi: 'Miễn phí cho đối tượng {category}.', en: 'Free for the rider category {category}.' },
  discount: { vi: 'Giảm {percent}% cho đối tượng {category}: {amount} đ.', en: '{percent}% off for the rider category {category}: {amount} VND.' },
  pass: { vi: 'Đã có vé {product} còn hiệu lực: không tính tiền.', en: 'Covered by the pass {product}: free.' },
  freeZone: { vi: 'Chuyến đi nằm trọn trong vùng {area} trong thời gian miễn phí: không tính tiền.', en: 'The trip lies entirely inside {area} during its free period: free.' },
  transfer: { vi: 'Chuyển tiếp trong {minutes} phút từ lần chạm đầu: {amount} đ.', en: 'A transfer within {minutes} minutes of the first tap: {amount} VND.' },
  transferFree: { vi: 'Chuyển tiếp theo quy tắc {rule}: {amount} đ.', en: 'A transfer under rule {rule}: {amount} VND.' },
  cap: { vi: 'Đã đạt mức trần {period} {cap} đ: chỉ tính {amount} đ.', en: 'The {periodEn} cap of {cap} VND is reached: only {amount} VND charged.' },
  noRule: { vi: 'Không có quy tắc giá vé phù hợp; cần kiểm tra lại, tạm không tính tiền.', en: 'No fare rule matches; to be reviewed, not charged for now.' },
} as const satisfies Record<string, Text>;

export type Wording = keyof typeof W;

// Made once: Number#toLocaleString builds a new formatter on every call, which was most of a day's pricing CPU time.
const NUMBER: Record<'vi' | 'en', Intl.NumberFormat> = { vi: new Intl.NumberFormat('vi-VN'), en: new Intl.NumberFormat('en-US') };

export function words(kind: Wording, vars: Record<string, string | number> = {}): Text {
  // Amounts in đồng and kilometres are written as each language writes numbers (12.000 đ, 12,000 VND; 8,1 km, 8.1 km).
  const fill = (s: string, lang: 'vi' | 'en'): string =>
    Object.entries(vars).reduce((acc, [k, v]) => acc.replaceAll(`{${k}}`, typeof v === 'number' ? NUMBER[lang].format(v) : v), s);
  return { vi: fill(W[kind].vi, 'vi'), en: fill(W[kind].en, 'en') };
}
