// JSON Schemas of the admissions API (tag 'admissions'; they also make the OpenAPI document). Bodies are declared
// and checked by the service, which answers bad input with the module's Vietnamese/English errors.
const tags = ['admissions'];
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

const credentials = {
  code: { type: 'string', description: 'Mã tuyển sinh trên giấy báo của trường / enrolment code on the school’s letter' },
  personalId: { type: 'string', description: 'Số định danh cá nhân của trẻ (12 chữ số) / the child’s personal ID (12 digits)' },
} as const;

const round = {
  type: 'object',
  properties: { id: { type: 'integer' }, schoolYear: str, level: { type: 'string', enum: ['kindergarten', 'grade1', 'grade6'] }, name: str, nameEn: str, opensAt: str, closesAt: str },
  required: ['id', 'schoolYear', 'level', 'name', 'nameEn', 'opensAt', 'closesAt'],
} as const;

const child = { type: 'object', properties: { fullName: str, birthDate: str, residenceUnit: str }, required: ['fullName', 'birthDate', 'residenceUnit'] } as const;

const school = {
  type: 'object',
  properties: { code: str, name: str, ownership: { type: 'string', enum: ['public', 'private'] }, wardCode: str, address: str },
  required: ['code', 'name', 'ownership', 'wardCode', 'address'],
} as const;

const application = {
  type: 'object',
  properties: {
    applicationNo: str,
    status: { type: 'string', enum: ['active', 'withdrawn', 'admitted', 'not_admitted', 'confirmed'] },
    round,
    child,
    school,
    inCatchment: { type: 'boolean' },
    priorityGroup: { type: 'integer' },
    email: strOrNull,
    createdAt: str,
  },
  required: ['applicationNo', 'status', 'round', 'child', 'school', 'inCatchment', 'priorityGroup', 'email', 'createdAt'],
} as const;

const eligibleSchool = {
  type: 'object',
  properties: { ...school.properties, inCatchment: { type: 'boolean' }, places: { type: 'integer' }, placesLeft: { type: 'integer' } },
  required: [...school.required, 'inCatchment', 'places', 'placesLeft'],
} as const;

const wait = errorResponse('Đang trong hàng chờ: gửi lại sau Retry-After giây với header waiting-room-ticket / in the waiting line: send again after Retry-After seconds with the waiting-room-ticket header');

export const applySchema = {
  tags,
  summary: 'Nộp hồ sơ tuyển sinh / submit an admission application',
  description:
    'Công khai (không cần tài khoản). Header Idempotency-Key bắt buộc: gửi lại cùng khoá trả lại đúng hồ sơ đã nhận (200). ' +
    'Hồ sơ chỉ được xác nhận sau khi đã lưu. / Public (no account). The Idempotency-Key header is required: the same key ' +
    'returns the same application (200); the first time 201. Acknowledged only once committed.',
  headers: { type: 'object', properties: { 'idempotency-key': { type: 'string', description: '8–200 printable ASCII characters, one per submission' } } },
  body: {
    type: 'object',
    properties: { ...credentials, schoolCode: { type: 'string', description: 'Mã trường chọn (trong danh sách của lookup) / chosen school code' }, email: { type: 'string' } },
    required: ['code', 'personalId', 'schoolCode'],
  },
  response: {
    200: { description: 'Đã nhận trước đó (cùng khoá) / received before (same key)', type: 'object', properties: { application, replayed: { type: 'boolean' } }, required: ['application', 'replayed'] },
    201: { description: 'Đã nhận / received', type: 'object', properties: { application, replayed: { type: 'boolean' } }, required: ['application', 'replayed'] },
    400: errorResponse('Thông tin chưa đúng / invalid input'),
    404: errorResponse('Mã tuyển sinh không đúng / unknown enrolment code'),
    409: errorResponse('Đợt chưa mở, đã đóng, trẻ đã có hồ sơ, khoá đã dùng cho trẻ khác / round not open or closed, already applied, key reused'),
    429: errorResponse('Quá nhiều yêu cầu từ một địa chỉ / too many requests from one address'),
    503: wait,
  },
} as const;

export const lookupSchema = {
  tags,
  summary: 'Tra cứu trẻ, đợt và các trường được chọn / look up the child, the round and the schools to choose from',
  description: 'Trường đúng tuyến trước, rồi các trường còn chỗ. / In-catchment schools first, then those with places left.',
  body: { type: 'object', properties: credentials, required: ['code', 'personalId'] },
  response: {
    200: {
      description: 'Trẻ, đợt, trường và hồ sơ hiện có / child, round, schools and the current application',
      type: 'object',
      properties: { round, child, schools: { type: 'array', items: eligibleSchool }, current: { anyOf: [application, { type: 'null' }] } },
      required: ['round', 'child', 'schools', 'current'],
    },
    400: errorResponse('Thông tin chưa đúng / invalid input'),
    404: errorResponse('Mã tuyển sinh không đúng / unknown enrolment code'),
    409: errorResponse('Đợt chưa mở hoặc đã đóng / round not open or closed'),
    429: errorResponse('Quá nhiều yêu cầu từ một địa chỉ / too many requests from one address'),
  },
} as const;
