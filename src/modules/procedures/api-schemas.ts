// JSON Schemas of the procedures API (they also make the OpenAPI document). Bad parameters are attached rather than
// answered by Fastify, so that each gets the module's own Vietnamese/English message.
import { CHANNELS, FEE_RULE_KINDS, LEVELS, ONLINE_LEVELS, TIME_UNITS } from './schema.ts';

const tags = ['procedures'];
const str = { type: 'string' } as const;
const strOrNull = { type: ['string', 'null'] } as const;
const intOrNull = { type: ['integer', 'null'] } as const;
const strings = { type: 'array', items: str } as const;
const text = { type: 'object', properties: { vi: str, en: str }, required: ['vi', 'en'] } as const;

const errorResponse = (description: string) =>
  ({
    description,
    type: 'object',
    properties: {
      error: {
        type: 'object',
        properties: {
          code: str,
          status: { type: 'integer' },
          message: text,
          fields: { type: 'array', items: { type: 'object', properties: { field: str, message: text } } },
          details: { type: 'object', additionalProperties: true },
        },
        required: ['code', 'status', 'message'],
      },
    },
    required: ['error'],
  }) as const;

const processingTime = {
  type: 'object',
  description:
    'Thời hạn giải quyết / processing time: amount + unit (null when not stated), text as published; basis: where the unit ' +
    'comes from when the text has none (a sentence of the procedure, or data/procedures/processing-time-overrides.csv)',
  properties: {
    amount: { type: ['number', 'null'] },
    unit: { type: ['string', 'null'], enum: [...TIME_UNITS, null] },
    text: str,
    basis: strOrNull,
  },
  required: ['amount', 'unit', 'text'],
} as const;

const dateOrNull = { type: ['string', 'null'], format: 'date' } as const;
const feeRule = {
  type: 'object',
  description:
    'Quy tắc thu phí, lệ phí (các quy tắc là phương án thay thế, không cộng dồn) / a fee rule; rules are alternatives by channel, case and period, never added up',
  properties: {
    kind: { type: 'string', enum: FEE_RULE_KINDS, description: 'amount | free | percent (of the standing amount) | text (not in figures: settled at the counter)' },
    channel: { type: ['string', 'null'], enum: [...CHANNELS, null], description: 'null: every channel' },
    case: { ...strOrNull, description: 'Trường hợp / the case; null: every case' },
    amount_dong: intOrNull,
    percent: { type: ['number', 'null'] },
    per: { ...strOrNull, description: 'what one amount pays for ("lần", "trang")' },
    per_quantity: { type: 'boolean', description: 'multiplied by a count the applicant gives (pages, copies, persons)' },
    from: dateOrNull,
    to: { ...dateOrNull, description: 'last day in force (inclusive)' },
    text: str,
  },
  required: ['kind', 'channel', 'case', 'amount_dong', 'percent', 'per', 'per_quantity', 'from', 'to', 'text'],
} as const;

const feeQuote = {
  type: 'object',
  description: 'Phí, lệ phí áp dụng vào ngày và theo hình thức nộp / the fee that applies on the date through the channel',
  properties: {
    channel: { type: 'string', enum: CHANNELS },
    date: { type: 'string', format: 'date' },
    stated: { type: 'boolean' },
    amountDong: { ...intOrNull, description: 'to charge on submission; null: worked out at the counter (depends on the case or a count, or not in figures)' },
    lines: {
      type: 'array',
      items: { type: 'object', properties: { case: strOrNull, amountDong: intOrNull, rule: feeRule }, required: ['case', 'amountDong', 'rule'] },
    },
    expired: { type: 'array', items: feeRule },
    upcoming: { type: 'array', items: feeRule },
  },
  required: ['channel', 'date', 'stated', 'amountDong', 'lines', 'expired', 'upcoming'],
} as const;

