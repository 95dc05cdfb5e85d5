// JSON Schemas of the back-office and applicant API of one dossier (they also make the OpenAPI document).
import { DOSSIER_CODE } from '../../dossiers/index.ts';
import { REQUIREMENTS } from '../workflow/definition.ts';
import { RETURN_METHODS } from '../workflow/input.ts';
import { FEE_METHODS } from '../office/fees.ts';
import { RATING_CRITERIA } from './criteria.ts';
import { MAX_COMMENT, MAX_MESSAGE } from './service.ts';

const text = { type: 'object', properties: { vi: { type: 'string' }, en: { type: 'string' } }, required: ['vi', 'en'] } as const;
const str = { type: 'string' } as const;
const strOrNull = { type: ['string', 'null'] } as const;
const at = { type: 'string', format: 'date-time' } as const;
const atOrNull = { type: ['string', 'null'], format: 'date-time' } as const;
const dateOrNull = { type: ['string', 'null'], format: 'date' } as const;
const intOrNull = { type: ['integer', 'null'] } as const;

export const errorResponse = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: str,
        status: { type: 'integer' },
        message: text,
        fields: { type: 'array', items: { type: 'object', properties: { field: str, message: text }, required: ['field', 'message'] } },
        details: { type: 'object', additionalProperties: true },
      },
      required: ['code', 'status', 'message'],
    },
  },
  required: ['error'],
} as const;

const tags = ['dossiers'];
const security = [{ bearer: [] }];
const codeParams = {
  type: 'object',
  required: ['code'],
  properties: { code: { type: 'string', pattern: DOSSIER_CODE.source, examples: ['000.04.51.H26-260302-0001'] } },
} as const;
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse } as const;
const AUTH =
  'Bearer token (POST /api/v1/auth/token) hoặc phiên đăng nhập (kèm tiêu đề `x-csrf-token` khi gửi). / A bearer token, or a signed-in session ' +
  '(with the `x-csrf-token` header on posts).';

const caseResponse = {
  type: 'object',
  required: ['code', 'status', 'status_label', 'state', 'row_version', 'history', 'actions'],
  properties: {
    code: str,
    status: str,
    status_label: { ...text, description: 'Nhãn trạng thái theo quy trình (data/workflows) / the state’s label from its workflow' },
    state: { ...text, description: 'Như status_label (giữ cho tương thích) / same as status_label (kept for compatibility)' },
    workflow: str,
    procedure: { type: 'object', properties: { code: str, version: { type: 'integer' }, name: strOrNull }, required: ['code', 'version'] },
    channel: str,
    receiving_agency: str,
    handling_agency: strOrNull,
    assignee_id: intOrNull,
    row_version: { type: 'integer', description: 'Gửi lại trong `version` khi thao tác / send back as `version` when acting' },
    received_at: at,
    clock_started_at: atOrNull,
    paused_at: atOrNull,
    due_date: dateOrNull,
    original_due_date: { ...dateOrNull, description: 'Ngày hẹn ban đầu, khi đã xin lỗi và hẹn lại (Mẫu 04) / the first date, after an apology (Form 04)' },
    apologized_at: atOrNull,
    decision: { type: ['string', 'null'], enum: ['approved', 'rejected', null] },
    outcome: { type: ['string', 'null'], enum: ['early', 'on_time', 'late', null] },
    result_at: atOrNull,
    return_method: { type: ['string', 'null'], enum: [...RETURN_METHODS, null] },
    finished_at: atOrNull,
    fee_total_dong: { type: 'integer' },
    payment_status: str,
    form: {
      type: ['object', 'null'],
      description:
        'Nội dung tờ khai (biểu mẫu điện tử): giá trị đã lưu và các mục theo bố cục của biểu mẫu, giá trị ở dạng chữ. / The e-form answers: ' +
        'the stored values, and the same by the form’s sections and labels with each value as text (choices by label, dates dd/mm/yyyy).',
      properties: {
        procedure_version: { type: 'integer' },
        eform_version: { type: 'integer' },
        values: { type: 'object', additionalProperties: true },
        sections: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              title: text,
              rows: { type: 'array', items: { type: 'object', properties: { field: str, label: text, value: text } } },
            },
          },
        },
      },
    },
    history: {
      type: 'array',
      items: {
        type: 'object',
        properties: { at, actor: str, agency: strOrNull, action: str, from: strOrNull, to: strOrNull, comment: strOrNull },
        required: ['at', 'actor', 'agency', 'action', 'from', 'to', 'comment'],
      },
    },
    supplements: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          stage: { type: 'string', enum: ['receipt', 'appraisal'] },
          items: { type: 'array', items: { type: 'object', properties: { doc_key: strOrNull, text: str } } },
          reason: strOrNull,
          requested_at: at,
          completed_at: atOrNull,
          form_changes: {
            type: 'array',
            description: 'Nội dung tờ khai người nộp sửa khi bổ sung / answers the applicant corrected with the supplement',
            items: { type: 'object', properties: { field: str, old: {}, new: {} } },
          },
        },
      },
    },
    consultations: {
      type: 'array',
      description: 'Chỉ cán bộ thấy / staff only',
      items: {
        type: 'object',
        properties: {
          agency: strOrNull,
          question: str,
          requested_at: at,
          due_at: at,
          replied_at: atOrNull,
          reply: strOrNull,
          documents: { type: 'array', items: { type: 'integer' }, description: 'Tệp đã gửi (id) / the files sent (ids)' },
          include_answers: { type: 'boolean', description: 'Đã gửi nội dung tờ khai / the e-form answers were sent' },
        },
      },
    },
    files: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'integer' }, doc_key: str, name: str, mime: str, size: { type: 'integer' }, kind: str } },
    },
    rating: {
      type: ['object', 'null'],
      properties: { overall: { type: 'integer' }, criteria: { type: 'object', additionalProperties: { type: 'integer' } }, comment: strOrNull, rated_at: at },
    },
    feedback: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'integer' }, message: str, created_at: at, answer: strOrNull, answered_at: atOrNull } },
    },
    actions: { type: 'array', items: str, description: 'Thao tác người gọi được thực hiện lúc này / the actions the caller may take now' },
  },
} as const;

