// In-memory stand-ins for the simulator and tests: a versioned list source (the riders' lists have the same shape)
// and a tap sink keyed by tap id that checks signatures, as the real ingest does.
import type { ListSource, TapSink } from './centre.ts';
import { signatureMatches } from '../taps/index.ts';
import type { DeltaMessage, ListEntry, ListName, TapInput } from './protocol.ts';

interface Change {
  version: number;
  added: ListEntry[];
  removed: ListEntry[];
}

export function memoryLists(initial: Partial<Record<ListName, ListEntry[]>> = {}): ListSource & { change(list: ListName, added: ListEntry[], removed?: ListEntry[]): number } {
  const history: Record<ListName, Change[]> = { deny: [], allow: [] };
  const same = (a: ListEntry, b: ListEntry) => a.kind === b.kind && a.key === b.key;
  const keyOf = (e: ListEntry) => `${e.kind}:${e.key}`;
  const at = (list: ListName) => {
    const items = new Map<string, ListEntry>();
    for (const c of history[list]) {
      for (const r of c.removed) items.delete(keyOf(r));
      for (const a of c.added) items.set(keyOf(a), a);
    }
    return [...items.values()];
  };
  const version = (list: ListName) => history[list].at(-1)?.version ?? 0;
  const source = {
    change(list: ListName, added: ListEntry[], removed: ListEntry[] = []) {
      history[list].push({ version: version(list) + 1, added, removed });
      return version(list);
    },
    full: (list: ListName) => Promise.resolve({ list, version: version(list), items: at(list) }),
    delta(list: ListName, since: number): Promise<DeltaMessage> {
      const changes = history[list].filter((c) => c.version > since);
      const added = changes.flatMap((c) => c.added);
      const removed = changes.flatMap((c) => c.removed).filter((r) => !added.some((a) => same(a, r)));
      return Promise.resolve({ list, since, version: version(list), added, removed });
    },
  };
  for (const list of ['deny', 'allow'] as const) if (initial[list]?.length) source.change(list, initial[list]);
  return source;
}

/** A sink that stores each tap once by id and refuses batches whose signature does not match (401 BAD_SIGNATURE, as the ingest). */
export function memorySink(secretOf: (validatorId: string) => string): TapSink & { taps: Map<string, TapInput>; received: number; failNext: number } {
  const taps = new Map<string, TapInput>();
  const sink = Object.assign(
    (batch: Parameters<TapSink>[0]) => {
      if (!signatureMatches(secretOf(batch.validatorId), batch)) return Promise.reject(Object.assign(new Error(`bad signature from ${batch.validatorId}`), { code: 'BAD_SIGNATURE', status: 401 }));
      if (sink.failNext > 0) {
        sink.failNext--;
        return Promise.reject(new Error('the store is unavailable')); // transient: no status, the validator resends
      }
      sink.received += batch.taps.length;
      for (const t of batch.taps) if (!taps.has(t.id)) taps.set(t.id, t);
      return Promise.resolve();
    },
    { taps, received: 0, failNext: 0 },
  );
  return sink;
}
