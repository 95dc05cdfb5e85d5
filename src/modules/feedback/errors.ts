import { defineErrors } from '../../platform/http/errors.ts';

export const FeedbackErrors = defineErrors({
  INVALID_FEEDBACK: { status: 400, vi: 'Phản ánh chưa hợp lệ. Vui lòng sửa các trường được nêu.', en: 'The feedback is not valid. Please correct the fields listed.' },
  PROOF_REQUIRED: {
    status: 400,
    vi: 'Chưa qua bước kiểm tra chống gửi tự động, hoặc bước kiểm tra đã được dùng. Vui lòng gửi lại biểu mẫu.',
    en: 'The check against automated sending is missing or was used already. Please send the form again.',
  },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy phản ánh với mã và thông tin liên hệ này.', en: 'No feedback was found with this code and contact detail.' },
  LOOKUP_THROTTLED: { status: 429, vi: 'Bạn đã tra cứu sai quá nhiều lần. Vui lòng thử lại sau.', en: 'Too many failed lookups. Please try again later.' },
  WRONG_STATE: { status: 409, vi: 'Phản ánh không ở trạng thái cho phép thao tác này.', en: 'The feedback is not in a state that allows this action.' },
  INVALID_ACTION: { status: 400, vi: 'Thông tin xử lý chưa hợp lệ. Vui lòng sửa các trường được nêu.', en: 'The action is not valid. Please correct the fields listed.' },
});
