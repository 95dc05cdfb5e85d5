// The monitoring wall against the real app server (issue 16: "the monitoring wall keeps up with 600 simulated
// intersections each sending status every second"). The app runs as `npm start` runs it (bench/lib/server.ts), in its
// own process, on a scratch PostgreSQL database with the demo data (its registry holds the 600 demo intersections),
// its signal centre listening to Mosquitto (EGOV_SIGNALS_BROKER). The controllers run in another process
// (bench/lib/signals-controllers.ts), each sending its status every second for --seconds. Meanwhile the bench signs in
// as demo.tinhieu over HTTP and reads the wall's JSON every second as a wall screen would, recording the lag p99 the
// wall reports, its counts and the JSON's response time, and samples the server process's CPU and memory from /proc.
// Prints and writes bench/results/signals-wall-app-<time>.txt. The server, the controllers, the scratch database and
// the var directory are removed at the end, on an error and on Ctrl-C.
//   npm run bench:signals-wall-app -- [--intersections 600] [--seconds 60] [--broker mqtt://127.0.0.1:1883]
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test; a scratch database is made).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD } from '../src/cli/demo-logins.ts';
import { percentile } from '../src/platform/percentile.ts';
import { cpuSeconds, REPO } from './lib/ceiling.ts';
import { signInOverHttp } from './lib/http-session.ts';
import { SERVER_FLAGS, scratchPostgres, startServer, stop } from './lib/server.ts';

const { values } = parseArgs({
  options: {
    intersections: { type: 'string', default: '600' },
    seconds: { type: 'string', default: '60' },
    broker: { type: 'string', default: 'mqtt://127.0.0.1:1883' },
    port: { type: 'string', default: '3960' },
  },
});
const N = Number(values.intersections);
const SECONDS = Number(values.seconds);
const BROKER = values.broker;
const PORT = Number(values.port);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const WALL_JSON = '/quan-ly/den-tin-hieu/giam-sat.json';

interface WallJson {
  centre: 'on' | 'off';
  counts?: Record<string, number>;
  lagP99Ms?: number | null;
}

