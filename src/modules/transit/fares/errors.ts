import { defineErrors } from '../../../platform/http/errors.ts';

export const FareErrors = defineErrors({
  TABLE_INVALID: {
    status: 400,
    vi: 'Bảng giá vé có lỗi nên không được nhập; không có gì thay đổi. Vui lòng sửa các dòng được nêu.',
    en: 'The fare table has errors and was not imported; nothing was changed. Please correct the lines listed.',
  },
});
