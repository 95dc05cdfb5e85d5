// The demo seed's accounts (demo seed only, never in production), one per kind of user. Ward staff work at the
// People's Committee of Phường Hoàn Kiếm (the ward site's editor too: /quan-tri/trang/phuong-hoan-kiem); the administrator at the city's Public
// Administration Service Centre.
import type { Platform } from '../../platform/http/context.ts';
import { Role, type AccountKind, type Role as RoleT } from '../../platform/auth/roles.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { getSetting } from '../../platform/db/index.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../cli/demo-logins.ts';
import { accountsDb, accountsRepo, type AgencyOption } from './repo.ts';
import { agencyByCodeOrKind } from './agencies.ts';
import { findAgencyByCode, listAgencies } from '../units/index.ts';
import { demoDesks, type DemoDesk } from './demo-desks.ts';
import { sealTotpSecret } from './totp-secrets.ts';
import type { AccountsDb } from './repo.ts';

/** Codes of data/agencies/hanoi.json; another deployment's codes fall back to the first agency of the kind. */
const WARD_CODE = '000.04.51.H26';
const CENTRE_CODE = '000.00.20.H26';
/** A city department (Sở Tư pháp) and a second ward (UBND phường Ba Đình), for access tests across agencies. */
const JUSTICE_CODE = '000.00.03.H26';
const SECOND_WARD_CODE = '000.01.51.H26';
/** Sở Giáo dục và Đào tạo: the education office of school admission (issue 11). */
const EDUCATION_CODE = '000.00.09.H26';
/** Sở Khoa học và Công nghệ: the city's office for IT readiness and its appraisal council (issue 14). */
const SCIENCE_CODE = '000.00.08.H26';
/** Sở Nội vụ: the IT training of officials (issue 14). */
const HOME_CODE = '000.00.02.H26';
/** Sở Xây dựng: Tramoc, the transport centre of the e-tickets, is under it (issue 15). */
const CONSTRUCTION_CODE = '000.00.07.H26';
/** Công an Thành phố Hà Nội: driving licences since 1 Mar 2025 (issue 16). */
const POLICE_CODE = '000.00.16.H26';

export { DEMO_PASSWORD, DEMO_TOTP_SECRET };

type DemoAgency = 'ward' | 'centre' | 'justice' | 'ward2' | 'education' | 'science' | 'home' | 'construction' | 'police';

