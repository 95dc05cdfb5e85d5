import { defineErrors } from '../../../platform/http/errors.ts';

export const FareErrors = defineErrors({
  TABLE_INVALID: {
    status: 400,
    vi: 'Bảng giá vé có lỗi nên không được nhập; không có gì thay đổi. Vui lòng sửa các dòng được nêu.',
    en: 'The fare table has errors and was not imported; nothing was changed. Please correct the lines listed.',
  },
  BAD_TAP: {
    status: 400,
    vi: 'Lần chạm thẻ {tap} không hợp lệ (thời điểm ISO 8601 có múi giờ, hướng on/off, mạng, điểm dừng và phương tiện là bắt buộc); chưa tính giá ngày này.',
    en: 'Tap {tap} is not valid (an ISO 8601 time with an offset, direction on/off, network, stop and medium are required); the day was not priced.',
  },
  BAD_SERVICE_DAY: {
    status: 400,
    vi: 'Ngày phục vụ phải có dạng YYYY-MM-DD và giờ bắt đầu ngày dạng HH:MM.',
    en: 'The service day must be written YYYY-MM-DD and its start time HH:MM.',
  },
});
