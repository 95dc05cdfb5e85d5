// A validator's store-and-forward outbox (TRANSPORT.md §2): taps stay here until the centre acknowledges them, so a
// power cut or a long offline stretch loses nothing. Taps the centre refused for good are parked here too, with the
// reason, for the maintainer (kept across a restart as well). In memory for the simulator, in a file for a device.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Tap } from './protocol.ts';

/** A tap the centre refused for good (AckMessage.refused), with the code and reason it gave. */
export interface ParkedTap {
  tap: Tap;
  code: string;
  reason: string;
}

export interface Outbox {
  /** The next tap counter; it never goes back, so tap ids stay unique. */
  nextCounter(): number;
  add(tap: Tap): void;
  /** Pending taps, oldest first. */
  pending(): Tap[];
  /** Removes acknowledged taps; returns how many were there. */
  remove(ids: readonly string[]): number;
  size(): number;
  /** Moves pending taps out to the parked ones, with the centre's refusal; returns how many were pending. */
  park(ids: readonly string[], code: string, reason: string): number;
  parked(): ParkedTap[];
}

export function memoryOutbox(): Outbox {
  let counter = 0;
  const taps = new Map<string, Tap>();
  const parked: ParkedTap[] = [];
  return {
    nextCounter: () => ++counter,
    add: (tap) => void taps.set(tap.id, tap),
    pending: () => [...taps.values()],
    remove(ids) {
      let n = 0;
      for (const id of ids) if (taps.delete(id)) n++;
      return n;
    },
    size: () => taps.size,
    park(ids, code, reason) {
      return moveToParked(taps, parked, ids, code, reason);
    },
    parked: () => [...parked],
  };
}

function moveToParked(taps: Map<string, Tap>, parked: ParkedTap[], ids: readonly string[], code: string, reason: string): number {
  let n = 0;
  for (const id of ids) {
    const tap = taps.get(id);
    if (!tap) continue;
    parked.push({ tap, code, reason });
    taps.delete(id);
    n++;
  }
  return n;
}

interface FileState {
  counter: number;
  taps: Tap[];
  /** Absent in files written before parked taps were kept. */
  parked?: ParkedTap[];
}

/**
 * An outbox kept in one JSON file, rewritten through a temporary file and a rename on every change so a crash
 * leaves either the old or the new state. Fine for a validator's few thousand taps a day.
 */
export function fileOutbox(path: string): Outbox {
  const state: FileState = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as FileState) : { counter: 0, taps: [] };
  const taps = new Map(state.taps.map((t) => [t.id, t]));
  const parked: ParkedTap[] = state.parked ?? [];
  let counter = state.counter;
  const save = () => {
    writeFileSync(`${path}.tmp`, JSON.stringify({ counter, taps: [...taps.values()], parked } satisfies FileState));
    renameSync(`${path}.tmp`, path);
  };
  return {
    nextCounter() {
      counter++;
      save();
      return counter;
    },
    add(tap) {
      taps.set(tap.id, tap);
      save();
    },
    pending: () => [...taps.values()],
    remove(ids) {
      let n = 0;
      for (const id of ids) if (taps.delete(id)) n++;
      if (n > 0) save();
      return n;
    },
    size: () => taps.size,
    park(ids, code, reason) {
      const n = moveToParked(taps, parked, ids, code, reason);
      if (n > 0) save();
      return n;
    },
    parked: () => [...parked],
  };
}
