// The signal centre as it runs inside the app (issue 16): the MQTT centre with the registry's controllers, the
// controllers' event streams for the measures, and — on the in-process bus of the demo and the tests — the simulated
// controllers themselves. One runtime per platform (an app in a test is a platform of its own); null when the centre
// is off (EGOV_SIGNALS_BROKER unset in production). The module's start() sets it; pages read it.
import type { Platform } from '../../platform/http/context.ts';
import type { SignalCentre } from './controller/centre.ts';
import type { SimulatedController } from './controller/device.ts';

/** What the wall and the pages need of an intersection of the registry. */
export interface RuntimeIntersection {
  id: string;
  name: string;
  lat: number;
  lon: number;
  corridor: string | null;
}

/** [at ms, event code (Indiana: 1 green, 8 yellow, 10 red clearance, 81/82 detector off/on), parameter]. */
export type SignalEvent = [number, number, number];

export interface SignalsRuntime {
  centre: SignalCentre;
  /** The registry's intersections whose controllers the centre knows, by id (the controller id). */
  intersections(): ReadonlyMap<string, RuntimeIntersection>;
  /** Subscribes to every controller's high-resolution events as they arrive; the answer unsubscribes. */
  onEvents(listener: (id: string, events: SignalEvent[]) => void): () => void;
  /** The controllers simulated in this process (the in-process bus); empty when they are outside (a real broker). */
  simulated: ReadonlyMap<string, SimulatedController>;
}

const runtimes = new WeakMap<Platform, SignalsRuntime>();

export function signalsRuntime(platform: Platform): SignalsRuntime | null {
  return runtimes.get(platform) ?? null;
}

export function setSignalsRuntime(platform: Platform, runtime: SignalsRuntime | null): void {
  if (runtime) runtimes.set(platform, runtime);
  else runtimes.delete(platform);
}
