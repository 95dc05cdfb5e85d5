// The in-process bus (EGOV_SIGNALS_BROKER=memory): the small part of MQTT the signal centre and the simulated
// controllers use — topics with the + and # wildcards, publish and subscribe, a will published when a client ends —
// so the demo and the tests run the same classes without a broker. Messages are delivered on the next microtask, in
// order, as Buffers; QoS and retained messages are accepted and ignored (nothing is lost in one process).
import { EventEmitter } from 'node:events';

/** What SignalCentre and SimulatedController use of an MQTT client; mqtt.js's MqttClient and MemoryClient both have it. */
export interface SignalLinkClient {
  connected: boolean;
  on(event: 'message', listener: (topic: string, payload: Buffer) => void): unknown;
  on(event: 'connect' | 'error', listener: (arg?: never) => void): unknown;
  once(event: 'connect', listener: () => void): unknown;
  subscribe(topic: string | string[], opts: { qos: 0 | 1 | 2 }, callback?: (err: Error | null) => void): unknown;
  publish(topic: string, payload: string | Buffer, opts: { qos: 0 | 1 | 2; retain?: boolean }): unknown;
  endAsync(): Promise<void>;
}

/** Whether an MQTT topic filter (with + one level, # the rest) matches a topic. */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}

export class MemoryClient extends EventEmitter implements SignalLinkClient {
  connected = false;
  readonly filters = new Set<string>();

  constructor(
    private readonly bus: MemoryBus,
    private readonly will?: { topic: string; payload: Buffer },
  ) {
    super();
    setImmediate(() => {
      if (!this.bus.clients.has(this)) return;
      this.connected = true;
      this.emit('connect');
    });
  }

  subscribe(topic: string | string[], _opts: { qos: 0 | 1 | 2 }, callback?: (err: Error | null) => void): this {
    for (const t of Array.isArray(topic) ? topic : [topic]) {
      if (this.filters.has(t)) continue;
      this.filters.add(t);
      this.bus.index(this, t);
    }
    if (callback) queueMicrotask(() => callback(null));
    return this;
  }

  publish(topic: string, payload: string | Buffer, _opts: { qos: 0 | 1 | 2; retain?: boolean }): this {
    if (this.connected) this.bus.deliver(topic, typeof payload === 'string' ? Buffer.from(payload) : payload);
    return this;
  }

  endAsync(): Promise<void> {
    this.connected = false;
    this.bus.remove(this);
    // An orderly end publishes no will in MQTT; the bus keeps that rule.
    void this.will;
    return Promise.resolve();
  }
}

export class MemoryBus {
  readonly clients = new Set<MemoryClient>();
  delivered = 0;
  /** Subscriptions without wildcards by topic (a controller's plan topic), and those with them (the centre's). */
  private readonly exact = new Map<string, Set<MemoryClient>>();
  private wild: { filter: string; client: MemoryClient }[] = [];

  index(client: MemoryClient, filter: string): void {
    if (filter.includes('+') || filter.includes('#')) this.wild.push({ filter, client });
    else {
      if (!this.exact.has(filter)) this.exact.set(filter, new Set());
      this.exact.get(filter)!.add(client);
    }
  }

  remove(client: MemoryClient): void {
    this.clients.delete(client);
    for (const f of client.filters) this.exact.get(f)?.delete(client);
    this.wild = this.wild.filter((w) => w.client !== client);
  }

  /** A client on the bus, connected on the next turn of the event loop (like mqtt.connect). */
  connect(will?: { topic: string; payload: Buffer }): MemoryClient {
    const c = new MemoryClient(this, will);
    this.clients.add(c);
    return c;
  }

  deliver(topic: string, payload: Buffer): void {
    queueMicrotask(() => {
      const to = new Set<MemoryClient>(this.exact.get(topic));
      for (const w of this.wild) if (topicMatches(w.filter, topic)) to.add(w.client);
      for (const c of to) {
        if (!c.connected) continue;
        this.delivered++;
        c.emit('message', topic, payload);
      }
    });
  }
}
