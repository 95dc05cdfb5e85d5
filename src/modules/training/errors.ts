import { defineErrors } from '../../platform/http/errors.ts';

export const TrainingErrors = defineErrors({
  INVALID: { status: 400, vi: 'Thông tin chưa hợp lệ. Vui lòng sửa các trường được nêu.', en: 'Some details are not valid. Please correct the fields listed.' },
  COURSE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy khóa bồi dưỡng.', en: 'The course was not found.' },
  CLASS_NOT_FOUND: { status: 404, vi: 'Không tìm thấy lớp bồi dưỡng.', en: 'The class was not found.' },
  TRAINEE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy học viên.', en: 'The trainee was not found.' },
  CERTIFICATE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy chứng chỉ.', en: 'The certificate was not found.' },
  CLASS_FULL: { status: 409, vi: 'Lớp đã đủ số học viên.', en: 'The class is full.' },
  ALREADY_ENROLLED: { status: 409, vi: 'Học viên đã có trong lớp này.', en: 'The trainee is in this class already.' },
  WRONG_STATE: { status: 409, vi: 'Lớp không ở trạng thái cho phép thao tác này; không có gì bị thay đổi.', en: 'The class is not in a state that allows this; nothing was changed.' },
  CSV_INVALID: { status: 400, vi: 'Tệp CSV có dòng lỗi; không học viên nào được ghi danh. Vui lòng sửa các dòng được nêu rồi tải lên lại.', en: 'The CSV file has bad lines; no trainee was enrolled. Please correct the lines listed and upload it again.' },
  RULES_NOT_MET: { status: 422, vi: 'Chưa đủ điều kiện cấp chứng chỉ.', en: 'The conditions for the certificate are not met.' },
  ALREADY_CERTIFIED: { status: 409, vi: 'Học viên đã có chứng chỉ loại này còn hiệu lực.', en: 'The trainee already holds a valid certificate of this kind.' },
  ALREADY_REVOKED: { status: 409, vi: 'Chứng chỉ đã bị thu hồi.', en: 'The certificate is revoked already.' },
});
