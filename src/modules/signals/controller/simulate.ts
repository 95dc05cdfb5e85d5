// `egov signals simulate` and the monitoring benchmark: the demo network's controllers (the first N of demoIntersections)
// run against a real broker for a while, each reporting status every second, with a centre that knows them; the
// result is what the monitoring wall would see: statuses received, the lag from each controller's clock to the
// centre (p50, p99), controllers silent at the end, and the process's CPU and memory.
import { SignalCentre } from './centre.ts';
import { SimulatedController } from './device.ts';
import { demoIntersections } from '../network/demo.ts';
import { percentile } from '../../../platform/percentile.ts';

export interface SignalsSimulation {
  url: string;
  intersections: number;
  seconds: number;
  statusMs?: number;
  /** Share of controllers reporting a conflict flash (faults on the wall). */
  flashShare?: number;
}

export interface SignalsReport {
  controllers: number;
  statusesSent: number;
  statusesReceived: number;
  lagP50Ms: number;
  lagP99Ms: number;
  lagMaxMs: number;
  silentAtEnd: number;
  flashing: number;
  cpuSeconds: number;
  cpuShare: number;
  rssMb: number;
}


/** Kept here for the bench's centre process, which imports it with the simulator. */
export { percentile };

export async function simulateSignals(o: SignalsSimulation): Promise<SignalsReport> {
  const list = demoIntersections(o.intersections);
  const centre = new SignalCentre({ url: o.url, known: list.map((x) => x.id), clientId: `egov-signal-centre-sim-${process.pid}` });
  await centre.connect();
  const flashEvery = o.flashShare && o.flashShare > 0 ? Math.round(1 / o.flashShare) : 0;
  const controllers = list.map((x, i) => {
    centre.assume(x.id, x.plan, 'fixed');
    return new SimulatedController({ id: x.id, url: o.url, plan: x.plan, statusMs: o.statusMs ?? 1000, flash: flashEvery > 0 && i % flashEvery === 0 });
  });
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  try {
    for (let i = 0; i < controllers.length; i += 50) await Promise.all(controllers.slice(i, i + 50).map((c) => c.connect()));
    await new Promise((r) => setTimeout(r, o.seconds * 1000));
  } finally {
    for (const c of controllers) await c.close().catch(() => undefined);
  }
  await new Promise((r) => setTimeout(r, 300));
  const cpu = process.cpuUsage(cpu0);
  const wall = (Date.now() - t0) / 1000;
  const lags = [...centre.lags].sort((a, b) => a - b);
  const flashing = [...centre.latest.values()].filter((s) => s.pattern === 255).length;
  const report: SignalsReport = {
    controllers: controllers.length,
    statusesSent: controllers.reduce((s, c) => s + c.statusesSent, 0),
    statusesReceived: lags.length,
    lagP50Ms: percentile(lags, 50),
    lagP99Ms: percentile(lags, 99),
    lagMaxMs: lags.at(-1) ?? 0,
    silentAtEnd: centre.silent(Date.now() - 400, 3000).length,
    flashing,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    cpuShare: (cpu.user + cpu.system) / 1e6 / wall,
    rssMb: Math.round(process.memoryUsage().rss / 1e6),
  };
  await centre.close();
  return report;
}
