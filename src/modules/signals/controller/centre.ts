// The centre's side of the controllers' MQTT link (issue 16): the live state of every known controller from its
// status messages (and the lag between the controller's clock and arrival, which the monitoring wall reports), the
// event logs for the measures, and plan downloads with acknowledgement: a plan is checked before it is sent; the
// controller's ack confirms it; a refusal keeps the previous plan with the problems shown; and when no ack comes in
// time the centre rolls back, sending the last confirmed plan again. Status from a controller the registry does not
// know is counted and flagged, never shown as an intersection.
import mqtt from 'mqtt';
import type { MemoryBus, SignalLinkClient } from './bus.ts';
import { checkPlan, type PlanProblem } from '../plan/check.ts';
import type { Mode, TimingPlan } from '../plan/types.ts';
import { type AckMessage, controllerOfTopic, type EventsMessage, parseSignalPayload, SIGNAL_CENTRE_CLIENT_ID, signalTopics, type StatusMessage } from './protocol.ts';

export type PushOutcome =
  | { state: 'confirmed'; version: number }
  | { state: 'refused'; version: number; problems: PlanProblem[] }
  | { state: 'rolled-back'; version: number; restored: number | null }
  | { state: 'invalid'; problems: PlanProblem[] };

interface Confirmed {
  version: number;
  plan: TimingPlan;
  mode: Mode;
}

interface Pending {
  version: number;
  timer: NodeJS.Timeout;
  resolve: (o: PushOutcome) => void;
}

export interface CentreOptions {
  url: string;
  /** The controllers the registry knows. */
  known: Iterable<string>;
  ackTimeoutMs?: number;
  /** Called with each controller's events (for storage and the measures). */
  onEvents?: (id: string, events: [number, number, number][]) => void;
  clientId?: string;
  /** The in-process bus instead of a broker (EGOV_SIGNALS_BROKER=memory); `url` is then only a name. */
  bus?: MemoryBus;
}

export class SignalCentre {
  readonly latest = new Map<string, StatusMessage & { receivedAt: number }>();
  /** Lag of each status, ms from the controller's clock to its arrival here. */
  readonly lags: number[] = [];
  readonly unknown = new Map<string, number>();
  readonly confirmed = new Map<string, Confirmed>();
  private readonly known: Set<string>;

  /** A controller the registry gained since the centre started. */
  know(id: string): void {
    this.known.add(id);
  }
  private readonly pending = new Map<string, Pending>();
  private readonly sent = new Map<string, Map<number, Confirmed>>();
  private version = Date.now();
  private client: SignalLinkClient | null = null;

  constructor(private readonly options: CentreOptions) {
    this.known = new Set(options.known);
  }

