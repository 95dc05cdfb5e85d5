import { defineErrors } from '../../platform/http/errors.ts';

export const CommentErrors = defineErrors({
  INVALID_COMMENT: {
    status: 400,
    vi: 'Ý kiến chưa gửi được. Vui lòng sửa các trường được nêu; nội dung đã nhập vẫn được giữ.',
    en: 'The comment was not sent. Please correct the fields listed; what you typed is kept.',
  },
  BLOCKED: {
    status: 403,
    vi: 'Rất tiếc, trang này không nhận thêm ý kiến từ bạn. Nếu bạn cho rằng có nhầm lẫn, vui lòng liên hệ cơ quan quản lý trang.',
    en: 'We are sorry: this site does not accept further comments from you. If you think this is a mistake, please contact the agency that runs the site.',
  },
  TOO_MANY: {
    status: 429,
    vi: 'Bạn đã gửi nhiều ý kiến trong thời gian ngắn. Vui lòng thử lại sau.',
    en: 'You have sent several comments in a short time. Please try again later.',
  },
  COMMENT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy ý kiến này.',
    en: 'This comment was not found.',
  },
  WRONG_STATE: {
    status: 409,
    vi: 'Ý kiến đang ở trạng thái không cho phép thao tác này (có thể người khác vừa xử lý). Vui lòng tải lại trang.',
    en: 'The comment is in a state that does not allow this (someone may have just dealt with it). Please reload the page.',
  },
  INVALID_DECISION: {
    status: 400,
    vi: 'Chưa thực hiện được. Vui lòng sửa các trường được nêu.',
    en: 'Not done. Please correct the fields listed.',
  },
});
