// The traffic simulator behind `egov transit simulate`: N validators against a real broker and a centre with an
// in-memory sink, replaying Hà Nội-shaped traffic (peaks 6–8 and 16–19, TRANSPORT.md §1: ~1.5 M bus trips a day,
// tap on and off) with offline stretches, batches sent twice and taps out of order. It reports what was made,
// acknowledged and stored, and the offline decision times.
import { randomBytes } from 'node:crypto';
import { quantile } from './cache.ts';
import { connectCentre, type ListSource, type TapSink } from './centre.ts';
import { memoryLists, memorySink } from './memory.ts';
import type { ListEntry } from './protocol.ts';
import { Validator } from './validator.ts';
import { seededRandom } from '../../../platform/seeded-random.ts';

export interface SimulationOptions {
  url: string;
  validators: number;
  minutes: number;
  /** Share of validator-minutes spent offline (0..1). */
  offlineShare: number;
  /** Share of batches published twice (0..1). */
  duplicates: number;
  /** Simulated clock start, hour of the day (default 6: the morning peak). */
  startHour?: number;
  /** Real milliseconds per simulated minute (default 100). */
  msPerMinute?: number;
  seed?: number;
  /** How long to wait at the end for every tap to be acknowledged (default 30 s). */
  drainMs?: number;
  /**
   * Registered validators with their real secrets and the stops a vehicle may tap at (gates tap at their station),
   * with the app's tap ingest as the sink and its lists: the simulation then stores into that database. Without it,
   * made-up validators, an in-memory sink and lists.
   */
  registered?: { fleet: SimulatedValidator[]; sink: TapSink; lists: ListSource; centreClientId?: string };
}

export interface SimulatedValidator {
  id: string;
  secret: string;
  routeId?: string;
  /** Stops of the route, one picked per tap; empty for a metro gate. */
  stopIds: string[];
}

export interface SimulationReport {
  tapsMade: number;
  published: number;
  acked: number;
  stored: number;
  duplicatesDropped: number;
  unacknowledged: number;
  /** Taps the centre refused for good (parked by their validators). */
  refused: number;
  denied: number;
  free: number;
  offlineMinutes: number;
  decisionP50Ms: number;
  decisionP99Ms: number;
}

/** Taps per validator per minute by hour of day: peaks 6–8 and 16–19, quiet at night (shape, not measured data). */
export function tapsPerMinute(hour: number): number {
  if ((hour >= 6 && hour < 8) || (hour >= 16 && hour < 19)) return 4;
  if (hour >= 5 && hour < 22) return 1.5;
  return 0.1;
}


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MEDIA = 5000;
const medium = (n: number): ListEntry => ({ kind: n % 5 === 0 ? 'bank_card' : 'operator_card', key: `sim-${n}` });

