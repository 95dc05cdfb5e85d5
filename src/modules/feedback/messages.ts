// Texts of citizen feedback: field labels (also naming fields in errors), the field errors, categories and states.
import type { Text } from '../../platform/web/i18n.ts';
import type { Category, FeedbackStatus } from './schema.ts';

export const FIELDS = {
  category: { vi: 'Lĩnh vực phản ánh', en: 'What it is about' },
  subcategory: { vi: 'Nội dung cụ thể', en: 'Topic' },
  title: { vi: 'Tiêu đề', en: 'Title' },
  description: { vi: 'Nội dung phản ánh, kiến nghị', en: 'Your feedback' },
  unitCode: { vi: 'Phường, xã nơi xảy ra', en: 'Ward or commune where it happened' },
  address: { vi: 'Địa chỉ cụ thể (không bắt buộc)', en: 'Address (optional)' },
  senderName: { vi: 'Họ và tên người gửi', en: 'Your full name' },
  phone: { vi: 'Số điện thoại', en: 'Phone number' },
  email: { vi: 'Thư điện tử', en: 'E-mail' },
  photos: { vi: 'Ảnh chụp (không bắt buộc)', en: 'Photos (optional)' },
  code: { vi: 'Mã phản ánh', en: 'Tracking code' },
  contact: { vi: 'Số điện thoại hoặc thư điện tử đã dùng khi gửi', en: 'Phone number or e-mail you gave when sending' },
  agency: { vi: 'Cơ quan giải quyết', en: 'Responsible agency' },
  reason: { vi: 'Lý do từ chối', en: 'Reason for rejecting' },
  answer: { vi: 'Nội dung trả lời', en: 'Answer' },
  rating: { vi: 'Mức độ hài lòng', en: 'How satisfied are you' },
  comment: { vi: 'Ý kiến thêm (không bắt buộc)', en: 'Comment (optional)' },
} as const;

export const fieldErrors = {
  missing: (n: Text): Text => ({ vi: `${n.vi} là bắt buộc.`, en: `${n.en} is required.` }),
  tooLong: (n: Text, max: number): Text => ({ vi: `${n.vi} không được dài quá ${max} ký tự.`, en: `${n.en} must be at most ${max} characters long.` }),
  choose: (n: Text): Text => ({ vi: `Vui lòng chọn ${n.vi.toLowerCase()}.`, en: `Please choose: ${n.en.toLowerCase()}.` }),
  contact: { vi: 'Vui lòng nhập số điện thoại hoặc thư điện tử (ít nhất một) để nhận trả lời và tra cứu.', en: 'Please give a phone number or an e-mail address (at least one) to get the answer and follow it.' },
  phone: { vi: 'Số điện thoại không đúng dạng, ví dụ 0912 345 678.', en: 'The phone number is not valid, e.g. 0912 345 678.' },
  email: { vi: 'Thư điện tử không đúng dạng, ví dụ ten@example.vn.', en: 'The e-mail address is not valid, e.g. name@example.vn.' },
  tooManyPhotos: (max: number): Text => ({ vi: `Chỉ được gửi tối đa ${max} ảnh.`, en: `At most ${max} photos may be sent.` }),
  notImage: (name: string): Text => ({ vi: `Tệp “${name}” không phải ảnh JPEG, PNG hoặc WebP.`, en: `The file “${name}” is not a JPEG, PNG or WebP image.` }),
  tooLarge: (name: string, mb: number): Text => ({ vi: `Ảnh “${name}” lớn hơn ${mb} MB.`, en: `The photo “${name}” is larger than ${mb} MB.` }),
  photosAgain: { vi: 'Ảnh đã chọn chưa được lưu: vui lòng chọn lại ảnh khi gửi.', en: 'The photos chosen were not kept: please choose them again when sending.' },
  proof: { vi: 'Bước kiểm tra chống gửi tự động chưa hoàn thành hoặc đã được dùng. Vui lòng đợi giây lát rồi gửi lại.', en: 'The check against automated sending is not complete or was used already. Please wait a moment and send again.' },
  rating: { vi: 'Vui lòng chọn mức từ 1 đến 5.', en: 'Please choose a level from 1 to 5.' },
  agency: { vi: 'Vui lòng chọn cơ quan giải quyết.', en: 'Please choose the responsible agency.' },
};

export const categoryLabels: Record<Category, Text> = {
  regulation: { vi: 'Quy định hành chính', en: 'Administrative regulation' },
  service: { vi: 'Phục vụ của cơ quan, cán bộ', en: 'Service by an agency or its staff' },
  place: { vi: 'Địa điểm, hạ tầng đô thị', en: 'A place, urban infrastructure' },
};

export const statusLabels: Record<FeedbackStatus, Text> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  assigned: { vi: 'Đã chuyển cơ quan giải quyết', en: 'Assigned to an agency' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  published: { vi: 'Đã trả lời và công khai', en: 'Answered and published' },
  closed: { vi: 'Đã đóng (người gửi đã đánh giá)', en: 'Closed (rated by the sender)' },
  rejected: { vi: 'Từ chối tiếp nhận', en: 'Rejected' },
};

export const ratingLabels: Record<number, Text> = {
  1: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' },
  2: { vi: 'Không hài lòng', en: 'Dissatisfied' },
  3: { vi: 'Bình thường', en: 'Neither' },
  4: { vi: 'Hài lòng', en: 'Satisfied' },
  5: { vi: 'Rất hài lòng', en: 'Very satisfied' },
};

export const mails = {
  receivedSubject: (code: string): string => `Đã tiếp nhận phản ánh ${code} / Feedback ${code} received`,
  receivedText: (code: string, url: string): string =>
    `Phản ánh, kiến nghị của bạn đã được tiếp nhận với mã ${code}.\nTra cứu: ${url} (nhập mã và địa chỉ thư này).\n\n` +
    `Your feedback was received with the tracking code ${code}.\nFollow it at ${url} (enter the code and this address).`,
  answeredSubject: (code: string): string => `Phản ánh ${code} đã được trả lời / Feedback ${code} answered`,
  answeredText: (code: string, url: string): string =>
    `Phản ánh ${code} của bạn đã có trả lời. Xem và đánh giá tại ${url}.\n\nYour feedback ${code} has been answered. Read and rate it at ${url}.`,
};
