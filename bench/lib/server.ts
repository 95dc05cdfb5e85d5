// What the benchmarks share about the server they measure: it runs as `npm start` runs it (the Node flags of
// package.json's start script), in its own process, on a scratch PostgreSQL database or a temporary PGlite directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { REPO } from './ceiling.ts';

/** The flags of package.json's start script before `--import` (e.g. the heap limit). */
export const START_FLAGS: readonly string[] = (() => {
  const start = String(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).scripts?.start ?? '');
  const words = start.split(/\s+/);
  return words.slice(1, Math.max(1, words.indexOf('--import'))).filter((w) => w.startsWith('--'));
})();

/** npm start's flags, then BENCH_SERVER_NODE_ARGS for this run only (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"). */
export const SERVER_FLAGS: readonly string[] = [...START_FLAGS, ...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)];

export async function waitReady(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 2400; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not become ready');
}

/**
 * `egov serve` on 127.0.0.1:`port` with `env` over the defaults (warnings only, no job workers), once ready;
 * `spawned` is given the process at once (to stop it if the bench is interrupted while the server starts).
 */
export async function startServer(env: Record<string, string>, port: number, spawned?: (child: ChildProcess) => void): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...SERVER_FLAGS, '--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: REPO,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', EGOV_JOBS: 'off', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  spawned?.(child);
  try {
    await waitReady(`http://127.0.0.1:${port}`, child);
  } catch (err) {
    // Not left running when it never became ready (or the bench gives up on it).
    child.kill('SIGTERM');
    throw err;
  }
  return child;
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise((r) => {
    child.once('exit', r);
    child.kill('SIGTERM');
  });
}

async function adminQuery(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** A database made for this run on the server at `serverUrl`, dropped by `drop()`. */
export async function scratchPostgres(serverUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`) };
}
