// The filter of the figures as it arrives in a query string (pages, exports, API): agency code, procedure code, field,
// period. Checked here, once; the service checks who may see what.
import { addDays, isInputDate, vietnamDateOf, type IsoDate } from '../../platform/calendar/index.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { AGENCY_CODE } from '../units/index.ts';
import { isProcedureCode } from '../procedures/index.ts';
import { QualityErrors } from './errors.ts';
import { filterErrors as m } from './messages.ts';

export interface QualityFilter {
  /** null: the viewer's own agency, or the city total for city viewers. */
  agencyCode: string | null;
  procedureCode: string | null;
  field: string | null;
  /** Vietnam dates, both included. */
  from: IsoDate;
  to: IsoDate;
}

/** A longer period would make one request scan years of dossiers. */
export const MAX_PERIOD_DAYS = 366;

/** The current month up to today: the figures a dashboard opens with. */
export function currentMonth(now = new Date()): { from: IsoDate; to: IsoDate } {
  const today = vietnamDateOf(now);
  return { from: `${today.slice(0, 7)}-01`, to: today };
}

/** The last twelve months to the day: from the day after the same day a year ago, up to today (04/12/2026: 05/12/2025–04/12/2026). */
export function lastTwelveMonths(now = new Date()): { from: IsoDate; to: IsoDate } {
  const today = vietnamDateOf(now);
  const y = Number(today.slice(0, 4));
  // 29/02 a year later has no same day: the year then starts on 01/03.
  const sameDay = today.slice(5) === '02-29' ? `${y - 1}-02-28` : `${y - 1}${today.slice(4)}`;
  return { from: addDays(sameDay, 1), to: today };
}

const text = (v: unknown): string => (typeof v === 'string' ? v.normalize('NFC').trim() : '');

export function parseQualityQuery(query: Record<string, unknown>, period = currentMonth()): QualityFilter {
  const errors: FieldError[] = [];
  const agency = text(query.agency);
  const procedure = text(query.procedure);
  const field = text(query.field);
  const from = text(query.from) || period.from;
  const to = text(query.to) || period.to;
  if (agency && !AGENCY_CODE.test(agency)) errors.push({ field: 'agency', message: m.agency });
  if (procedure && !isProcedureCode(procedure)) errors.push({ field: 'procedure', message: m.procedure });
  if (field.length > 200) errors.push({ field: 'field', message: m.field });
  // Years 1900–2100 only: the working calendar (Tết, holidays) that on-time figures count in covers no more.
  if (!isInputDate(from)) errors.push({ field: 'from', message: m.date });
  if (!isInputDate(to)) errors.push({ field: 'to', message: m.date });
  else if (isInputDate(from) && to < from) errors.push({ field: 'to', message: m.order });
  else if (isInputDate(from) && addDays(from, MAX_PERIOD_DAYS) <= to) errors.push({ field: 'to', message: m.tooLong });
  if (errors.length > 0) throw QualityErrors.INVALID_FILTER({ fields: errors });
  return { agencyCode: agency || null, procedureCode: procedure || null, field: field || null, from, to };
}
