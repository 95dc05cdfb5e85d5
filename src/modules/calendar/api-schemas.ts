// JSON Schemas of the calendar API (they also make the OpenAPI document). Query parameters are declared as
// strings and checked by the handlers, which answer with Vietnamese/English messages naming each parameter.
const text = {
  type: 'object',
  properties: { vi: { type: 'string' }, en: { type: 'string' } },
  required: ['vi', 'en'],
} as const;

const errorResponse = {
  description: 'Tham số không hợp lệ / invalid parameters',
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        status: { type: 'integer' },
        message: text,
        fields: {
          type: 'array',
          items: { type: 'object', properties: { field: { type: 'string' }, message: text }, required: ['field', 'message'] },
        },
      },
      required: ['code', 'status', 'message'],
    },
  },
  required: ['error'],
} as const;

const dateParam = (description: string) =>
  ({ type: 'string', description, examples: ['2026-02-17'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) as const;

const entry = {
  type: 'object',
  properties: {
    date: { type: 'string', format: 'date' },
    kind: { type: 'string', enum: ['holiday', 'compensatory_day_off', 'swapped_day_off', 'working_saturday'] },
    non_working: { type: 'boolean' },
    name: { type: 'string' },
    source: { type: 'string' },
    note: { type: 'string' },
    provisional: { type: 'boolean' },
  },
  required: ['date', 'kind', 'non_working', 'name', 'source', 'note', 'provisional'],
} as const;

const tags = ['calendar'];

export const deadlineSchema = {
  tags,
  summary: 'Tính hạn giải quyết / compute a deadline',
  description:
    'Hạn theo ngày làm việc, ngày theo lịch, giờ làm việc hoặc trong ngày (Bộ luật Dân sự 2015 Điều 147–148). ' +
    '`received` là thời điểm ISO 8601 có múi giờ hoặc Z (mã hoá dấu + thành %2B); một ngày YYYY-MM-DD được hiểu là 00:00 giờ Việt Nam. / ' +
    'Deadline in working days, calendar days, working hours or within the day (Civil Code 2015 Art. 147–148). ' +
    '`received` is an ISO 8601 time with an offset or Z (encode + as %2B); a plain date YYYY-MM-DD means 00:00 Vietnam time (UTC+7). ' +
    '`amount` is 1–1000 days or up to 2000 hours (two decimals); it is ignored for `within_day` (answered as 0).',
  querystring: {
    type: 'object',
    properties: {
      received: { type: 'string', description: 'ISO 8601 time with offset, or YYYY-MM-DD', examples: ['2026-02-13T10:00:00+07:00'] },
      amount: { type: 'string', description: 'number of days or hours', examples: ['5'] },
      unit: { type: 'string', enum: ['working_days', 'calendar_days', 'hours', 'within_day'] },
    },
    required: ['received', 'unit'],
  },
  response: {
    200: {
      type: 'object',
      properties: {
        received: { type: 'string', description: 'time of receipt, Vietnam time' },
        amount: { type: 'number' },
        unit: { type: 'string' },
        due_date: { type: 'string', format: 'date' },
        due_at: { type: 'string', description: 'end of the period, Vietnam time' },
        explanation: text,
        skipped: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              date: { type: 'string', format: 'date' },
              reason: { type: 'string', enum: ['weekend', 'holiday', 'compensatory_day_off', 'swapped_day_off'] },
              name: { type: 'string' },
            },
            required: ['date', 'reason'],
          },
        },
        provisional: { type: 'boolean', description: 'a year in the period has no confirmed schedule yet' },
      },
      required: ['received', 'amount', 'unit', 'due_date', 'due_at', 'explanation', 'skipped', 'provisional'],
    },
    400: errorResponse,
  },
} as const;

export const lunarSchema = {
  tags,
  summary: 'Đổi ngày dương sang âm lịch / solar to lunar date',
  description:
    'Âm lịch Việt Nam (UTC+7, thuật toán Hồ Ngọc Đức), năm 1800–2199, kèm ngày Tết của năm dương lịch đó. / ' +
    'Vietnamese lunar date (UTC+7, Hồ Ngọc Đức’s algorithm), years 1800–2199, with the Tết date of that solar year.',
  querystring: {
    type: 'object',
    properties: { date: dateParam('solar date YYYY-MM-DD') },
    required: ['date'],
  },
  response: {
    200: {
      type: 'object',
      properties: {
        date: { type: 'string', format: 'date' },
        lunar: {
          type: 'object',
          properties: {
            day: { type: 'integer' },
            month: { type: 'integer' },
            year: { type: 'integer' },
            leap: { type: 'boolean' },
            year_can_chi: { type: 'string' },
            text: text,
          },
          required: ['day', 'month', 'year', 'leap', 'year_can_chi', 'text'],
        },
        tet: {
          type: 'object',
          properties: { year: { type: 'integer' }, date: { type: 'string', format: 'date' }, can_chi: { type: 'string' } },
          required: ['year', 'date', 'can_chi'],
        },
      },
      required: ['date', 'lunar', 'tet'],
    },
    400: errorResponse,
  },
} as const;

export const daysSchema = {
  tags,
  summary: 'Ngày nghỉ, ngày làm bù của một năm / days off and make-up days of a year',
  description:
    'Các ngày khác với tuần làm việc thứ Hai–thứ Sáu. `status` provisional: lịch dự kiến theo Bộ luật Lao động, chưa có công bố chính thức. / ' +
    'The days that depart from the Mon–Fri week. `status` provisional: generated from the Labour Code, not yet announced.',
  querystring: {
    type: 'object',
    properties: { year: { type: 'string', description: 'year 1900–2190', examples: ['2026'] } },
    required: ['year'],
  },
  response: {
    200: {
      type: 'object',
      properties: {
        year: { type: 'integer' },
        status: { type: 'string', enum: ['official', 'provisional'] },
        stored: { type: 'boolean', description: 'false: generated on the fly, not yet kept by the administrators' },
        source: { type: 'string' },
        tet: { type: 'string', format: 'date' },
        can_chi: { type: 'string' },
        days: { type: 'array', items: entry },
      },
      required: ['year', 'status', 'stored', 'source', 'tet', 'can_chi', 'days'],
    },
    400: errorResponse,
  },
} as const;

export const workingDaySchema = {
  tags,
  summary: 'Có phải ngày làm việc? / is it a working day?',
  querystring: {
    type: 'object',
    properties: { date: dateParam('date YYYY-MM-DD') },
    required: ['date'],
  },
  response: {
    200: {
      type: 'object',
      properties: {
        date: { type: 'string', format: 'date' },
        working_day: { type: 'boolean' },
        reason: {
          type: ['string', 'null'],
          enum: ['weekend', 'holiday', 'compensatory_day_off', 'swapped_day_off', 'working_saturday', null],
        },
        name: { type: ['string', 'null'] },
        message: text,
        provisional: { type: 'boolean' },
        entries: { type: 'array', items: entry },
      },
      required: ['date', 'working_day', 'reason', 'name', 'message', 'provisional', 'entries'],
    },
    400: errorResponse,
  },
} as const;
