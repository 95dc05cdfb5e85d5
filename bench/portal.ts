// Benchmark: the city portal (issue 12 "Performance"), on PostgreSQL. A scratch database with the demo data and
// --articles generated articles (`egov seed --articles`), the server started as `npm start` starts it; then
// - an article page and a ward site's home page, each read by --connections concurrent readers, beside a static file
//   of the very same bytes served by the same server (@fastify/static, /static/) in the same run: --rounds rounds,
//   page and file alternating; req/s, p99 and the ratio of each round, the median ratio reported (target ≥ 60%);
// - the portal search: --searches requests of /tim-kiem over a list of everyday queries (topics, places, a synonym,
//   typos, words found in every article), one at a time: p50/p95/p99 of the whole request (target p95 < 30 ms);
// - the server's peak resident memory (VmHWM) through all of it.
// Usage: node --import tsx bench/portal.ts [--articles 100000] [--connections 100] [--seconds 5] [--rounds 3] [--searches 600]
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test; a scratch database is made and dropped).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { REPO } from './lib/ceiling.ts';
import { SERVER_FLAGS, scratchPostgres, startServer, stop } from './lib/server.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    connections: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    searches: { type: 'string', default: '600' },
  },
});
const CONNECTIONS = Number(values.connections);
const SECONDS = Number(values.seconds);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PORT = 3970;
const BASE = `http://127.0.0.1:${PORT}`;
const PUBLIC_DIR = join(REPO, 'src/platform/web/public');

/** Everyday queries: topics, places, a synonym ("bằng lái xe"), typos, words in every article, a prefix being typed. */
const QUERIES = [
  'tiêm chủng', 'tiem chung mo rong', 'chuyển đổi số', 'dịch vụ công trực tuyến', 'giải phóng mặt bằng', 'an toàn giao thông',
  'phường Hoàn Kiếm', 'xã Sóc Sơn', 'tuyển sinh đầu cấp', 'đổi bằng lái xe', 'đăng ký khai sinh', 'người dân', 'ủy ban nhân dân',
  'tiem chnug', 'chuyen doi so quy II', 'phong chay chua chay', 'bầu cử', 'lễ hội', 'thanh toán không dùng tiền mặt', 'an toàn thực',
  'kế hoạch tăng cường an sinh xã hội', 'hội nghị', 'trật tự xây dựng Cầu Giấy', 'vệ sinh môi trường tháng 6', 'khuyen hoc',
];

function peakRssMb(pid: number | undefined): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
}

interface Figure {
  rps: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(url: string): Promise<Figure> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  return { rps: Math.round(r.requests.average), p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** The page beside a static file of its bytes, served by the same server. */
async function beside(path: string): Promise<{ path: string; bytes: number; rounds: { page: Figure; file: Figure; ratio: number }[]; ratio: number }> {
  const res = await fetch(BASE + path);
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  const body = Buffer.from(await res.arrayBuffer());
  const name = `bench-${process.pid}-${body.length}.html`;
  writeFileSync(join(PUBLIC_DIR, name), body);
  try {
    const fileUrl = `${BASE}/static/${name}`;
    await autocannon({ url: BASE + path, connections: CONNECTIONS, duration: 2 });
    await autocannon({ url: fileUrl, connections: CONNECTIONS, duration: 2 });
    const rounds = [];
    for (let i = 0; i < Number(values.rounds); i++) {
      const page = await load(BASE + path);
      const file = await load(fileUrl);
      rounds.push({ page, file, ratio: page.rps / file.rps });
    }
    return { path, bytes: body.length, rounds, ratio: median(rounds.map((r) => r.ratio)) };
  } finally {
    rmSync(join(PUBLIC_DIR, name), { force: true });
  }
}

async function searches(n: number): Promise<{ n: number; p50: number; p95: number; p99: number; max: number; non200: number }> {
  const times: number[] = [];
  let non200 = 0;
  // One pass to warm the caches (synonyms, plans), not counted.
  for (const q of QUERIES) await (await fetch(`${BASE}/tim-kiem?q=${encodeURIComponent(q)}`)).text();
  for (let i = 0; i < n; i++) {
    const q = QUERIES[i % QUERIES.length] as string;
    const t0 = performance.now();
    const res = await fetch(`${BASE}/tim-kiem?q=${encodeURIComponent(q)}`);
    await res.text();
    times.push(performance.now() - t0);
    if (res.status !== 200) non200++;
  }
  const s = [...times].sort((a, b) => a - b);
  const at = (p: number) => Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] as number) * 10) / 10;
  return { n, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: Math.round((s[s.length - 1] as number) * 10) / 10, non200 };
}

