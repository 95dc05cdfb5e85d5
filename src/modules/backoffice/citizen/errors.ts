// Errors of the applicant's side of a dossier (rating, feedback) and of officers' answers to feedback.
import { defineErrors } from '../../../platform/http/errors.ts';

export const CitizenErrors = defineErrors({
  APPLICANT_ONLY: {
    status: 403,
    vi: 'Chỉ người nộp hồ sơ mới thực hiện được thao tác này.',
    en: 'Only the applicant can do this.',
  },
  RATING_NOT_YET: {
    status: 409,
    vi: 'Chỉ đánh giá được khi hồ sơ đã có kết quả, đã trả kết quả hoặc bị từ chối tiếp nhận.',
    en: 'A dossier can be rated only once its result is ready or returned, or it was refused.',
  },
  ALREADY_RATED: {
    status: 409,
    vi: 'Bạn đã đánh giá hồ sơ này. Mỗi hồ sơ chỉ được đánh giá một lần.',
    en: 'You have already rated this dossier. Each dossier can be rated once.',
  },
  INVALID_RATING: {
    status: 400,
    vi: 'Đánh giá chưa hợp lệ. Vui lòng chọn mức độ cho từng tiêu chí.',
    en: 'The rating is not complete. Please choose a level for each criterion.',
  },
  INVALID_FEEDBACK: {
    status: 400,
    vi: 'Nội dung phản ánh, góp ý chưa hợp lệ. Vui lòng sửa các lỗi được nêu.',
    en: 'The feedback is not valid. Please correct the errors listed.',
  },
  FEEDBACK_LIMIT: {
    status: 429,
    vi: 'Bạn đã gửi đủ số phản ánh, góp ý cho phép trong ngày đối với hồ sơ này. Vui lòng gửi tiếp vào ngày mai.',
    en: 'You have sent as many messages about this dossier as a day allows. Please write again tomorrow.',
  },
  FEEDBACK_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy phản ánh, góp ý này của hồ sơ.',
    en: 'This feedback was not found on the dossier.',
  },
  FEEDBACK_ANSWERED: {
    status: 409,
    vi: 'Phản ánh, góp ý này đã được trả lời.',
    en: 'This feedback has already been answered.',
  },
  STAFF_ONLY: {
    status: 403,
    vi: 'Chỉ cán bộ của cơ quan tiếp nhận hoặc cơ quan giải quyết hồ sơ mới trả lời được phản ánh, góp ý.',
    en: 'Only staff of the receiving or handling agency can answer feedback.',
  },
});
