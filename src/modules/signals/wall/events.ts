// The wall's event store (issue 16): the controllers' high-resolution events as they arrive from the centre
// (runtime.onEvents), kept in memory for the last 30 minutes, one ring per controller. The measures (ATSPM) read it.
// Not a table: the wall and its charts show the recent past only, a restart refills them within the window, and at
// 600 controllers logging ~1.5 events a second a table would take ~900 rows a second for nothing the pages read
// later. Each ring is three typed arrays (time, code, parameter: 11 bytes an event), grown by doubling up to a cap,
// so 600 controllers hold ~1.6 million events in ~20 MB; the oldest go first when the window or the cap is passed.
import { EVENT, type SignalEvent as MeasureEvent } from '../measures/atspm.ts';
import type { SignalEvent } from '../runtime.ts';

export const WALL_WINDOW_MS = 30 * 60_000;
/** The most events kept per controller (~2 h of a busy four-phase controller: the window, not the cap, is the rule). */
export const WALL_MAX_EVENTS = 16_384;

class Ring {
  at = new Float64Array(256);
  code = new Uint8Array(256);
  param = new Uint16Array(256);
  head = 0;
  size = 0;

  constructor(private readonly max: number) {}

  private grow(): void {
    const n = this.at.length * 2;
    const at = new Float64Array(n);
    const code = new Uint8Array(n);
    const param = new Uint16Array(n);
    for (let i = 0; i < this.size; i++) {
      const k = (this.head + i) % this.at.length;
      at[i] = this.at[k]!;
      code[i] = this.code[k]!;
      param[i] = this.param[k]!;
    }
    this.at = at;
    this.code = code;
    this.param = param;
    this.head = 0;
  }

  push(at: number, code: number, param: number): void {
    if (this.size === this.at.length) {
      if (this.at.length < this.max) this.grow();
      else this.shift(); // full at the cap: the oldest goes
    }
    const k = (this.head + this.size) % this.at.length;
    this.at[k] = at;
    this.code[k] = code;
    this.param[k] = param;
    this.size++;
  }

  shift(): void {
    this.head = (this.head + 1) % this.at.length;
    this.size--;
  }

  oldest(): number {
    return this.at[this.head]!;
  }

  *entries(from: number): Generator<MeasureEvent> {
    for (let i = 0; i < this.size; i++) {
      const k = (this.head + i) % this.at.length;
      const at = this.at[k]!;
      if (at >= from) yield { at, code: this.code[k]!, param: this.param[k]! };
    }
  }
}

export class WallEventStore {
  private readonly rings = new Map<string, Ring>();

  constructor(
    readonly windowMs = WALL_WINDOW_MS,
    private readonly maxEvents = WALL_MAX_EVENTS,
    private readonly now: () => number = Date.now,
  ) {}

  /** A controller's batch: events with a bad shape are dropped, never thrown (they come off the network). */
  add(id: string, events: readonly SignalEvent[]): void {
    let ring = this.rings.get(id);
    if (!ring) this.rings.set(id, (ring = new Ring(this.maxEvents)));
    for (const e of events) {
      if (!Array.isArray(e)) continue;
      const [at, code, param] = e;
      if (!Number.isFinite(at) || !Number.isInteger(code) || code < 0 || code > 255 || !Number.isInteger(param) || param < 0 || param > 65535) continue;
      ring.push(at, code, param);
    }
    this.prune(ring);
  }

  private prune(ring: Ring): void {
    const from = this.now() - this.windowMs;
    while (ring.size > 0 && ring.oldest() < from) ring.shift();
  }

  /** A controller's events within the window, oldest first as they arrived. */
  events(id: string): MeasureEvent[] {
    const ring = this.rings.get(id);
    if (!ring) return [];
    this.prune(ring);
    return [...ring.entries(this.now() - this.windowMs)];
  }

  /** The phases whose greens the log holds, in order. */
  phases(id: string): number[] {
    const seen = new Set<number>();
    for (const e of this.events(id)) if (e.code === EVENT.PHASE_GREEN) seen.add(e.param);
    return [...seen].sort((a, b) => a - b);
  }

  /** Events held in all, and controllers with a log. */
  size(): { events: number; controllers: number } {
    let events = 0;
    for (const r of this.rings.values()) events += r.size;
    return { events, controllers: this.rings.size };
  }
}
