// Checks of what callers send: each bad field named, in Vietnamese and English, before anything is written.
import { isValidIsoDate } from '../../../platform/calendar/dates.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import { RiderErrors } from './errors.ts';

export class Fields {
  readonly errors: FieldError[] = [];
  get ok(): boolean {
    return this.errors.length === 0;
  }
  add(field: string, vi: string, en: string): void {
    this.errors.push({ field, message: { vi, en } });
  }
  /** Throws INVALID naming every bad field, if there is any. */
  check(): void {
    if (!this.ok) throw RiderErrors.INVALID({ fields: this.errors });
  }
  text(field: string, v: unknown, re: RegExp, vi: string, en: string): string {
    const s = typeof v === 'string' ? v.normalize('NFC').trim() : '';
    if (!re.test(s)) this.add(field, vi, en);
    return s;
  }
  /** A whole number of đồng between min and max. */
  money(field: string, v: unknown, min: number, max: number): number {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^[0-9]{1,12}$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) this.add(field, `Số tiền phải là số nguyên đồng từ ${min} đến ${max}.`, `The amount must be a whole number of đồng from ${min} to ${max}.`);
    return n;
  }
  date(field: string, v: unknown): string {
    const s = typeof v === 'string' ? v : '';
    if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(s) || !isValidIsoDate(s)) this.add(field, 'Ngày phải có dạng YYYY-MM-DD và có thật.', 'The date must be a real date written YYYY-MM-DD.');
    return s;
  }
  id(field: string, v: unknown): number {
    const n = typeof v === 'number' ? v : NaN;
    if (!Number.isSafeInteger(n) || n < 1) this.add(field, 'Mã số không hợp lệ.', 'The id is not valid.');
    return n;
  }
}

/** PostgreSQL's error code and constraint name, when the error came from the database. */
export function pgError(e: unknown): { code?: string; constraint?: string } {
  return typeof e === 'object' && e !== null ? (e as { code?: string; constraint?: string }) : {};
}
