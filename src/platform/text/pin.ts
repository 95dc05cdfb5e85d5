/**
 * Structure of the 12-digit personal identification number (số định danh cá nhân, printed on the CCCD), Circular
 * 59/2021/TT-BCA art. 13, as Circular 07/2016/TT-BCA before it:
 *   digits 1–3  province of birth registration (provinces.ts)
 *   digit  4    century of birth and sex: 0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s, 6/7 = 2200s, 8/9 = 2300s
 *   digits 5–6  last two digits of the year of birth
 *   digits 7–12 random
 * There is no check digit, so a well-formed number can still be wrong; only the registry can confirm it.
 */
import { isPinProvinceCode, PIN_PROVINCES, type PinProvinceCode } from './provinces.ts';

export type PinErrorCode = 'PIN_FORMAT' | 'PIN_PROVINCE' | 'PIN_FUTURE';

export type PersonalIdResult =
  | {
      ok: true;
      /** The 12 digits, without the surrounding spaces the input may have had. */
      personalId: string;
      provinceCode: PinProvinceCode;
      provinceName: string;
      sex: 'male' | 'female';
      birthYear: number;
    }
  | { ok: false; code: PinErrorCode; message: { vi: string; en: string } };

export const PIN_ERRORS = {
  PIN_FORMAT: {
    vi: 'Số định danh cá nhân phải gồm đúng 12 chữ số.',
    en: 'The personal identification number must be exactly 12 digits.',
  },
  PIN_PROVINCE: {
    vi: 'Ba chữ số đầu của số định danh cá nhân không phải mã tỉnh, thành phố hợp lệ.',
    en: 'The first three digits of the personal identification number are not a valid province code.',
  },
  PIN_FUTURE: {
    vi: 'Năm sinh trong số định danh cá nhân nằm ở tương lai.',
    en: 'The year of birth in the personal identification number is in the future.',
  },
} as const satisfies Record<PinErrorCode, { vi: string; en: string }>;

// Vietnam keeps UTC+7 all year; "this year" is Vietnam's year, not the server's.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

function fail(code: PinErrorCode): PersonalIdResult {
  return { ok: false, code, message: PIN_ERRORS[code] };
}

export function parsePersonalId(input: string, options: { now?: Date } = {}): PersonalIdResult {
  const id = input.trim();
  if (!/^[0-9]{12}$/.test(id)) return fail('PIN_FORMAT');
  const provinceCode = id.slice(0, 3);
  if (!isPinProvinceCode(provinceCode)) return fail('PIN_PROVINCE');
  const centuryAndSex = Number(id[3]);
  const birthYear = 1900 + Math.floor(centuryAndSex / 2) * 100 + Number(id.slice(4, 6));
  const now = options.now ?? new Date();
  const thisYear = new Date(now.getTime() + VIETNAM_OFFSET_MS).getUTCFullYear();
  if (birthYear > thisYear) return fail('PIN_FUTURE');
  return {
    ok: true,
    personalId: id,
    provinceCode,
    provinceName: PIN_PROVINCES[provinceCode],
    sex: centuryAndSex % 2 === 0 ? 'male' : 'female',
    birthYear,
  };
}
