import { defineErrors } from '../../platform/http/errors.ts';

export const DocumentErrors = defineErrors({
  INVALID: { status: 400, vi: 'Thông tin văn bản chưa hợp lệ. Vui lòng sửa các trường được nêu.', en: 'The document details are not valid. Please correct the fields listed.' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy văn bản, hoặc bạn không có quyền xem văn bản này.', en: 'The document was not found, or you may not see it.' },
  DUPLICATE: {
    status: 409,
    vi: 'Văn bản này đã được đăng ký (cùng cơ quan ban hành, số, ký hiệu và ngày).',
    en: 'This document is registered already (same issuer, number, notation and date).',
  },
  WRONG_STATE: { status: 409, vi: 'Văn bản không ở trạng thái cho phép thao tác này; không có gì bị thay đổi.', en: 'The document is not in a state that allows this action; nothing was changed.' },
  FROZEN: {
    status: 409,
    vi: 'Văn bản đã ban hành hoặc đã thu hồi nên không sửa được; không có gì bị thay đổi.',
    en: 'The document is issued or recalled and cannot be edited; nothing was changed.',
  },
  STALE: {
    status: 409,
    vi: 'Văn bản vừa được người khác thay đổi. Vui lòng tải lại trang và thực hiện lại.',
    en: 'Someone else changed the document just now. Please reload the page and try again.',
  },
  NOT_ALLOWED: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này với văn bản.', en: 'You may not do this with the document.' },
  NO_CERTIFICATE: {
    status: 409,
    vi: 'Cơ quan chưa có chứng thư số để ký văn bản. Quản trị hệ thống cần cấu hình chứng thư (PKCS#12).',
    en: 'The agency has no certificate to sign documents with. An administrator must configure one (PKCS#12).',
  },
});
