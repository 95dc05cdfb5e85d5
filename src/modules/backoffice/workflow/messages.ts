// Texts of the back office's actions and their errors (Vietnamese first, English).
import type { Text } from '../../../platform/web/i18n.ts';

export const fieldText = {
  tooLong: (n: number): Text => ({ vi: `Nội dung quá dài (tối đa ${n} ký tự).`, en: `Too long (at most ${n} characters).` }),
  commentRequired: { vi: 'Vui lòng nhập ý kiến hoặc lý do.', en: 'Please give a comment or the reasons.' },
  itemsRequired: {
    vi: 'Vui lòng liệt kê đầy đủ các nội dung cần bổ sung, hoàn thiện (một lần).',
    en: 'Please list everything that must be supplemented (all at once).',
  },
  agenciesRequired: { vi: 'Vui lòng chọn ít nhất một cơ quan cần lấy ý kiến.', en: 'Please choose at least one agency to consult.' },
  agencyUnknown: (code: string): Text => ({ vi: `Không tìm thấy cơ quan có mã ${code}.`, en: `No agency has the code ${code}.` }),
  agencySelf: { vi: 'Không thể lấy ý kiến chính cơ quan đang giải quyết hồ sơ.', en: 'The handling agency cannot consult itself.' },
  documentUnknown: { vi: 'Tệp gửi kèm không thuộc hồ sơ này.', en: 'A file to send is not one of this dossier’s.' },
  dateInvalid: { vi: 'Ngày không hợp lệ (định dạng năm-tháng-ngày, từ năm 1900 đến 2100).', en: 'The date is not valid (year-month-day, from 1900 to 2100).' },
  dateNotWorking: { vi: 'Ngày hẹn mới phải là ngày làm việc sau ngày hẹn hiện tại.', en: 'The new date must be a working day after the current due date.' },
  returnMethodRequired: { vi: 'Vui lòng chọn hình thức trả kết quả.', en: 'Please choose how the result is returned.' },
  assigneeRequired: { vi: 'Vui lòng chọn cán bộ được phân công.', en: 'Please choose whom to assign.' },
  processingDaysInvalid: (max: number): Text => ({
    vi: `Thủ tục chưa có thời hạn giải quyết trong danh mục: nhập số ngày làm việc (từ 1 đến ${max}) để hẹn trả kết quả.`,
    en: `The catalogue gives this procedure no processing time: enter the working days (1 to ${max}) to set the return date.`,
  }),
  assigneeInvalid: { vi: 'Cán bộ được chọn không thuộc cơ quan giải quyết hồ sơ.', en: 'The person chosen does not work at the handling agency.' },
  fileTooLarge: (name: string): Text => ({ vi: `Tệp “${name}” vượt quá dung lượng cho phép.`, en: `The file “${name}” is too large.` }),
  fileType: (name: string): Text => ({
    vi: `Tệp “${name}” không phải PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp).`,
    en: `The file “${name}” is not a PDF, JPEG or PNG (checked by its content).`,
  }),
  filesRequired: { vi: 'Vui lòng đính kèm giấy tờ bổ sung.', en: 'Please attach the supplementary documents.' },
  resultFileRequired: { vi: 'Vui lòng đính kèm tệp kết quả giải quyết (bản điện tử).', en: 'Please attach the result file (electronic copy).' },
};

export const transitionText = {
  notFrom: (action: Text, state: Text): Text => ({
    vi: `Không thể “${action.vi}” khi hồ sơ đang ở trạng thái “${state.vi}”.`,
    en: `“${action.en}” is not possible while the dossier is “${state.en}”.`,
  }),
  notAllowed: (action: Text): Text => ({
    vi: `Bạn không có quyền “${action.vi}” đối với hồ sơ này (cần đúng vai trò và thuộc cơ quan liên quan).`,
    en: `You may not “${action.en}” on this dossier (it needs the right role at the agency concerned).`,
  }),
};
