import { defineErrors } from '../../platform/http/errors.ts';

export const CalendarErrors = defineErrors({
  INVALID_PARAMETERS: {
    status: 400,
    vi: 'Tham số không hợp lệ. Vui lòng kiểm tra các trường được nêu.',
    en: 'Some parameters are not valid. Please check the fields listed.',
  },
  INVALID_DAY: {
    status: 400,
    vi: 'Thông tin ngày không hợp lệ. Vui lòng sửa các trường được nêu.',
    en: 'The day entry is not valid. Please correct the fields listed.',
  },
  DAY_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy ngày này trong lịch làm việc.',
    en: 'This day was not found in the working calendar.',
  },
  DUPLICATE_DAY: {
    status: 409,
    vi: 'Ngày này đã có một mục cùng loại trong lịch.',
    en: 'This date already has an entry of the same kind.',
  },
  INVALID_YEAR: {
    status: 400,
    vi: 'Năm không hợp lệ.',
    en: 'The year is not valid.',
  },
});
