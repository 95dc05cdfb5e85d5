// Deadlines counted in hours run only during office hours of working days.
// - Office hours 08:00–12:00 and 13:00–17:00 on working days: an assumption (the usual hours published by Hà Nội
//   one-stop desks), not a national rule; an agency with other hours passes its own OfficeHours.
// - The 15:00 cut-off of same-day ('within_day') procedures is the law: a dossier received after 15:00 goes to the
//   competent department at the start of the next working day (Decree 61/2018/NĐ-CP Art. 20(1), as amended by
//   Decree 107/2021/NĐ-CP; DOMAIN §4), and the same-day procedures say so themselves: "ngay trong ngày …; trường hợp
//   nhận hồ sơ sau 15 giờ … trả kết quả trong ngày làm việc tiếp theo" (the steps of birth registration 1.001193;
//   Decree 23/2015/NĐ-CP Art. 7(1), certification). A dossier received from 15:00 on, or on a day off,
//   is due the next working day.
import { type IsoDate, addDays, formatMinutes } from './dates.ts';

export interface OfficeWindow {
  /** Minutes after midnight, Vietnam time. */
  start: number;
  end: number;
}

export interface OfficeHours {
  /** Non-overlapping windows in time order. */
  windows: readonly OfficeWindow[];
  /** A 'within_day' dossier received at or after this minute is due the next working day. */
  sameDayCutoff: number;
  /** Human-readable hours, e.g. "08:00–12:00, 13:00–17:00". */
  label: string;
}

export function officeHours(windows: readonly OfficeWindow[], sameDayCutoff: number): OfficeHours {
  let previousEnd = 0;
  for (const w of windows) {
    if (!(w.start >= previousEnd && w.end > w.start && w.end <= 1440)) {
      throw new RangeError('office windows must be ordered and within a day');
    }
    previousEnd = w.end;
  }
  if (windows.length === 0) throw new RangeError('office hours need at least one window');
  const label = windows.map((w) => `${formatMinutes(w.start)}–${formatMinutes(w.end)}`).join(', ');
  return { windows, sameDayCutoff, label };
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = officeHours(
  [
    { start: 8 * 60, end: 12 * 60 },
    { start: 13 * 60, end: 17 * 60 },
  ],
  15 * 60,
);

/** A point on the Vietnam wall clock. */
export interface WallTime {
  date: IsoDate;
  minute: number;
}

/**
 * The moment `minutes` of office time after (date, minute). Time outside the windows, and whole non-working
 * days, do not count; a dossier received after hours starts counting when the office next opens.
 */
export function addOfficeHours(
  hours: OfficeHours,
  isWorkingDay: (date: IsoDate) => boolean,
  date: IsoDate,
  minute: number,
  minutes: number,
): WallTime {
  let left = Math.round(minutes);
  let d = date;
  let t = minute;
  for (let guard = 0; guard < 3660; guard++) {
    if (isWorkingDay(d)) {
      for (const w of hours.windows) {
        if (t >= w.end) continue;
        const from = Math.max(t, w.start);
        if (left <= w.end - from) return { date: d, minute: from + left };
        left -= w.end - from;
        t = w.end;
      }
    }
    d = addDays(d, 1);
    t = 0;
  }
  throw new Error(`office hours do not reach ${minutes} minutes within ten years of ${date}`);
}
