// What a validator keeps to decide offline (TRANSPORT.md §2): the fare table's version and summary, and the deny and
// allow lists at their versions. Deltas apply only on top of a version at or after their `since`; a gap asks for
// the full list. The decision never waits for the network.
import type { DeltaMessage, FaresMessage, FullListMessage, ListEntry, ListName, TapDecision, TapReason } from './protocol.ts';

const entryKey = (kind: string, key: string) => `${kind}:${key}`;

interface CachedList {
  version: number;
  entries: Map<string, ListEntry>;
}

export type DeltaOutcome = 'applied' | 'stale' | 'gap';

export class ValidatorCache {
  fares: FaresMessage | null = null;
  private readonly lists: Record<ListName, CachedList> = { deny: { version: 0, entries: new Map() }, allow: { version: 0, entries: new Map() } };

  version(list: ListName): number {
    return this.lists[list].version;
  }

  setFares(m: FaresMessage): void {
    this.fares = m;
  }

  /** A full list replaces the cached one unless it is older. */
  setFull(m: FullListMessage): boolean {
    if (m.version < this.lists[m.list].version) return false;
    this.lists[m.list] = { version: m.version, entries: new Map(m.items.map((i) => [entryKey(i.kind, i.key), i])) };
    return true;
  }

  applyDelta(m: DeltaMessage): DeltaOutcome {
    const cached = this.lists[m.list];
    if (m.version <= cached.version) return 'stale';
    if (m.since > cached.version) return 'gap';
    for (const r of m.removed) cached.entries.delete(entryKey(r.kind, r.key));
    for (const a of m.added) cached.entries.set(entryKey(a.kind, a.key), a);
    cached.version = m.version;
    return 'applied';
  }

  /**
   * The offline decision (§2): a medium on the deny list is refused; one on the allow list rides free under its
   * concession category; anything else is admitted and priced centrally (pass or balance is unknown offline).
   */
  decide(kind: string, key: string): { decision: TapDecision; reason: TapReason; category?: string } {
    const k = entryKey(kind, key);
    if (this.lists.deny.entries.has(k)) return { decision: 'deny', reason: 'denied' };
    const allowed = this.lists.allow.entries.get(k);
    if (allowed) return allowed.category ? { decision: 'admit_free', reason: 'concession', category: allowed.category } : { decision: 'admit_free', reason: 'concession' };
    return { decision: 'admit', reason: 'central' };
  }
}

/** The q-quantile (0..1) of a list of numbers, nearest rank; 0 for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}
