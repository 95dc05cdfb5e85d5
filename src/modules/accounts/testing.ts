// Test fixtures of the accounts module: agencies (from the units module's reference seed, which testApp loads),
// staff accounts, a citizen's registration form.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { Role } from '../../platform/auth/roles.ts';
import type { TestClient } from '../../testing/app.ts';
import { findAgencyByCode } from '../units/index.ts';
import { createStaffAccount } from './admin.ts';

export const TEST_PASSWORD = 'Matkhau2025';

export const AGENCY = {
  hoanKiem: { code: '000.04.51.H26', name: 'Ủy ban nhân dân phường Hoàn Kiếm' },
  cuaNam: { code: '000.05.51.H26', name: 'Ủy ban nhân dân phường Cửa Nam' },
  centre: { code: '000.00.20.H26', name: 'Trung tâm Phục vụ hành chính công thành phố Hà Nội' },
} as const;

export async function agencyId(db: Kysely<PlatformTables>, code: string = AGENCY.hoanKiem.code): Promise<number> {
  const a = await findAgencyByCode(db, code);
  if (!a) throw new Error(`agency ${code} is not in the reference seed`);
  return a.id;
}

export async function makeStaff(
  db: Kysely<PlatformTables>,
  username: string,
  roles: Role[],
  opts: { agencyId?: number; email?: string; password?: string } = {},
): Promise<number> {
  const agency = opts.agencyId ?? (await agencyId(db));
  return createStaffAccount(
    db,
    { username, full_name: `Cán bộ ${username}`, email: opts.email ?? '', phone: '', agency_id: agency, roles, password: opts.password ?? TEST_PASSWORD },
    { id: null, label: 'test' },
  );
}

export async function signInWithForm(client: TestClient, identifier: string, password = TEST_PASSWORD) {
  return client.submit('/dang-nhap', { identifier, password });
}

export const citizen = (over: Record<string, string> = {}): Record<string, string> => ({
  full_name: 'Nguyễn Thị Hoa',
  personal_id: '001190012345',
  phone: '0983 123 456',
  email: 'hoa@example.vn',
  password: TEST_PASSWORD,
  password_confirm: TEST_PASSWORD,
  ...over,
});
