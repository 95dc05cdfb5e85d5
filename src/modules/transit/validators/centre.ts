// The centre's side of the validator link: takes signed tap batches off the broker, hands them to the tap ingest
// (a TapSink, keyed by tap id so a batch sent twice stores each tap once), acknowledges the stored tap ids, and
// publishes the fare version, settings and the deny/allow lists with their deltas (TRANSPORT.md §2).
import mqtt, { type MqttClient } from 'mqtt';
import {
  type AckMessage, CENTRE_CLIENT_ID, type ConfigMessage, type DeltaMessage, type FaresMessage, type FullListMessage, LIST_NAMES, type ListName, type StatusMessage, type TapBatch,
  parsePayload, topics, validatorOfTopic,
} from './protocol.ts';

/**
 * Stores a batch (the taps module's ingestTaps(platform, batch) behind a closure); it checks the signature and
 * must be idempotent by tap id. Resolving means every tap in the batch is stored (or was already): they are
 * acknowledged. Rejecting with an error carrying a 4xx `status` and a `code` (the platform's AppError) refuses the
 * batch for good: the validator is told why and parks the taps. Any other rejection (the database is down)
 * acknowledges nothing; the validator sends them again.
 */
export type TapSink = (batch: TapBatch) => Promise<unknown>;

/** Where the lists come from (riders' fullList and listDelta behind closures). */
export interface ListSource {
  full(list: ListName): Promise<FullListMessage>;
  delta(list: ListName, since: number): Promise<DeltaMessage>;
}

export interface CentreOptions {
  url: string;
  sink: TapSink;
  lists: ListSource;
  fares: FaresMessage;
  config?: ConfigMessage;
  reconnectMs?: number;
  /** The MQTT client id (default egov-centre); a second centre on the same broker (the simulator) needs its own. */
  clientId?: string;
  /** Problems the operator should see (bad payloads, refused batches); the app passes its logger. */
  warn?: (message: string, details: Record<string, unknown>) => void;
}

export interface Centre {
  /** Publishes a new version of the lists as a delta from the last published one plus the full list (retained). */
  publishLists(): Promise<void>;
  publishFares(fares: FaresMessage): Promise<void>;
  readonly stats: { batches: number; taps: number; refused: number; resentLists: number };
  /** The validators' last status messages, by id. */
  readonly statuses: Map<string, StatusMessage>;
  close(): Promise<void>;
}

export async function connectCentre(options: CentreOptions): Promise<Centre> {
  const warn = options.warn ?? (() => undefined);
  const client: MqttClient = await mqtt.connectAsync(options.url, { clientId: options.clientId ?? CENTRE_CLIENT_ID, clean: false, reconnectPeriod: options.reconnectMs ?? 1000, connectTimeout: 5000 });
  const published: Record<ListName, number> = { deny: 0, allow: 0 };
  const stats = { batches: 0, taps: 0, refused: 0, resentLists: 0 };
  const statuses = new Map<string, StatusMessage>();
  // One batch at a time: the embedded database has a single connection, and acks then follow arrival order.
  let queue: Promise<void> = Promise.resolve();

  const publish = (topic: string, body: unknown, retain = false) => client.publishAsync(topic, JSON.stringify(body), { qos: 1, retain }).then(() => undefined);

  async function publishLists(): Promise<void> {
    for (const list of LIST_NAMES) {
      const full = await options.lists.full(list);
      if (full.version === published[list]) continue;
      if (published[list] > 0 && full.version > published[list]) await publish(topics.listDelta(list), await options.lists.delta(list, published[list]));
      await publish(topics.listFull(list), full, true);
      published[list] = full.version;
    }
  }

  async function handleBatch(validatorId: string, m: Record<string, unknown>): Promise<void> {
    const ids = Array.isArray(m.taps) ? m.taps.map((t: unknown) => (t as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string') : [];
    const refuse = async (code: string, reason: string) => {
      stats.refused++;
      warn('transit validator batch refused', { validatorId, code, reason });
      const ack: AckMessage = { tapIds: ids, refused: { code, reason } };
      await publish(topics.ack(validatorId), ack);
    };
    if (m.validatorId !== validatorId || !Array.isArray(m.taps) || typeof m.signature !== 'string') {
      return refuse('BATCH_INVALID', 'The batch is malformed or published under another validator\'s topic.');
    }
    const batch = m as unknown as TapBatch;
    try {
      await options.sink(batch);
    } catch (err) {
      const e = err as { status?: unknown; code?: unknown; message?: unknown } | null;
      if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && typeof e.code === 'string') return refuse(e.code, String(e.message ?? e.code));
      warn('transit validator batch not stored, the validator will resend', { validatorId, error: err instanceof Error ? err.message : String(err) });
      return;
    }
    stats.batches++;
    stats.taps += batch.taps.length;
    await publish(topics.ack(validatorId), { tapIds: batch.taps.map((t) => t.id) });
  }

  async function handleStatus(validatorId: string, m: Record<string, unknown>): Promise<void> {
    const s = m as unknown as StatusMessage;
    statuses.set(validatorId, s);
    if (!s.online || typeof s.lists !== 'object') return;
    for (const list of LIST_NAMES) {
      // A validator behind the last published version (it missed deltas) gets the full list for itself.
      if ((s.lists[list] ?? 0) < published[list]) {
        stats.resentLists++;
        await publish(topics.validatorLists(validatorId), await options.lists.full(list));
      }
    }
  }

  client.on('message', (topic, payload) => {
    const validatorId = validatorOfTopic(topic);
    const m = parsePayload(payload);
    if (!validatorId || !m) return warn('transit validator message unreadable', { topic });
    const work = topic === topics.taps(validatorId) ? () => handleBatch(validatorId, m) : () => handleStatus(validatorId, m);
    queue = queue.then(work).catch((err: unknown) => warn('transit validator message failed', { topic, error: String(err) }));
  });
  client.on('error', (err) => warn('transit broker connection', { error: err.message }));

  let fares = options.fares;
  // The retained messages are published again after every reconnect: a broker restarted without its persistence
  // file would otherwise leave new validators without fares and lists.
  const publishRetained = async () => {
    await publish(topics.fares, fares, true);
    await publish(topics.config, options.config ?? {}, true);
    for (const list of LIST_NAMES) if (published[list] > 0) await publish(topics.listFull(list), await options.lists.full(list), true);
  };
  client.on('connect', () => void publishRetained().catch((err: unknown) => warn('transit broker republish', { error: String(err) })));

  await client.subscribeAsync([topics.allTaps, topics.allStatus], { qos: 1 });
  await publishRetained();
  await publishLists();

  return {
    publishLists,
    publishFares(next) {
      fares = next;
      return publish(topics.fares, next, true);
    },
    stats,
    statuses,
    async close() {
      await queue;
      await client.endAsync();
    },
  };
}
