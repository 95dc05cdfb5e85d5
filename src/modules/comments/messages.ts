// Every text of the comments, Vietnamese first, with English.
import type { Text } from '../../platform/web/i18n.ts';
import type { CommentStatus } from './repo.ts';

export const STATUS_LABELS: Record<CommentStatus, Text> = {
  pending: { vi: 'Chờ duyệt', en: 'Awaiting moderation' },
  published: { vi: 'Đã đăng', en: 'Published' },
  rejected: { vi: 'Đã từ chối', en: 'Rejected' },
  hidden: { vi: 'Tạm ẩn do bị báo cáo', en: 'Hidden after reports' },
};

export const FIELDS = {
  name: { vi: 'Họ tên', en: 'Full name' },
  phone: { vi: 'Số điện thoại (không bắt buộc)', en: 'Phone number (optional)' },
  title: { vi: 'Tiêu đề', en: 'Title' },
  body: { vi: 'Nội dung', en: 'Your comment' },
  reason: { vi: 'Lý do', en: 'Reason' },
  threshold: { vi: 'Số báo cáo để tạm ẩn một ý kiến', en: 'Reports that hide a comment' },
} satisfies Record<string, Text>;

export const inputErrors = {
  missing: (n: Text): Text => ({ vi: `${n.vi} là bắt buộc.`, en: `${n.en} is required.` }),
  tooLong: (n: Text, max: number): Text => ({ vi: `${n.vi} dài quá ${max} ký tự.`, en: `${n.en} is longer than ${max} characters.` }),
  phone: {
    vi: 'Số điện thoại không đúng: số di động có 10 chữ số (ví dụ 0912 345 678), số cố định 11 chữ số (ví dụ 024 3825 3536), có thể viết +84.',
    en: 'The phone number is not valid: a mobile number has 10 digits (e.g. 0912 345 678), a landline 11 (e.g. 024 3825 3536); +84 may be used.',
  },
  proofMissing: {
    vi: 'Thiếu bước kiểm tra chống gửi tự động. Vui lòng gửi lại biểu mẫu: trình duyệt sẽ tự làm phép tính, hoặc nếu không chạy JavaScript, hãy chờ 30 giây rồi gửi.',
    en: 'The anti-spam check is missing. Please send the form again: your browser does the computation, or without JavaScript wait 30 seconds before sending.',
  },
  proofInvalid: {
    vi: 'Bước kiểm tra chống gửi tự động không hợp lệ, đã hết hạn hoặc đã được dùng. Vui lòng gửi lại biểu mẫu.',
    en: 'The anti-spam check is not valid, has expired or was already used. Please send the form again.',
  },
  proofTooSoon: {
    vi: 'Trình duyệt của bạn không chạy JavaScript: vui lòng chờ 30 giây kể từ khi mở trang rồi gửi lại.',
    en: 'Your browser does not run JavaScript: please wait 30 seconds after opening the page, then send again.',
  },
  threshold: (max: number): Text => ({ vi: `Số báo cáo phải là số nguyên từ 1 đến ${max}.`, en: `The number of reports must be a whole number from 1 to ${max}.` }),
  blockWhat: { vi: 'Chọn chặn theo số điện thoại, theo địa chỉ mạng, hoặc cả hai.', en: 'Choose to block by phone number, by network address, or both.' },
};

export const tooMany = (minutes: number, at: string): Text => ({
  vi: `Bạn đã gửi nhiều ý kiến trong thời gian ngắn. Vui lòng thử lại sau ${minutes} phút (từ ${at}). Nội dung bạn nhập vẫn được giữ ở dưới.`,
  en: `You have sent several comments in a short time. Please try again in ${minutes} minutes (from ${at}). What you typed is kept below.`,
});

export const pub = {
  section: { vi: 'Ý kiến bạn đọc', en: 'Readers’ comments' },
  none: { vi: 'Chưa có ý kiến nào.', en: 'No comments yet.' },
  write: { vi: 'Gửi ý kiến', en: 'Send a comment' },
  all: { vi: 'Xem tất cả {n} ý kiến, báo cáo ý kiến không phù hợp', en: 'See all {n} comments, report an unsuitable one' },
  formTitle: { vi: 'Gửi ý kiến về bài: {title}', en: 'Comment on: {title}' },
  lead: {
    vi: 'Ý kiến của bạn được đăng kèm họ tên sau khi được kiểm duyệt. Số điện thoại chỉ cán bộ kiểm duyệt xem được, không bao giờ hiện trên trang.',
    en: 'Your comment is published with your name once a moderator has approved it. Only moderators see the phone number; it never shows on the site.',
  },
  leadOpen: {
    vi: 'Ý kiến của bạn được đăng ngay kèm họ tên. Số điện thoại chỉ cán bộ kiểm duyệt xem được, không bao giờ hiện trên trang.',
    en: 'Your comment is published at once with your name. Only moderators see the phone number; it never shows on the site.',
  },
  bodyHint: { vi: 'Văn bản thường, tối đa {max} ký tự.', en: 'Plain text, at most {max} characters.' },
  send: { vi: 'Gửi ý kiến', en: 'Send comment' },
  proofLead: {
    vi: 'Trình duyệt làm một phép tính nhỏ chống gửi tự động (vài giây). Nếu trình duyệt không chạy JavaScript, hãy chờ 30 giây rồi gửi.',
    en: 'Your browser does a short anti-spam computation (a few seconds). If your browser does not run JavaScript, wait 30 seconds before sending.',
  },
  proofDone: { vi: 'Đã xong, bạn có thể gửi.', en: 'Done, you can send the form.' },
  back: { vi: 'Quay lại bài viết', en: 'Back to the article' },
  listTitle: { vi: 'Các ý kiến đã đăng', en: 'Published comments' },
  report: { vi: 'Báo cáo vi phạm', en: 'Report' },
  reportLabel: { vi: 'Báo cáo vi phạm: ý kiến “{title}”', en: 'Report the comment “{title}”' },
  reported: { vi: 'Cảm ơn bạn. Ý kiến đã được báo cáo để cán bộ kiểm duyệt xem xét.', en: 'Thank you. The comment has been reported for a moderator to review.' },
  reportedAgain: { vi: 'Bạn đã báo cáo ý kiến này rồi.', en: 'You have already reported this comment.' },
  sentTitle: { vi: 'Đã gửi ý kiến', en: 'Comment sent' },
  sentPending: {
    vi: 'Cảm ơn bạn. Ý kiến đã được gửi và đang chờ kiểm duyệt; ý kiến sẽ hiện dưới bài viết sau khi được duyệt.',
    en: 'Thank you. Your comment has been sent and awaits moderation; it will show under the article once approved.',
  },
  sentPublished: { vi: 'Cảm ơn bạn. Ý kiến đã được đăng dưới bài viết.', en: 'Thank you. Your comment is published under the article.' },
  wrote: { vi: '{name}, {when}', en: '{name}, {when}' },
};

