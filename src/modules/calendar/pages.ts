// The public page /lich-lam-viec: parse the three GET forms, ask the service, render.
import type { FastifyInstance } from 'fastify';
import { parseIsoDate, vietnamDateOf, vietnamInstant, type Deadline } from '../../platform/calendar/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import {
  type Errors,
  LUNAR_MAX_YEAR,
  LUNAR_MIN_YEAR,
  parseAmount,
  parseDate,
  parseTime,
  parseUnit,
  parseYear,
} from './input.ts';
import { page as m } from './messages.ts';
import { computeDeadline, knownYears, lunarInfo, yearSchedule, type LunarInfo } from './service.ts';
import { CalendarPage, type CalcValues, type CalendarPageState } from './views/calendar-page.tsx';

type Query = Record<string, unknown>;
const str = (q: Query, k: string): string => (typeof q[k] === 'string' ? q[k].trim() : '');

async function calculate(platform: Platform, v: CalcValues, errors: Errors): Promise<Deadline | undefined> {
  const date = parseDate(errors, 'received_date', m.receivedDate, v.received_date);
  const minute = parseTime(errors, 'received_time', m.receivedTime, v.received_time);
  const unit = parseUnit(errors, 'unit', m.unit, v.unit);
  const amount = parseAmount(errors, 'amount', m.amount, v.amount, unit);
  if (date === undefined || minute === undefined || unit === undefined || amount === undefined) return undefined;
  return computeDeadline(platform, { received: vietnamInstant(date, minute), amount, unit });
}

export async function calendarPages(app: FastifyInstance, platform: Platform): Promise<void> {
  app.get('/lich-lam-viec', async (req, reply) => {
    const q = req.query as Query;
    const today = vietnamDateOf(new Date());

    const yearErrors: Errors = [];
    const yearValue = str(q, 'year');
    const year = (yearValue === '' ? undefined : parseYear(yearErrors, 'year', m.yearLabel, yearValue)) ?? parseIsoDate(today).y;

    const submitted = str(q, 'unit') !== '' || str(q, 'received_date') !== '';
    const values: CalcValues = submitted
      ? { received_date: str(q, 'received_date'), received_time: str(q, 'received_time'), amount: str(q, 'amount'), unit: str(q, 'unit') }
      : { received_date: today, received_time: '', amount: '', unit: 'working_days' };
    const calcErrors: Errors = [];
    const result = submitted ? await calculate(platform, values, calcErrors) : undefined;

    const lunarValue = str(q, 'lunar_date');
    const lunarErrors: Errors = [];
    let lunar: LunarInfo | undefined;
    if (lunarValue !== '') {
      const date = parseDate(lunarErrors, 'lunar_date', m.lunarDate, lunarValue, [LUNAR_MIN_YEAR, LUNAR_MAX_YEAR]);
      if (date !== undefined) lunar = lunarInfo(date);
    }

    const state: CalendarPageState = {
      schedule: await yearSchedule(platform, year),
      years: await knownYears(platform),
      yearValue,
      yearErrors,
      calc: { values, errors: calcErrors, result, submitted },
      lunar: { value: lunarValue, errors: lunarErrors, result: lunar },
    };
    const bad = yearErrors.length + calcErrors.length + lunarErrors.length > 0;
    return reply.status(bad ? 400 : 200).html(CalendarPage({ req, state }));
  });
}
