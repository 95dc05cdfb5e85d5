import { defineErrors } from '../../platform/http/errors.ts';

export const SiteErrors = defineErrors({
  SITE_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy trang thông tin này.',
    en: 'This site was not found.',
  },
  ARTICLE_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy bài viết này.',
    en: 'This article was not found.',
  },
  INVALID_ARTICLE: {
    status: 400,
    vi: 'Bài viết chưa hợp lệ. Vui lòng sửa các trường được nêu; nội dung đã nhập vẫn được giữ.',
    en: 'The article is not valid. Please correct the fields listed; what you typed is kept.',
  },
  WRONG_STATE: {
    status: 409,
    vi: 'Bài viết đang ở trạng thái không cho phép thao tác này (có thể người khác vừa thay đổi). Vui lòng tải lại trang.',
    en: 'The article is in a state that does not allow this (someone may have just changed it). Please reload the page.',
  },
  STALE_VERSION: {
    status: 409,
    vi: 'Bài viết vừa được người khác sửa. Nội dung bạn nhập vẫn ở dưới; hãy xem lại rồi lưu lần nữa.',
    en: 'Someone else has just edited this article. What you typed is below; review it and save again.',
  },
});
