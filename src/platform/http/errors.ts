// Errors are declared once per module with a stable code, an HTTP status and a Vietnamese and an English
// message; the HTTP layer maps them, and no stack trace ever reaches a user.
import type { Text } from '../web/i18n.ts';

export interface FieldError {
  field: string;
  message: Text;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly text: Text,
    readonly fields: FieldError[] = [],
    readonly details?: Record<string, unknown>,
  ) {
    super(`${code}: ${text.en}`);
    this.name = 'AppError';
  }
}

export interface ErrorSpec {
  status: number;
  vi: string;
  en: string;
}

type Factories<T extends Record<string, ErrorSpec>> = {
  [K in keyof T]: (opts?: { fields?: FieldError[]; details?: Record<string, unknown>; vi?: string; en?: string }) => AppError;
};

/** `const E = defineErrors({ NOT_FOUND: { status: 404, vi: '…', en: '…' } }); throw E.NOT_FOUND();` */
export function defineErrors<T extends Record<string, ErrorSpec>>(specs: T): Factories<T> {
  const out = {} as Record<string, Factories<T>[keyof T]>;
  for (const [code, spec] of Object.entries(specs)) {
    out[code] = (opts) =>
      new AppError(code, spec.status, { vi: opts?.vi ?? spec.vi, en: opts?.en ?? spec.en }, opts?.fields ?? [], opts?.details);
  }
  return out as Factories<T>;
}

/** Errors of the HTTP layer itself. */
export const HttpErrors = defineErrors({
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy trang hoặc tài nguyên yêu cầu.', en: 'The page or resource was not found.' },
  BAD_JSON: { status: 400, vi: 'Dữ liệu JSON không hợp lệ.', en: 'The JSON body is malformed.' },
  BAD_UTF8: { status: 400, vi: 'Dữ liệu gửi lên không phải văn bản UTF-8 hợp lệ.', en: 'The request body is not valid UTF-8 text.' },
  NUL_CHARACTER: {
    status: 400,
    vi: 'Dữ liệu gửi lên chứa ký tự không hợp lệ (ký tự NUL).',
    en: 'The request contains a character that is not allowed (NUL).',
  },
  TOO_DEEP: {
    status: 400,
    vi: 'Dữ liệu gửi lên lồng nhau quá nhiều cấp.',
    en: 'The request data is nested too deeply.',
  },
  BAD_MULTIPART: {
    status: 400,
    vi: 'Biểu mẫu có tệp đính kèm gửi lên bị lỗi định dạng. Vui lòng gửi lại.',
    en: 'The form with attachments arrived malformed. Please send it again.',
  },
  UPLOADS_BUSY: {
    status: 503,
    vi: 'Hệ thống đang nhận nhiều tệp cùng lúc. Vui lòng gửi lại sau ít giây.',
    en: 'The service is receiving many files right now. Please send again in a few seconds.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Kiểu dữ liệu gửi lên không được hỗ trợ.',
    en: 'The content type of the request is not supported.',
  },
  BODY_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên vượt quá dung lượng cho phép.', en: 'The request body is too large.' },
  VALIDATION: { status: 400, vi: 'Dữ liệu không hợp lệ.', en: 'The request is not valid.' },
  CSRF: {
    status: 403,
    vi: 'Phiên biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang và thử lại.',
    en: 'The form has expired or is not valid. Please reload the page and try again.',
  },
  UNAUTHENTICATED: { status: 401, vi: 'Bạn cần đăng nhập để tiếp tục.', en: 'You need to sign in to continue.' },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  RATE_LIMITED: { status: 429, vi: 'Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.', en: 'Too many requests. Please try again in a few minutes.' },
  DB_UNAVAILABLE: {
    status: 503,
    vi: 'Hệ thống tạm thời không truy cập được cơ sở dữ liệu. Vui lòng thử lại sau.',
    en: 'The service cannot reach its database right now. Please try again shortly.',
  },
  INTERNAL: { status: 500, vi: 'Đã có lỗi xảy ra. Vui lòng thử lại sau.', en: 'Something went wrong. Please try again later.' },
});
