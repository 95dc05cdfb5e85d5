// Errors of the back office: each refusal says why, in Vietnamese and English; nothing changes when one is thrown.
import { defineErrors } from '../../../platform/http/errors.ts';

export const WorkflowErrors = defineErrors({
  UNKNOWN_ACTION: {
    status: 400,
    vi: 'Thao tác này không có trong quy trình của hồ sơ.',
    en: 'This action is not part of the dossier’s workflow.',
  },
  ILLEGAL_TRANSITION: {
    status: 409,
    vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.',
    en: 'This action cannot be taken in the dossier’s current state.',
  },
  NOT_ALLOWED: {
    status: 403,
    vi: 'Bạn không có quyền thực hiện thao tác này đối với hồ sơ.',
    en: 'You are not allowed to take this action on the dossier.',
  },
  STALE: {
    status: 409,
    vi: 'Hồ sơ vừa được người khác xử lý. Vui lòng tải lại để xem trạng thái mới nhất trước khi thao tác.',
    en: 'Someone else has just acted on this dossier. Please reload to see its latest state before acting.',
  },
  INVALID_ACTION: {
    status: 400,
    vi: 'Thông tin của thao tác chưa hợp lệ. Vui lòng sửa các lỗi được nêu.',
    en: 'The action’s details are not valid. Please correct the errors listed.',
  },
  SUPPLEMENT_ONCE: {
    status: 409,
    vi: 'Đã yêu cầu bổ sung hồ sơ ở bước này. Theo quy định, mọi nội dung cần bổ sung phải được nêu đầy đủ trong một lần yêu cầu.',
    en: 'A supplement was already requested at this step. The rules require every missing item to be listed in one request.',
  },
  SUPPLEMENT_TOO_LATE: {
    status: 409,
    vi: 'Đã quá 03 ngày làm việc kể từ ngày tiếp nhận hồ sơ, không được yêu cầu bổ sung hồ sơ nữa.',
    en: 'More than 3 working days have passed since receipt: a supplement can no longer be requested.',
  },
  APOLOGY_ONCE: {
    status: 409,
    vi: 'Hồ sơ đã được xin lỗi và hẹn lại ngày trả kết quả một lần. Ngày hẹn chỉ được điều chỉnh một lần.',
    en: 'An apology with a new return date was already issued for this dossier; the date may be reset only once.',
  },
  APOLOGY_TOO_LATE: {
    status: 409,
    vi: 'Phiếu xin lỗi và hẹn lại ngày trả phải được ban hành chậm nhất 01 ngày làm việc trước ngày hẹn trả kết quả.',
    en: 'The apology with a new date must be issued at least 1 working day before the due date.',
  },
  NO_DEADLINE: {
    status: 409,
    vi: 'Hồ sơ không có ngày hẹn trả kết quả nên không thể hẹn lại.',
    en: 'The dossier has no return date to reset.',
  },
  CONSULTATION_NOT_OPEN: {
    status: 409,
    vi: 'Cơ quan của bạn không có yêu cầu xin ý kiến nào đang chờ trả lời đối với hồ sơ này.',
    en: 'Your agency has no open consultation on this dossier.',
  },
});