  async connect(): Promise<void> {
    const client: SignalLinkClient = this.options.bus
      ? this.options.bus.connect()
      : mqtt.connect(this.options.url, { clientId: this.options.clientId ?? SIGNAL_CENTRE_CLIENT_ID, clean: false, reconnectPeriod: 1000, connectTimeout: 5000 });
    this.client = client;
    client.on('message', (topic, payload) => this.receive(topic, payload));
    client.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => client.subscribe([signalTopics.allStatus, signalTopics.allEvents, signalTopics.allAcks], { qos: 1 }, (err) => (err ? reject(err) : resolve())));
      setTimeout(() => reject(new Error(`signal centre: no connection to ${this.options.url}`)), 6000).unref();
    });
  }

  /** Known controllers whose last status is older than `ms` (communication loss), or that said they went offline. */
  silent(now: number, ms = 5000): string[] {
    return [...this.known].filter((id) => {
      const s = this.latest.get(id);
      return !s || !s.online || now - s.receivedAt > ms;
    });
  }

  /** Checks, sends and waits for the controller's answer; rolls back when none comes within the timeout. */
  pushPlan(id: string, plan: TimingPlan, mode: Mode): Promise<PushOutcome> {
    const problems = checkPlan(plan);
    if (problems.length > 0) return Promise.resolve({ state: 'invalid', problems });
    if (!this.known.has(id)) return Promise.resolve({ state: 'invalid', problems: [{ code: 'PATTERN', message: { vi: `Không có bộ điều khiển ${id}.`, en: `There is no controller ${id}.` } }] });
    const version = ++this.version;
    const entry = { version, plan, mode };
    if (!this.sent.has(id)) this.sent.set(id, new Map());
    this.sent.get(id)!.set(version, entry);
    this.pending.get(id)?.resolve({ state: 'rolled-back', version: this.pending.get(id)!.version, restored: null });
    return new Promise<PushOutcome>((resolve) => {
      const timer = setTimeout(() => this.rollback(id, version), this.options.ackTimeoutMs ?? 10_000);
      this.pending.set(id, { version, timer, resolve });
      this.client?.publish(signalTopics.plan(id), JSON.stringify({ version, mode, plan }), { qos: 1 });
    });
  }

  private rollback(id: string, version: number): void {
    const p = this.pending.get(id);
    if (!p || p.version !== version) return;
    this.pending.delete(id);
    const last = this.confirmed.get(id);
    if (last) {
      // The last confirmed plan at a new version, so the controller takes it as the newest.
      const again = { ...last, version: ++this.version };
      this.sent.get(id)?.set(again.version, again);
      this.client?.publish(signalTopics.plan(id), JSON.stringify({ version: again.version, mode: last.mode, plan: last.plan, rollback: true }), { qos: 1 });
    }
    p.resolve({ state: 'rolled-back', version, restored: last?.version ?? null });
  }

  private receive(topic: string, payload: Buffer): void {
    const t = controllerOfTopic(topic);
    if (!t) return;
    if (!this.known.has(t.id)) {
      this.unknown.set(t.id, (this.unknown.get(t.id) ?? 0) + 1);
      return;
    }
    if (t.kind === 'status') {
      const s = parseSignalPayload<StatusMessage>(payload);
      if (!s || typeof s.at !== 'number' || s.id !== t.id) return;
      const receivedAt = Date.now();
      if (s.online) this.lags.push(receivedAt - s.at);
      this.latest.set(t.id, { ...s, receivedAt });
    } else if (t.kind === 'events') {
      const e = parseSignalPayload<EventsMessage>(payload);
      if (e && Array.isArray(e.events)) this.options.onEvents?.(t.id, e.events);
    } else {
      const a = parseSignalPayload<AckMessage>(payload);
      const p = this.pending.get(t.id);
      if (!a || !p || a.version !== p.version) {
        // A late ack of a rolled-back version, or of a rollback itself: the controller runs that version now.
        const plan = a?.ok ? this.sent.get(t.id)?.get(a.version) : undefined;
        if (plan && (this.confirmed.get(t.id)?.version ?? 0) < plan.version && !p) this.confirmed.set(t.id, plan);
        return;
      }
      clearTimeout(p.timer);
      this.pending.delete(t.id);
      if (a.ok) {
        const plan = this.sent.get(t.id)?.get(a.version);
        if (plan) this.confirmed.set(t.id, plan);
        p.resolve({ state: 'confirmed', version: a.version });
      } else {
        p.resolve({ state: 'refused', version: a.version, problems: Array.isArray(a.problems) ? a.problems : [] });
      }
    }
  }

  /** Records a plan as running without sending it (the registry's plan at start-up). */
  assume(id: string, plan: TimingPlan, mode: Mode, version = 0): void {
    this.confirmed.set(id, { version, plan, mode });
    if (!this.sent.has(id)) this.sent.set(id, new Map());
    this.sent.get(id)!.set(version, { version, plan, mode });
  }

  async close(): Promise<void> {
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    const c = this.client;
    this.client = null;
    if (c) await c.endAsync();
  }
}
