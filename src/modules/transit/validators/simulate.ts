// The traffic simulator behind `egov transit simulate`: N validators against a real broker and a centre with an
// in-memory sink, replaying Hà Nội-shaped traffic (peaks 6–8 and 16–19, TRANSPORT.md §1: ~1.5 M bus trips a day,
// tap on and off) with offline stretches, batches sent twice and taps out of order. It reports what was made,
// acknowledged and stored, and the offline decision times.
import { randomBytes } from 'node:crypto';
import { quantile } from './cache.ts';
import { connectCentre } from './centre.ts';
import { memoryLists, memorySink } from './memory.ts';
import type { ListEntry } from './protocol.ts';
import { Validator } from './validator.ts';

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
}

export interface SimulationReport {
  tapsMade: number;
  published: number;
  acked: number;
  stored: number;
  duplicatesDropped: number;
  unacknowledged: number;
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

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MEDIA = 5000;
const medium = (n: number): ListEntry => ({ kind: n % 5 === 0 ? 'bank_card' : 'operator_card', key: `sim-${n}` });

export async function simulateTraffic(o: SimulationOptions): Promise<SimulationReport> {
  const random = seeded(o.seed ?? 15);
  const msPerMinute = o.msPerMinute ?? 100;
  const lists = memoryLists({
    deny: Array.from({ length: 25 }, (_, i) => medium(i * 7)),
    allow: Array.from({ length: 200 }, (_, i) => ({ ...medium(1000 + i), category: i % 2 ? 'senior' : 'disability' })),
  });
  const secrets = new Map<string, string>();
  const sink = memorySink((id) => secrets.get(id) ?? '');
  const centre = await connectCentre({ url: o.url, sink, lists, fares: { version: 'sim', summary: {} } });
  const validators: Validator[] = [];
  const offlineUntil = new Map<Validator, number>();
  let offlineMinutes = 0;
  let free = 0;
  try {
    for (let i = 0; i < o.validators; i++) {
      const id = `V-SIM${String(1 + (i % 40)).padStart(2, '0')}-${1 + Math.floor(i / 40)}`;
      secrets.set(id, randomBytes(32).toString('base64url'));
      const v = new Validator({ id, secret: secrets.get(id) ?? '', url: o.url, routeId: id.split('-')[1], flushMs: 250, resendMs: 3000, reconnectMs: 300, chaos: { duplicateShare: o.duplicates, reorder: true, random } });
      await v.connect();
      validators.push(v);
    }
    await Promise.all(validators.map((v) => v.until(() => v.cache.version('deny') > 0, 5000)));
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
        for (let k = 0; k < count; k++) if (v.tap(medium(Math.floor(random() * MEDIA)), { at: new Date(now.getTime() + random() * 60_000), direction: random() < 0.5 ? 'on' : 'off' }).decision === 'admit_free') free++;
      }
      await sleep(msPerMinute);
    }
    for (const v of offlineUntil.keys()) await v.connect().catch(() => undefined);
    await Promise.allSettled(validators.map((v) => v.drained(o.drainMs ?? 30_000)));
    const decisions = validators.flatMap((v) => v.decisionMs);
    const all = [...sink.taps.values()];
    return {
      tapsMade: decisions.length,
      published: validators.reduce((n, v) => n + v.published, 0),
      acked: validators.reduce((n, v) => n + v.acked, 0),
      stored: sink.taps.size,
      duplicatesDropped: sink.received - sink.taps.size,
      unacknowledged: validators.reduce((n, v) => n + v.outbox.size(), 0),
      denied: all.filter((t) => t.decision === 'deny').length,
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