export const mod = {
  title: { vi: 'Kiểm duyệt ý kiến: {site}', en: 'Comment moderation: {site}' },
  settings: { vi: 'Cài đặt', en: 'Settings' },
  preModeration: { vi: 'Duyệt trước khi đăng (ý kiến mới chờ kiểm duyệt)', en: 'Pre-moderation (new comments wait for a moderator)' },
  saveSettings: { vi: 'Lưu cài đặt', en: 'Save settings' },
  settingsSaved: { vi: 'Đã lưu cài đặt.', en: 'Settings saved.' },
  queue: { vi: 'Chờ xử lý ({n})', en: 'To deal with ({n})' },
  queueEmpty: { vi: 'Không có ý kiến nào chờ xử lý.', en: 'Nothing waits for moderation.' },
  recent: { vi: 'Đã đăng gần đây', en: 'Recently published' },
  blocks: { vi: 'Người gửi đang bị chặn', en: 'Blocked senders' },
  noBlocks: { vi: 'Không chặn ai.', en: 'Nobody is blocked.' },
  open: { vi: 'Xem và xử lý', en: 'Open' },
  approve: { vi: 'Duyệt và đăng', en: 'Approve and publish' },
  reject: { vi: 'Từ chối', en: 'Reject' },
  rejectReasonHint: { vi: 'Bắt buộc; được ghi vào nhật ký.', en: 'Required; recorded in the audit log.' },
  edit: { vi: 'Sửa ý kiến', en: 'Edit the comment' },
  saveEdit: { vi: 'Lưu sửa đổi', en: 'Save the edit' },
  editHint: { vi: 'Bản gốc được giữ trong nhật ký.', en: 'The original is kept in the audit log.' },
  block: { vi: 'Chặn người gửi', en: 'Block the sender' },
  blockPhone: { vi: 'Theo số điện thoại {phone}', en: 'By phone number {phone}' },
  blockAddress: { vi: 'Theo địa chỉ mạng đã gửi ý kiến này', en: 'By the network address this comment came from' },
  blockEverywhere: { vi: 'Chặn trên mọi trang (quản trị hệ thống)', en: 'Block on every site (administrators)' },
  unblock: { vi: 'Bỏ chặn', en: 'Unblock' },
  article: { vi: 'Bài viết', en: 'Article' },
  sender: { vi: 'Người gửi', en: 'Sender' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  sent: { vi: 'Gửi lúc', en: 'Sent' },
  status: { vi: 'Trạng thái', en: 'Status' },
  reports: { vi: 'Số báo cáo', en: 'Reports' },
  reason: { vi: 'Lý do', en: 'Reason' },
  by: { vi: 'Người chặn', en: 'Blocked by' },
  scope: { vi: 'Phạm vi', en: 'Scope' },
  thisSite: { vi: 'Trang này', en: 'This site' },
  everySite: { vi: 'Mọi trang', en: 'Every site' },
  what: { vi: 'Chặn theo', en: 'Blocked by' },
  byPhone: { vi: 'số điện thoại', en: 'phone number' },
  byAddress: { vi: 'địa chỉ mạng', en: 'network address' },
  backToQueue: { vi: 'Quay lại danh sách kiểm duyệt', en: 'Back to the moderation list' },
  done: {
    approved: { vi: 'Đã duyệt và đăng ý kiến.', en: 'Comment approved and published.' },
    rejected: { vi: 'Đã từ chối ý kiến.', en: 'Comment rejected.' },
    edited: { vi: 'Đã lưu sửa đổi.', en: 'Edit saved.' },
    blocked: { vi: 'Đã chặn người gửi.', en: 'Sender blocked.' },
    unblocked: { vi: 'Đã bỏ chặn.', en: 'Block lifted.' },
    settings: { vi: 'Đã lưu cài đặt.', en: 'Settings saved.' },
  },
};
