// The transit centre acting on its own (TRANSPORT.md §2: lists published to the validators, each service day priced
// at night, declined charges retried): a staff account holding transit_officer that nobody signs in to (its password
// is random and never shown), made on first use so the ledger's and lists' created_by point at a real account.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { Role, type SessionUser } from '../../platform/auth/roles.ts';
import type { Platform } from '../../platform/http/context.ts';
import { createStaffAccount, findAgencyIdByCode } from '../accounts/index.ts';

export const SYSTEM_USERNAME = 'hethong.vedientu';
const SYSTEM_NAME = 'Hệ thống vé điện tử';
/** The city's transport department (Sở Giao thông vận tải), where the transit centre sits. */
const CITY = '000.00.00.H26';

async function accountId(platform: Platform): Promise<number | undefined> {
  const r = await sql<{ id: string | number }>`select id from accounts where username = ${SYSTEM_USERNAME} and kind = 'staff'`.execute(platform.database.db);
  return r.rows[0] ? Number(r.rows[0].id) : undefined;
}

let cached: { platform: Platform; user: SessionUser } | null = null;

export async function transitSystemActor(platform: Platform): Promise<SessionUser> {
  if (cached?.platform === platform) return cached.user;
  const agencyId = (await findAgencyIdByCode(platform.database.db, CITY)) ?? null;
  let id = await accountId(platform);
  if (id === undefined) {
    const password = `${randomBytes(24).toString('base64url')}Aa1`;
    id = await createStaffAccount(
      platform.database.db,
      { username: SYSTEM_USERNAME, full_name: SYSTEM_NAME, email: `${SYSTEM_USERNAME}@${platform.config.officialMailDomain}`, phone: '', agency_id: agencyId, roles: [Role.transitOfficer], password },
      { id: null, label: 'egov' },
    );
  }
  const user: SessionUser = { id, username: SYSTEM_USERNAME, displayName: SYSTEM_NAME, kind: 'staff', roles: [Role.transitOfficer], agencyId, agencyName: null };
  cached = { platform, user };
  return user;
}
