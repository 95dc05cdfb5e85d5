// Taps into legs: duplicates dropped by tap id (a validator may upload a tap twice), taps sorted by time (an
// offline validator replays late and out of order), deny-listed taps refused, then each medium's tap-on paired
// with its next tap-off on the same network (and route, on the bus). TRANSPORT.md §2.
import type { Account, Tap } from './types.ts';

export interface Leg {
  on?: Tap & { ms: number };
  off?: Tap & { ms: number };
  mediumId: string;
  networkId: string;
  routeId?: string;
  startMs: number;
}

type TimedTap = Tap & { ms: number };

function denied(account: Account, tap: TimedTap): boolean {
  return (account.deniedMedia ?? []).some(
    (d) => d.mediumId === tap.mediumId && Date.parse(d.from) <= tap.ms && (d.until === undefined || tap.ms < Date.parse(d.until)),
  );
}

export function buildLegs(account: Account, taps: readonly Tap[]): { legs: Leg[]; refused: TimedTap[] } {
  const seen = new Set<string>();
  const unique: TimedTap[] = [];
  for (const t of taps) {
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    unique.push({ ...t, ms: Date.parse(t.at) });
  }
  unique.sort((a, b) => a.ms - b.ms || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const refused = unique.filter((t) => denied(account, t));
  const admitted = unique.filter((t) => !denied(account, t));
  const legs: Leg[] = [];
  const byMedium = new Map<string, TimedTap[]>();
  for (const t of admitted) byMedium.set(t.mediumId, [...(byMedium.get(t.mediumId) ?? []), t]);
  for (const [mediumId, list] of byMedium) {
    for (let i = 0; i < list.length; i++) {
      const t = list[i] as TimedTap;
      const base = { mediumId, networkId: t.networkId, routeId: t.routeId, startMs: t.ms };
      if (t.direction === 'off') {
        legs.push({ ...base, off: t });
        continue;
      }
      const next = list[i + 1];
      const pairs = next !== undefined && next.direction === 'off' && next.networkId === t.networkId && (t.routeId === undefined || next.routeId === undefined || next.routeId === t.routeId);
      if (pairs) {
        legs.push({ ...base, on: t, off: next });
        i++;
      } else legs.push({ ...base, on: t });
    }
  }
  legs.sort((a, b) => a.startMs - b.startMs);
  return { legs, refused };
}