export const getCaseSchema = {
  tags,
  security,
  summary: 'Hồ sơ và quá trình xử lý / A dossier and its processing',
  description:
    'Người nộp hồ sơ hoặc cán bộ của cơ quan tiếp nhận, giải quyết, được xin ý kiến. Người khác nhận 404. Người nộp không thấy ý kiến nội bộ ' +
    '(chỉ lý do yêu cầu bổ sung, từ chối, không giải quyết, xin lỗi) và không thấy việc xin ý kiến. Cơ quan được xin ý kiến chỉ thấy câu hỏi, ' +
    'các tệp được gửi và nội dung tờ khai nếu được gửi. / The applicant or staff of the receiving, ' +
    'handling or a consulted agency; anyone else gets 404. The applicant sees only the reasons owed to them, not internal comments or ' +
    'consultations. A consulted agency sees its questions, the files it was sent, and the e-form answers only if sent. ' +
    AUTH,
  params: codeParams,
  response: { 200: caseResponse, 400: errorResponse, 401: errorResponse, 404: errorResponse },
} as const;

export const actionSchema = {
  tags,
  security,
  summary: 'Thực hiện một thao tác của quy trình / Take a workflow action',
  description:
    'Như trên trang của cán bộ: thao tác phải có trong quy trình, đi từ trạng thái hiện tại (409 `ILLEGAL_TRANSITION`), đúng vai trò và cơ quan ' +
    '(403 `NOT_ALLOWED`; hồ sơ của cơ quan khác: 404), kèm đủ thông tin (400 `INVALID_ACTION` với `fields`). `version` là `row_version` đã đọc: ' +
    'khác bản hiện tại thì 409 `STALE`. / As on the officers’ pages: the action must exist in the workflow and start from the current state ' +
    '(409 `ILLEGAL_TRANSITION`), be the caller’s (403 `NOT_ALLOWED`; another agency’s dossier: 404) and carry what it requires (400 ' +
    `\`INVALID_ACTION\` with \`fields\`: ${REQUIREMENTS.join(', ')}). \`version\` is the \`row_version\` you read: if it changed, 409 \`STALE\`. ${AUTH}`,
  params: codeParams,
  body: {
    type: 'object',
    required: ['action'],
    additionalProperties: false,
    properties: {
      action: { type: 'string', pattern: '^[a-z_]{1,60}$', examples: ['accept', 'refuse', 'request_supplement_receipt'] },
      version: { type: 'integer', minimum: 1 },
      comment: { type: 'string', maxLength: 4000 },
      items: {
        type: 'array',
        maxItems: 50,
        items: { type: 'object', required: ['text'], additionalProperties: false, properties: { text: { type: 'string', maxLength: 4000 }, doc_key: { type: 'string', maxLength: 40 } } },
      },
      agencies: {
        type: 'array',
        maxItems: 20,
        items: { type: 'object', required: ['code'], additionalProperties: false, properties: { code: { type: 'string', maxLength: 20 }, due_date: { type: 'string', maxLength: 10 } } },
      },
      documents: {
        type: 'array',
        maxItems: 100,
        items: { type: 'integer', minimum: 1 },
        description:
          'Lấy ý kiến: id các tệp của hồ sơ gửi cho cơ quan được hỏi, họ chỉ xem được các tệp này. / Consult: the ids of the dossier’s files sent to the ' +
          'agencies asked; they can read only these.',
      },
      include_answers: { type: 'boolean', description: 'Lấy ý kiến: gửi kèm nội dung tờ khai / Consult: send the e-form answers too' },
      new_due_date: { type: 'string', maxLength: 10, examples: ['2026-03-13'] },
      return_method: { type: 'string', enum: [...RETURN_METHODS] },
      assignee_id: { type: 'integer', minimum: 1 },
      processing_days: {
        type: 'integer',
        description: 'accept: working days to the return date, required when the procedure states no processing time / số ngày làm việc để hẹn trả khi thủ tục chưa có thời hạn',
      },
      form: {
        type: 'object',
        additionalProperties: true,
        description:
          'Khi bổ sung: toàn bộ nội dung tờ khai đã sửa, kiểm tra lại theo biểu mẫu; các mục thay đổi được lưu cùng lần bổ sung. / With a supplement: ' +
          'the whole corrected e-form answers, checked again by the e-form; the changed fields are kept with the supplement.',
      },
      files: {
        type: 'array',
        maxItems: 20,
        items: {
          type: 'object',
          required: ['doc_key', 'filename', 'content_base64'],
          additionalProperties: false,
          properties: { doc_key: { type: 'string', pattern: '^[a-z][A-Za-z0-9_]{0,39}$' }, filename: { type: 'string', minLength: 1, maxLength: 255 }, content_base64: str },
        },
      },
    },
  },
  response: {
    200: {
      type: 'object',
      required: ['code', 'action', 'status', 'status_label', 'row_version', 'form'],
      properties: {
        code: str,
        action: str,
        status: str,
        status_label: text,
        row_version: { type: 'integer' },
        form: { type: ['string', 'null'], enum: ['01', '02', '03', '04', null] },
      },
    },
    ...errors,
    413: errorResponse,
  },
} as const;

