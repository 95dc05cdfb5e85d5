// JSON Schemas of the procedures API (they also make the OpenAPI document). Bad parameters are attached rather than
// answered by Fastify, so that each gets the module's own Vietnamese/English message.
import { CHANNELS, LEVELS, ONLINE_LEVELS, TIME_UNITS } from './schema.ts';

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
  description: 'Thời hạn giải quyết / processing time: amount + unit (null when not stated), text as published',
  properties: {
    amount: { type: ['number', 'null'] },
    unit: { type: ['string', 'null'], enum: [...TIME_UNITS, null] },
    text: str,
  },
  required: ['amount', 'unit', 'text'],
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
    fees: {
      type: 'array',
      description: 'Phí, lệ phí: số tiền bằng đồng (số nguyên); null khi không ghi bằng đồng / amounts in integer đồng, null when not stated in đồng',
      items: { type: 'object', properties: { label: str, amount_dong: intOrNull, text: str }, required: ['label', 'amount_dong', 'text'] },
    },
    feesText: strOrNull,
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
      type: ['object', 'null'],
      additionalProperties: true,
      description: 'Biểu mẫu điện tử: JSON Schema 2020-12 + gợi ý hiển thị; null khi chưa cấu hình / e-form JSON Schema, null until configured',
    },
    workflowRef: strOrNull,
  },
  required: ['code', 'version', 'effectiveFrom', 'name', 'levels', 'channels', 'processingTime', 'fees', 'documents', 'eform', 'workflowRef'],
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
  response: { 200: version, 404: errorResponse('Không tìm thấy / not found') },
} as const;
