// The Vietnamese lunisolar calendar (âm lịch), after Hồ Ngọc Đức's published astronomical algorithm
// ("Thuật toán tính âm lịch", https://www.informatik.uni-leipzig.de/~duc/amlich/), itself based on
// Jean Meeus, "Astronomical Algorithms" (1998). We compute rather than look up because Vietnam reckons the
// calendar at UTC+7 (since 1968) while China uses UTC+8, so Chinese tables give the wrong Tết in some years
// (2007: 17 Feb in Vietnam, 18 Feb in China; 2030 likewise). The published algorithm is stated to be accurate
// for 1800–2199, so other years are refused.
import { type IsoDate, type SolarDate, isoDate } from './dates.ts';

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  /** True in a leap month (tháng nhuận), which repeats the number of the month before it. */
  leap: boolean;
}

const TIME_ZONE = 7;
const MIN_YEAR = 1800;
const MAX_YEAR = 2199;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1 Jan 1900, the origin of the new-moon index k. */
const K_ORIGIN = 2415021.076998695;
const dr = Math.PI / 180;
const INT = Math.floor;

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`lunar calendar is computed only for ${MIN_YEAR}–${MAX_YEAR}, got ${year}`);
  }
}

function jdFromDate(dd: number, mm: number, yy: number): number {
  const a = INT((14 - mm) / 12);
  const y = yy + 4800 - a;
  const m = mm + 12 * a - 3;
  const jd = dd + INT((153 * m + 2) / 5) + 365 * y + INT(y / 4) - INT(y / 100) + INT(y / 400) - 32045;
  // Before the Gregorian reform (Julian day 2299161) the algorithm uses the Julian calendar.
  return jd < 2299161 ? dd + INT((153 * m + 2) / 5) + 365 * y + INT(y / 4) - 32083 : jd;
}

function jdToDate(jd: number): SolarDate {
  let b = 0;
  let c = jd + 32082;
  if (jd > 2299160) {
    const a = jd + 32044;
    b = INT((4 * a + 3) / 146097);
    c = a - INT((b * 146097) / 4);
  }
  const d = INT((4 * c + 3) / 1461);
  const e = c - INT((1461 * d) / 4);
  const m = INT((5 * e + 2) / 153);
  return { d: e - INT((153 * m + 2) / 5) + 1, m: m + 3 - 12 * INT(m / 10), y: b * 100 + d - 4800 + INT(m / 10) };
}

/** Julian date (UT) of the k-th new moon after 1 Jan 1900 (Meeus ch. 49, truncated as Hồ Ngọc Đức does). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let C1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  C1 = C1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  C1 = C1 - 0.0004 * Math.sin(dr * 3 * Mpr);
  C1 = C1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  C1 = C1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  C1 = C1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  C1 = C1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  // ΔT (TT − UT), in days.
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + C1 - deltaT;
}

/** Julian day number of the local (UTC+7) day on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  return INT(newMoon(k) + 0.5 + TIME_ZONE / 24);
}

/** Apparent sun longitude in radians at Julian date `jdn` (UT). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  const L = (L0 + DL) * dr;
  return L - Math.PI * 2 * INT(L / (Math.PI * 2));
}

/** Which of the 12 major solar terms (trung khí, 30° sectors) the sun is in at the start of local day `jdn`. */
function sunSector(jdn: number): number {
  return INT((sunLongitude(jdn - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);
}

/** Julian day of the start of lunar month 11 (the month containing the winter solstice) of solar year `yy`. */
function lunarMonth11(yy: number): number {
  const off = jdFromDate(31, 12, yy) - 2415021;
  const k = INT(off / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  // If that new moon is already past the solstice (sun sector ≥ 9), month 11 began one lunation earlier.
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** Index (after month 11) of the leap month: the first month with no major solar term. */
function leapMonthOffset(a11: number): number {
  const k = INT((a11 - K_ORIGIN) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

export function solarToLunar({ y, m, d }: SolarDate): LunarDate {
  checkYear(y);
  const dayNum = jdFromDate(d, m, y);
  const k = INT((dayNum - K_ORIGIN) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1);
  if (monthStart > dayNum) monthStart = newMoonDay(k);
  let a11 = lunarMonth11(y);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = y;
    a11 = lunarMonth11(y - 1);
  } else {
    year = y + 1;
    b11 = lunarMonth11(y + 1);
  }
  const day = dayNum - monthStart + 1;
  const diff = INT((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  // A lunar year with 13 months (from month 11 to month 11 spans more than 365 days) has a leap month.
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { day, month, year, leap };
}

/** The solar date of a lunar date; throws RangeError if that lunar date does not exist. */
export function lunarToSolar(lunar: LunarDate): SolarDate {
  const { day, month, year, leap } = lunar;
  checkYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    throw new RangeError(`not a lunar date: ${day}/${month}/${year}`);
  }
  // Month 11 and later belong to the lunar year that starts in `year`; earlier months to the one before.
  const base = month < 11 ? year - 1 : year;
  const a11 = lunarMonth11(base);
  const b11 = lunarMonth11(base + 1);
  const k = INT(0.5 + (a11 - K_ORIGIN) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) throw new RangeError(`lunar year ${year} has no leap month ${month}`);
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    throw new RangeError(`lunar year ${year} has no leap month`);
  }
  const solar = jdToDate(newMoonDay(k + off) + day - 1);
  // Day 30 exists only in long months; a short month would spill into the next one.
  const back = solarToLunar(solar);
  if (back.day !== day || back.month !== month || back.leap !== leap) {
    throw new RangeError(`lunar month ${month}/${year} has no day ${day}`);
  }
  return solar;
}

/** Mùng 1 Tết: first day of lunar year `year`. */
export function tetDate(year: number): IsoDate {
  return isoDate(lunarToSolar({ day: 1, month: 1, year, leap: false }));
}

/** Giỗ Tổ Hùng Vương, 10/3 lunar (a public holiday under Labour Code 2019 Art. 112(1)(e)). */
export function hungKingsDay(year: number): IsoDate {
  return isoDate(lunarToSolar({ day: 10, month: 3, year, leap: false }));
}

const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'] as const;
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'] as const;

/** Sexagenary name of lunar year `year`, e.g. 2026 → "Bính Ngọ" (year 4 CE was Giáp Tý). */
export function canChiYear(year: number): string {
  if (!Number.isInteger(year)) throw new RangeError(`not a year: ${year}`);
  const can = CAN[(((year + 6) % 10) + 10) % 10];
  const chi = CHI[(((year + 8) % 12) + 12) % 12];
  return `${can ?? ''} ${chi ?? ''}`;
}
