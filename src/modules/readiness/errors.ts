import { defineErrors } from '../../platform/http/errors.ts';

export const ReadinessErrors = defineErrors({
  SET_INVALID: {
    status: 422,
    vi: 'Bộ chỉ số không hợp lệ. Xem danh sách lỗi theo từng chỉ số.',
    en: 'The indicator set is not valid. See the errors listed per indicator.',
  },
  SET_NOT_FOUND: { status: 404, vi: 'Không tìm thấy bộ chỉ số.', en: 'The indicator set was not found.' },
  SET_UNCHANGED: { status: 409, vi: 'Nội dung bộ chỉ số này đã được lưu ở một phiên bản trước; không có gì được thêm.', en: 'This content of the indicator set is stored already as an earlier version; nothing was added.' },
  SET_FILE: { status: 400, vi: 'Vui lòng chọn một tệp JSON bộ chỉ số (tối đa 2 MB).', en: 'Please choose an indicator set JSON file (at most 2 MB).' },
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
  // The self-assessment cycle (cycle.ts, form.ts, review.ts).
  CYCLE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy kỳ đánh giá.', en: 'The assessment cycle was not found.' },
  CYCLE_EXISTS: { status: 409, vi: 'Kỳ đánh giá của năm và nhóm đơn vị này đã được mở.', en: 'The assessment cycle of this year and peer group is open already.' },
  FORM_NOT_FOUND: { status: 404, vi: 'Không tìm thấy phiếu tự đánh giá, hoặc bạn không có quyền xem phiếu này.', en: 'The self-assessment form was not found, or you may not see it.' },
  NOT_ALLOWED: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này trong kỳ đánh giá.', en: 'You may not do this in the assessment cycle.' },
  NOT_IN_PEER_GROUP: { status: 403, vi: 'Đơn vị của bạn không thuộc nhóm đơn vị của kỳ đánh giá này.', en: 'Your unit is not in the peer group of this assessment cycle.' },
  INVALID: { status: 400, vi: 'Thông tin chưa hợp lệ. Vui lòng sửa các trường được nêu.', en: 'Some details are not valid. Please correct the fields listed.' },
  WRONG_STATE: { status: 409, vi: 'Phiếu không ở trạng thái cho phép thao tác này; không có gì bị thay đổi.', en: 'The form is not in a state that allows this action; nothing was changed.' },
  STALE: { status: 409, vi: 'Phiếu vừa được người khác thay đổi. Vui lòng tải lại trang và thực hiện lại.', en: 'Someone else changed the form just now. Please reload the page and try again.' },
  PUBLISHED: { status: 409, vi: 'Kết quả kỳ đánh giá đã được công bố nên không thay đổi được nữa; không có gì bị thay đổi.', en: 'The results of this cycle are published and can no longer be changed; nothing was changed.' },
  CYCLE_CLOSED: { status: 409, vi: 'Kỳ đánh giá đã đóng, không nhận phiếu mới.', en: 'The assessment cycle is closed and takes no new forms.' },
  LATE: { status: 409, vi: 'Đã quá hạn nộp phiếu. Phiếu chỉ nộp được khi cơ quan thẩm định mở lại cho đơn vị.', en: 'The deadline has passed. The form can be submitted only once the reviewing office reopens it for your unit.' },
  RULES_BROKEN: { status: 422, vi: 'Số liệu vi phạm quy tắc kiểm tra; phiếu chưa được nộp. Vui lòng sửa các số liệu được nêu.', en: 'The values break a validation rule; the form was not submitted. Please correct the values listed.' },
  MISSING_VALUES: { status: 422, vi: 'Còn chỉ tiêu chưa có số liệu hoặc giải trình; phiếu chưa được nộp.', en: 'Some indicators have neither a value nor an explanation; the form was not submitted.' },
  EVIDENCE_REFUSED: { status: 400, vi: 'Tệp minh chứng không được nhận. Chỉ nhận tài liệu: PDF, ảnh JPEG/PNG, Word, Excel, PowerPoint hoặc OpenDocument.', en: 'The evidence file was refused. Only documents are accepted: PDF, JPEG/PNG images, Word, Excel, PowerPoint or OpenDocument.' },
  SCORE_OUT_OF_RANGE: { status: 400, vi: 'Điểm điều chỉnh phải nằm trong khoảng từ 0 đến điểm tối đa của chỉ số.', en: 'The adjusted score must be between 0 and the indicator’s maximum.' },
  QUESTIONS_OPEN: { status: 409, vi: 'Còn câu hỏi của cơ quan thẩm định chưa được trả lời; phiếu chưa được nộp lại.', en: 'Some of the reviewing office’s questions are not answered yet; the form was not resubmitted.' },
});
