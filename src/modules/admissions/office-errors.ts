// The refusals of the education office's pages (office.ts, results.ts), once, with a stable code, HTTP status and
// Vietnamese/English message. Kept apart from errors.ts, the parents' refusals.
import { defineErrors } from '../../platform/http/errors.ts';

export const OfficeErrors = defineErrors({
  ROUND_NOT_FOUND: { status: 404, vi: 'Không tìm thấy đợt tuyển sinh.', en: 'Admission round not found.' },
  ALREADY_COMMITTED: {
    status: 409,
    vi: 'Mã cam kết của đợt này đã được công bố; không thể thay đổi.',
    en: 'This round’s commitment has already been published; it cannot be changed.',
  },
  COMMIT_TOO_LATE: {
    status: 409,
    vi: 'Đợt tuyển sinh đã kết thúc: mã cam kết phải được công bố trước khi đóng cổng đăng ký.',
    en: 'The round has closed: the commitment must be published before registration closes.',
  },
  NO_COMMITMENT: {
    status: 409,
    vi: 'Chưa công bố mã cam kết của đợt này, nên chưa thể xét tuyển.',
    en: 'This round’s commitment has not been published, so the allocation cannot run.',
  },
  ROUND_STILL_OPEN: { status: 409, vi: 'Đợt tuyển sinh chưa kết thúc; chỉ xét tuyển sau khi đóng cổng.', en: 'The round is still open; the allocation runs only after it closes.' },
  ALREADY_DRAWN: { status: 409, vi: 'Đợt này đã được xét tuyển và công bố kết quả.', en: 'This round has already been allocated and its results published.' },
  DRAW_NOT_FOUND: { status: 404, vi: 'Không tìm thấy lượt bốc thăm.', en: 'Draw not found.' },
  CATCHMENT_INPUT: {
    status: 400,
    vi: 'Danh sách tuyến chưa đúng: mỗi dòng là mã đơn vị hành chính (5 chữ số), có thể thêm dấu | và phần địa bàn.',
    en: 'The catchment list is not right: each line is a unit code (5 digits), optionally followed by | and a part of the unit.',
  },
});
