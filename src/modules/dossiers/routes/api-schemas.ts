// JSON Schemas of the dossiers API (they also make the OpenAPI document).
import { DOSSIER_CODE } from '../code.ts';

const text = {
  type: 'object',
  properties: { vi: { type: 'string' }, en: { type: 'string' } },
  required: ['vi', 'en'],
} as const;

const errorResponse = {
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
        details: { type: 'object', additionalProperties: true },
      },
      required: ['code', 'status', 'message'],
    },
  },
  required: ['error'],
} as const;

const tags = ['dossiers'];

/** The state's label from its workflow definition (data/workflows), as every page prints it. */
const statusLabelSchema = {
  type: 'object',
  required: ['vi', 'en'],
  properties: { vi: { type: 'string', examples: ['Chờ tiếp nhận'] }, en: { type: 'string', examples: ['Awaiting receipt'] } },
} as const;

export const submitSchema = {
  tags,
  summary: 'Nộp hồ sơ trực tuyến / Submit a dossier online',
  description:
    'Công dân (hoặc hệ thống tích hợp) nộp hồ sơ của một thủ tục có kênh trực tuyến. `form` là các câu trả lời của biểu mẫu điện tử ' +
    '(đối tượng lồng nhau, ví dụ `{"applicant": {"fullName": "…", "personalId": "…"}, "details": "…"}`); `files` mỗi thành phần hồ sơ một tệp ' +
    'PDF, JPEG hoặc PNG mã hóa base64 (kiểm tra theo nội dung tệp). Gửi lại cùng `Idempotency-Key` trả về cùng một hồ sơ. ' +
    'A citizen (or an integrator) submits a dossier of a procedure that has an online channel. `form` holds the e-form answers as a nested ' +
    'object; `files` one base64 PDF, JPEG or PNG per required document (`doc_key` as the e-form names it: `doc1`, `doc2`, … for generic ' +
    'forms), checked by content. The same `Idempotency-Key` header again returns the same dossier (201, header `Idempotent-Replayed: true`). ' +
    'Errors name each field: `applicant.personalId`, `files.doc1`, `agency`. ' +
    'A citizen’s dossier carries the phone and e-mail the account proved, never those of the request. Submitting in another person’s name ' +
    'needs a staff account with the role `intake` for the receiving agency (403 `NOT_ON_BEHALF` otherwise); an account submits at most ' +
    '20 dossiers an hour by default (429 `TOO_MANY_SUBMISSIONS`).',
  security: [{ bearer: [] }],
  headers: {
    type: 'object',
    properties: {
      'idempotency-key': { type: 'string', minLength: 8, maxLength: 200, description: 'Khóa chống gửi trùng / idempotency key' },
    },
  },
  body: {
    type: 'object',
    required: ['procedure_code', 'form'],
    additionalProperties: false,
    properties: {
      procedure_code: { type: 'string', pattern: '^[0-9]\\.[0-9]{6}(\\.[A-Za-z0-9]{1,12})?$', examples: ['1.001193'] },
      agency_code: {
        type: 'string',
        pattern: '^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}$',
        description: 'Cơ quan tiếp nhận (13 ký tự); mặc định Trung tâm Phục vụ hành chính công / receiving agency; the service centre by default',
        examples: ['000.00.20.H26'],
      },
      form: { type: 'object', additionalProperties: true },
      applicant: {
        type: 'object',
        additionalProperties: false,
        description:
          'Người nộp, khi biểu mẫu không hỏi (ưu tiên: câu trả lời của biểu mẫu, rồi trường này, rồi tài khoản công dân). / The applicant, for forms that do not ask (the form’s answers win, then this, then the citizen’s account).',
        properties: {
          full_name: { type: 'string', maxLength: 150 },
          personal_id: { type: 'string', pattern: '^[0-9]{12}$' },
          phone: { type: 'string', maxLength: 20 },
          email: { type: 'string', maxLength: 254 },
        },
      },
      files: {
        type: 'array',
        maxItems: 50,
        items: {
          type: 'object',
          required: ['doc_key', 'filename', 'content_base64'],
          additionalProperties: false,
          properties: {
            doc_key: { type: 'string', pattern: '^[a-z][A-Za-z0-9]{0,39}$' },
            filename: { type: 'string', minLength: 1, maxLength: 255 },
            content_base64: { type: 'string' },
          },
        },
      },
    },
  },
  response: {
    201: {
      type: 'object',
      required: ['code', 'status', 'status_label', 'due_date', 'receipt_url'],
      properties: {
        code: { type: 'string', examples: ['000.00.20.H26-260213-0001'] },
        status: { type: 'string', examples: ['received'] },
        status_label: statusLabelSchema,
        due_date: { type: ['string', 'null'], format: 'date' },
        receipt_url: { type: 'string' },
      },
    },
    400: errorResponse,
    401: errorResponse,
    403: errorResponse,
    404: errorResponse,
    413: errorResponse,
    429: errorResponse,
  },
} as const;

export const statusSchema = {
  tags,
  summary: 'Trạng thái hồ sơ / Status of a dossier',
  description:
    'Công khai, không cần đăng nhập: trạng thái, thủ tục, cơ quan tiếp nhận và ngày hẹn trả, không có thông tin cá nhân, cho người biết 4 chữ số cuối số điện thoại của người nộp (số định danh cá nhân khi hồ sơ không có số điện thoại); sai hoặc thiếu: 404 như mã không có. / Public, no sign-in: the status, procedure, receiving agency and due date, nothing personal, for whoever gives the last 4 digits of the applicant’s phone (of the personal ID number when the dossier has no phone); wrong or missing: 404, as for an unknown code.',
  params: {
    type: 'object',
    required: ['code'],
    properties: { code: { type: 'string', pattern: DOSSIER_CODE.source, examples: ['000.00.20.H26-260213-0001'] } },
  },
  querystring: {
    type: 'object',
    properties: { phone_last4: { type: 'string', maxLength: 8, examples: ['5678'] } },
  },
  response: {
    200: {
      type: 'object',
      required: ['code', 'status', 'status_label', 'procedure', 'agency', 'due_date'],
      properties: {
        code: { type: 'string' },
        status: { type: 'string', examples: ['received'] },
        status_label: statusLabelSchema,
        procedure: { type: 'object', required: ['code', 'name'], properties: { code: { type: 'string' }, name: { type: 'string' } } },
        agency: { type: ['object', 'null'], required: ['code', 'name'], properties: { code: { type: 'string' }, name: { type: 'string' } } },
        due_date: { type: ['string', 'null'], format: 'date' },
      },
    },
    400: errorResponse,
    404: errorResponse,
  },
} as const;
