// The staff home /quan-tri (issue 9): every administration page that exists (the routes under /quan-tri) and the work
// pages, each shown to the roles whose access checks let them in, so that nobody is offered a page that refuses them.
import { requireStaff, type Actor } from '../../platform/auth/access.ts';
import { Role, type Role as RoleT } from '../../platform/auth/roles.ts';
import type { Text } from '../../platform/web/i18n.ts';

export interface HomeLink {
  href: string;
  title: Text;
  text: Text;
  /** Any of these roles opens the page; empty: every staff member. */
  roles: readonly RoleT[];
}

const ADMIN = [Role.admin] as const;
const OFFICERS = [Role.oneStopOfficer, Role.specialist, Role.leader] as const;

export const ADMIN_PAGES: readonly HomeLink[] = [
  {
    href: '/quan-tri/tai-khoan',
    title: { vi: 'Tài khoản cán bộ', en: 'Staff accounts' },
    text: { vi: 'Vai trò, cơ quan, khóa và mở khóa; tắt xác thực hai bước khi cán bộ mất điện thoại.', en: 'Roles, agencies, locking and unlocking; turning off two-step verification for a lost phone.' },
    roles: ADMIN,
  },
  {
    href: '/quan-tri/tai-khoan/tao-moi',
    title: { vi: 'Tạo tài khoản cán bộ', en: 'Create a staff account' },
    text: { vi: 'Tài khoản mới với cơ quan và vai trò.', en: 'A new account with its agency and roles.' },
    roles: ADMIN,
  },
  {
    href: '/quan-tri/lich-lam-viec',
    title: { vi: 'Lịch làm việc', en: 'Working-day calendar' },
    text: { vi: 'Ngày nghỉ lễ và ngày làm bù từng năm, dùng để tính hạn giải quyết hồ sơ.', en: 'Each year’s holidays and swapped working days, used to count dossier deadlines.' },
    roles: ADMIN,
  },
  {
    href: '/quan-tri/tu-dong-nghia',
    title: { vi: 'Từ đồng nghĩa khi tìm thủ tục', en: 'Search synonyms' },
    text: { vi: 'Từ thông dụng giúp tìm thủ tục, ví dụ "bằng lái" là "giấy phép lái xe".', en: 'Everyday words that find procedures, e.g. "bằng lái" for "giấy phép lái xe".' },
    roles: ADMIN,
  },
];

export const WORK_PAGES: readonly HomeLink[] = [
  {
    href: '/mot-cua',
    title: { vi: 'Hồ sơ một cửa', en: 'One-stop inbox' },
    text: { vi: 'Hồ sơ mới, đang giải quyết, chờ duyệt, sắp đến hạn và quá hạn.', en: 'New dossiers, in progress, awaiting approval, due soon and overdue.' },
    roles: OFFICERS,
  },
  {
    href: '/mot-cua/tiep-nhan',
    title: { vi: 'Tiếp nhận tại quầy', en: 'Counter intake' },
    text: { vi: 'Nhập hồ sơ người dân nộp trực tiếp.', en: 'Record a dossier handed in at the counter.' },
    roles: [Role.oneStopOfficer],
  },
  {
    href: '/mot-cua/so-theo-doi',
    title: { vi: 'Sổ theo dõi hồ sơ (Mẫu 06)', en: 'Tracking book (Form 06)' },
    text: { vi: 'Sổ theo dõi của cơ quan, tải về PDF hoặc XLSX.', en: 'The agency’s tracking book, as PDF or XLSX.' },
    roles: [Role.oneStopOfficer, Role.leader],
  },
  {
    href: '/quan-ly/chat-luong',
    title: { vi: 'Chất lượng phục vụ', en: 'Service quality' },
    text: { vi: 'Tỷ lệ đúng hạn, hồ sơ trực tuyến, mức độ hài lòng.', en: 'On-time rate, online dossiers, satisfaction.' },
    roles: [],
  },
];

const opens = (roles: readonly RoleT[], l: HomeLink): boolean => l.roles.length === 0 || l.roles.some((r) => roles.includes(r));

/** The links of the staff member's home: staff only (citizens are refused). */
export function staffHome(actor: Actor): { admin: HomeLink[]; work: HomeLink[] } {
  const user = requireStaff(actor);
  return { admin: ADMIN_PAGES.filter((l) => opens(user.roles, l)), work: WORK_PAGES.filter((l) => opens(user.roles, l)) };
}
