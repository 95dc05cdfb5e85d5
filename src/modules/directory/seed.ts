// Demo directory (demo seed only): the demo staff accounts, each linked to an entry with an official address, and a few
// fictional officials of the city's People's Committee, the service centre and two wards; some published, some not.
// Idempotent: an address already in the directory is left as it is.
import { recordAudit } from '../../platform/audit/index.ts';
import type { Role } from '../../platform/auth/roles.ts';
import type { Platform } from '../../platform/http/context.ts';
import { foldAccents } from '../../platform/text/index.ts';
import { findStaffWithRole } from '../accounts/index.ts';
import { findAgencyByCode } from '../units/index.ts';
import { directoryDb, directoryRepo } from './repo.ts';

interface DemoEntry {
  agency: string;
  fullName: string;
  position: string;
  department?: string;
  officePhone?: string;
  mobile?: string;
  public: boolean;
  /** A demo staff account to link, found by its agency, role and username. */
  account?: { username: string; role: Role };
  /** The part of the address after the initials, e.g. '.hoankiem'. */
  suffix?: string;
}

const CITY = '000.00.00.H26';
const CENTRE = '000.00.20.H26';
const JUSTICE = '000.00.03.H26';
const HOAN_KIEM = '000.04.51.H26';
const BA_DINH = '000.01.51.H26';

export const DEMO_DIRECTORY: readonly DemoEntry[] = [
  { agency: CITY, fullName: 'Nguyễn Đức Thắng', position: 'Chủ tịch', officePhone: '024 3825 3536', public: true },
  { agency: CITY, fullName: 'Lê Thị Thu Hằng', position: 'Phó Chủ tịch', officePhone: '024 3825 3536 máy lẻ 102', public: true },
  { agency: CITY, fullName: 'Trần Văn Quang', position: 'Chánh Văn phòng', department: 'Văn phòng UBND Thành phố', officePhone: '024 3825 4118', mobile: '0912 300 118', public: true },
  { agency: CITY, fullName: 'Phạm Thị Ngọc Ánh', position: 'Chuyên viên', department: 'Phòng Tổng hợp', officePhone: '024 3825 4119', public: false },
  { agency: HOAN_KIEM, fullName: 'Vũ Ngọc Lan', position: 'Biên tập viên', department: 'Văn phòng HĐND và UBND', officePhone: '024 3826 1238', public: true, suffix: '.hoankiem', account: { username: 'demo.bientap', role: 'editor' } },
  { agency: CENTRE, fullName: 'Đỗ Đức Mạnh', position: 'Quản trị hệ thống', department: 'Phòng Công nghệ thông tin', officePhone: '024 3771 2345 ext 30', mobile: '0903 456 789', public: false, account: { username: 'demo.admin', role: 'admin' } },
  { agency: JUSTICE, fullName: 'Bùi Văn Khải', position: 'Phó Giám đốc', officePhone: '024 3825 3025', public: true, account: { username: 'demo.stp.lanhdao', role: 'leader' } },
  { agency: JUSTICE, fullName: 'Ngô Thanh Hương', position: 'Chuyên viên', department: 'Phòng Hành chính tư pháp', officePhone: '024 3825 3026', public: false, account: { username: 'demo.stp.chuyenvien', role: 'specialist' } },
  { agency: HOAN_KIEM, fullName: 'Phạm Quốc Dũng', position: 'Chủ tịch UBND phường', officePhone: '024 3826 1234', mobile: '0988 123 456', public: true, suffix: '.hoankiem', account: { username: 'demo.lanhdao', role: 'leader' } },
  { agency: HOAN_KIEM, fullName: 'Trần Thị Bình', position: 'Công chức Một cửa', department: 'Bộ phận Một cửa', officePhone: '024 3826 1235', public: true, suffix: '.hoankiem', account: { username: 'demo.motcua', role: 'one_stop_officer' } },
  { agency: HOAN_KIEM, fullName: 'Lê Minh Châu', position: 'Chuyên viên', department: 'Phòng Văn hóa – Xã hội', officePhone: '024 3826 1236', public: true, suffix: '.hoankiem', account: { username: 'demo.chuyenvien', role: 'specialist' } },
  { agency: HOAN_KIEM, fullName: 'Hoàng Thu Hà', position: 'Văn thư', department: 'Văn phòng HĐND và UBND', officePhone: '024 3826 1237', public: false, suffix: '.hoankiem', account: { username: 'demo.vanthu', role: 'registry_clerk' } },
  { agency: BA_DINH, fullName: 'Đinh Thị Mai', position: 'Công chức Một cửa', department: 'Bộ phận Một cửa', officePhone: '024 3843 5678', public: true, suffix: '.badinh', account: { username: 'demo.badinh.motcua', role: 'one_stop_officer' } },
  { agency: BA_DINH, fullName: 'Đặng Thu Thảo', position: 'Văn thư', department: 'Văn phòng HĐND và UBND', officePhone: '024 3843 5679', public: false, suffix: '.badinh', account: { username: 'demo.badinh.vanthu', role: 'registry_clerk' } },
  { agency: BA_DINH, fullName: 'Nguyễn Hữu Phước', position: 'Phó Chủ tịch UBND phường', officePhone: '024 3843 5670', mobile: '0915 222 333', public: true, suffix: '.badinh' },
];

/** "Trần Thị Bình" → "ttbinh": the initials of the family and middle names, then the given name, unaccented. */
export function mailbox(fullName: string): string {
  const words = foldAccents(fullName).toLowerCase().replace(/[^a-z ]/g, '').split(' ').filter(Boolean);
  const given = words.pop() ?? 'canbo';
  return words.map((w) => w[0]).join('') + given;
}

export async function seedDemoDirectory(platform: Platform): Promise<void> {
  const root = platform.database.db;
  const domain = platform.config.officialMailDomain;
  for (const [i, d] of DEMO_DIRECTORY.entries()) {
    const agency = await findAgencyByCode(root, d.agency);
    if (!agency) continue;
    const email = `${mailbox(d.fullName)}${d.suffix ?? ''}@${domain}`;
    if (await directoryRepo.findByEmail(directoryDb(root), email)) continue;
    const account = d.account ? (await findStaffWithRole(root, agency.id, d.account.role)).find((s) => s.username === d.account?.username) : undefined;
    await root.transaction().execute(async (trx) => {
      const db = directoryDb(trx);
      const accountId = account && !(await directoryRepo.findByAccount(db, account.id)) ? account.id : null;
      const row = await directoryRepo.insert(db, {
        agency_id: agency.id,
        account_id: accountId,
        full_name: d.fullName,
        position: d.position,
        department: d.department ?? '',
        email,
        office_phone: d.officePhone ?? '',
        mobile: d.mobile ?? '',
        sort_order: i * 10,
        public: d.public,
      });
      await recordAudit(trx, { actor: { id: null, label: 'seed' }, action: 'directory.entry.create', entity: 'directory_entry', entityId: row.id, agencyId: agency.id, data: { demo: true } });
    });
  }
}
