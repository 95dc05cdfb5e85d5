// JSON Schemas of the units API (they also make the OpenAPI document). Parameters are declared as strings and
// checked by the service, which answers bad ones with the module's Vietnamese/English errors.
import { AGENCY_KINDS, UNIT_TYPE_SLUGS } from './schema.ts';

const tags = ['units'];
const str = { type: 'string' } as const;
const strOrNull = { type: ['string', 'null'] } as const;
const text = { type: 'object', properties: { vi: str, en: str }, required: ['vi', 'en'] } as const;

const errorResponse = (description: string) =>
  ({
    description,
    type: 'object',
    properties: {
      error: {
        type: 'object',
        properties: { code: str, status: { type: 'integer' }, message: text, details: { type: 'object', additionalProperties: true } },
        required: ['code', 'status', 'message'],
      },
    },
    required: ['error'],
  }) as const;
const badRequest = errorResponse('Tham số không hợp lệ / invalid parameters');
const notFound = errorResponse('Không tìm thấy / not found');

const unitSummary = {
  type: 'object',
  properties: {
    code: str,
    type: { type: 'string', enum: UNIT_TYPE_SLUGS },
    name: str,
    fullName: str,
    fullNameEn: strOrNull,
  },
  required: ['code', 'type', 'name', 'fullName', 'fullNameEn'],
} as const;

const unit = {
  type: 'object',
  properties: {
    code: str,
    parentCode: strOrNull,
    level: { type: 'string', enum: ['province', 'commune'] },
    type: { type: 'string', enum: UNIT_TYPE_SLUGS },
    typeName: str,
    name: str,
    fullName: str,
    nameEn: strOrNull,
    fullNameEn: strOrNull,
    codename: strOrNull,
    formedFrom: strOrNull,
    notes: strOrNull,
    effectiveFrom: str,
    effectiveTo: strOrNull,
  },
  required: ['code', 'parentCode', 'level', 'type', 'typeName', 'name', 'fullName', 'effectiveFrom'],
} as const;

const formerUnit = {
  type: 'object',
  properties: {
    oldCode: str,
    oldName: str,
    oldDistrictCode: strOrNull,
    oldDistrictName: strOrNull,
    oldProvinceCode: str,
    oldProvinceName: strOrNull,
    mergeType: { type: 'string', enum: ['full', 'partial'] },
    effectiveDate: str,
  },
  required: ['oldCode', 'oldName', 'oldProvinceCode', 'mergeType', 'effectiveDate'],
} as const;

const agency = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    code: str,
    kind: { type: 'string', enum: AGENCY_KINDS },
    name: str,
    nameEn: strOrNull,
    shortName: strOrNull,
    unitCode: str,
    unitName: str,
    parentId: { type: ['integer', 'null'] },
    address: strOrNull,
    phone: strOrNull,
    email: strOrNull,
    active: { type: 'boolean' },
  },
  required: ['id', 'code', 'kind', 'name', 'unitCode', 'active'],
} as const;

const unitCodeParam = {
  type: 'object',
  properties: { code: { type: 'string', description: 'Mã đơn vị: 2 chữ số (tỉnh) hoặc 5 chữ số (xã) / unit code: 2 digits (province) or 5 (commune)' } },
  required: ['code'],
} as const;

export const listUnitsSchema = {
  tags,
  summary: 'Danh sách đơn vị hành chính / list administrative units',
  description:
    'Với `parent=01`: 126 phường, xã của Hà Nội; không có `parent`: 34 tỉnh, thành phố. `q` tìm không dấu, chấp nhận lỗi gõ nhỏ. / ' +
    'With `parent=01`: Hà Nội’s 126 wards and communes; without `parent`: the 34 provinces. `q` matches without accents and tolerates small typos.',
  querystring: {
    type: 'object',
    properties: {
      parent: { type: 'string', description: 'Mã tỉnh / province code', examples: ['01'] },
      type: { type: 'string', enum: UNIT_TYPE_SLUGS, description: 'Loại đơn vị / unit type' },
      q: { type: 'string', maxLength: 100, description: 'Tìm theo tên / search by name', examples: ['hoan kiem'] },
    },
  },
  response: {
    200: {
      type: 'object',
      properties: {
        parent: { anyOf: [{ type: 'null' }, unitSummary] },
        total: { type: 'integer' },
        items: { type: 'array', items: unitSummary },
      },
      required: ['parent', 'total', 'items'],
    },
    400: badRequest,
    404: notFound,
  },
} as const;

export const unitSchema = {
  tags,
  summary: 'Một đơn vị hành chính và các đơn vị cũ sáp nhập vào / one unit with its former units',
  params: unitCodeParam,
  response: {
    200: {
      type: 'object',
      properties: {
        unit,
        parent: { anyOf: [{ type: 'null' }, unitSummary] },
        formerUnits: { type: 'array', items: formerUnit },
        agencies: { type: 'array', items: agency },
      },
      required: ['unit', 'parent', 'formerUnits', 'agencies'],
    },
    400: badRequest,
    404: notFound,
  },
} as const;

export const historySchema = {
  tags,
  summary: 'Tra cứu đơn vị cũ → đơn vị hiện nay / former unit → today’s unit(s)',
  description:
    '`old`: mã (00001) hoặc tên (Phường Phúc Xá, phuc xa) của đơn vị trước ngày 01/7/2025. / ' +
    '`old`: code (00001) or name (Phường Phúc Xá, phuc xa) of a unit before 1 July 2025.',
  querystring: {
    type: 'object',
    properties: { old: { type: 'string', maxLength: 100, examples: ['Phường Phúc Xá', '00001'] } },
  },
  response: {
    200: {
      type: 'object',
      properties: {
        query: str,
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              oldCode: str,
              oldName: str,
              oldDistrictName: strOrNull,
              oldProvinceName: strOrNull,
              successors: {
                type: 'array',
                items: { type: 'object', properties: { ...unitSummary.properties, mergeType: { type: 'string', enum: ['full', 'partial'] } } },
              },
            },
            required: ['oldCode', 'oldName', 'successors'],
          },
        },
      },
      required: ['query', 'items'],
    },
    400: badRequest,
  },
} as const;

export const listAgenciesSchema = {
  tags,
  summary: 'Danh sách cơ quan / list agencies',
  description: 'Lọc theo đơn vị hành chính (`unit`), loại (`kind`) và tên (`q`). / Filter by unit, kind and name.',
  querystring: {
    type: 'object',
    properties: {
      unit: { type: 'string', examples: ['01', '00070'] },
      kind: { type: 'string', enum: AGENCY_KINDS },
      q: { type: 'string', maxLength: 100, examples: ['tư pháp'] },
    },
  },
  response: {
    200: { type: 'object', properties: { total: { type: 'integer' }, items: { type: 'array', items: agency } }, required: ['total', 'items'] },
    400: badRequest,
  },
} as const;

export const agencySchema = {
  tags,
  summary: 'Một cơ quan theo mã định danh hoặc số hiệu / one agency by identifier or id',
  params: {
    type: 'object',
    properties: { code: { type: 'string', description: '000.00.00.H26 hoặc số hiệu / or numeric id', examples: ['000.00.03.H26'] } },
    required: ['code'],
  },
  response: { 200: agency, 400: badRequest, 404: notFound },
} as const;
