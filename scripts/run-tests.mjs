// Runs every *.test.ts(x) under the given folder, each file in its own `node --test` process, TEST_CONCURRENCY (2)
// at a time, the longest first: scripts/test-timings.json holds each file's last measured seconds, so the long files
// (the fuzz suite, the browser journeys) do not start last and leave a core idle at the end. Files not in it yet
// count as long. Each file's TAP output is printed whole when it ends; a summary of the failures closes the run.
// `--update-timings` writes this run's figures back to scripts/test-timings.json.
// Node 20's `node --test` does not expand globs and passes with 0 tests, so we list files ourselves and fail when
// none are found.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { clearTimeout, setTimeout } from 'node:timers';
import { Buffer } from 'node:buffer';
import { URL } from 'node:url';

const args = process.argv.slice(2);
const update = args.includes('--update-timings');
const rest = args.filter((a) => a !== '--update-timings');
const root = rest[0] ?? 'src';
const extra = rest.slice(1);
const TIMINGS = new URL('./test-timings.json', import.meta.url);
const UNKNOWN = 1e6;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(p).isDirectory() ? walk(p) : /\.test\.tsx?$/.test(name) ? [p] : [];
  });
}
const readTimings = () => {
  try {
    return JSON.parse(readFileSync(TIMINGS, 'utf8'));
  } catch {
    return {};
  }
};
const timings = readTimings();
const files = walk(root).sort((a, b) => (timings[b] ?? UNKNOWN) - (timings[a] ?? UNKNOWN) || a.localeCompare(b));
if (files.length === 0) {
  console.error(`no test files under ${root}`);
  process.exit(1);
}
const concurrency = Math.max(1, Number(process.env.TEST_CONCURRENCY ?? '2'));
const FILE_TIMEOUT_S = Math.max(60, Number(process.env.FILE_TIMEOUT_S ?? '900'));
const started = Date.now();
const results = [];

/** One file in its own process; its output is kept and printed whole, so files' lines do not interleave. */
function runFile(file) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    // --test-force-exit: a file whose tests have all finished ends even if a handle (a timer, a socket) it leaked would
    // keep it alive; a stuck file is killed after FILE_TIMEOUT_S so a run never hangs until CI's own limit.
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-force-exit', '--test-reporter=tap', ...extra, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    const watchdog = setTimeout(() => {
      chunks.push(Buffer.from(`# killed: still running after ${FILE_TIMEOUT_S} s\n`));
      child.kill('SIGKILL');
    }, FILE_TIMEOUT_S * 1000);
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('close', (code, signal) => {
      clearTimeout(watchdog);
      const out = Buffer.concat(chunks).toString('utf8');
      const seconds = (Date.now() - t0) / 1000;
      const count = (name) => Number(new RegExp(`^# ${name} (\\d+)`, 'm').exec(out)?.[1] ?? 0);
      const failed = [...out.matchAll(/^not ok \d+ - (.*)$/gm)].map((m) => m[1]);
      const r = { file, seconds, code: code ?? 1, signal, tests: count('tests'), pass: count('pass'), fail: count('fail'), skipped: count('skipped'), failed };
      results.push(r);
      process.stdout.write(`# file: ${file} (${seconds.toFixed(1)} s, exit ${signal ?? code})\n${out}\n`);
      resolve(r);
    });
  });
}

const queue = [...files];
await Promise.all(
  Array.from({ length: Math.min(concurrency, files.length) }, async () => {
    for (let f = queue.shift(); f !== undefined; f = queue.shift()) await runFile(f);
  }),
);

const sum = (k) => results.reduce((n, r) => n + r[k], 0);
const bad = results.filter((r) => r.code !== 0);
console.log(`# files ${results.length}, tests ${sum('tests')}, pass ${sum('pass')}, fail ${sum('fail')}, skipped ${sum('skipped')}, in ${((Date.now() - started) / 1000).toFixed(0)} s at concurrency ${concurrency}`);
console.log(`# slowest: ${[...results].sort((a, b) => b.seconds - a.seconds).slice(0, 8).map((r) => `${r.file} ${r.seconds.toFixed(0)} s`).join(', ')}`);
for (const r of bad) console.log(`# FAILED ${r.file} (exit ${r.signal ?? r.code})${r.failed.length ? ': ' + r.failed.join(' | ') : ''}`);
if (update) {
  const next = { ...readTimings() };
  for (const r of results) next[r.file] = Math.round(r.seconds);
  const sorted = Object.fromEntries(Object.entries(next).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(TIMINGS, JSON.stringify(sorted, null, 2) + '\n');
  console.log(`# timings written to scripts/test-timings.json`);
}
process.exit(bad.length ? 1 : 0);
