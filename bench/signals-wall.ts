// The monitoring wall's load (issue 16): 600 simulated intersection controllers each sending status every second
// through Mosquitto to the signal centre, which runs in its own process as the server would. Prints the lag from
// each controller's clock to the centre (p50, p99, max), statuses received against sent, and the centre process's
// CPU and peak memory, beside the machine's cores and load; writes them to bench/results/signals-wall-<time>.txt.
// The centre runs the monitoring wall too (its event store, and the wall's state and JSON payload every second, timed);
// `--no-wall` leaves it out (the MQTT side alone, as measured before the wall existed).
//   npm run bench:signals-wall -- --intersections 600 --seconds 60 [--no-wall]
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { SimulatedController, demoIntersections } from '../src/modules/signals/index.ts';
import { startMosquitto } from '../src/platform/testing/mosquitto.ts';
import { REPO } from './lib/ceiling.ts';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const n = arg('--intersections', 600);
const seconds = arg('--seconds', 60);
const wall = !process.argv.includes('--no-wall');

const broker = await startMosquitto();
const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'bench/lib/signals-centre.ts'), broker.url, String(n), String(seconds + 5), wall ? 'wall' : 'centre'], { stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
child.stdout.on('data', (d: Buffer) => (out += d.toString()));
while (!out.includes('ready')) await new Promise((r) => setTimeout(r, 100));
const list = demoIntersections(n);
const controllers = list.map((x) => new SimulatedController({ id: x.id, url: broker.url, plan: x.plan, statusMs: 1000 }));
for (let i = 0; i < controllers.length; i += 50) await Promise.all(controllers.slice(i, i + 50).map((c) => c.connect()));
const load = loadavg();
await new Promise((r) => setTimeout(r, seconds * 1000));
for (const c of controllers) await c.close();
await new Promise<void>((resolve) => child.once('exit', () => resolve()));
await broker.remove();
const loadEnd = loadavg();
const r = JSON.parse(out.split('\n').find((l) => l.startsWith('{')) ?? '{}') as Record<string, number>;
const sent = controllers.reduce((s, c) => s + c.statusesSent, 0);
const lines = [
  `signals wall bench ${new Date().toISOString()}: ${n} controllers, status every 1 s, ${seconds} s, Mosquitto on loopback`,
  `machine: ${cpus().length} cores, load average (1, 5, 15 min) at start ${load.map((x) => x.toFixed(2)).join(' ')}, at the end ${loadEnd.map((x) => x.toFixed(2)).join(' ')}`,
  `statuses sent ${sent}, received by the centre ${r.received}`,
  `lag controller clock → centre: p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms`,
  `centre process: CPU ${Number(r.cpuSeconds).toFixed(1)} s = ${(Number(r.cpuShare) * 100).toFixed(1)} % of one core, peak memory ${r.rssPeakMb} MB; controllers shown silent (no status for 3 s) while all ran: ${r.silentFewest}`,
  ...(wall
    ? [
        `wall in the centre process: state + JSON payload every second, ${r.wallTicks} times: p50 ${r.wallTickP50Ms} ms, p99 ${r.wallTickP99Ms} ms, max ${r.wallTickMaxMs} ms; payload ${r.payloadKb} KB`,
        `event store: ${r.eventsHeld} events held for ${r.eventControllers} controllers; the measures of every intersection's first phase at the end: ${r.measuresAllMs} ms (${r.measuredCycles} cycles)`,
      ]
    : ['wall: off (--no-wall)']),
];
for (const l of lines) process.stdout.write(`${l}\n`);
mkdirSync(join(REPO, 'bench/results'), { recursive: true });
writeFileSync(join(REPO, `bench/results/signals-wall-${new Date().toISOString().slice(0, 16).replace(':', '')}.txt`), `${lines.join('\n')}\n`);
