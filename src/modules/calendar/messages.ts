import type { Text } from '../../platform/web/i18n.ts';
import type { CalendarDayKind, DeadlineUnit, SkipReason } from '../../platform/calendar/index.ts';

/** Field errors; `name` is how the field is called (the parameter for the API, the label on a page). */
export const inputErrors = {
  missing: (n: Text): Text => ({ vi: `${n.vi} là bắt buộc.`, en: `${n.en} is required.` }),
  year: (n: Text, min: number, max: number): Text => ({
    vi: `${n.vi} phải là một năm từ ${min} đến ${max}.`,
    en: `${n.en} must be a year from ${min} to ${max}.`,
  }),
  dateFormat: (n: Text): Text => ({
    vi: `${n.vi} phải là ngày theo dạng YYYY-MM-DD, ví dụ 2026-02-13.`,
    en: `${n.en} must be a date written YYYY-MM-DD, e.g. 2026-02-13.`,
  }),
  dateImpossible: (n: Text, date: string): Text => ({
    vi: `${n.vi}: ngày ${date} không tồn tại.`,
    en: `${n.en}: the date ${date} does not exist.`,
  }),
  dateRange: (n: Text, min: number, max: number): Text => ({
    vi: `${n.vi} phải nằm trong các năm ${min}–${max}.`,
    en: `${n.en} must fall within the years ${min}–${max}.`,
  }),
  dateTimeFormat: (n: Text): Text => ({
    vi: `${n.vi} phải là thời điểm ISO 8601 có múi giờ, ví dụ 2026-02-13T10:00:00+07:00 (dấu + viết là %2B), hoặc một ngày YYYY-MM-DD (hiểu là 00:00 giờ Việt Nam).`,
    en: `${n.en} must be an ISO 8601 time with an offset, e.g. 2026-02-13T10:00:00+07:00 (write + as %2B), or a date YYYY-MM-DD (read as 00:00 Vietnam time).`,
  }),
  time: (n: Text): Text => ({
    vi: `${n.vi} phải là giờ theo dạng HH:MM, ví dụ 10:00.`,
    en: `${n.en} must be a time written HH:MM, e.g. 10:00.`,
  }),
  unit: (n: Text, units: string): Text => ({
    vi: `${n.vi} phải là một trong các giá trị: ${units}.`,
    en: `${n.en} must be one of: ${units}.`,
  }),
  days: (n: Text, max: number): Text => ({
    vi: `${n.vi} phải là số nguyên từ 1 đến ${max}.`,
    en: `${n.en} must be a whole number from 1 to ${max}.`,
  }),
  hours: (n: Text, max: number): Text => ({
    vi: `${n.vi} phải là số dương không quá ${max}, tối đa hai chữ số thập phân.`,
    en: `${n.en} must be a positive number up to ${max}, with at most two decimals.`,
  }),
  kind: (n: Text): Text => ({ vi: `${n.vi} không thuộc các loại ngày đã định.`, en: `${n.en} is not a known kind of day.` }),
  tooLong: (n: Text, max: number): Text => ({
    vi: `${n.vi} không được dài quá ${max} ký tự.`,
    en: `${n.en} must be at most ${max} characters long.`,
  }),
  notWeekend: (n: Text): Text => ({
    vi: `${n.vi}: ngày làm bù phải là thứ Bảy hoặc Chủ nhật.`,
    en: `${n.en}: a make-up working day must be a Saturday or a Sunday.`,
  }),
  duplicate: (n: Text): Text => ({
    vi: `${n.vi}: ngày này đã có một mục cùng loại.`,
    en: `${n.en}: this date already has an entry of this kind.`,
  }),
};

export const KIND_LABELS: Record<CalendarDayKind, Text> = {
  holiday: { vi: 'Ngày nghỉ lễ, Tết', en: 'Public holiday' },
  compensatory_day_off: { vi: 'Nghỉ bù', en: 'Compensatory day off' },
  swapped_day_off: { vi: 'Nghỉ do hoán đổi ngày làm việc', en: 'Day off by swap' },
  working_saturday: { vi: 'Ngày làm bù', en: 'Make-up working day' },
};

export const REASON_LABELS: Record<SkipReason, Text> = {
  weekend: { vi: 'ngày nghỉ cuối tuần', en: 'a weekend day' },
  holiday: { vi: 'ngày nghỉ lễ, Tết', en: 'a public holiday' },
  compensatory_day_off: { vi: 'ngày nghỉ bù', en: 'a compensatory day off' },
  swapped_day_off: { vi: 'ngày nghỉ do hoán đổi', en: 'a day off by swap' },
};

