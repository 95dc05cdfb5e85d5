// The licence number (TRANSPORT.md §4): 12 digits, the first two the issuing province's code (01 Hà Nội), the rest
// carrying no meaning to decode. The province codes are those of the 63 provinces before the 2025 merger, as on the
// citizen-ID number (numbers already issued keep them).
import type { Text } from '../../../platform/web/i18n.ts';
import { isPinProvinceCode, PIN_PROVINCES } from '../../../platform/text/index.ts';

export type LicenceNumber = { ok: true; number: string; province: string } | { ok: false; message: Text };

export function parseLicenceNumber(raw: unknown): LicenceNumber {
  const s = typeof raw === 'string' ? raw.replace(/[\s.-]/g, '') : '';
  if (!/^\d{12}$/.test(s)) return { ok: false, message: { vi: 'Số giấy phép lái xe gồm đúng 12 chữ số.', en: 'A driving-licence number has exactly 12 digits.' } };
  const code = `0${s.slice(0, 2)}`;
  if (!isPinProvinceCode(code)) return { ok: false, message: { vi: `Hai chữ số đầu "${s.slice(0, 2)}" không phải mã tỉnh cấp giấy phép.`, en: `The first two digits "${s.slice(0, 2)}" are not an issuing province's code.` } };
  return { ok: true, number: s, province: PIN_PROVINCES[code] };
}
