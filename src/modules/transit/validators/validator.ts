// The validator side (runs on a device, here in the simulator and tests): decides each tap offline from its cache,
// keeps the tap in the outbox and forwards signed batches when connected; a tap leaves the outbox only when the
// centre acknowledges its id (TRANSPORT.md §2, store and forward).
import { performance } from 'node:perf_hooks';
import mqtt, { type MqttClient } from 'mqtt';
import { ValidatorCache } from './cache.ts';
import { memoryOutbox, type Outbox, type ParkedTap } from './outbox.ts';
import {
  type ConfigMessage, type DeltaMessage, type FaresMessage, type FullListMessage, LIST_NAMES, type StatusMessage, type Tap, parsePayload, signedBatch, topics, validatorClientId,
} from './protocol.ts';

export interface ValidatorOptions {
  id: string;
  /** The secret registered for this validator (network/validatorSecret); signs every batch. */
  secret: string;
  url: string;
  outbox?: Outbox;
  routeId?: string;
  stopId?: string;
  batchSize?: number;
  flushMs?: number;
  resendMs?: number;
  heartbeatMs?: number;
  reconnectMs?: number;
  /** Test and simulator faults: publish a share of batches twice, shuffle taps inside a batch. */
  chaos?: { duplicateShare?: number; reorder?: boolean; random?: () => number };
}

