// Every text of the portal's sites, Vietnamese first, with English. One label per state and kind, used by every page.
import type { Text } from '../../platform/web/i18n.ts';
import type { ArticleKind, ArticleStatus, SiteKind } from './repo.ts';

export const STATUS_LABELS: Record<ArticleStatus, Text> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  review: { vi: 'Chờ duyệt', en: 'Awaiting review' },
  published: { vi: 'Đã xuất bản', en: 'Published' },
  unpublished: { vi: 'Đã gỡ', en: 'Unpublished' },
};
/** A published article whose time has not come yet. */
export const SCHEDULED_LABEL: Text = { vi: 'Hẹn giờ xuất bản', en: 'Scheduled' };

export const KIND_LABELS: Record<ArticleKind, Text> = {
  news: { vi: 'Tin tức', en: 'News' },
  page: { vi: 'Trang giới thiệu', en: 'Page' },
  announcement: { vi: 'Thông báo', en: 'Announcement' },
  direction: { vi: 'Văn bản chỉ đạo điều hành', en: 'Direction document' },
};

export const SITE_KIND_LABELS: Record<SiteKind, Text> = {
  city: { vi: 'Cổng thông tin thành phố', en: 'City portal' },
  agency: { vi: 'Trang cơ quan', en: 'Agency site' },
  ward: { vi: 'Trang phường, xã', en: 'Commune or ward site' },
};

export const FIELDS = {
  title: { vi: 'Tiêu đề', en: 'Title' },
  slug: { vi: 'Đường dẫn', en: 'Address (slug)' },
  kind: { vi: 'Loại bài', en: 'Kind' },
  summary: { vi: 'Tóm tắt', en: 'Summary' },
  body: { vi: 'Nội dung', en: 'Body' },
  category: { vi: 'Chuyên mục', en: 'Category' },
  tags: { vi: 'Từ khóa (phân cách bằng dấu phẩy)', en: 'Tags (comma-separated)' },
  featured: { vi: 'Tin nổi bật', en: 'Featured' },
  documentNo: { vi: 'Số, ký hiệu văn bản', en: 'Document number and notation' },
  documentDate: { vi: 'Ngày ban hành', en: 'Date of issue' },
  signer: { vi: 'Người ký', en: 'Signed by' },
  publishAt: { vi: 'Thời điểm xuất bản', en: 'Publication time' },
  note: { vi: 'Ghi chú thay đổi', en: 'Note on the change' },
} satisfies Record<string, Text>;

export const inputErrors = {
  missing: (n: Text): Text => ({ vi: `${n.vi} là bắt buộc.`, en: `${n.en} is required.` }),
  tooLong: (n: Text, max: number): Text => ({ vi: `${n.vi} dài quá ${max} ký tự.`, en: `${n.en} is longer than ${max} characters.` }),
  slug: (n: Text): Text => ({
    vi: `${n.vi} chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ "hop-bao-quy-3".`,
    en: `${n.en} may hold only lower-case letters without accents, digits and hyphens, e.g. "press-briefing-q3".`,
  }),
  slugTaken: (n: Text): Text => ({ vi: `${n.vi} này đã có bài khác dùng trên trang.`, en: `${n.en} is already used by another article of the site.` }),
  choice: (n: Text): Text => ({ vi: `${n.vi} không nằm trong danh sách.`, en: `${n.en} is not one of the choices.` }),
  date: (n: Text): Text => ({ vi: `${n.vi} phải là ngày có thật, dạng YYYY-MM-DD.`, en: `${n.en} must be a real date written YYYY-MM-DD.` }),
  dateTime: (n: Text): Text => ({
    vi: `${n.vi} phải là ngày giờ dạng YYYY-MM-DDTHH:MM (giờ Việt Nam).`,
    en: `${n.en} must be a date and time written YYYY-MM-DDTHH:MM (Vietnam time).`,
  }),
  emptyBody: (n: Text): Text => ({
    vi: `${n.vi} không còn chữ nào sau khi loại bỏ mã không an toàn.`,
    en: `${n.en} has no text left once unsafe markup is removed.`,
  }),
  directionNeedsNo: (n: Text): Text => ({ vi: `${n.vi} là bắt buộc với văn bản chỉ đạo điều hành.`, en: `${n.en} is required for a direction document.` }),
};

