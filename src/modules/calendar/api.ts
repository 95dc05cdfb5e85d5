// JSON API of the working calendar: deadlines, lunar dates, a year's days off, and whether a date is a working day.
import type { FastifyInstance } from 'fastify';
import type { CalendarDayEntry } from '../../platform/calendar/index.ts';
import { isNonWorkingKind } from '../../platform/calendar/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { daysSchema, deadlineSchema, lunarSchema, workingDaySchema } from './api-schemas.ts';
import { CalendarErrors } from './errors.ts';
import { vietnamIso } from './format.ts';
import {
  type Errors,
  LUNAR_MAX_YEAR,
  LUNAR_MIN_YEAR,
  apiName,
  parseAmount,
  parseDate,
  parseReceived,
  parseUnit,
  parseYear,
} from './input.ts';
import { computeDeadline, lunarInfo, workingDayInfo, yearSchedule } from './service.ts';

type Query = Record<string, unknown>;

function refuse(errors: Errors): never {
  throw CalendarErrors.INVALID_PARAMETERS({ fields: errors });
}

function entryJson(e: CalendarDayEntry): Record<string, unknown> {
  return { ...e, non_working: isNonWorkingKind(e.kind) };
}

// Routes keep their schemas for the OpenAPI document but attach schema failures instead of answering them, so
// that every bad parameter gets the module's own message (the handlers check everything the schemas say).
export async function calendarApi(app: FastifyInstance, platform: Platform): Promise<void> {
  app.get('/api/v1/calendar/deadline', { schema: deadlineSchema, attachValidation: true, config: { scope: 'public' } }, async (req) => {
    const q = req.query as Query;
    const errors: Errors = [];
    const received = parseReceived(errors, 'received', apiName('received'), q.received);
    const unit = parseUnit(errors, 'unit', apiName('unit'), q.unit);
    const amount = parseAmount(errors, 'amount', apiName('amount'), q.amount, unit);
    if (received === undefined || unit === undefined || amount === undefined) refuse(errors);
    const d = await computeDeadline(platform, { received, amount, unit });
    return {
      received: vietnamIso(received),
      amount,
      unit,
      due_date: d.dueDate,
      due_at: vietnamIso(d.dueAt),
      explanation: d.explanation,
      skipped: d.skipped,
      provisional: d.provisional,
    };
  });

  app.get('/api/v1/calendar/lunar', { schema: lunarSchema, attachValidation: true, config: { scope: 'public' } }, async (req) => {
    const errors: Errors = [];
    const date = parseDate(errors, 'date', apiName('date'), (req.query as Query).date, [LUNAR_MIN_YEAR, LUNAR_MAX_YEAR]);
    if (date === undefined) refuse(errors);
    const info = lunarInfo(date);
    const { yearCanChi, ...lunar } = info.lunar;
    return {
      date,
      lunar: { ...lunar, year_can_chi: yearCanChi, text: info.text },
      tet: { year: info.tet.year, date: info.tet.date, can_chi: info.tet.canChi },
    };
  });

  app.get('/api/v1/calendar/days', { schema: daysSchema, attachValidation: true, config: { scope: 'public' } }, async (req) => {
    const errors: Errors = [];
    const year = parseYear(errors, 'year', apiName('year'), (req.query as Query).year);
    if (year === undefined) refuse(errors);
    const s = await yearSchedule(platform, year);
    return {
      year,
      status: s.status,
      stored: s.stored,
      source: s.source,
      tet: s.tet,
      can_chi: s.canChi,
      days: s.entries.map(entryJson),
    };
  });

  app.get('/api/v1/calendar/working-day', { schema: workingDaySchema, attachValidation: true, config: { scope: 'public' } }, async (req) => {
    const errors: Errors = [];
    const date = parseDate(errors, 'date', apiName('date'), (req.query as Query).date);
    if (date === undefined) refuse(errors);
    const info = await workingDayInfo(platform, date);
    return {
      date,
      working_day: info.workingDay,
      reason: info.reason,
      name: info.name,
      message: info.message,
      provisional: info.provisional,
      entries: info.entries.map(entryJson),
    };
  });
}