export class Validator {
  readonly id: string;
  readonly cache = new ValidatorCache();
  readonly outbox: Outbox;
  /** Milliseconds each offline decision took. */
  readonly decisionMs: number[] = [];
  /** Taps published (a batch sent twice counts twice) and the batches they went in. */
  published = 0;
  publishedBatches = 0;
  acked = 0;
  private client: MqttClient | null = null;
  private readonly sentAt = new Map<string, number>();
  private timers: NodeJS.Timeout[] = [];
  private readonly settings: Required<Pick<ValidatorOptions, 'batchSize' | 'flushMs' | 'resendMs' | 'heartbeatMs' | 'reconnectMs'>>;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: ValidatorOptions) {
    this.id = options.id;
    this.outbox = options.outbox ?? memoryOutbox();
    this.settings = { batchSize: options.batchSize ?? 200, flushMs: options.flushMs ?? 1000, resendMs: options.resendMs ?? 5000, heartbeatMs: options.heartbeatMs ?? 30_000, reconnectMs: options.reconnectMs ?? 1000 };
  }

  /** Taps the centre refused for good (AckMessage.refused), out of the pending ones, kept for the maintainer with the reason (in the outbox: a file outbox keeps them across a restart). */
  get parked(): ParkedTap[] {
    return this.outbox.parked();
  }

  get online(): boolean {
    return this.client?.connected ?? false;
  }

  /** Connects with a persistent session; resolves once connected (or rejects after the connect timeout). */
  async connect(): Promise<void> {
    if (this.client) return;
    const client = mqtt.connect(this.options.url, {
      clientId: validatorClientId(this.id),
      clean: false,
      reconnectPeriod: this.settings.reconnectMs,
      connectTimeout: 5000,
      will: { topic: topics.status(this.id), payload: Buffer.from(JSON.stringify(this.status(false))), qos: 1, retain: true },
    });
    this.client = client;
    client.on('message', (topic, payload) => this.receive(topic, payload));
    client.on('connect', () => {
      // Subscribing again on a kept session is harmless: retained messages come again and are version-checked.
      const subs = [topics.fares, topics.config, topics.validatorLists(this.id), topics.ack(this.id), ...LIST_NAMES.flatMap((l) => [topics.listFull(l), topics.listDelta(l)])];
      client.subscribe(subs, { qos: 1 }, () => {
        this.sentAt.clear(); // whatever was in flight before the drop is sent again
        this.heartbeat();
        this.flush();
      });
    });
    client.on('error', () => undefined); // connection errors are retried by reconnectPeriod; the outbox keeps the taps
    this.timers = [setInterval(() => this.flush(), this.settings.flushMs), setInterval(() => this.heartbeat(), this.settings.heartbeatMs)];
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      setTimeout(() => (client.connected ? resolve() : reject(new Error(`validator ${this.id}: no connection to ${this.options.url}`))), 6000).unref();
    });
  }

  /** Drops the connection at once (a vehicle entering a tunnel); the session and the outbox stay. */
  async disconnect(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    const c = this.client;
    this.client = null;
    if (c) await c.endAsync(true);
  }

  /** Decides a tap offline, measures the decision, and queues the tap. */
  tap(medium: { kind: string; key: string }, opts: { direction?: 'on' | 'off'; at?: Date; stopId?: string } = {}): Tap {
    const start = performance.now();
    const d = this.cache.decide(medium.kind, medium.key);
    this.decisionMs.push(performance.now() - start);
    const tap: Tap = {
      id: `${this.id}-${this.outbox.nextCounter()}`,
      at: (opts.at ?? new Date()).toISOString(),
      mediumKind: medium.kind,
      mediumKey: medium.key,
      direction: opts.direction ?? 'on',
      decision: d.decision,
      reason: d.reason,
      ...(this.options.routeId ? { routeId: this.options.routeId } : {}),
      ...(opts.stopId ?? this.options.stopId ? { stopId: opts.stopId ?? this.options.stopId } : {}),
      ...(d.category ? { category: d.category } : {}),
    };
    this.outbox.add(tap);
    return tap;
  }

  /** Publishes pending taps not sent within resendMs, in signed batches. */
  flush(): void {
    const client = this.client;
    if (!client?.connected) return;
    const now = Date.now();
    let due = this.outbox.pending().filter((t) => now - (this.sentAt.get(t.id) ?? -Infinity) >= this.settings.resendMs);
    const chaos = this.options.chaos;
    const random = chaos?.random ?? Math.random;
    if (chaos?.reorder) due = shuffle(due, random);
    for (let i = 0; i < due.length; i += this.settings.batchSize) {
      const taps = due.slice(i, i + this.settings.batchSize);
      const payload = JSON.stringify(signedBatch(this.options.secret, this.id, taps));
      for (const t of taps) this.sentAt.set(t.id, now);
      const times = chaos?.duplicateShare && random() < chaos.duplicateShare ? 2 : 1;
      for (let k = 0; k < times; k++) {
        this.published += taps.length;
        this.publishedBatches++;
        client.publish(topics.taps(this.id), payload, { qos: 1 });
      }
    }
  }

  /** Resolves when the outbox is empty, or rejects after timeoutMs. */
  drained(timeoutMs: number): Promise<void> {
    return this.until(() => this.outbox.size() === 0, timeoutMs, `validator ${this.id}: ${this.outbox.size()} taps still unacknowledged`);
  }

  /** Resolves once `ready()` holds after a message arrived (or at once). */
  until(ready: () => boolean, timeoutMs: number, why = `validator ${this.id}: timed out`): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!ready()) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(why));
      }, timeoutMs);
      this.listeners.add(check);
    });
  }

  private status(online: boolean): StatusMessage {
    return { validatorId: this.id, online, at: new Date().toISOString(), outbox: this.outbox.size(), faresVersion: this.cache.fares?.version ?? null, lists: { deny: this.cache.version('deny'), allow: this.cache.version('allow') } };
  }

  private heartbeat(): void {
    this.client?.publish(topics.status(this.id), JSON.stringify(this.status(true)), { qos: 1, retain: true });
  }

  private receive(topic: string, payload: Buffer): void {
    const m = parsePayload(payload);
    if (!m) return;
    if (topic === topics.ack(this.id) && Array.isArray(m.tapIds)) {
      const ids = m.tapIds.filter((x): x is string => typeof x === 'string');
      const refused = m.refused as { code?: unknown; reason?: unknown } | undefined;
      if (refused && typeof refused === 'object') {
        // Sending a refused batch again cannot help (bad signature, unknown validator…): park it, do not resend forever.
        this.outbox.park(ids, String(refused.code), String(refused.reason));
      } else this.acked += this.outbox.remove(ids);
      for (const id of ids) this.sentAt.delete(id);
    } else if (topic === topics.fares) {
      this.cache.setFares(m as unknown as FaresMessage);
    } else if (topic === topics.config) {
      const c = m as ConfigMessage;
      if (typeof c.batchSize === 'number' && c.batchSize > 0) this.settings.batchSize = c.batchSize;
      if (typeof c.resendMs === 'number' && c.resendMs > 0) this.settings.resendMs = c.resendMs;
    } else if (topic.endsWith('/delta')) {
      // A gap (deltas missed while the session was gone) is reported in the heartbeat: the centre sends the full list.
      if (this.cache.applyDelta(m as unknown as DeltaMessage) === 'gap') this.heartbeat();
    } else if (topic.endsWith('/full') || topic === topics.validatorLists(this.id)) {
      this.cache.setFull(m as unknown as FullListMessage);
    }
    for (const l of [...this.listeners]) l();
  }
}

function shuffle<T>(xs: T[], random: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