async function main() {
  const started = new Date();
  const scratch = await scratchPostgres(PG_URL, 'egov_bench_portal');
  const varDir = mkdtempSync(join(tmpdir(), 'egov-bench-portal-'));
  const env = { EGOV_VAR_DIR: varDir, EGOV_DEMO: 'on', DATABASE_URL: scratch.url };
  let server;
  try {
    await stop(await startServer(env, PORT));
    const g0 = Date.now();
    const seedOut = execFileSync(process.execPath, ['--import', 'tsx', 'src/main.ts', 'seed', '--articles', String(values.articles)], {
      cwd: REPO,
      env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .trim()
      .split('\n')
      .pop();
    const seedMs = Date.now() - g0;
    execFileSync('psql', [scratch.url, '-qc', 'analyze']);
    server = await startServer(env, PORT);
    const site = await (await fetch(`${BASE}/trang/phuong-hoan-kiem`)).text();
    const article = /href="(\/trang\/phuong-hoan-kiem\/tin\/[^"]+)"/.exec(site)?.[1];
    if (!article) throw new Error('no article on the ward site');
    const pages = [await beside(article), await beside('/trang/phuong-hoan-kiem')];
    const search = await searches(Number(values.searches));
    const rss = peakRssMb(server.pid);
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    const lines = [
      `egov portal benchmark — ${started.toISOString()} — ${cpus().length} cores, Node ${process.version}, PostgreSQL, server started as npm start starts it: node ${SERVER_FLAGS.join(' ')}`,
      `data: demo data + ${seedOut} (${(seedMs / 1000).toFixed(1)} s with the process start)`,
      ...pages.flatMap((p) => [
        `GET ${p.path} (${p.bytes} bytes), ${CONNECTIONS} readers, ${values.rounds} rounds of ${SECONDS} s: page ÷ static file of the same bytes, median ${pct(p.ratio)}`,
        ...p.rounds.map((r, i) => `  round ${i + 1}: page ${r.page.rps} req/s (p99 ${r.page.p99} ms, errors ${r.page.errors}, non-2xx ${r.page.non2xx}); file ${r.file.rps} req/s (p99 ${r.file.p99} ms); ${pct(r.ratio)}`),
      ]),
      `search /tim-kiem over ${values.articles} generated articles, ${search.n} requests one at a time (${QUERIES.length} queries): p50 ${search.p50} ms, p95 ${search.p95} ms, p99 ${search.p99} ms, max ${search.max} ms, non-200 ${search.non200}`,
      `server peak RSS (VmHWM) through the run: ${rss} MB`,
    ];
    console.log(lines.join('\n'));
    mkdirSync(join(REPO, 'bench/results'), { recursive: true });
    const file = join(REPO, `bench/results/portal-${started.toISOString().slice(0, 16).replace(':', '')}`);
    writeFileSync(`${file}.json`, JSON.stringify({ started, cores: cpus().length, node: process.version, articles: Number(values.articles), pages, search, rssMb: rss }, null, 2));
    writeFileSync(`${file}.txt`, `${lines.join('\n')}\n`);
    console.log(`written ${file}.txt`);
  } finally {
    if (server) await stop(server);
    rmSync(varDir, { recursive: true, force: true });
    await scratch.drop();
  }
}

await main();
