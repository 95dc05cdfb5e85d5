// Ceilings a benchmark stands beside, measured in the same run:
//  - pgCeiling: pgbench running the statements the measured work runs (../shared/tools/pg-ceiling, found relative
//    to this repository, not by an absolute path);
//  - bareHttp: a bare node:http server sending the very same bytes (what Node can serve on this machine at all);
//  - bareFastify: Fastify with no plugin and no hook sending them (what the framework itself costs).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** ../shared/tools/pg-ceiling next to the repository (for a worktree under wt/, ../../shared); throws when absent. */
export function pgCeilingTool(): string {
  const tools = [resolve(REPO, '../shared/tools/pg-ceiling'), resolve(REPO, '../../shared/tools/pg-ceiling')];
  const tool = tools.find((t) => existsSync(t));
  if (!tool) throw new Error(`pg-ceiling not found at ${tools[0]} (expected ../shared/tools next to the repository)`);
  return tool;
}

/**
 * pgbench transactions/s for `script` (the statements one request runs) at `clients` for `seconds`; one transaction
 * is tried first, since pg-ceiling discards pgbench's errors and a failing statement would read as "0 tps".
 */
export function pgCeiling(url: string, script: string, clients: number, seconds: number): { line: string; tps: number } {
  const dir = mkdtempSync(join(tmpdir(), 'egov-bench-'));
  const file = join(dir, 'script.sql');
  writeFileSync(file, script.endsWith('\n') ? script : `${script}\n`);
  try {
    const bin = execFileSync('bash', ['-c', 'ls -d /usr/lib/postgresql/*/bin | tail -1'], { encoding: 'utf8' }).trim();
    execFileSync(`${bin}/pgbench`, ['-n', '-c', '1', '-t', '1', '-f', file, url], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    const line = execFileSync('bash', [pgCeilingTool(), String(clients), String(seconds)], { env: { ...process.env, PGURL: url, SCRIPT: file }, encoding: 'utf8' }).trim();
    return { line, tps: Number(line.split(' ')[0]) };
  } catch (err) {
    const e = err as { message: string; stderr?: string };
    return { line: `pgbench failed: ${(e.stderr || e.message).split('\n').slice(0, 4).join(' | ')}`, tps: Number.NaN };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The bare server runs in its own process, as the app does: in the benchmark's process it would share one event
// loop with the load generator and read low.
const BARE = `
const http = require('node:http');
const fs = require('node:fs');
const bytes = fs.readFileSync(process.argv[1]);
const type = process.argv[2];
const extra = JSON.parse(process.argv[3] || '{}');
const server = http.createServer((_req, res) => {
  res.writeHead(200, { ...extra, 'content-type': type, 'content-length': bytes.length });
  res.end(bytes);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
process.on('SIGTERM', () => process.exit(0));
`;

// The same with Fastify and nothing else: the difference from the app is the platform's own per-request work.
const FASTIFY = `
const fastify = require('fastify');
const fs = require('node:fs');
const bytes = fs.readFileSync(process.argv[1]);
const type = process.argv[2];
const app = fastify({ logger: false });
app.get('/', (_req, reply) => { reply.type(type).send(bytes); });
app.listen({ port: 0, host: '127.0.0.1' }).then(() => process.stdout.write(app.server.address().port + '\\n'));
process.on('SIGTERM', () => process.exit(0));
`;

export interface ChildServer {
  url: string;
  /** The serving process, to read its CPU time (cpuSeconds). */
  pid: number;
  close(): Promise<void>;
}

/**
 * Serves `bytes` with `contentType` from bare node:http in a child process until `close()`; `headers` are sent too
 * (the app's own security headers, for a ceiling that sends the very same response).
 */
export async function bareHttp(bytes: Buffer, contentType: string, headers: Record<string, string> = {}): Promise<ChildServer> {
  return serveInChild(BARE, bytes, contentType, headers);
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at ')': utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Serves `bytes` with `contentType` from Fastify without plugins or hooks in a child process until `close()`. */
export async function bareFastify(bytes: Buffer, contentType: string): Promise<ChildServer> {
  return serveInChild(FASTIFY, bytes, contentType);
}

async function serveInChild(script: string, bytes: Buffer, contentType: string, headers: Record<string, string> = {}): Promise<ChildServer> {
  const dir = mkdtempSync(join(tmpdir(), 'egov-bare-'));
  const file = join(dir, 'body');
  writeFileSync(file, bytes);
  const child = spawn(process.execPath, ['-e', script, file, contentType, JSON.stringify(headers)], { stdio: ['ignore', 'pipe', 'inherit'], cwd: REPO });
  const port = await new Promise<number>((resolvePort, reject) => {
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
    child.stdout.once('data', (d: Buffer) => resolvePort(Number(d.toString().trim())));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    pid: child.pid ?? -1,
    close: async () => {
      await new Promise((r) => {
        child.once('exit', r);
        child.kill('SIGTERM');
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