const levels = { type: 'array', items: { type: 'string', enum: LEVELS } } as const;
const channels = { type: 'array', items: { type: 'string', enum: CHANNELS } } as const;
const onlineLevel = { type: ['string', 'null'], enum: [...ONLINE_LEVELS, null], description: 'full = toàn trình, partial = một phần' } as const;

const nameEn = {
  type: ['string', 'null'],
  description: 'Tên tiếng Anh (bản dịch của dự án, đã rà soát); null khi chưa có / English name (our reviewed translation), null when there is none yet',
} as const;

const summary = {
  type: 'object',
  properties: {
    code: str,
    name: str,
    nameEn,
    field: strOrNull,
    levels,
    channels,
    online: { type: 'boolean' },
    onlineLevel,
    processingTime,
    effectiveFrom: { type: 'string', format: 'date' },
  },
  required: ['code', 'name', 'nameEn', 'field', 'levels', 'channels', 'online', 'onlineLevel', 'processingTime', 'effectiveFrom'],
} as const;

const versionSummary = {
  type: 'object',
  properties: { version: { type: 'integer' }, effectiveFrom: str, source: strOrNull, createdAt: { type: 'string', format: 'date-time' } },
  required: ['version', 'effectiveFrom'],
} as const;

const version = {
  type: 'object',
  properties: {
    code: str,
    version: { type: 'integer' },
    effectiveFrom: { type: 'string', format: 'date' },
    contentHash: str,
    source: strOrNull,
    name: str,
    field: strOrNull,
    procedureType: strOrNull,
    levels,
    issuingAgency: strOrNull,
    implementingAgencies: strings,
    competentAgency: strOrNull,
    receivingAddress: strOrNull,
    applicantTypes: strings,
    channels,
    onlineLevel,
    processingTime,
    channelDetails: {
      type: 'array',
      items: {
        type: 'object',
        properties: { channel: { type: ['string', 'null'], enum: [...CHANNELS, null] }, channel_text: str, time: processingTime, fee_text: str, description: str },
      },
    },
    feeRules: { type: 'array', description: 'Phí, lệ phí dạng quy tắc / the fee rules read from the text', items: feeRule },
    feesText: { ...strOrNull, description: 'Phí, lệ phí như văn bản công bố / the fee text as published' },
    feesToday: {
      type: 'array',
      description: 'Phí, lệ phí áp dụng theo từng hình thức nộp vào ngày `date` (mặc định hôm nay) / per channel, the fee that applies on `date` (today by default)',
      items: feeQuote,
    },
    documents: {
      type: 'array',
      description: 'Thành phần hồ sơ / required documents',
      items: {
        type: 'object',
        properties: { name: str, originals: intOrNull, copies: intOrNull, form_file: strOrNull, form_files: strings },
        required: ['name', 'originals', 'copies', 'form_file'],
      },
    },
    documentsText: strOrNull,
    steps: strings,
    conditions: strOrNull,
    result: { type: 'array', items: { type: 'object', properties: { name: str, code: strOrNull } } },
    resultText: strOrNull,
    legalBasis: { type: 'array', items: { type: 'object', properties: { number: str, title: strOrNull } } },
    legalBasisText: strOrNull,
    decisionNumber: strOrNull,
    sourceUrl: strOrNull,
    eform: {
      type: 'object',
      additionalProperties: true,
      description:
        'Biểu mẫu điện tử dùng khi nộp hồ sơ: `schema` (JSON Schema 2020-12 của nội dung tờ khai, gửi trong `form`), `ui` (các phần, nhãn, kiểu ô), ' +
        '`documents` (giấy tờ: `key` gửi trong `doc_key`, `required`, `accept` các kiểu tệp, `maxBytes`). / The e-form a dossier is submitted ' +
        'with: `schema` (JSON Schema 2020-12 of the answers, sent as `form`), `ui` (sections, labels, widgets), `documents` (`key` sent as ' +
        '`doc_key`, `required`, accepted types `accept`, `maxBytes`).',
      properties: {
        version: { type: 'integer' },
        schema: { type: 'object', additionalProperties: true },
        ui: { type: 'object', additionalProperties: true },
        documents: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: true,
            properties: { key: str, required: { type: 'boolean' }, accept: strings, maxBytes: { type: 'integer' } },
          },
        },
      },
    },
    eformSource: {
      type: 'string',
      enum: ['procedure', 'shipped', 'generic'],
      description: 'Biểu mẫu riêng của phiên bản, biểu mẫu có sẵn theo mã, hay biểu mẫu chung / the version’s own, the shipped one for its code, or the generic one',
    },
    workflowRef: strOrNull,
  },
  required: ['code', 'version', 'effectiveFrom', 'name', 'levels', 'channels', 'processingTime', 'feeRules', 'feesToday', 'documents', 'eform', 'workflowRef'],
} as const;