export const ratingSchema = {
  tags,
  security,
  summary: 'Người nộp đánh giá mức độ hài lòng / The applicant rates the service',
  description:
    'Một lần cho mỗi hồ sơ, khi đã có kết quả, đã trả kết quả hoặc bị từ chối (409 `RATING_NOT_YET`, `ALREADY_RATED`). Mỗi mức: 1 không hài lòng, ' +
    '2 hài lòng, 3 rất hài lòng. / Once per dossier, after the result (or a refusal); each score 1 not satisfied, 2 satisfied, 3 very satisfied. ' +
    `Criteria (Circular 01/2018): ${RATING_CRITERIA.map((c) => `\`${c.key}\` ${c.label.en}`).join('; ')}.`,
  params: codeParams,
  body: {
    type: 'object',
    required: ['overall', 'criteria'],
    additionalProperties: false,
    properties: {
      overall: { type: 'integer' },
      criteria: { type: 'object', properties: Object.fromEntries(RATING_CRITERIA.map((c) => [c.key, { type: 'integer', description: `${c.label.vi} / ${c.label.en}` }])), additionalProperties: { type: 'integer' } },
      comment: { type: 'string', maxLength: MAX_COMMENT },
    },
  },
  response: {
    201: {
      type: 'object',
      properties: { code: str, overall: { type: 'integer' }, criteria: { type: 'object', additionalProperties: { type: 'integer' } }, comment: strOrNull, rated_at: at },
    },
    ...errors,
  },
} as const;

export const feedbackSchema = {
  tags,
  security,
  summary: 'Người nộp gửi phản ánh, góp ý / The applicant sends feedback',
  description: 'Bất cứ lúc nào; tối đa 5 lần mỗi ngày cho mỗi hồ sơ (429 `FEEDBACK_LIMIT`). / At any time; at most 5 a day per dossier (429).',
  params: codeParams,
  body: { type: 'object', required: ['message'], additionalProperties: false, properties: { message: { type: 'string', maxLength: MAX_MESSAGE } } },
  response: {
    201: { type: 'object', properties: { id: { type: 'integer' }, message: str, created_at: at } },
    ...errors,
    429: errorResponse,
  },
} as const;

export const answerSchema = {
  tags,
  security,
  summary: 'Cán bộ trả lời phản ánh, góp ý / An officer answers feedback',
  description: 'Cán bộ của cơ quan tiếp nhận hoặc giải quyết hồ sơ; mỗi phản ánh trả lời một lần. / Staff of the receiving or handling agency; once per message.',
  params: { type: 'object', required: ['code', 'id'], properties: { ...codeParams.properties, id: { type: 'integer', minimum: 1 } } },
  body: { type: 'object', required: ['answer'], additionalProperties: false, properties: { answer: { type: 'string', maxLength: MAX_MESSAGE } } },
  response: {
    200: { type: 'object', properties: { id: { type: 'integer' }, answer: str, answered_at: at } },
    ...errors,
  },
} as const;

export const feesSchema = {
  tags,
  security,
  summary: 'Ghi nhận đã thu phí, lệ phí / Record the fees as collected',
  description:
    'Cán bộ một cửa của cơ quan tiếp nhận ghi nhận tiền thu tại quầy (counter) hoặc khoản chuyển khoản VietQR đã có trên sao kê (vietqr), với số biên lai hoặc mã giao dịch; ghi một lần. / A one-stop officer of the receiving agency records money taken at the counter or a VietQR transfer found on the bank statement, with the receipt number or transaction reference; once.',
  params: codeParams,
  body: {
    type: 'object',
    required: ['method', 'reference'],
    additionalProperties: false,
    properties: { method: { type: 'string', enum: [...FEE_METHODS] }, reference: { type: 'string', maxLength: 200, examples: ['BL-0001234'] } },
  },
  response: {
    200: { type: 'object', required: ['code', 'payment_status'], properties: { code: str, payment_status: { type: 'string', enum: ['paid'] } } },
    ...errors,
  },
} as const;