/** Resident memory of a process now (VmRSS) and its high-water mark since it started (VmHWM), MB. */
function memoryMb(pid: number): { rss: number; hwm: number } {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+) kB`).exec(s)?.[1] ?? Number.NaN);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return { rss: Number.NaN, hwm: Number.NaN };
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const fixed = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

const cleanups: (() => Promise<void> | void)[] = [];
async function cleanUp(): Promise<void> {
  while (cleanups.length) {
    try {
      await cleanups.pop()!();
    } catch (err) {
      console.error('clean-up:', err);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`${signal}: cleaning up`);
    void cleanUp().then(() => process.exit(130));
  });
}

/** Lines printed as they come, kept for the results file. */
const lines: string[] = [];
const say = (l: string) => {
  lines.push(l);
  console.log(l);
};

async function main(): Promise<void> {
  const started = new Date();
  const loadStart = loadavg();
  const scratch = await scratchPostgres(PG_URL, 'egov_bench_wall');
  cleanups.push(() => scratch.drop());
  const varDir = mkdtempSync(join(tmpdir(), 'egov-bench-wall-'));
  cleanups.push(() => rmSync(varDir, { recursive: true, force: true }));

  // The server: migrated and seeded with the demo data by itself on the way up, as `npm start` with EGOV_DEMO=on.
  const t0 = performance.now();
  let starting: ChildProcess | undefined;
  cleanups.push(() => (starting ? stop(starting) : undefined));
  const server = await startServer({ EGOV_VAR_DIR: varDir, EGOV_DEMO: 'on', DATABASE_URL: scratch.url, EGOV_SIGNALS_BROKER: BROKER }, PORT, (c) => (starting = c));
  const pid = server.pid ?? -1;
  const readySeconds = (performance.now() - t0) / 1000;
  const base = `http://127.0.0.1:${PORT}`;

  const session = await signInOverHttp(base, 'demo.tinhieu', DEMO_PASSWORD);
  const first = (await (await session.get(WALL_JSON)).json()) as WallJson;
  if (first.centre !== 'on' || !first.counts) throw new Error(`the wall says the centre is ${first.centre}`);
  const registered = Object.values(first.counts).reduce((s, x) => s + x, 0);

  // The controllers, in their own process; the measured window runs from all connected to their closing.
  let out = '';
  const controllers = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'bench/lib/signals-controllers.ts'), BROKER, String(N), String(SECONDS)], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(() => {
    if (controllers.exitCode === null) controllers.kill('SIGTERM');
  });
  const exited = new Promise<number | null>((r) => controllers.once('exit', (code) => r(code)));
  controllers.stdout.on('data', (d: Buffer) => (out += d.toString()));
  while (!out.includes('ready')) {
    if (controllers.exitCode !== null) throw new Error(`the controllers exited with ${controllers.exitCode}`);
    await sleep(100);
  }

  const cpu0 = cpuSeconds(pid);
  const w0 = performance.now();
  const lags: number[] = [];
  const jsonMs: number[] = [];
  let rssPeak = 0;
  let failed = 0;
  let bytes = 0;
  let last: WallJson = first;
  for (let k = 0; !out.includes('closing'); k++) {
    await sleep(w0 + k * 1000 - performance.now());
    if (out.includes('closing')) break;
    if (controllers.exitCode !== null) throw new Error(`the controllers exited with ${controllers.exitCode} during the run`);
    rssPeak = Math.max(rssPeak, memoryMb(pid).rss);
    const a = performance.now();
    const res = await session.get(WALL_JSON);
    const body = await res.text();
    jsonMs.push(performance.now() - a);
    if (res.status !== 200) {
      failed++;
      continue;
    }
    bytes = Buffer.byteLength(body);
    last = JSON.parse(body) as WallJson;
    if (typeof last.lagP99Ms === 'number') lags.push(last.lagP99Ms);
  }
  const cpu = cpuSeconds(pid) - cpu0;
  const windowSeconds = (performance.now() - w0) / 1000;
  const hwm = memoryMb(pid).hwm;
  const code = await exited;
  const sim = JSON.parse(out.split('\n').find((l) => l.startsWith('{')) ?? '{}') as { sent?: number; flashing?: number };
  if (code !== 0) throw new Error(`the controllers exited with ${code}`);
  const loadEnd = loadavg();
  const c = last.counts ?? {};

  say(`signals wall against the app server ${started.toISOString()}: ${N} controllers (${sim.flashing} in conflict flash) sending status every 1 s for ${SECONDS} s through Mosquitto (${BROKER}) to the app's centre`);
  say(`machine: ${cpus().length} cores, load average (1, 5, 15 min) at start ${loadStart.map((x) => x.toFixed(2)).join(' ')}, at the end ${loadEnd.map((x) => x.toFixed(2)).join(' ')}`);
  say(`server: egov serve as npm start runs it (node ${SERVER_FLAGS.join(' ')}), scratch PostgreSQL database with the demo data (${registered} intersections registered), ready in ${readySeconds.toFixed(0)} s (migrations and demo seed included)`);
  say(`statuses sent ${sim.sent}; the wall's JSON read every second by demo.tinhieu signed in over HTTP: ${jsonMs.length} reads, ${failed} not 200`);
  say(`the wall's lag p99 (last ~10 s of statuses, as reported by the JSON): median ${fixed(percentile(lags, 50), 0)} ms, max ${fixed(Math.max(...lags), 0)} ms over ${lags.length} reads`);
  say(`the wall's JSON response time: p50 ${fixed(percentile(jsonMs, 50))} ms, p99 ${fixed(percentile(jsonMs, 99))} ms, max ${fixed(Math.max(...jsonMs))} ms; ${Math.round(bytes / 1024)} KB`);
  say(`server process over the ${windowSeconds.toFixed(0)} s: CPU ${fixed(cpu)} s = ${fixed((cpu / windowSeconds) * 100)} % of one core; peak RSS ${fixed(rssPeak, 0)} MB (sampled each second; high-water mark since the start, seeding included, ${fixed(hwm, 0)} MB)`);
  say(`counts on the wall at the end (last read before the controllers closed): normal ${c.normal}, flashing ${c.flashing}, fault ${c.fault}, communication lost ${c.commLost}`);
  mkdirSync(join(REPO, 'bench/results'), { recursive: true });
  const file = join(REPO, `bench/results/signals-wall-app-${started.toISOString().slice(0, 16).replace(':', '')}.txt`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  console.log(`written: ${file}`);
}

try {
  await main();
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