export interface DemoAccount {
  username: string;
  fullName: string;
  kind: AccountKind;
  roles: RoleT[];
  /** 'ward': UBND Phường Hoàn Kiếm; 'centre': the city's service centre; 'justice': Sở Tư pháp; 'ward2': UBND phường Ba Đình. */
  agency?: DemoAgency;
  email?: string;
  phone?: string;
  personalId?: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'demo.congdan', fullName: 'Nguyễn Văn An', kind: 'citizen', roles: [], email: 'demo.congdan@example.vn', phone: '+84912345678', personalId: '001090012345' },
  { username: 'demo.motcua', fullName: 'Trần Thị Bình', kind: 'staff', roles: [Role.oneStopOfficer], agency: 'ward' },
  { username: 'demo.chuyenvien', fullName: 'Lê Minh Châu', kind: 'staff', roles: [Role.specialist], agency: 'ward' },
  { username: 'demo.lanhdao', fullName: 'Phạm Quốc Dũng', kind: 'staff', roles: [Role.leader], agency: 'ward' },
  { username: 'demo.vanthu', fullName: 'Hoàng Thu Hà', kind: 'staff', roles: [Role.registryClerk], agency: 'ward' },
  { username: 'demo.bientap', fullName: 'Vũ Ngọc Lan', kind: 'staff', roles: [Role.editor, Role.moderator], agency: 'ward' },
  { username: 'demo.admin', fullName: 'Đỗ Đức Mạnh', kind: 'staff', roles: [Role.admin], agency: 'centre' },
  { username: 'demo.stp.chuyenvien', fullName: 'Ngô Thanh Hương', kind: 'staff', roles: [Role.specialist], agency: 'justice' },
  { username: 'demo.stp.lanhdao', fullName: 'Bùi Văn Khải', kind: 'staff', roles: [Role.leader], agency: 'justice' },
  { username: 'demo.badinh.motcua', fullName: 'Đinh Thị Mai', kind: 'staff', roles: [Role.oneStopOfficer], agency: 'ward2' },
  // The second ward's registry clerk: receives the official letters Hoàn Kiếm sends it (/van-ban).
  { username: 'demo.badinh.vanthu', fullName: 'Đặng Thu Thảo', kind: 'staff', roles: [Role.registryClerk], agency: 'ward2' },
  // Admissions officer of Trường Tiểu học Hoàn Kiếm A (the admissions module attaches the account to the school).
  { username: 'demo.truong', fullName: 'Lý Thị Ngọc', kind: 'staff', roles: [Role.schoolAdmissions], agency: 'ward' },
  { username: 'demo.sogd', fullName: 'Trịnh Thị Ngọc', kind: 'staff', roles: [Role.educationOffice], agency: 'education' },
  // IT readiness (issue 14): the ward's IT officer fills its form; the city's office reviews; the council adjusts.
  { username: 'demo.cntt', fullName: 'Tạ Minh Khoa', kind: 'staff', roles: [Role.readinessReporter], agency: 'ward' },
  { username: 'demo.thamdinh', fullName: 'Lương Thị Hạnh', kind: 'staff', roles: [Role.readinessReviewer], agency: 'science' },
  { username: 'demo.hoidong', fullName: 'Kiều Văn Long', kind: 'staff', roles: [Role.readinessCouncil], agency: 'science' },
  // IT training of officials and schools' IT equipment (issue 14).
  { username: 'demo.daotao', fullName: 'Hà Thị Thu', kind: 'staff', roles: [Role.trainingManager], agency: 'home' },
  { username: 'demo.truong.cntt', fullName: 'Mai Văn Tùng', kind: 'staff', roles: [Role.schoolIt], agency: 'ward' },
  // Public-transport e-tickets (issue 15): the transport centre's officer and an operator's clearing staff.
  { username: 'demo.vetau', fullName: 'Phan Thị Yến', kind: 'staff', roles: [Role.transitOfficer], agency: 'construction' },
  { username: 'demo.doisoat', fullName: 'Cao Văn Phúc', kind: 'staff', roles: [Role.transitOperator], agency: 'construction' },
  // Passengers whose demo day of trips fills the transit staff's dashboards (transit/seed-day.ts).
  { username: 'demo.hanhkhach1', fullName: 'Trần Văn Bảo', kind: 'citizen', roles: [], email: 'demo.hanhkhach1@example.vn', personalId: '001088003101' },
  { username: 'demo.hanhkhach2', fullName: 'Lê Thị Cúc', kind: 'citizen', roles: [], email: 'demo.hanhkhach2@example.vn', personalId: '001155003102' },
  { username: 'demo.hanhkhach3', fullName: 'Phạm Minh Đức', kind: 'citizen', roles: [], email: 'demo.hanhkhach3@example.vn', personalId: '001092003103' },
  { username: 'demo.hanhkhach4', fullName: 'Vũ Thu Hà', kind: 'citizen', roles: [], email: 'demo.hanhkhach4@example.vn', personalId: '001196003104' },
  // Driving licences (issue 16): the registry's officer at the city police (licensing moved to the Ministry of Public
  // Security on 1 Mar 2025).
  { username: 'demo.gplx', fullName: 'Đoàn Minh Quân', kind: 'staff', roles: [Role.licenceOfficer], agency: 'police' },
  // The traffic-signal centre's engineer (issue 16), at the Department of Construction (which took over transport).
  { username: 'demo.tinhieu', fullName: 'Lại Quốc Việt', kind: 'staff', roles: [Role.signalEngineer], agency: 'construction' },
];

/** Staff whose roles require two-step verification (EGOV_2FA_ROLES) start with it in force, on the demo secret. */
async function presetDemoTotp(platform: Platform, db: AccountsDb, id: number, roles: readonly RoleT[]): Promise<void> {
  if (!roles.some((r) => platform.config.twoStepRoles.includes(r))) return;
  await accountsRepo.update(db, id, { totp_secret: sealTotpSecret(platform.secrets, id, DEMO_TOTP_SECRET), totp_enabled: true, totp_last_step: null });
}

/**
 * Demo data loaded before two-step verification became mandatory: the demo's staff whose roles now require it and who
 * have none get the demo secret, so that `npm start` on an older var/ keeps working. Never in production. Idempotent.
 */