const dateQuery = {
  type: 'object',
  properties: { date: { type: 'string', format: 'date', description: 'Ngày tính phí, lệ phí (YYYY-MM-DD, mặc định hôm nay) / date of the fees (default today)', examples: ['2026-12-01'] } },
} as const;

const codeParam = {
  type: 'object',
  properties: { code: { type: 'string', description: 'Mã thủ tục / procedure code', examples: ['1.001193', '3.000347'] } },
  required: ['code'],
} as const;

export const listSchema = {
  tags,
  summary: 'Tìm kiếm thủ tục hành chính / search administrative procedures',
  description:
    '`q` tìm không dấu, chấp nhận lỗi gõ, từ thông dụng ("doi bang lai xe", "sổ đỏ") và tiếng Anh ("driving licence"); không có `q`: duyệt theo tên. / ' +
    '`q` matches without accents and tolerates typos, everyday words and English ("driving license" finds "Renewal of a driving licence"); without `q`: browse by name.',
  querystring: {
    type: 'object',
    properties: {
      q: { type: 'string', maxLength: 200, examples: ['doi bang lai xe'] },
      field: { type: 'string', description: 'Lĩnh vực (đúng tên) / field (exact name)', examples: ['Hộ tịch'] },
      agency: { type: 'string', description: 'Cơ quan (ban hành, thực hiện hoặc có thẩm quyền) / agency', examples: ['Bộ Tư pháp'] },
      level: { type: 'string', enum: LEVELS },
      online: { type: 'string', enum: ['true', 'false', 'full'], description: 'true: có nộp trực tuyến; full: toàn trình / online channel; full: fully online' },
      limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
      offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 },
    },
  },
  response: {
    200: {
      type: 'object',
      properties: {
        total: { type: 'integer' },
        limit: { type: 'integer' },
        offset: { type: 'integer' },
        expanded: { type: 'array', items: { type: 'object', properties: { term: str, expansion: str } } },
        items: { type: 'array', items: summary },
      },
      required: ['total', 'limit', 'offset', 'expanded', 'items'],
    },
    400: errorResponse('Tham số không hợp lệ / invalid parameters'),
  },
} as const;

export const detailSchema = {
  tags,
  summary: 'Một thủ tục: phiên bản hiện hành và danh sách phiên bản / one procedure: current version and its versions',
  params: codeParam,
  querystring: dateQuery,
  response: {
    200: {
      type: 'object',
      properties: { ...version.properties, nameEn, currentVersion: { type: 'integer' }, versions: { type: 'array', items: versionSummary } },
      required: [...version.required, 'nameEn', 'currentVersion', 'versions'],
    },
    404: errorResponse('Không tìm thấy / not found'),
  },
} as const;

export const versionSchema = {
  tags,
  summary: 'Một phiên bản của thủ tục / one version of a procedure',
  params: {
    type: 'object',
    properties: { ...codeParam.properties, version: { type: 'integer', minimum: 1 } },
    required: ['code', 'version'],
  },
  querystring: dateQuery,
  response: { 200: version, 404: errorResponse('Không tìm thấy / not found') },
} as const;
