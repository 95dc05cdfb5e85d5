// The signal centre inside the app (issue 16): builds the SignalsRuntime of runtime.ts from the registry and keeps it
// for the platform. EGOV_SIGNALS_BROKER chooses the link: an MQTT URL (the controllers are outside, e.g.
// `egov signals simulate`), `memory` (the in-process bus, and a simulated controller for every registered intersection,
// all driven by one timer that makes each report its status every second), or `off`. Unset: memory while the demo data
// is loaded, off otherwise (never a simulation in production unless asked for).
import type { Platform } from '../../platform/http/context.ts';
import { MemoryBus } from './controller/bus.ts';
import { SignalCentre } from './controller/centre.ts';
import { SimulatedController } from './controller/device.ts';
import type { Mode, TimingPlan } from './plan/types.ts';
import { signalsDb, signalsRepo } from './repo.ts';
import { type RuntimeIntersection, type SignalEvent, type SignalsRuntime, setSignalsRuntime, signalsRuntime } from './runtime.ts';

export interface CentreRuntime extends SignalsRuntime {
  link: 'memory' | 'mqtt';
  /** Makes the centre know an intersection registered since the start (and, on the bus, simulates its controller). */
  ensure(i: RuntimeIntersection, plan: TimingPlan, mode: Mode): Promise<void>;
  close(): Promise<void>;
}

/** How many of the latest lag samples the centre keeps (the wall's percentiles are over them). */
export const LAG_SAMPLES = 20_000;

export interface RuntimeOptions {
  /** Overrides the configuration: an MQTT URL or memory. */
  link?: string;
  ackTimeoutMs?: number;
  /** Simulated controllers that apply a plan and never acknowledge it (tests of the rollback). */
  neverAck?: readonly string[];
  /** The demo's faults on the in-process bus (demoFaults below), so the wall has something to show. */
  demoFaults?: boolean;
}

/**
 * The demo's faults, among the Old Quarter's intersections (no corridor, so no green wave is touched): three controllers
 * in conflict flash with an alarm (a fault on the wall), one running flash mode (flashing), and one never heard from
 * (communication lost). Picked by position in the registry's order, so the same ones every time.
 */
export function demoFaultIds(rows: readonly { id: string; corridor: string | null }[]): { conflict: string[]; flashMode: string[]; silent: string[] } {
  const grid = rows.filter((r) => r.corridor === null).map((r) => r.id);
  const at = (i: number): string[] => (grid[i] ? [grid[i]] : []);
  return { conflict: [...at(7), ...at(57), ...at(107)], flashMode: at(157), silent: at(207) };
}

/** The link the configuration asks for, or null when the centre is off. */
export function signalsLinkOf(platform: Platform): string | null {
  const b = platform.config.signalsBroker;
  if (b === 'off') return null;
  if (b) return b;
  return platform.demo() ? 'memory' : null;
}

export async function startSignalsRuntime(platform: Platform, opts: RuntimeOptions = {}): Promise<CentreRuntime | null> {
  const link = opts.link ?? signalsLinkOf(platform);
  if (!link) return null;
  const log = platform.log?.child({ module: 'signals.centre' });
  const db = signalsDb(platform.database.db);
  const rows = await signalsRepo.intersections(db);
  const plans = await signalsRepo.currentPlans(db);
  const intersections = new Map<string, RuntimeIntersection>(rows.map((r) => [r.id, { id: r.id, name: r.name, lat: r.lat, lon: r.lon, corridor: r.corridor }]));
  const listeners = new Set<(id: string, events: SignalEvent[]) => void>();
  const bus = link === 'memory' ? new MemoryBus() : undefined;
  const centre = new SignalCentre({
    url: link,
    bus,
    known: intersections.keys(),
    ackTimeoutMs: opts.ackTimeoutMs ?? 10_000,
    onEvents: (id, events) => {
      for (const l of listeners) l(id, events);
    },
  });
  const simulated = new Map<string, SimulatedController>();
  const neverAck = new Set(opts.neverAck ?? []);
  const faults = bus && opts.demoFaults ? demoFaultIds(rows) : { conflict: [], flashMode: [], silent: [] };
  const simulate = async (id: string, plan: TimingPlan, mode: Mode): Promise<void> => {
    if (!bus || simulated.has(id) || faults.silent.includes(id)) return;
    const c = new SimulatedController({
      id, url: 'memory', bus, plan, mode: faults.flashMode.includes(id) ? 'flash' : mode, ownTimer: false, neverAck: neverAck.has(id), flash: faults.conflict.includes(id),
    });
    simulated.set(id, c);
    await c.connect();
  };
  for (const r of rows) {
    const p = plans.get(r.id);
    if (p) centre.assume(r.id, p.plan, r.mode, 0);
  }
  // One timer for every simulated controller: each logs its events and reports its status once a second. It also
  // keeps the centre's lag samples to the last LAG_SAMPLES (600 controllers add 36,000 a minute).
  const timer = setInterval(() => {
    for (const c of simulated.values()) c.tick();
    if (centre.lags.length > 2 * LAG_SAMPLES) centre.lags.splice(0, centre.lags.length - LAG_SAMPLES);
  }, 1000);
  timer.unref();
  if (bus) {
    await centre.connect();
    await Promise.all(rows.map((r) => { const p = plans.get(r.id); return p ? simulate(r.id, p.plan, r.mode) : undefined; }));
  } else {
    // A broker that is down must not stop the app: the client keeps retrying and the pages show the controllers silent.
    centre.connect().then(
      () => log?.info({ url: link.replace(/\/\/[^@/]*@/, '//***@') }, 'signal centre connected to the controllers broker'),
      (err: unknown) => log?.error({ err }, 'signal centre could not connect to the controllers broker'),
    );
  }
  const runtime: CentreRuntime = {
    link: bus ? 'memory' : 'mqtt',
    centre,
    intersections: () => intersections,
    onEvents(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    simulated,
    async ensure(i, plan, mode) {
      if (intersections.has(i.id)) return;
      intersections.set(i.id, i);
      centre.know(i.id);
      centre.assume(i.id, plan, mode, 0);
      await simulate(i.id, plan, mode);
    },
    async close() {
      clearInterval(timer);
      for (const c of simulated.values()) await c.close();
      await centre.close();
      if (signalsRuntime(platform) === runtime) setSignalsRuntime(platform, null);
    },
  };
  setSignalsRuntime(platform, runtime);
  return runtime;
}
