// Demo configuration of the back office: permanent residence registration (1.004222) follows the liên thông workflow,
// as the residence, police and justice offices each have a say in it, so the demo shows a consultation. Idempotent.
import type { Platform } from '../../../platform/http/context.ts';
import type { SessionUser } from '../../../platform/auth/roles.ts';
import { vietnamDateOf } from '../../../platform/calendar/index.ts';
import { findStaffWithRole } from '../../accounts/index.ts';
import { getProcedure, publishServiceConfig } from '../../procedures/index.ts';
import { findAgencyByCode } from '../../units/index.ts';
import { SERVICE_CENTRE_CODE } from '../../dossiers/index.ts';

export const DEMO_LIEN_THONG = ['1.004222'];

export async function configureDemoServices(platform: Platform): Promise<void> {
  const db = platform.database.db;
  const centre = await findAgencyByCode(db, SERVICE_CENTRE_CODE);
  const admin = centre ? (await findStaffWithRole(db, centre.id, 'admin'))[0] : undefined;
  if (!admin || !centre) return;
  const actor: SessionUser = { id: admin.id, username: 'demo-seed', displayName: admin.fullName, kind: 'staff', roles: ['admin'], agencyId: centre.id, agencyName: centre.name };
  const today = vietnamDateOf(new Date());
  for (const code of DEMO_LIEN_THONG) {
    const p = await getProcedure(db, code).catch(() => undefined);
    if (!p || p.workflowRef === 'lien-thong') continue;
    await publishServiceConfig(db, actor, code, { workflowRef: 'lien-thong', onlineLevel: 'full', effectiveFrom: p.effectiveFrom > today ? p.effectiveFrom : today });
  }
}
