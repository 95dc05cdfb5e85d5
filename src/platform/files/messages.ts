// Why an attachment was refused, in Vietnamese and English, naming the file.
import type { Text } from '../web/i18n.ts';
import type { AttachmentRefusal } from './sniff.ts';

export function refusalText(refusal: AttachmentRefusal, file: string): Text {
  switch (refusal) {
    case 'active-content':
      return {
        vi: `Tệp “${file}” chứa mã có thể tự chạy (JavaScript, lệnh khởi chạy, tệp nhúng hoặc mã trang web) nên không được nhận. Vui lòng in ra PDF hoặc quét lại rồi đính kèm.`,
        en: `The file “${file}” contains content that can run by itself (JavaScript, a launch action, an embedded file or web page code), so it is not accepted. Please print it to PDF or scan it again and attach that.`,
      };
    case 'malformed':
      return {
        vi: `Tệp “${file}” bị hỏng hoặc không đầy đủ (nội dung không đúng cấu trúc PDF, JPEG hoặc PNG).`,
        en: `The file “${file}” is damaged or incomplete (its content is not a whole PDF, JPEG or PNG).`,
      };
    default:
      return {
        vi: `Tệp “${file}” không phải PDF, JPEG hoặc PNG (hệ thống kiểm tra nội dung tệp, không chỉ phần đuôi tên).`,
        en: `The file “${file}” is not a PDF, JPEG or PNG (the system checks the file’s content, not just its name).`,
      };
  }
}
