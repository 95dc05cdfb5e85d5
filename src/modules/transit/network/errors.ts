import { defineErrors } from '../../../platform/http/errors.ts';

export const TransitNetworkErrors = defineErrors({
  FEED_INVALID: {
    status: 400,
    vi: 'Bộ dữ liệu GTFS có dòng lỗi; không có gì được nhập. Vui lòng sửa các dòng được nêu rồi nhập lại.',
    en: 'The GTFS feed has bad lines; nothing was imported. Please correct the lines listed and import it again.',
  },
  ROUTE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tuyến.', en: 'The route was not found.' },
  STOP_NOT_FOUND: { status: 404, vi: 'Không tìm thấy điểm dừng hoặc nhà ga.', en: 'The stop or station was not found.' },
  STOP_NOT_ON_ROUTE: { status: 422, vi: 'Điểm dừng không thuộc tuyến này.', en: 'The stop is not on this route.' },
  VALIDATOR_UNKNOWN: {
    status: 404,
    vi: 'Máy soát vé không có trong danh sách đã đăng ký; mọi lượt quẹt của máy này bị từ chối.',
    en: 'The validator is not registered; every tap from it is refused.',
  },
  VALIDATOR_EXISTS: { status: 409, vi: 'Mã máy soát vé đã được dùng.', en: 'The validator id is taken already.' },
  VALIDATOR_INVALID: { status: 400, vi: 'Thông tin máy soát vé chưa hợp lệ.', en: 'The validator details are not valid.' },
});
