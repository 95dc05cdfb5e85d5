// Benchmark: public pages and a cached API answer, each beside its real ceiling measured in the same run: a bare
// node:http server sending the very same bytes (what Node can serve on this machine at all). GET /api/v1/units is
// answered from the units module's memory cache, so it runs no SQL and a database ceiling would not be its ceiling.
// Shared machines are noisy: each target is measured in --rounds short rounds, app and bare server alternating, and
// the report gives the median and range of the ratio (each ratio from one round: both figures from the same run).
// Both servers run in their own processes (the bare one too: bench/lib/ceiling.ts); a 2 s warm-up precedes the rounds.
// Two ceilings: bare node:http sending the body alone (2 headers), and bare node:http sending the very same response
// (the app's security headers too: each header costs node:http a validation). Requests/s on a shared 2-core machine
// move with whatever else runs; the CPU time each server process spends per request (from /proc) moves much less, so
// it is reported beside them, with its own ratio (bare CPU per request ÷ app CPU per request).
// Usage: node --import tsx bench/http.ts [--seconds 5] [--connections 50] [--rounds 3] [--db pglite,postgres]
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test; a scratch database is made).
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { bareFastify, bareHttp, cpuSeconds, REPO } from './lib/ceiling.ts';
import { SERVER_FLAGS, scratchPostgres, startServer, stop } from './lib/server.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '3' },
    db: { type: 'string', default: 'pglite' },
  },
});
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const ROUNDS = Number(values.rounds);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Figure {
  rps: number;
  /** CPU microseconds (user + system) the serving process spent per request during the run. */
  cpuUs: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

interface Round {
  app: Figure;
  bare: Figure;
  /** Bare node:http sending the same response: the body and the app's headers. */
  same: Figure;
  /** Fastify alone on the same bytes: what the framework costs, so the rest of the gap is the platform's. */
  fastify: Figure;
  ratio: number;
  /** app ÷ bare sending the same response, by requests/s; then by CPU per request (bare CPU ÷ app CPU). */
  ratioSame: number;
  cpuRatioSame: number;
}

async function load(url: string, pid: number): Promise<Figure> {
  const cpu0 = cpuSeconds(pid);
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, pipelining: 1 });
  const cpuUs = Math.round(((cpuSeconds(pid) - cpu0) * 1e6) / Math.max(1, r.requests.total));
  return { rps: Math.round(r.requests.average), cpuUs, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

/** The app's response headers that a bare server can send as they are (not those node:http sets itself). */
function sentHeaders(res: Response): Record<string, string> {
  const own = new Set(['date', 'connection', 'keep-alive', 'content-length', 'content-type', 'transfer-encoding', 'set-cookie']);
  const out: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (!own.has(name)) out[name] = value;
  });
  return out;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Rounds of app then bare server on the same bytes. */
async function compare(url: string, appPid: number): Promise<{ bytes: number; rounds: Round[] }> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  const body = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? 'text/html; charset=utf-8';
  const bare = await bareHttp(body, type);
  const same = await bareHttp(body, type, sentHeaders(res));
  const fastify = await bareFastify(body, type);
  const rounds: Round[] = [];
  try {
    // Warm-up, not recorded: the JIT, the app's caches and the page cache fill before the first round.
    await autocannon({ url, connections: CONNECTIONS, duration: 2 });
    await autocannon({ url: bare.url, connections: CONNECTIONS, duration: 2 });
    await autocannon({ url: same.url, connections: CONNECTIONS, duration: 2 });
    await autocannon({ url: fastify.url, connections: CONNECTIONS, duration: 2 });
    for (let i = 0; i < ROUNDS; i++) {
      const app = await load(url, appPid);
      const b = await load(bare.url, bare.pid);
      const s = await load(same.url, same.pid);
      const f = await load(fastify.url, fastify.pid);
      rounds.push({ app, bare: b, same: s, fastify: f, ratio: app.rps / b.rps, ratioSame: app.rps / s.rps, cpuRatioSame: s.cpuUs / app.cpuUs });
    }
  } finally {
    await bare.close();
    await same.close();
    await fastify.close();
  }
  return { bytes: body.length, rounds };
}

