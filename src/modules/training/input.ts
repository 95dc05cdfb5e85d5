// Parsing what people type: strings only (an array or an object where a string is expected is refused, not crashed
// on), NFC, bounded lengths; scores 0–10 with at most one decimal.
import type { FieldError } from '../../platform/http/errors.ts';
import type { Text } from '../../platform/web/i18n.ts';

export const str = (v: unknown): string => (typeof v === 'string' ? v.normalize('NFC').trim() : '');
export const isText = (v: unknown): boolean => v === undefined || typeof v === 'string';

export class Fields {
  readonly errors: FieldError[] = [];
  add(field: string, message: Text): void {
    this.errors.push({ field, message });
  }
  text(field: string, v: unknown, label: Text, o: { min?: number; max: number }): string {
    if (!isText(v)) {
      this.add(field, { vi: `${label.vi}: cần một đoạn văn bản.`, en: `${label.en}: a text is needed.` });
      return '';
    }
    const s = str(v);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s)) this.add(field, { vi: `${label.vi}: có ký tự không hợp lệ.`, en: `${label.en}: has characters that are not allowed.` });
    else if (s.length < (o.min ?? 0)) this.add(field, o.min === 1 ? { vi: `${label.vi}: chưa nhập.`, en: `${label.en}: missing.` } : { vi: `${label.vi}: cần ít nhất ${o.min} ký tự.`, en: `${label.en}: at least ${o.min} characters.` });
    else if (s.length > o.max) this.add(field, { vi: `${label.vi}: tối đa ${o.max} ký tự.`, en: `${label.en}: at most ${o.max} characters.` });
    return s;
  }
  date(field: string, v: unknown, label: Text): string {
    const s = str(v);
    if (!isText(v) || !/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`)) || new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) !== s) {
      this.add(field, { vi: `${label.vi}: cần một ngày dạng năm-tháng-ngày (2026-03-15).`, en: `${label.en}: a date as year-month-day (2026-03-15) is needed.` });
      return '';
    }
    return s;
  }
  int(field: string, v: unknown, label: Text, min: number, max: number): number {
    const s = str(v);
    if (!isText(v) || !/^\d{1,6}$/.test(s) || Number(s) < min || Number(s) > max) {
      this.add(field, { vi: `${label.vi}: cần một số nguyên từ ${min} đến ${max}.`, en: `${label.en}: a whole number from ${min} to ${max} is needed.` });
      return 0;
    }
    return Number(s);
  }
  get ok(): boolean {
    return this.errors.length === 0;
  }
}

export type ScoreParse = { ok: true; value: number } | { ok: false; message: Text };

/** A score of 0–10 with at most one decimal; a comma is accepted as the decimal mark (7,5). */
export function parseScore(v: unknown): ScoreParse {
  const s = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : null;
  if (s === null || !/^\d{1,2}([.,]\d)?$/.test(s)) return { ok: false, message: { vi: 'cần một điểm từ 0 đến 10, tối đa một chữ số thập phân', en: 'a score from 0 to 10 with at most one decimal is needed' } };
  const value = Number(s.replace(',', '.'));
  if (value > 10) return { ok: false, message: { vi: 'điểm không được lớn hơn 10', en: 'the score cannot be above 10' } };
  return { ok: true, value };
}
