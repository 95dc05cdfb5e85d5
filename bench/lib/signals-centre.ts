// The signal centre alone in its own process, for bench/signals-wall.ts: it listens to the demo network's first N
// controllers for S seconds and prints one JSON line: statuses received, lag p50/p99/max, its CPU seconds and memory,
// and the fewest controllers silent for 3 s at any moment (communication loss on the wall).
import { demoIntersections, SignalCentre } from '../../src/modules/signals/index.ts';
import { percentile } from '../../src/modules/signals/controller/simulate.ts';

const [url = '', n = '600', seconds = '60'] = process.argv.slice(2);
const centre = new SignalCentre({ url, known: demoIntersections(Number(n)).map((x) => x.id), clientId: `egov-signal-centre-bench-${process.pid}` });
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
await new Promise((r) => setTimeout(r, Number(seconds) * 1000));
clearInterval(sampler);
const cpu = process.cpuUsage(cpu0);
const lags = [...centre.lags].sort((a, b) => a - b);
const wall = (Date.now() - t0) / 1000;
process.stdout.write(`${JSON.stringify({ received: lags.length, p50: percentile(lags, 50), p99: percentile(lags, 99), max: lags.at(-1) ?? 0, cpuSeconds: (cpu.user + cpu.system) / 1e6, cpuShare: (cpu.user + cpu.system) / 1e6 / wall, rssPeakMb: Math.round(rssPeak / 1e6), silentFewest: Number.isFinite(silentFewest) ? silentFewest : -1 })}\n`);
await centre.close();
