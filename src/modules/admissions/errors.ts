// Every refusal of the admission service, once, with a stable code, HTTP status and Vietnamese/English message.
import { defineErrors } from '../../platform/http/errors.ts';

export const AdmissionErrors = defineErrors({
  INVALID_INPUT: { status: 400, vi: 'Thông tin nhập chưa đúng. Vui lòng sửa các trường được nêu.', en: 'Some details are not right. Please correct the fields listed.' },
  CODE_NOT_FOUND: {
    status: 404,
    vi: 'Mã tuyển sinh không đúng. Vui lòng kiểm tra lại mã trên giấy báo của nhà trường.',
    en: 'The enrolment code is not right. Please check the code on the school’s letter.',
  },
  CHILD_MISMATCH: {
    status: 400,
    vi: 'Số định danh cá nhân không khớp với mã tuyển sinh. Vui lòng kiểm tra lại số định danh của trẻ.',
    en: 'The personal ID number does not match the enrolment code. Please check the child’s ID number.',
  },
  ROUND_NOT_OPEN: { status: 409, vi: 'Đợt tuyển sinh này chưa mở.', en: 'This admission round has not opened yet.' },
  ROUND_CLOSED: { status: 409, vi: 'Đợt tuyển sinh này đã kết thúc.', en: 'This admission round has closed.' },
  NOT_ELIGIBLE_AGE: {
    status: 409,
    vi: 'Trẻ không đúng độ tuổi tuyển sinh của đợt này.',
    en: 'The child is not of the age this round admits.',
  },
  NOT_ELIGIBLE_GRADE5: {
    status: 409,
    vi: 'Trẻ chưa được ghi nhận hoàn thành chương trình lớp 5, nên chưa thể đăng ký vào lớp 6.',
    en: 'The child is not recorded as having finished grade 5, so cannot apply for grade 6.',
  },
  SCHOOL_NOT_ALLOWED: {
    status: 400,
    vi: 'Trường đã chọn không có trong danh sách trường trẻ được đăng ký. Vui lòng chọn một trường trong danh sách.',
    en: 'The school chosen is not in the list of schools the child may apply to. Please choose a school from the list.',
  },
  ALREADY_APPLIED: {
    status: 409,
    vi: 'Trẻ đã có một hồ sơ đăng ký trong đợt này. Muốn đổi trường, vui lòng vào trang xem hồ sơ và chọn "Đổi trường".',
    en: 'The child already has an application in this round. To change school, open the application and choose "Change school".',
  },
  KEY_REUSED: {
    status: 409,
    vi: 'Mã lần gửi này đã được dùng cho trẻ khác. Vui lòng tải lại trang và gửi lại.',
    en: 'This submission’s key was already used for another child. Please reload the page and send again.',
  },
  NO_APPLICATION: { status: 404, vi: 'Trẻ chưa có hồ sơ đăng ký nào đang hiệu lực trong đợt này.', en: 'The child has no active application in this round.' },
  SAME_SCHOOL: { status: 400, vi: 'Hồ sơ đã đăng ký vào trường này.', en: 'The application is already for this school.' },
});
