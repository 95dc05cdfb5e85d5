// A validator's store-and-forward outbox (TRANSPORT.md §2): taps stay here until the centre acknowledges them, so a
// power cut or a long offline stretch loses nothing. In memory for the simulator, in a file for a device.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Tap } from './protocol.ts';

export interface Outbox {
  /** The next tap counter; it never goes back, so tap ids stay unique. */
  nextCounter(): number;
  add(tap: Tap): void;
  /** Pending taps, oldest first. */
  pending(): Tap[];
  /** Removes acknowledged taps; returns how many were there. */
  remove(ids: readonly string[]): number;
  size(): number;
}

export function memoryOutbox(): Outbox {
  let counter = 0;
  const taps = new Map<string, Tap>();
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
  };
}

interface FileState {
  counter: number;
  taps: Tap[];
}

/**
 * An outbox kept in one JSON file, rewritten through a temporary file and a rename on every change so a crash
 * leaves either the old or the new state. Fine for a validator's few thousand taps a day.
 */
export function fileOutbox(path: string): Outbox {
  const state: FileState = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as FileState) : { counter: 0, taps: [] };
  const taps = new Map(state.taps.map((t) => [t.id, t]));
  let counter = state.counter;
  const save = () => {
    writeFileSync(`${path}.tmp`, JSON.stringify({ counter, taps: [...taps.values()] }));
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
  };
}
