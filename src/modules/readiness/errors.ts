import { defineErrors } from '../../platform/http/errors.ts';

export const ReadinessErrors = defineErrors({
  SET_INVALID: {
    status: 422,
    vi: 'Bộ chỉ số không hợp lệ. Xem danh sách lỗi theo từng chỉ số.',
    en: 'The indicator set is not valid. See the errors listed per indicator.',
  },
  SET_NOT_FOUND: { status: 404, vi: 'Không tìm thấy bộ chỉ số.', en: 'The indicator set was not found.' },
  MERGE_NO_POPULATION: {
    status: 400,
    vi: 'Quy tắc "đơn vị đông dân nhất" cần dân số của mọi đơn vị cũ.',
    en: 'The "largest" rule needs the population of every former unit.',
  },
  MERGE_NO_FORMER_UNITS: {
    status: 400,
    vi: 'Cần ít nhất một đơn vị cũ để hợp nhất số liệu.',
    en: 'At least one former unit is needed to merge values.',
  },
});