export const UNIT_LABELS: Record<DeadlineUnit, Text> = {
  working_days: { vi: 'Ngày làm việc', en: 'Working days' },
  calendar_days: { vi: 'Ngày (theo lịch)', en: 'Calendar days' },
  hours: { vi: 'Giờ làm việc', en: 'Working hours' },
  within_day: { vi: 'Trong ngày', en: 'Within the day' },
};

export const STATUS_LABELS = {
  official: { vi: 'Chính thức', en: 'Official' },
  provisional: { vi: 'Dự kiến', en: 'Provisional' },
} as const;

export const WEEKDAYS: Text[] = [
  { vi: 'Chủ nhật', en: 'Sunday' },
  { vi: 'Thứ Hai', en: 'Monday' },
  { vi: 'Thứ Ba', en: 'Tuesday' },
  { vi: 'Thứ Tư', en: 'Wednesday' },
  { vi: 'Thứ Năm', en: 'Thursday' },
  { vi: 'Thứ Sáu', en: 'Friday' },
  { vi: 'Thứ Bảy', en: 'Saturday' },
];

/** Answers of the working-day question. */
export const workingDay = {
  working: { vi: 'Ngày làm việc.', en: 'A working day.' },
  makeUp: (name: string): Text => ({
    vi: `Ngày làm việc: thứ Bảy làm bù (${name}).`,
    en: `A working day: a make-up working Saturday (${name}).`,
  }),
  weekend: { vi: 'Không phải ngày làm việc: ngày nghỉ cuối tuần.', en: 'Not a working day: a weekend day.' },
  off: (reason: Text, name: string): Text => ({
    vi: `Không phải ngày làm việc: ${reason.vi} (${name}).`,
    en: `Not a working day: ${reason.en} (${name}).`,
  }),
};

/** Lunar dates in words: "ngày 1 tháng Giêng năm Bính Ngọ". */
const VI_MONTHS = ['Giêng', 'Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín', 'Mười', 'Mười Một', 'Chạp'];
export function lunarText(day: number, month: number, leap: boolean, canChi: string): Text {
  const leapVi = leap ? ' nhuận' : '';
  const leapEn = leap ? ' (leap)' : '';
  return {
    vi: `ngày ${day} tháng ${VI_MONTHS[month - 1] ?? month}${leapVi} năm ${canChi}`,
    en: `day ${day} of lunar month ${month}${leapEn}, year ${canChi}`,
  };
}

/** Labels of the administrator's day form, also used to name fields in its errors. */
export const DAY_FIELDS = {
  date: { vi: 'Ngày', en: 'Date' },
  kind: { vi: 'Loại ngày', en: 'Kind of day' },
  name: { vi: 'Tên dịp nghỉ', en: 'Occasion' },
  source: { vi: 'Căn cứ (văn bản)', en: 'Source (decision)' },
  note: { vi: 'Ghi chú', en: 'Note' },
  decision: { vi: 'Văn bản công bố lịch nghỉ', en: 'Decision announcing the schedule' },
} as const;

