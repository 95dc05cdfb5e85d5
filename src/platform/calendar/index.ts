// Public surface of the working-day calendar: lunar dates, holiday entries and deadline computation.
export {
  type IsoDate,
  type SolarDate,
  VIETNAM_UTC_OFFSET_MINUTES,
  addDays,
  endOfVietnamDay,
  isValidIsoDate,
  isInputDate,
  isWeekend,
  parseIsoDate,
  vietnamDateOf,
  vietnamInstant,
  vietnamMinuteOf,
  weekday,
} from './dates.ts';
export { type LunarDate, canChiYear, hungKingsDay, lunarToSolar, solarToLunar, tetDate } from './lunar.ts';
export { GENERATED_SOURCE, generateHolidays } from './holidays.ts';
export {
  CalendarDayEntry,
  CalendarDayKind,
  defaultEntries,
  isNonWorkingKind,
  officialEntries,
  officialYears,
  parseScheduleCsv,
} from './schedule.ts';
export { type Explanation, type SkipReason, type SkippedDay } from './explain.ts';
export { DEFAULT_OFFICE_HOURS, type OfficeHours, type OfficeWindow, officeHours } from './office-hours.ts';
export {
  type Deadline,
  type DeadlineRequest,
  type DeadlineUnit,
  WorkCalendar,
  type WorkCalendarOptions,
} from './deadline.ts';
