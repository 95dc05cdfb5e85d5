// Errors of counter intake, each with a stable code, an HTTP status and Vietnamese and English text.
import { defineErrors } from '../../../platform/http/errors.ts';

export const IntakeErrors = defineErrors({
  NOT_RECEIVING_AGENCY: {
    status: 403,
    vi: 'Cơ quan của bạn không tiếp nhận hồ sơ. Chỉ Trung tâm Phục vụ hành chính công, các sở và Ủy ban nhân dân cấp xã tiếp nhận hồ sơ.',
    en: 'Your agency does not receive dossiers. Only the Public Administration Service Centre, the departments and the commune committees do.',
  },
  NOT_RECEIVED_HERE: {
    status: 403,
    vi: 'Cơ quan của bạn không tiếp nhận hồ sơ của thủ tục này. Hãy hướng dẫn người nộp đến cơ quan có thẩm quyền hoặc Trung tâm Phục vụ hành chính công.',
    en: 'Your agency does not receive dossiers of this procedure. Direct the applicant to the competent agency or the Public Administration Service Centre.',
  },
});
