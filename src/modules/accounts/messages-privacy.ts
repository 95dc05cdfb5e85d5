// The privacy notice (thông báo xử lý dữ liệu cá nhân, Decree 13/2023/NĐ-CP Art. 13) shown at /chinh-sach-bao-mat and
// agreed to at registration. A change of substance gets a new version: the consent stored with each account names the
// version it was given to. A deployment puts its own contact address here.
import type { Text } from '../../platform/web/i18n.ts';

export interface NoticeSection {
  id: string;
  heading: Text;
  paragraphs?: Text[];
  items?: Text[];
}

export const PRIVACY_NOTICE = {
  version: '1.0',
  /** ISO date from which this version applies. */
  effective: '2026-12-01',
  title: { vi: 'Chính sách bảo vệ dữ liệu cá nhân', en: 'Privacy notice' },
  versionLine: { vi: 'Phiên bản {version}, áp dụng từ ngày {date}.', en: 'Version {version}, in force from {date}.' },
  intro: {
    vi: 'Thông báo này cho biết Cổng Dịch vụ công Hà Nội xử lý dữ liệu cá nhân của bạn thế nào, vì sao, trong bao lâu, và bạn có những quyền gì, theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.',
    en: 'This notice explains how the Hà Nội Public Service Portal processes your personal data, why, for how long, and what your rights are, under Decree 13/2023/NĐ-CP on personal data protection.',
  },
  sections: [
    {
      id: 'controller',
      heading: { vi: '1. Ai xử lý dữ liệu của bạn', en: '1. Who processes your data' },
      paragraphs: [
        {
          vi: 'Ủy ban nhân dân Thành phố Hà Nội là bên kiểm soát và xử lý dữ liệu cá nhân trên Cổng. Cơ quan tiếp nhận và giải quyết hồ sơ của bạn xử lý dữ liệu trong hồ sơ đó.',
          en: 'The Hà Nội People’s Committee controls and processes the personal data on the portal. The agency that receives and decides your dossier processes the data in that dossier.',
        },
      ],
    },
    {
      id: 'data',
      heading: { vi: '2. Dữ liệu được thu thập', en: '2. What data is collected' },
      items: [
        { vi: 'Họ và tên, số định danh cá nhân, số điện thoại, thư điện tử.', en: 'Your full name, personal identification number, phone number and e-mail address.' },
        { vi: 'Mật khẩu, chỉ lưu dưới dạng băm không đảo ngược được.', en: 'Your password, stored only as an irreversible hash.' },
        { vi: 'Lịch sử đăng nhập và thao tác: thời điểm, địa chỉ IP, trình duyệt.', en: 'Your sign-ins and actions: time, IP address, browser.' },
        { vi: 'Hồ sơ bạn nộp: nội dung tờ khai, giấy tờ đính kèm, đánh giá và góp ý.', en: 'The dossiers you submit: the form’s answers, attached papers, ratings and feedback.' },
      ],
    },
    {
      id: 'purposes',
      heading: { vi: '3. Mục đích xử lý', en: '3. Purposes' },
      items: [
        { vi: 'Tạo, xác minh và bảo vệ tài khoản của bạn.', en: 'Creating, verifying and protecting your account.' },
        { vi: 'Tiếp nhận, giải quyết và trả kết quả thủ tục hành chính bạn yêu cầu.', en: 'Receiving, deciding and returning the results of the administrative procedures you ask for.' },
        { vi: 'Gửi thông báo về hồ sơ qua thư điện tử và tin nhắn.', en: 'Sending notices about your dossiers by e-mail and text message.' },
        { vi: 'Thống kê chất lượng phục vụ, chỉ ở dạng tổng hợp không nêu tên.', en: 'Measuring the quality of service, only as totals that name nobody.' },
        { vi: 'Bảo đảm an toàn hệ thống, phát hiện truy cập trái phép.', en: 'Keeping the system secure and detecting unauthorised access.' },
      ],
    },
    {
      id: 'basis',
      heading: { vi: '4. Cơ sở pháp lý', en: '4. Legal basis' },
      paragraphs: [
        {
          vi: 'Dữ liệu tài khoản được xử lý trên cơ sở sự đồng ý của bạn (Điều 11 Nghị định 13/2023/NĐ-CP), được ghi lại cùng phiên bản thông báo này và thời điểm đồng ý. Dữ liệu trong hồ sơ thủ tục hành chính được xử lý theo quy định của pháp luật về thủ tục hành chính, là trường hợp không cần sự đồng ý (Điều 17 Nghị định 13/2023/NĐ-CP).',
          en: 'Account data is processed on the basis of your consent (Decree 13/2023/NĐ-CP Art. 11), recorded with the version of this notice and the time you gave it. Data in an administrative dossier is processed as the law on administrative procedures requires, which needs no consent (Decree 13/2023/NĐ-CP Art. 17).',
        },
        {
          vi: 'Dữ liệu không được bán, không được chuyển ra nước ngoài và chỉ được chia sẻ với cơ quan giải quyết hồ sơ và với nhà cung cấp dịch vụ gửi tin nhắn, thư điện tử để chuyển thông báo.',
          en: 'Your data is never sold, never transferred abroad, and shared only with the agencies deciding your dossiers and with the text-message and e-mail providers that deliver notices.',
        },
      ],
    },
    {
      id: 'retention',
      heading: { vi: '5. Thời gian lưu trữ', en: '5. How long data is kept' },
      items: [
        {
          vi: 'Tài khoản: trong thời gian tài khoản còn được sử dụng; khi bạn yêu cầu đóng tài khoản, dữ liệu tài khoản được xóa, trừ phần pháp luật buộc lưu.',
          en: 'Your account: while it is in use; when you ask to close it, its data is deleted, except what the law requires to be kept.',
        },
        { vi: 'Hồ sơ thủ tục hành chính và kết quả: theo thời hạn bảo quản của pháp luật về lưu trữ.', en: 'Administrative dossiers and their results: for the periods set by the archives law.' },
        {
          vi: 'Nhật ký đăng nhập và thao tác: theo thời hạn cơ quan vận hành Cổng quy định để bảo đảm an toàn hệ thống thông tin.',
          en: 'Records of sign-ins and actions: for the period the agency running the portal sets to keep the system secure.',
        },
        { vi: 'Mã xác minh và đăng ký chưa hoàn tất: xóa sau 1 ngày.', en: 'One-time codes and unfinished registrations: deleted after 1 day.' },
      ],
    },
    {
      id: 'rights',
      heading: { vi: '6. Quyền của bạn', en: '6. Your rights' },
      paragraphs: [
        {
          vi: 'Theo Điều 9 Nghị định 13/2023/NĐ-CP, bạn có quyền được biết, đồng ý, truy cập, rút lại sự đồng ý, xóa dữ liệu, hạn chế xử lý, yêu cầu cung cấp dữ liệu, phản đối xử lý, khiếu nại, tố cáo, khởi kiện, yêu cầu bồi thường thiệt hại và tự bảo vệ.',
          en: 'Under Decree 13/2023/NĐ-CP Art. 9 you have the right to be informed, to consent, to access your data, to withdraw consent, to erasure, to restrict processing, to be given your data, to object, to complain, denounce or sue, to claim damages and to protect yourself.',
        },
        {
          vi: 'Xem và tải về dữ liệu Cổng đang giữ về bạn tại trang Dữ liệu của tôi (/tai-khoan/du-lieu-cua-toi); sửa họ tên và liên hệ tại trang Tài khoản của tôi. Để rút lại sự đồng ý, yêu cầu xóa hoặc hạn chế xử lý, hãy liên hệ theo địa chỉ dưới đây; việc rút lại không ảnh hưởng đến việc xử lý trước đó và đến hồ sơ mà pháp luật buộc lưu.',
          en: 'See and download what the portal holds about you at My data (/tai-khoan/du-lieu-cua-toi); correct your name and contacts at My account. To withdraw consent, ask for erasure or restrict processing, write to the address below; withdrawing does not undo earlier processing nor remove dossiers the law requires to be kept.',
        },
      ],
    },
    {
      id: 'contact',
      heading: { vi: '7. Liên hệ', en: '7. Contact' },
      paragraphs: [
        {
          vi: 'Bộ phận bảo vệ dữ liệu cá nhân, Trung tâm Phục vụ hành chính công thành phố Hà Nội. Thư điện tử: dulieucanhan@egov.local. Yêu cầu được trả lời trong thời hạn Nghị định 13/2023/NĐ-CP quy định.',
          en: 'Personal data protection desk, Hà Nội Public Administration Service Centre. E-mail: dulieucanhan@egov.local. Requests are answered within the periods Decree 13/2023/NĐ-CP sets.',
        },
      ],
    },
  ] satisfies NoticeSection[],
} as const;