export const page = {
  sitesTitle: { vi: 'Trang thông tin của các cơ quan, phường, xã', en: 'Sites of agencies, communes and wards' },
  sitesIntro: {
    vi: 'Mỗi sở, ngành và mỗi phường, xã của Thành phố có trang thông tin riêng: tin tức, thông báo, văn bản chỉ đạo điều hành, thủ tục và liên hệ.',
    en: 'Every department and every commune and ward of the city has its own site: news, announcements, direction documents, procedures and contacts.',
  },
  latest: { vi: 'Tin mới nhất', en: 'Latest' },
  featured: { vi: 'Tin nổi bật', en: 'Featured' },
  earlier: { vi: 'Tin cũ hơn', en: 'Earlier' },
  newer: { vi: 'Tin mới hơn', en: 'Newer' },
  allNews: { vi: 'Tất cả tin bài', en: 'All articles' },
  announcements: { vi: 'Thông báo', en: 'Announcements' },
  directions: { vi: 'Văn bản chỉ đạo điều hành', en: 'Direction documents' },
  noArticles: { vi: 'Chưa có bài viết nào.', en: 'No articles yet.' },
  contacts: { vi: 'Liên hệ', en: 'Contacts' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  procedures: { vi: 'Thủ tục hành chính của cơ quan', en: 'The agency’s administrative procedures' },
  transparency: { vi: 'Công khai kết quả giải quyết hồ sơ', en: 'Published service figures' },
  directory: { vi: 'Danh bạ cán bộ', en: 'Staff directory' },
  leaders: { vi: 'Lãnh đạo', en: 'Leaders' },
  proceduresCount: { vi: '{n} thủ tục trong danh mục, {online} thủ tục nộp được trực tuyến.', en: '{n} procedures in the catalogue, {online} can be submitted online.' },
  proceduresLink: { vi: 'Xem các thủ tục', en: 'See the procedures' },
  figuresTitle: { vi: 'Kết quả giải quyết hồ sơ 12 tháng qua', en: 'Applications handled in the last 12 months' },
  received: { vi: 'Hồ sơ tiếp nhận', en: 'Applications received' },
  onTime: { vi: 'Giải quyết đúng hạn', en: 'Handled on time' },
  onlineShare: { vi: 'Nộp trực tuyến', en: 'Submitted online' },
  noFigures: { vi: 'Chưa có hồ sơ nào trong 12 tháng qua.', en: 'No applications in the last 12 months.' },
  feeds: { vi: 'Nhận tin qua RSS hoặc Atom', en: 'Follow by RSS or Atom' },
  published: { vi: 'Đăng lúc {when}', en: 'Published {when}' },
  updated: { vi: 'cập nhật {when}', en: 'updated {when}' },
  print: { vi: 'Bản in', en: 'Print view' },
  tags: { vi: 'Từ khóa', en: 'Tags' },
  pageOf: { vi: 'Trang {page} / {pages}', en: 'Page {page} of {pages}' },
  categories: { vi: 'Chuyên mục', en: 'Categories' },
  printedFrom: { vi: 'In từ {url}', en: 'Printed from {url}' },
  attachments: { vi: 'Tệp đính kèm', en: 'Attachments' },
};

export const editor = {
  title: { vi: 'Biên tập: {site}', en: 'Editing: {site}' },
  newArticle: { vi: 'Viết bài mới', en: 'Write a new article' },
  editArticle: { vi: 'Sửa bài: {title}', en: 'Edit: {title}' },
  listCaption: { vi: 'Bài viết của trang, thay đổi gần nhất trước', en: 'The site’s articles, latest change first' },
  colTitle: { vi: 'Tiêu đề', en: 'Title' },
  colKind: { vi: 'Loại', en: 'Kind' },
  colStatus: { vi: 'Trạng thái', en: 'Status' },
  colChanged: { vi: 'Thay đổi', en: 'Changed' },
  save: { vi: 'Lưu bản nháp', en: 'Save draft' },
  saveChanges: { vi: 'Lưu thay đổi', en: 'Save changes' },
  submit: { vi: 'Gửi duyệt', en: 'Send for review' },
  publish: { vi: 'Duyệt và xuất bản', en: 'Approve and publish' },
  publishHint: {
    vi: 'Để trống để xuất bản ngay; chọn một thời điểm sau này để hẹn giờ (giờ Việt Nam).',
    en: 'Leave empty to publish now; pick a later time to schedule it (Vietnam time).',
  },
  returnToDraft: { vi: 'Trả lại để sửa', en: 'Return for changes' },
  unpublish: { vi: 'Gỡ bài', en: 'Unpublish' },
  history: { vi: 'Lịch sử sửa đổi', en: 'Revision history' },
  compare: { vi: 'So sánh phiên bản {a} với {b}', en: 'Compare version {a} with {b}' },
  version: { vi: 'Phiên bản {n}', en: 'Version {n}' },
  by: { vi: '{who}, {when}', en: '{who}, {when}' },
  view: { vi: 'Xem trên trang', en: 'View on the site' },
  comments: { vi: 'Ý kiến bạn đọc: kiểm duyệt và cài đặt', en: 'Readers’ comments: moderation and settings' },
  saved: {
    created: { vi: 'Đã lưu bản nháp.', en: 'Draft saved.' },
    updated: { vi: 'Đã lưu thay đổi.', en: 'Changes saved.' },
    review: { vi: 'Đã gửi duyệt.', en: 'Sent for review.' },
    published: { vi: 'Đã xuất bản.', en: 'Published.' },
    scheduled: { vi: 'Đã hẹn giờ xuất bản.', en: 'Scheduled.' },
    draft: { vi: 'Đã trả lại để sửa.', en: 'Returned for changes.' },
    unpublished: { vi: 'Đã gỡ bài.', en: 'Unpublished.' },
    uploaded: { vi: 'Đã tải lên.', en: 'Uploaded.' },
    removed: { vi: 'Đã xóa tệp.', en: 'File removed.' },
  },
  media: { vi: 'Ảnh và tệp đính kèm', en: 'Images and attachments' },
  mediaHint: {
    vi: 'Ảnh JPEG, PNG, WebP, GIF hoặc AVIF (được thu nhỏ và lưu dạng WebP) hoặc tệp PDF, Word (.docx), Excel (.xlsx); tối đa 10 MB. Dán đoạn mã của ảnh vào nội dung để hiện ảnh; tệp được liệt kê dưới bài.',
    en: 'A JPEG, PNG, WebP, GIF or AVIF image (resized and kept as WebP) or a PDF, Word (.docx) or Excel (.xlsx) file; 10 MB at most. Paste an image’s code into the body to show it; files are listed under the article.',
  },
  file: { vi: 'Tệp', en: 'File' },
  alt: { vi: 'Mô tả ảnh (cho người không nhìn thấy ảnh)', en: 'Image description (for people who cannot see it)' },
  upload: { vi: 'Tải lên', en: 'Upload' },
  remove: { vi: 'Xóa {name}', en: 'Remove {name}' },
  snippet: { vi: 'Mã để dán vào nội dung', en: 'Code to paste into the body' },
  bodyHint: {
    vi: 'Văn bản có định dạng (HTML): đoạn văn, tiêu đề, danh sách, bảng, liên kết, ảnh. Mã lệnh và thuộc tính không an toàn bị loại bỏ khi lưu.',
    en: 'Formatted text (HTML): paragraphs, headings, lists, tables, links, images. Scripts and unsafe attributes are removed when saved.',
  },
  slugHint: { vi: 'Để trống để tạo từ tiêu đề.', en: 'Leave empty to make it from the title.' },
  addedWords: { vi: '{n} từ thêm', en: '{n} words added' },
  removedWords: { vi: '{n} từ bỏ', en: '{n} words removed' },
  noCategory: { vi: '(không)', en: '(none)' },
};