export async function presetDemoTotpOnOlderDemoData(platform: Platform): Promise<number> {
  const roles = platform.config.twoStepRoles;
  if (platform.config.production || roles.length === 0) return 0;
  if ((await getSetting<boolean>(platform.database.db, 'demo_seeded')) !== true) return 0;
  const db = accountsDb(platform.database.db);
  const rows = await db
    .selectFrom('accounts')
    .innerJoin('account_roles', 'account_roles.account_id', 'accounts.id')
    .select('accounts.id')
    .distinct()
    .where('accounts.kind', '=', 'staff')
    .where('accounts.username', 'like', 'demo.%')
    .where('accounts.totp_secret', 'is', null)
    .where('accounts.totp_enabled', '=', false)
    .where('account_roles.role', 'in', [...roles])
    .execute();
  for (const r of rows) await presetDemoTotp(platform, db, r.id, roles);
  return rows.length;
}

/** Idempotent: accounts that exist are left as they are. Staff are skipped when no agency exists yet. */
export async function seedDemoAccounts(platform: Platform): Promise<void> {
  const db = accountsDb(platform.database.db);
  const ward = await agencyByCodeOrKind(platform.database.db, WARD_CODE, 'commune_committee');
  const centre = (await agencyByCodeOrKind(platform.database.db, CENTRE_CODE, 'service_centre')) ?? ward;
  const found = await findAgencyByCode(platform.database.db, JUSTICE_CODE);
  const justice = found && { id: found.id, code: found.code, name: found.name };
  const ward2 = await agencyByCodeOrKind(platform.database.db, SECOND_WARD_CODE, 'commune_committee');
  const edu = await findAgencyByCode(platform.database.db, EDUCATION_CODE);
  const education = edu ? { id: edu.id, code: edu.code, name: edu.name } : centre;
  const byCode = async (code: string): Promise<AgencyOption | undefined> => {
    const a = await findAgencyByCode(platform.database.db, code);
    return a ? { id: a.id, code: a.code, name: a.name } : centre;
  };
  const science = await byCode(SCIENCE_CODE);
  const home = await byCode(HOME_CODE);
  const construction = await byCode(CONSTRUCTION_CODE);
  const police = await byCode(POLICE_CODE);
  const agencies: Record<DemoAgency, AgencyOption | undefined> = { ward, centre, justice, ward2, education, science, home, construction, police };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) {
    const agency = a.agency ? agencies[a.agency] : undefined;
    if (a.kind === 'staff' && !agency) continue;
    if (await accountsRepo.findByIdentifier(db, a.username, null, null)) continue;
    await platform.database.db.transaction().execute(async (trx) => {
      const id = await accountsRepo.insert(
        accountsDb(trx),
        {
          kind: a.kind,
          username: a.username,
          email: a.email ?? null,
          phone: a.phone ?? null,
          personal_id: a.personalId ?? null,
          full_name: a.fullName,
          password_hash: passwordHash,
          agency_id: agency?.id ?? null,
          // Demo accounts can do everything at once: their contacts count as proven.
          phone_verified_at: a.phone ? new Date() : null,
          email_verified_at: a.email ? new Date() : null,
        },
        a.roles,
      );
      if (a.kind === 'staff') await presetDemoTotp(platform, accountsDb(trx), id, a.roles);
      await recordAudit(trx, {
        actor: { id: null, label: 'seed' },
        action: 'account.create',
        entity: 'account',
        entityId: id,
        agencyId: agency?.id ?? null,
        data: { after: { username: a.username, kind: a.kind, roles: a.roles, agency_id: agency?.id ?? null }, demo: true },
      });
    });
  }
  await seedDemoDesks(platform, passwordHash);
}

/** Every receiving agency's three desks (demo-desks.ts), in one transaction; existing usernames are left as they are. */
async function seedDemoDesks(platform: Platform, passwordHash: string): Promise<void> {
  const desks = demoDesks(await listAgencies(platform.database.db));
  const db = accountsDb(platform.database.db);
  const missing: DemoDesk[] = [];
  for (const d of desks) if (!(await accountsRepo.findByIdentifier(db, d.username, null, null))) missing.push(d);
  if (missing.length === 0) return;
  await platform.database.db.transaction().execute(async (trx) => {
    for (const d of missing) {
      const id = await accountsRepo.insert(
        accountsDb(trx),
        { kind: 'staff', username: d.username, email: null, phone: null, personal_id: null, full_name: d.fullName, password_hash: passwordHash, agency_id: d.agency.id },
        [d.role],
      );
      await presetDemoTotp(platform, accountsDb(trx), id, [d.role]);
      await recordAudit(trx, {
        actor: { id: null, label: 'seed' },
        action: 'account.create',
        entity: 'account',
        entityId: id,
        agencyId: d.agency.id,
        data: { after: { username: d.username, kind: 'staff', roles: [d.role], agency_id: d.agency.id }, demo: true },
      });
    }
  });
}
