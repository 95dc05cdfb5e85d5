import { defineErrors } from '../../platform/http/errors.ts';

export const ProcedureErrors = defineErrors({
  PROCEDURE_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy thủ tục hành chính có mã này.',
    en: 'No administrative procedure has this code.',
  },
  VERSION_NOT_FOUND: {
    status: 404,
    vi: 'Thủ tục không có phiên bản này.',
    en: 'The procedure has no such version.',
  },
  QUERY_TOO_LONG: {
    status: 400,
    vi: 'Từ khóa tìm kiếm quá dài (tối đa 200 ký tự).',
    en: 'The search text is too long (200 characters at most).',
  },
  INVALID_LIMIT: {
    status: 400,
    vi: 'Số kết quả mỗi trang (limit) phải là số nguyên từ 1 đến 100.',
    en: 'The page size (limit) must be a whole number from 1 to 100.',
  },
  INVALID_OFFSET: {
    status: 400,
    vi: 'Vị trí bắt đầu (offset) phải là số nguyên từ 0 đến 100000.',
    en: 'The offset must be a whole number from 0 to 100000.',
  },
  INVALID_LEVEL: {
    status: 400,
    vi: 'Cấp thực hiện không hợp lệ (ministry, province, commune, other).',
    en: 'The level is not valid (ministry, province, commune, other).',
  },
  INVALID_ONLINE: {
    status: 400,
    vi: 'Giá trị online không hợp lệ (true, false, full).',
    en: 'The online value is not valid (true, false, full).',
  },
  INVALID_DATE: {
    status: 400,
    vi: 'Ngày tính phí, lệ phí (date) phải có dạng YYYY-MM-DD.',
    en: 'The date of the fees (date) must be YYYY-MM-DD.',
  },
  INVALID_SYNONYM: {
    status: 400,
    vi: 'Từ đồng nghĩa chưa hợp lệ.',
    en: 'The synonym is not valid.',
  },
  SYNONYM_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy từ đồng nghĩa này (có thể đã bị xóa).',
    en: 'This synonym was not found (it may have been removed already).',
  },
  INVALID_SERVICE_CONFIG: {
    status: 400,
    vi: 'Cấu hình dịch vụ công trực tuyến của thủ tục chưa hợp lệ.',
    en: 'The online service configuration of the procedure is not valid.',
  },
});
