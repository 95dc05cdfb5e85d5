// A simulated intersection controller (for tests, the demo and `egov signals simulate`): runs its fixed-time plan on
// the shared clock, reports its status every second, logs the high-resolution events of its phases and of detector
// actuations (random arrivals), and takes plans from the centre: a plan that fails the consistency check is refused
// with the check's problems, a good one is applied at once (the offset keeps it on the common cycle) and acknowledged.
// Faults for tests: `neverAck` applies a plan without confirming it; `flash` reports flashing with an alarm.
import mqtt from 'mqtt';
import type { MemoryBus, SignalLinkClient } from './bus.ts';
import { seededRandom } from '../../../platform/seeded-random.ts';
import { checkPlan } from '../plan/check.ts';
import { type Mode, PATTERN_FLASH, PATTERN_FREE, type TimingPlan } from '../plan/types.ts';
import { type AckMessage, controllerClientId, type EventsMessage, type PlanMessage, parseSignalPayload, signalTopics, type StatusMessage } from './protocol.ts';
import { EVENT_CODES, stateAt } from './timing.ts';

export interface ControllerOptions {
  id: string;
  url: string;
  plan: TimingPlan;
  mode?: Mode;
  statusMs?: number;
  /** Vehicles per hour arriving on each phase's advance detector (channel = phase), for the event log. */
  arrivalsPerHour?: number;
  seed?: number;
  neverAck?: boolean;
  flash?: boolean;
  /** The clock; tests may shift it. */
  now?: () => number;
  /** The in-process bus instead of a broker; `url` is then only a name. */
  bus?: MemoryBus;
  /** false: no timer of its own; whoever runs many controllers calls tick() every second for all (the app's demo). */
  ownTimer?: boolean;
}

export class SimulatedController {
  readonly id: string;
  plan: TimingPlan;
  planVersion = 0;
  mode: Mode;
  statusesSent = 0;
  readonly applied: number[] = [];
  private client: SignalLinkClient | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastTick = 0;
  private pending: [number, number, number][] = [];
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(private readonly options: ControllerOptions) {
    this.id = options.id;
    this.plan = options.plan;
    this.mode = options.mode ?? 'fixed';
    this.random = seededRandom(options.seed ?? [...options.id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7));
    this.now = options.now ?? Date.now;
  }

  async connect(): Promise<void> {
    const offline: StatusMessage = { ...this.status(), online: false };
    const will = { topic: signalTopics.status(this.id), payload: Buffer.from(JSON.stringify(offline)) };
    const client: SignalLinkClient = this.options.bus
      ? this.options.bus.connect(will)
      : mqtt.connect(this.options.url, { clientId: controllerClientId(this.id), clean: false, reconnectPeriod: 1000, connectTimeout: 5000, will: { ...will, qos: 1, retain: true } });
    this.client = client;
    client.on('message', (_topic, payload) => this.receive(payload));
    client.on('error', () => undefined); // retried by reconnectPeriod
    client.on('connect', () => client.subscribe(signalTopics.plan(this.id), { qos: 1 }));
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      setTimeout(() => (client.connected ? resolve() : reject(new Error(`controller ${this.id}: no connection to ${this.options.url}`))), 6000).unref();
    });
    this.lastTick = Math.floor(this.now() / 1000) * 1000;
    if (this.options.ownTimer !== false) this.timer = setInterval(() => this.tick(), this.options.statusMs ?? 1000);
  }

  /** What the controller reports now. */
  status(): StatusMessage {
    const at = this.now();
    if (this.options.flash || this.mode === 'flash') return { id: this.id, at, online: true, mode: 'flash', pattern: PATTERN_FLASH, planVersion: this.planVersion, cycleSecond: 0, greens: 0, yellows: 0, reds: 0, alarms: this.options.flash ? ['conflict-flash'] : [] };
    const s = stateAt(this.plan, at);
    return { id: this.id, at, online: true, mode: this.mode, pattern: this.mode === 'free' ? PATTERN_FREE : this.plan.pattern.pattern, planVersion: this.planVersion, cycleSecond: Math.floor(s.cycleSecond), greens: s.greens, yellows: s.yellows, reds: s.reds, alarms: [] };
  }

  /** One second of the controller: the events since the last tick, then the status. */
  tick(): void {
    // Events are logged second by second: up to the last whole second passed.
    const to = Math.floor(this.now() / 1000) * 1000;
    if (to > this.lastTick) {
      this.logEvents(this.lastTick, to);
      this.lastTick = to;
    }
    const client = this.client;
    if (!client?.connected) return;
    client.publish(signalTopics.status(this.id), JSON.stringify(this.status()), { qos: 0 });
    this.statusesSent++;
    if (this.pending.length > 0) {
      const batch: EventsMessage = { id: this.id, events: this.pending };
      this.pending = [];
      client.publish(signalTopics.events(this.id), JSON.stringify(batch), { qos: 1 });
    }
  }

  /** Phase changes and detector actuations between two instants, second by second. */
  private logEvents(from: number, to: number): void {
    if (this.options.flash || this.mode === 'flash' || to - from > 120_000) return;
    const perSecond = (this.options.arrivalsPerHour ?? 600) / 3600;
    let before = stateAt(this.plan, from);
    for (let t = from + 1000; t <= to; t += 1000) {
      const now = stateAt(this.plan, t);
      for (const r of now.rings) {
        const was = before.rings.find((x) => x.phase === r.phase);
        if (!was || was.interval !== r.interval) this.pending.push([t, EVENT_CODES[r.interval], r.phase]);
      }
      for (const r of now.rings) {
        if (this.random() < perSecond) this.pending.push([t, 82, r.phase], [t + 300, 81, r.phase]);
      }
      before = now;
    }
  }

  private receive(payload: Buffer): void {
    const msg = parseSignalPayload<PlanMessage>(payload);
    if (!msg || typeof msg.version !== 'number' || !msg.plan) return;
    const problems = checkPlan(msg.plan);
    const ack: AckMessage = problems.length > 0 ? { id: this.id, version: msg.version, ok: false, problems } : { id: this.id, version: msg.version, ok: true };
    if (problems.length === 0) {
      this.plan = msg.plan;
      this.mode = msg.mode;
      this.planVersion = msg.version;
      this.applied.push(msg.version);
    }
    if (!this.options.neverAck) this.client?.publish(signalTopics.ack(this.id), JSON.stringify(ack), { qos: 1 });
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const c = this.client;
    this.client = null;
    if (c) await c.endAsync();
  }
}
