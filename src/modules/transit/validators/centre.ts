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

/**
 * Stores several batches at once (the taps module's ingestTapBatches: one transaction for all), answering each
 * batch's outcome in order, as TapSink would have for it alone; rejecting means none was stored.
 */
export type TapGroupSink = (batches: TapBatch[]) => Promise<PromiseSettledResult<unknown>[]>;

/** Where the lists come from (riders' fullList and listDelta behind closures). */
export interface ListSource {
  full(list: ListName): Promise<FullListMessage>;
  delta(list: ListName, since: number): Promise<DeltaMessage>;
}

export interface CentreOptions {
  url: string;
  sink: TapSink;
  /** When given, the batches waiting on the broker go to it together (up to groupTaps taps), not one by one. */
  groupSink?: TapGroupSink;
  /** Most taps handed to groupSink at once (default 2,000). */
  groupTaps?: number;
  /** Batches (or groups) stored at once (default 1: the embedded database has a single connection). */
  parallel?: number;
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
  // Status messages one at a time (a full list for a validator that fell behind); batches below.
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

  const refuse = async (validatorId: string, ids: string[], code: string, reason: string) => {
    stats.refused++;
    warn('transit validator batch refused', { validatorId, code, reason });
    const ack: AckMessage = { tapIds: ids, refused: { code, reason } };
    await publish(topics.ack(validatorId), ack);
  };
  const answer = async (batch: TapBatch, outcome: PromiseSettledResult<unknown>) => {
    const ids = batch.taps.map((t) => t.id);
    if (outcome.status === 'rejected') {
      const e = outcome.reason as { status?: unknown; code?: unknown; message?: unknown } | null;
      if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && typeof e.code === 'string') return refuse(batch.validatorId, ids, e.code, String(e.message ?? e.code));
      warn('transit validator batch not stored, the validator will resend', { validatorId: batch.validatorId, error: outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason) });
      return;
    }
    stats.batches++;
    stats.taps += ids.length;
    await publish(topics.ack(batch.validatorId), { tapIds: ids });
  };

  // Batches waiting to be stored; at most `parallel` stores run at once, each taking one batch (or, with groupSink,
  // every batch waiting up to groupTaps taps: one transaction and one commit for all of them).
  const waiting: TapBatch[] = [];
  const parallel = Math.max(1, options.parallel ?? 1);
  const groupTaps = options.groupTaps ?? 2000;
  let running = 0;
  let idle: (() => void) | null = null;
  const take = (): TapBatch[] => {
    if (!options.groupSink) return waiting.splice(0, 1);
    let n = 0;
    let taps = 0;
    while (n < waiting.length && (n === 0 || taps + (waiting[n] as TapBatch).taps.length <= groupTaps)) taps += (waiting[n++] as TapBatch).taps.length;
    return waiting.splice(0, n);
  };
  async function store(group: TapBatch[]): Promise<void> {
    let outcomes: PromiseSettledResult<unknown>[];
    if (options.groupSink) {
      try {
        outcomes = await options.groupSink(group);
      } catch (reason) {
        outcomes = group.map(() => ({ status: 'rejected', reason }));
      }
    } else outcomes = [await options.sink(group[0] as TapBatch).then((value) => ({ status: 'fulfilled', value }) as const, (reason: unknown) => ({ status: 'rejected', reason }) as const)];
    for (let i = 0; i < group.length; i++) await answer(group[i] as TapBatch, outcomes[i] ?? { status: 'rejected', reason: new Error('no outcome') });
  }
  function pump(): void {
    while (running < parallel && waiting.length > 0) {
      const group = take();
      running++;
      void store(group)
        .catch((err: unknown) => warn('transit validator batch failed', { error: String(err) }))
        .finally(() => {
          running--;
          if (running === 0 && waiting.length === 0) idle?.();
          pump();
        });
    }
  }

  function receiveBatch(validatorId: string, m: Record<string, unknown>): void {
    if (m.validatorId !== validatorId || !Array.isArray(m.taps) || typeof m.signature !== 'string') {
      const ids = Array.isArray(m.taps) ? m.taps.map((t: unknown) => (t as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string') : [];
      void refuse(validatorId, ids, 'BATCH_INVALID', 'The batch is malformed or published under another validator\'s topic.').catch((err: unknown) => warn('transit validator message failed', { validatorId, error: String(err) }));
      return;
    }
    waiting.push(m as unknown as TapBatch);
    pump();
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
    if (topic === topics.taps(validatorId)) return receiveBatch(validatorId, m);
    queue = queue.then(() => handleStatus(validatorId, m)).catch((err: unknown) => warn('transit validator message failed', { topic, error: String(err) }));
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
      if (running > 0 || waiting.length > 0) await new Promise<void>((resolve) => (idle = resolve));
      await client.endAsync();
    },
  };
}
