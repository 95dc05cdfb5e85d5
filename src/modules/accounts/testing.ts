// Test fixtures of the accounts module: agencies (from the units module's reference seed, which testApp loads),
// staff accounts, a citizen's registration form, and a registration carried through its one-time code.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { Role } from '../../platform/auth/roles.ts';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import type { TestApp, TestClient } from '../../testing/app.ts';
import { smsNumber } from '../../platform/notify/sms.ts';
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

/** The latest 6-digit code sent to a phone number (SMS outbox) or an e-mail address (mail outbox), as its owner reads it. */
export async function lastCodeSentTo(db: Kysely<PlatformTables>, to: string): Promise<string> {
  const phone = smsNumber(to);
  const r = phone
    ? await sql<{ body: string }>`select body from outbox_sms where to_phone = ${phone} order by id desc limit 1`.execute(db)
    : await sql<{ body: string }>`select body_text as body from outbox_mail where to_address = ${to.trim().toLowerCase()} order by id desc limit 1`.execute(db);
  const code = /\b(\d{6})\b/.exec(r.rows[0]?.body ?? '')?.[1];
  if (!code) throw new Error(`no code was sent to ${to}`);
  return code;
}

/**
 * Registers through the pages with consent, reads the code where it was sent (the mobile number, else the e-mail) and
 * types it back; the answer of the code page (303 to /tai-khoan on success), or the form's answer if it was refused.
 */
export async function registerWithCode(app: TestApp, client: TestClient, fields: Record<string, string>): Promise<LightMyRequestResponse> {
  const res = await client.submit('/dang-ky', { consent: '1', ...fields });
  if (res.statusCode !== 303) return res;
  const to = fields.phone && smsNumber(fields.phone) ? fields.phone : (fields.email ?? '');
  return client.submit('/dang-ky/xac-minh', { code: await lastCodeSentTo(app.database.db, to) });
}

/** The demo's accounts, and every receiving agency's three desks (demo seed only), without the rest of the demo. */
export { seedDemoAccounts } from './demo.ts';

/** Marks the account's e-mail address proven, as the contact verification page does once its code is typed back. */
export async function proveEmail(db: Kysely<PlatformTables>, accountId: number): Promise<void> {
  await sql`update accounts set email_verified_at = now() where id = ${accountId} and email is not null`.execute(db);
}
