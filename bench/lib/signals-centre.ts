// The signal centre alone in its own process, for bench/signals-wall.ts: it listens to the demo network's first N
// controllers for S seconds and prints one JSON line: statuses received, lag p50/p99/max, its CPU seconds and memory,
// and the fewest controllers silent for 3 s at any moment (communication loss on the wall). With `wall` (the default)
// it also runs the monitoring wall as the app does: the event store fed by the controllers' events, and every second
// the wall's state and the JSON endpoint's payload (with its three HTML fragments), timed; at the end the measures of
// every intersection's first phase from the stored events, timed.
import { performance } from 'node:perf_hooks';
import { demoIntersections, SignalCentre } from '../../src/modules/signals/index.ts';
import { percentile } from '../../src/modules/signals/controller/simulate.ts';
import type { RuntimeIntersection } from '../../src/modules/signals/runtime.ts';
import { WallEventStore } from '../../src/modules/signals/wall/events.ts';
import { wallMeasures } from '../../src/modules/signals/wall/measures.ts';
import { wallState } from '../../src/modules/signals/wall/state.ts';
import { wallPayload } from '../../src/modules/signals/wall/views.tsx';

const [url = '', n = '600', seconds = '60', mode = 'wall'] = process.argv.slice(2);
const wall = mode === 'wall';
const list = demoIntersections(Number(n));
const store = new WallEventStore();
const centre = new SignalCentre({ url, known: list.map((x) => x.id), clientId: `egov-signal-centre-bench-${process.pid}`, onEvents: wall ? (id, e) => store.add(id, e) : undefined });
const places = new Map<string, RuntimeIntersection>(list.map((x) => [x.id, { id: x.id, name: x.name, lat: x.lat, lon: x.lon, corridor: x.corridor }]));
await centre.connect();
process.stdout.write('ready\n');
const cpu0 = process.cpuUsage();
const t0 = Date.now();
let rssPeak = 0;
let silentFewest = Number.POSITIVE_INFINITY;
const sampler = setInterval(() => {
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  // Controllers silent for 3 s: the fewest seen once they were all running (they stop before this process does).
  if (centre.latest.size > 0) silentFewest = Math.min(silentFewest, centre.silent(Date.now(), 3000).length);
}, 500);
const tickMs: number[] = [];
let payloadBytes = 0;
const ticker = wall
  ? setInterval(() => {
      const a = performance.now();
      const s = wallState(centre, places, Date.now());
      payloadBytes = Buffer.byteLength(JSON.stringify(wallPayload('vi', s)));
      tickMs.push(performance.now() - a);
    }, 1000)
  : null;
await new Promise((r) => setTimeout(r, Number(seconds) * 1000));
clearInterval(sampler);
if (ticker) clearInterval(ticker);
const cpu = process.cpuUsage(cpu0);
const lags = [...centre.lags].sort((a, b) => a - b);
const wallSeconds = (Date.now() - t0) / 1000;
const ticks = [...tickMs].sort((a, b) => a - b);
const m0 = performance.now();
let cycles = 0;
if (wall) for (const x of list) cycles += wallMeasures(store.events(x.id), x.plan.pattern.rings[0]![0]!).cycles.length;
const measuresMs = performance.now() - m0;
const held = store.size();
process.stdout.write(
  `${JSON.stringify({
    received: lags.length,
    p50: percentile(lags, 50),
    p99: percentile(lags, 99),
    max: lags.at(-1) ?? 0,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    cpuShare: (cpu.user + cpu.system) / 1e6 / wallSeconds,
    rssPeakMb: Math.round(rssPeak / 1e6),
    silentFewest: Number.isFinite(silentFewest) ? silentFewest : -1,
    wall,
    wallTicks: ticks.length,
    wallTickP50Ms: Number(percentile(ticks, 50).toFixed(1)),
    wallTickP99Ms: Number(percentile(ticks, 99).toFixed(1)),
    wallTickMaxMs: Number((ticks.at(-1) ?? 0).toFixed(1)),
    payloadKb: Math.round(payloadBytes / 1024),
    eventsHeld: held.events,
    eventControllers: held.controllers,
    measuresAllMs: Math.round(measuresMs),
    measuredCycles: cycles,
  })}\n`,
);
await centre.close();