async function benchDatabase(kind: 'pglite' | 'postgres', port: number) {
  const varDir = mkdtempSync(join(tmpdir(), 'egov-bench-var-'));
  const scratch = kind === 'postgres' ? await scratchPostgres(PG_URL, 'egov_bench') : undefined;
  const env: Record<string, string> = { EGOV_VAR_DIR: varDir, EGOV_DEMO: 'on', ...(scratch ? { DATABASE_URL: scratch.url } : {}) };
  const child = await startServer(env, port);
  const base = `http://127.0.0.1:${port}`;
  try {
    // A procedure the catalogue lists first: its page as an anonymous visitor sees it.
    const list = await (await fetch(`${base}/thu-tuc`)).text();
    const code = /href="\/thu-tuc\/([0-9.A-Za-z]+)"/.exec(list)?.[1];
    if (!code) throw new Error('no procedure on /thu-tuc');
    const targets = [`/`, `/thu-tuc/${code}`, `/api/v1/units?parent=01`];
    const out: { target: string; bytes: number; rounds: Round[] }[] = [];
    for (const t of targets) out.push({ target: `${kind}: GET ${t}`, ...(await compare(`${base}${t}`, child.pid ?? -1)) });
    return out;
  } finally {
    await stop(child);
    rmSync(varDir, { recursive: true, force: true });
    await scratch?.drop();
  }
}

async function main() {
  const kinds = values.db.split(',') as ('pglite' | 'postgres')[];
  const started = new Date();
  const results: { target: string; bytes: number; rounds: Round[] }[] = [];
  let port = 3900;
  for (const kind of kinds) results.push(...(await benchDatabase(kind, port++)));
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const lines = [
    `egov HTTP benchmark — ${started.toISOString()} — ${cpus().length} cores, Node ${process.version}, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS}s per side, server started as npm start starts it: node ${SERVER_FLAGS.join(' ')}`,
    'ceilings, measured right after the app in each round: bare node:http sending the same body ("bare"), bare node:http sending the same response, headers included ("same response"), Fastify alone on the same body (no plugin, no hook); cpu = CPU µs the serving process spent per request',
    ...results.flatMap((r) => {
      const span = (xs: number[]) => `median ${pct(median(xs))}, range ${pct(Math.min(...xs))}–${pct(Math.max(...xs))}`;
      return [
        `${r.target.padEnd(44)} ${String(r.bytes).padStart(6)} B   vs bare ${span(r.rounds.map((x) => x.ratio))}   vs same response ${span(r.rounds.map((x) => x.ratioSame))}, by CPU ${span(r.rounds.map((x) => x.cpuRatioSame))}`,
        ...r.rounds.map(
          (x, i) =>
            `  round ${i + 1}: app ${String(x.app.rps).padStart(6)} req/s cpu ${x.app.cpuUs} µs (p50 ${x.app.p50} ms, p99 ${x.app.p99} ms, errors ${x.app.errors}, non-2xx ${x.app.non2xx})   bare ${String(x.bare.rps).padStart(6)} req/s cpu ${x.bare.cpuUs} µs ${pct(x.ratio)}   same response ${String(x.same.rps).padStart(6)} req/s cpu ${x.same.cpuUs} µs ${pct(x.ratioSame)}   fastify alone ${String(x.fastify.rps).padStart(6)} req/s cpu ${x.fastify.cpuUs} µs`,
        ),
      ];
    }),
  ];
  console.log(lines.join('\n'));
  mkdirSync(join(REPO, 'bench/results'), { recursive: true });
  // Date and time in the name: a second run on the same day keeps the first one's file.
  const file = join(REPO, `bench/results/http-${started.toISOString().slice(0, 16).replace(':', '')}.json`);
  writeFileSync(file, JSON.stringify({ started, cores: cpus().length, node: process.version, connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS, results }, null, 2));
  writeFileSync(file.replace(/\.json$/, '.txt'), `${lines.join('\n')}\n`);
  console.log(`written ${file}`);
}

await main();
