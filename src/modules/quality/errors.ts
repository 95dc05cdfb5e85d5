// Errors of the service-quality figures, each with a stable code, an HTTP status and Vietnamese and English text.
import { defineErrors } from '../../platform/http/errors.ts';

export const QualityErrors = defineErrors({
  INVALID_FILTER: {
    status: 400,
    vi: 'Bộ lọc số liệu chưa hợp lệ. Vui lòng sửa các lỗi được nêu.',
    en: 'The filter is not valid. Please correct the errors listed.',
  },
  AGENCY_NOT_FOUND: { status: 404, vi: 'Không tìm thấy cơ quan này.', en: 'This agency was not found.' },
  OTHER_AGENCY: {
    status: 403,
    vi: 'Bạn chỉ được xem số liệu của cơ quan mình.',
    en: 'You may only see the figures of your own agency.',
  },
  CITY_ONLY: {
    status: 403,
    vi: 'Chỉ lãnh đạo, quản trị cấp thành phố được xem số liệu toàn thành phố và bảng theo cơ quan.',
    en: 'Only city leaders and administrators may see the city’s totals and the table by agency.',
  },
});
