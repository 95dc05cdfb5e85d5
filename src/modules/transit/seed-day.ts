// A priced demo service day (demo seed only): the last service day that is over (yesterday, Vietnam time, after
// 04:00) with a morning and an evening peak of taps by the demo rider and four demo passengers on buses, the BRT and
// both metro lines: paid trips, a monthly pass, a senior's free travel and the Ring Road 1 free zone. The taps go
// through the validators' signed ingest and the day through the nightly pricing, so the dashboards, the clearing
// page and the riders' trips show what the real path produces. Deterministic: fixed tap ids, times and cards.
import type { SessionUser } from '../../platform/auth/roles.ts';
import { vietnamDateOf } from '../../platform/calendar/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { findCitizenIdByUsername } from '../accounts/index.ts';
import { validatorSecret } from './network/index.ts';
import { passProducts } from './pages/passes.ts';
import { buyPass, findAccountOfCitizen, grantConcession, openAccount, registerMedium, topUp } from './riders/index.ts';
import { transitSystemActor } from './system.ts';
import { ingestTaps, priceServiceDay, signBatch, type TapInput } from './taps/index.ts';

type Ride = [validator: string, on: string, onStop: string | undefined, off: string, offStop: string | undefined, offValidator?: string];

interface Passenger {
  username: string;
  card: string;
  topUp: number;
  setup?: 'senior' | 'monthly-pass';
  rides: Ride[];
}

/** Bus taps name their stop; a metro gate is its station. Times are HH:MM Vietnam time on the day. */
export const DEMO_PASSENGERS: readonly Passenger[] = [
  // The demo rider: bus 09A inside Ring Road 1, both ways: free (the free zone), so the balance stays as topped up.
  { username: 'demo.congdan', card: '04A1B2C3D4E5F6', topUp: 0, rides: [['V-09A-1', '07:40', 'BUS-0001', '07:52', 'BUS-0004'], ['V-09A-2', '17:40', 'BUS-0004', '17:50', 'BUS-0001']] },
  {
    username: 'demo.hanhkhach1', card: '04B10000000010', topUp: 200_000,
    rides: [['V-34-1', '07:05', 'BUS-0016', '07:35', 'BUS-0024'], ['G-2A-01-1', '07:50', undefined, '08:12', undefined, 'G-2A-09-1'], ['G-2A-09-2', '17:30', undefined, '17:52', undefined, 'G-2A-01-2'], ['V-34-2', '18:05', 'BUS-0024', '18:35', 'BUS-0016']],
  },
  {
    username: 'demo.hanhkhach2', card: '04B10000000020', topUp: 50_000, setup: 'senior',
    rides: [['V-32-1', '09:10', 'BUS-0018', '09:40', 'BUS-0015'], ['G-31-01-1', '10:00', undefined, '10:20', undefined, 'G-31-08-1'], ['G-31-08-2', '15:00', undefined, '15:12', undefined, 'G-31-03-1']],
  },
  {
    username: 'demo.hanhkhach3', card: '04B10000000030', topUp: 400_000, setup: 'monthly-pass',
    rides: [['V-01-1', '06:45', 'BUS-0022', '07:30', 'BUS-0002'], ['V-18-1', '07:35', 'BUS-0002', '07:50', 'BUS-0006'], ['V-BRT01-1', '17:15', 'BUS-0011', '18:00', 'BUS-0027'], ['G-2A-01-2', '18:20', undefined, '18:31', undefined, 'G-2A-04-1']],
  },
  {
    username: 'demo.hanhkhach4', card: '04B10000000040', topUp: 150_000,
    rides: [['V-BRT01-2', '08:00', 'BUS-0011', '08:30', 'BUS-0025'], ['G-2A-03-1', '12:10', undefined, '12:20', undefined, 'G-2A-06-1'], ['V-90-1', '19:00', 'BUS-0011', '19:50', 'BUS-0032']],
  },
];

/** The last service day that is over at `now`: the service day runs 04:00→03:59 Vietnam time. */
export function lastServiceDay(now: Date): string {
  const current = vietnamDateOf(new Date(now.getTime() - 4 * 3_600_000));
  return new Date(Date.parse(`${current}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

async function accountOf(platform: Platform, p: Passenger, day: string): Promise<number | undefined> {
  const id = await findCitizenIdByUsername(platform.database.db, p.username);
  if (id === undefined) return undefined;
  const me: SessionUser = { id, username: p.username, displayName: p.username, kind: 'citizen', roles: [], agencyId: null, agencyName: null };
  const existing = await findAccountOfCitizen(platform, me, id);
  if (existing) return existing.id;
  const account = await openAccount(platform, me, id);
  await registerMedium(platform, me, account.id, { kind: 'operator_card', key: p.card });
  await topUp(platform, me, { accountId: account.id, amount: p.topUp, reference: 'demo seed' });
  if (p.setup === 'senior') {
    await grantConcession(platform, await transitSystemActor(platform), account.id, { category: 'senior_60', source: 'officer_check', expiresAt: `${Number(day.slice(0, 4)) + 5}${day.slice(4)}` }, { today: day });
  }
  if (p.setup === 'monthly-pass') {
    const pass = passProducts().find((x) => x.id === 'bus-month-all-regular');
    const start = `${day.slice(0, 7)}-01`;
    const end = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).toISOString().slice(0, 10);
    if (pass) await buyPass(platform, me, { accountId: account.id, productId: pass.id, price: pass.amount, validFrom: start, validTo: end });
  }
  return account.id;
}

/** Opens the passengers' accounts (the demo rider's exists already), sends their taps and prices the day. */
export async function seedDemoDay(platform: Platform, now = new Date()): Promise<{ day: string; taps: number }> {
  const day = lastServiceDay(now);
  const byValidator = new Map<string, TapInput[]>();
  let n = 0;
  const add = (validator: string, card: string, hhmm: string, direction: 'on' | 'off', stopId: string | undefined) => {
    const list = byValidator.get(validator) ?? [];
    list.push({ id: `demo-${day}-${++n}`, mediumKind: 'operator_card', mediumKey: card, at: `${day}T${hhmm}:00+07:00`, direction, ...(stopId ? { stopId } : {}), decision: 'admit' });
    byValidator.set(validator, list);
  };
  for (const p of DEMO_PASSENGERS) {
    if ((await accountOf(platform, p, day)) === undefined) continue;
    for (const [validator, on, onStop, off, offStop, offValidator] of p.rides) {
      add(validator, p.card, on, 'on', onStop);
      add(offValidator ?? validator, p.card, off, 'off', offStop);
    }
  }
  const sentAt = now.toISOString();
  for (const [validatorId, taps] of byValidator) {
    const secret = await validatorSecret(platform.database.db, platform.secrets, validatorId);
    const batch = { validatorId, sentAt, taps };
    await ingestTaps(platform, { ...batch, signature: signBatch(secret, batch) }, { now });
  }
  await priceServiceDay(platform, await transitSystemActor(platform), day, { now });
  return { day, taps: n };
}
