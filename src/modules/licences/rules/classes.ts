// Driving-licence classes of Law 36/2024/QH15 Art. 57 (in force 1 Jan 2025), their validity, and how a licence of the
// old classes (Circular 12/2017 and before) is renewed into the new ones (TRANSPORT.md §4; the law's transition
// article). Old licences stay valid until their printed expiry; only a renewal converts them.
import type { Text } from '../../../platform/web/i18n.ts';

export const CLASSES = ['A1', 'A', 'B1', 'B', 'C1', 'C', 'D1', 'D2', 'D', 'BE', 'C1E', 'CE', 'D1E', 'D2E', 'DE'] as const;
export type LicenceClass = (typeof CLASSES)[number];

export const OLD_CLASSES = ['A1', 'A2', 'A3', 'A4', 'B1', 'B1-AT', 'B2', 'C', 'D', 'E', 'FB2', 'FC', 'FD', 'FE'] as const;
export type OldClass = (typeof OLD_CLASSES)[number];

export function isClass(c: string): c is LicenceClass {
  return (CLASSES as readonly string[]).includes(c);
}

export function isOldClass(c: string): c is OldClass {
  return (OLD_CLASSES as readonly string[]).includes(c);
}

/** Years of validity: A1, A and B1 do not expire; B and C1 run 10 years; every other class 5 (Art. 57(4)). */
export function validityYears(c: LicenceClass): number | null {
  if (c === 'A1' || c === 'A' || c === 'B1') return null;
  if (c === 'B' || c === 'C1') return 10;
  return 5;
}

/** The expiry date of a licence of class `c` issued on `issued` (YYYY-MM-DD): the same day N years on; 29 Feb → 28 Feb. */
export function expiryOf(c: LicenceClass, issued: string): string | null {
  const years = validityYears(c);
  if (years === null) return null;
  const [y, m, d] = issued.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Classes whose renewal needs a health certificate: all but A1, A and B1 (Circular 12/2025/TT-BCA Art. 21). */
export function needsHealthCertificate(c: LicenceClass): boolean {
  return !(c === 'A1' || c === 'A' || c === 'B1');
}

export interface Conversion {
  from: OldClass;
  /** The new classes the holder may take; the first is the default. */
  to: LicenceClass[];
  /** The restriction printed on the new licence, if any. */
  restriction?: Text;
}

/**
 * The renewal table for old classes (TRANSPORT.md §4): A2→A, A3→B1, B1/B2→B or C1, C→C, D→D2, E→D, FB2→BE or C1E,
 * FC→CE, FD→D2E, FE→DE. Old A1 (motorcycles up to 175 cm³) becomes A limited to under 175 cm³, B1 automatic becomes B
 * limited to automatic cars, and A4 (small tractors) has no licence class any more (the transition article of Law
 * 36/2024: its holders get a road-law certificate instead). [U] — the restrictions' wording is kept as data here.
 */
export const CONVERSIONS: readonly Conversion[] = [
  { from: 'A1', to: ['A'], restriction: { vi: 'Chỉ điều khiển xe mô tô hai bánh dung tích xi-lanh dưới 175 cm³ hoặc công suất động cơ điện dưới 14 kW.', en: 'Two-wheel motorcycles under 175 cm³ or 14 kW only.' } },
  { from: 'A2', to: ['A'] },
  { from: 'A3', to: ['B1'] },
  { from: 'B1-AT', to: ['B'], restriction: { vi: 'Chỉ điều khiển xe ô tô chuyển số tự động.', en: 'Automatic cars only.' } },
  { from: 'B1', to: ['B', 'C1'] },
  { from: 'B2', to: ['B', 'C1'] },
  { from: 'C', to: ['C'] },
  { from: 'D', to: ['D2'] },
  { from: 'E', to: ['D'] },
  { from: 'FB2', to: ['BE', 'C1E'] },
  { from: 'FC', to: ['CE'] },
  { from: 'FD', to: ['D2E'] },
  { from: 'FE', to: ['DE'] },
];

export type Renewed = { ok: true; to: LicenceClass; restriction?: Text } | { ok: false; message: Text };

/** The class a licence of `held` (old or new) is renewed into; `wanted` picks among the table's choices. */
export function renewedClass(held: string, wanted?: string, old = false): Renewed {
  if (!old && isClass(held)) return { ok: true, to: held };
  if (held === 'A4') return { ok: false, message: { vi: 'Hạng A4 không còn trong Luật 36/2024: người có giấy phép hạng A4 được cấp chứng chỉ bồi dưỡng kiến thức pháp luật, không đổi sang hạng mới.', en: 'Class A4 is gone under Law 36/2024: its holders get a road-law certificate, not a new licence class.' } };
  const row = CONVERSIONS.find((c) => c.from === held);
  if (!row) return { ok: false, message: { vi: `Hạng "${held}" không có trong bảng chuyển đổi.`, en: `Class "${held}" is not in the conversion table.` } };
  const to = wanted === undefined || wanted === '' ? row.to[0]! : row.to.find((c) => c === wanted);
  if (!to) return { ok: false, message: { vi: `Hạng ${held} chỉ đổi sang ${row.to.join(' hoặc ')}.`, en: `Class ${held} is renewed into ${row.to.join(' or ')} only.` } };
  return { ok: true, to, ...(row.restriction ? { restriction: row.restriction } : {}) };
}