export async function simulateTraffic(o: SimulationOptions): Promise<SimulationReport> {
  const random = seededRandom(o.seed ?? 15);
  const msPerMinute = o.msPerMinute ?? 100;
  const lists = memoryLists({
    deny: Array.from({ length: 25 }, (_, i) => medium(i * 7)),
    allow: Array.from({ length: 200 }, (_, i) => ({ ...medium(1000 + i), category: i % 2 ? 'senior' : 'disability' })),
  });
  const secrets = new Map<string, string>();
  const memory = memorySink((id) => secrets.get(id) ?? '');
  // What reached the store, counted the same way for the in-memory sink and the app's ingest.
  const storedIds = new Set<string>();
  let received = 0;
  const inner: TapSink = o.registered?.sink ?? memory;
  const sink: TapSink = async (batch) => {
    await inner(batch);
    received += batch.taps.length;
    for (const t of batch.taps) storedIds.add(t.id);
  };
  const centre = await connectCentre({ url: o.url, sink, lists: o.registered?.lists ?? lists, fares: { version: 'sim', summary: {} }, ...(o.registered?.centreClientId ? { clientId: o.registered.centreClientId } : {}) });
  const stopsOf = new Map<Validator, string[]>();
  const validators: Validator[] = [];
  const offlineUntil = new Map<Validator, number>();
  let offlineMinutes = 0;
  let free = 0;
  let denied = 0;
  try {
    const fleet: SimulatedValidator[] = o.registered?.fleet.slice(0, o.validators) ?? Array.from({ length: o.validators }, (_, i) => {
      const id = `V-SIM${String(1 + (i % 40)).padStart(2, '0')}-${1 + Math.floor(i / 40)}`;
      return { id, secret: randomBytes(32).toString('base64url'), routeId: id.split('-')[1] ?? '', stopIds: [] };
    });
    for (const f of fleet) {
      secrets.set(f.id, f.secret);
      const v = new Validator({ id: f.id, secret: f.secret, url: o.url, ...(f.routeId ? { routeId: f.routeId } : {}), flushMs: 250, resendMs: 3000, reconnectMs: 300, chaos: { duplicateShare: o.duplicates, reorder: true, random } });
      await v.connect();
      validators.push(v);
      stopsOf.set(v, f.stopIds);
    }
    // A registered database may have empty lists (version 0): wait for the fares, which the centre always publishes.
    await Promise.all(validators.map((v) => v.until(() => v.cache.fares !== null && (o.registered !== undefined || v.cache.version('deny') > 0), 5000)));
    // Stretches of 3–10 minutes; the chance to start one keeps the offline share near the one asked.
    const startChance = o.offlineShare > 0 ? Math.min(1, o.offlineShare / (6.5 * (1 - Math.min(o.offlineShare, 0.9)))) : 0;
    const day = new Date();
    day.setHours(o.startHour ?? 6, 0, 0, 0);
    for (let minute = 0; minute < o.minutes; minute++) {
      const now = new Date(day.getTime() + minute * 60_000);
      if (minute === Math.floor(o.minutes / 2)) {
        lists.change('deny', [medium(4999)]);
        await centre.publishLists();
      }
      for (const v of validators) {
        const until = offlineUntil.get(v);
        if (until !== undefined && minute >= until) {
          offlineUntil.delete(v);
          void v.connect().catch(() => undefined);
        } else if (until === undefined && random() < startChance) {
          offlineUntil.set(v, minute + 3 + Math.floor(random() * 8));
          await v.disconnect();
        }
        if (offlineUntil.has(v)) offlineMinutes++;
        const rate = tapsPerMinute(now.getHours());
        const count = Math.floor(rate) + (random() < rate % 1 ? 1 : 0);
        const stops = stopsOf.get(v) ?? [];
        for (let k = 0; k < count; k++) {
          const stopId = stops.length > 0 ? stops[Math.floor(random() * stops.length)] : undefined;
          const made = v.tap(medium(Math.floor(random() * MEDIA)), { at: new Date(now.getTime() + random() * 60_000), direction: random() < 0.5 ? 'on' : 'off', ...(stopId ? { stopId } : {}) });
          if (made.decision === 'admit_free') free++;
          if (made.decision === 'deny') denied++;
        }
      }
      await sleep(msPerMinute);
    }
    for (const v of offlineUntil.keys()) await v.connect().catch(() => undefined);
    await Promise.allSettled(validators.map((v) => v.drained(o.drainMs ?? 30_000)));
    const decisions = validators.flatMap((v) => v.decisionMs);
    return {
      tapsMade: decisions.length,
      published: validators.reduce((n, v) => n + v.published, 0),
      acked: validators.reduce((n, v) => n + v.acked, 0),
      stored: storedIds.size,
      duplicatesDropped: received - storedIds.size,
      unacknowledged: validators.reduce((n, v) => n + v.outbox.size(), 0),
      refused: validators.reduce((n, v) => n + v.parked.length, 0),
      denied,
      free,
      offlineMinutes,
      decisionP50Ms: quantile(decisions, 0.5),
      decisionP99Ms: quantile(decisions, 0.99),
    };
  } finally {
    for (const v of validators) await v.disconnect();
    await centre.close();
  }
}
