// One event store per signals runtime, fed by its event stream from the moment the runtime exists: the module's
// start() sets the runtime after the routes are registered, so the routes look for it once a second (a WeakMap
// read) and subscribe when it appears, or again when it is replaced; the pages attach on demand too.
import type { Platform } from '../../../platform/http/context.ts';
import { type SignalsRuntime, signalsRuntime } from '../runtime.ts';
import { WallEventStore } from './events.ts';

const stores = new WeakMap<SignalsRuntime, WallEventStore>();

/** The runtime's store, subscribing it to the runtime's events the first time. */
export function wallStore(runtime: SignalsRuntime): WallEventStore {
  let store = stores.get(runtime);
  if (!store) {
    const s = new WallEventStore();
    stores.set(runtime, s);
    runtime.onEvents((id, events) => s.add(id, events));
    store = s;
  }
  return store;
}

/** Watches for the platform's runtime and attaches its store; the answer stops watching. */
export function watchRuntime(platform: Platform, everyMs = 1000): () => void {
  const look = (): void => {
    const r = signalsRuntime(platform);
    if (r) wallStore(r);
  };
  look();
  const timer = setInterval(look, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
