import { defineErrors } from '../../platform/http/errors.ts';

export const DirectoryErrors = defineErrors({
  INVALID_ENTRY: {
    status: 400,
    vi: 'Thông tin cán bộ chưa hợp lệ. Vui lòng sửa các trường được nêu.',
    en: 'The entry is not valid. Please correct the fields listed.',
  },
  DUPLICATE: {
    status: 409,
    vi: 'Địa chỉ thư điện tử hoặc tài khoản này đã có trong danh bạ.',
    en: 'This e-mail address or account is already in the directory.',
  },
  AGENCY_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy cơ quan này trong danh bạ.',
    en: 'This agency was not found in the directory.',
  },
  ENTRY_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy cán bộ này trong danh bạ.',
    en: 'This entry was not found in the directory.',
  },
});
