// The demo's transit data (demo seed only): the Hà Nội-shaped network and validators, and the demo citizen
// demo.congdan with an e-ticket account, an operator card and 100,000 đ on it; a priced day of demo trips
// (seed-day.ts). Idempotent.
import type { SessionUser } from '../../platform/auth/roles.ts';
import type { Platform } from '../../platform/http/context.ts';
import { findCitizenIdByUsername } from '../accounts/index.ts';
import { seedTransitNetwork } from './network/index.ts';
import { findAccountOfCitizen, openAccount, registerMedium, topUp } from './riders/index.ts';
import { seedDemoDay } from './seed-day.ts';

export const DEMO_RIDER = 'demo.congdan';
export const DEMO_CARD_UID = '04A1B2C3D4E5F6';
export const DEMO_TOP_UP = 100_000;

export async function seedTransitDemo(platform: Platform): Promise<void> {
  await seedTransitNetwork(platform.database.db, platform.secrets);
  const id = await findCitizenIdByUsername(platform.database.db, DEMO_RIDER);
  if (id === undefined) return;
  // The seed acts as the citizen would on their own pages.
  const citizen: SessionUser = { id, username: DEMO_RIDER, displayName: DEMO_RIDER, kind: 'citizen', roles: [], agencyId: null, agencyName: null };
  if (await findAccountOfCitizen(platform, citizen, id)) return;
  const account = await openAccount(platform, citizen, id);
  await registerMedium(platform, citizen, account.id, { kind: 'operator_card', key: DEMO_CARD_UID });
  await topUp(platform, citizen, { accountId: account.id, amount: DEMO_TOP_UP, reference: 'demo seed' });
  // Yesterday's priced trips of the demo rider and the demo passengers, once, when the demo rider's account is made.
  await seedDemoDay(platform);
}