/** The public page /lich-lam-viec. */
export const page = {
  title: { vi: 'Lịch làm việc và hạn giải quyết', en: 'Working calendar and deadlines' },
  lead: {
    vi: 'Ngày nghỉ lễ, Tết, ngày làm bù của cơ quan nhà nước; cách tính hạn trả kết quả theo ngày làm việc; đổi ngày âm lịch.',
    en: 'Public holidays, Tết and make-up working days of state agencies; how due dates are counted in working days; lunar dates.',
  },
  contents: { vi: 'Trên trang này', en: 'On this page' },
  yearHeading: { vi: 'Ngày nghỉ và ngày làm bù năm {year}', en: 'Days off and make-up working days in {year}' },
  yearLabel: { vi: 'Năm', en: 'Year' },
  show: { vi: 'Xem', en: 'Show' },
  official: { vi: 'Lịch chính thức.', en: 'Official schedule.' },
  officialSource: { vi: 'Căn cứ: {source}', en: 'Source: {source}' },
  provisional: {
    vi: 'Lịch dự kiến: Chính phủ chưa công bố lịch nghỉ chính thức của năm này. Các ngày dưới đây được tính theo Bộ luật Lao động 2019 (Điều 111–112) và có thể thay đổi.',
    en: 'Provisional schedule: the government has not yet announced this year’s official days off. The days below follow the Labour Code 2019 (Art. 111–112) and may change.',
  },
  provisionalTag: { vi: 'dự kiến', en: 'provisional' },
  tet: { vi: 'Tết Nguyên đán {canChi}: {date}.', en: 'Lunar New Year (Tết) {canChi}: {date}.' },
  tableCaption: {
    vi: 'Các ngày khác với tuần làm việc thứ Hai – thứ Sáu năm {year}',
    en: 'Days that depart from the Monday–Friday week in {year}',
  },
  colDate: { vi: 'Ngày', en: 'Date' },
  colKind: { vi: 'Loại', en: 'Kind' },
  colName: { vi: 'Dịp', en: 'Occasion' },
  colNote: { vi: 'Ghi chú', en: 'Note' },
  colSource: { vi: 'Căn cứ', en: 'Source' },
  noEntries: { vi: 'Năm này không có ngày nghỉ lễ nào được ghi nhận.', en: 'No days off are recorded for this year.' },
  weekendNote: {
    vi: 'Thứ Bảy và Chủ nhật là ngày nghỉ hằng tuần, trừ ngày làm bù được ghi ở bảng.',
    en: 'Saturdays and Sundays are weekly rest days, except make-up working days listed in the table.',
  },
  calcHeading: { vi: 'Tính hạn giải quyết', en: 'Deadline calculator' },
  calcLead: {
    vi: 'Thời hạn tính theo ngày bắt đầu từ ngày hôm sau ngày nhận hồ sơ; nếu ngày cuối cùng là ngày nghỉ thì hạn là ngày làm việc tiếp theo (Bộ luật Dân sự 2015, Điều 147–148).',
    en: 'A period in days starts the day after receipt; if its last day is a day off, it ends on the next working day (Civil Code 2015, Art. 147–148).',
  },
  receivedDate: { vi: 'Ngày nhận hồ sơ', en: 'Date received' },
  receivedDateHint: { vi: 'Ví dụ 2026-02-13', en: 'For example 2026-02-13' },
  receivedTime: { vi: 'Giờ nhận hồ sơ', en: 'Time received' },
  receivedTimeHint: {
    vi: 'Giờ Việt Nam, dạng HH:MM; cần cho thời hạn tính theo giờ và trong ngày.',
    en: 'Vietnam time, HH:MM; matters for periods in hours and within the day.',
  },
  amount: { vi: 'Thời hạn', en: 'Period' },
  amountHint: { vi: 'Số ngày hoặc số giờ; bỏ trống nếu giải quyết trong ngày.', en: 'Number of days or hours; leave blank for within the day.' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  calculate: { vi: 'Tính hạn', en: 'Calculate' },
  dueHeading: { vi: 'Kết quả', en: 'Result' },
  due: { vi: 'Hạn trả kết quả: hết ngày {date}.', en: 'Due by the end of {date}.' },
  dueAt: { vi: 'Hạn trả kết quả: {time} {date}.', en: 'Due at {time} on {date}.' },
  explanation: { vi: 'Cách tính', en: 'How it was counted' },
  provisionalDue: {
    vi: 'Hạn này dựa một phần trên lịch nghỉ dự kiến và có thể thay đổi khi Chính phủ công bố lịch chính thức.',
    en: 'This due date relies partly on a provisional schedule and may change when the government announces the official one.',
  },
  lunarHeading: { vi: 'Đổi ngày dương lịch sang âm lịch', en: 'Solar to lunar date' },
  lunarDate: { vi: 'Ngày dương lịch', en: 'Solar date' },
  lunarDateHint: { vi: 'Năm 1800–2199, ví dụ 2026-02-17', en: 'Years 1800–2199, for example 2026-02-17' },
  convert: { vi: 'Đổi sang âm lịch', en: 'Convert' },
  lunarResult: { vi: '{solar} là {lunar} (âm lịch).', en: '{solar} is {lunar} in the lunar calendar.' },
  lunarTet: { vi: 'Tết Nguyên đán năm {year} ({canChi}): {date}.', en: 'Lunar New Year (Tết) of {year} ({canChi}): {date}.' },
  lunarNote: {
    vi: 'Âm lịch Việt Nam tính theo giờ UTC+7 nên có năm khác âm lịch Trung Quốc (ví dụ Tết 2007 là 17/02 ở Việt Nam, 18/02 ở Trung Quốc).',
    en: 'The Vietnamese lunar calendar is reckoned at UTC+7, so some years differ from the Chinese one (e.g. Tết 2007 fell on 17 Feb in Vietnam, 18 Feb in China).',
  },
  adminLink: { vi: 'Quản trị lịch làm việc', en: 'Manage the working calendar' },
};
