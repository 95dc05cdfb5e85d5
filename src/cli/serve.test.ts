// `egov serve` as a user runs it: the first start on an empty directory migrates and loads reference and demo
// data and prints the URL and the demo logins; a second start reuses the data; SIGTERM stops it cleanly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function runServe(varDir: string, port: number): Promise<{ out: string; code: number | null; body: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    env: { ...process.env, PORT: String(port), EGOV_VAR_DIR: varDir, LOG_LEVEL: 'warn', DATABASE_URL: '', EGOV_DEMO: 'auto', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const deadline = Date.now() + 120_000;
  while (!out.includes('egov is running at') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
  assert.match(out, /egov is running at http:\/\/localhost:\d+/, out);
  const res = await fetch(`http://127.0.0.1:${port}/dang-nhap`);
  const body = await res.text();
  child.kill('SIGTERM');
  const code = await exited;
  return { out, code, body };
}

test('first start seeds, second start reuses, SIGTERM stops cleanly', { timeout: 240_000 }, async () => {
  const varDir = mkdtempSync(join(tmpdir(), 'egov-serve-'));
  try {
    const port = await freePort();
    const first = await runServe(varDir, port);
    assert.match(first.out, /database: embedded PGlite/);
    assert.match(first.out, /Demo logins \(password Demo@12345\): demo\.congdan, demo\.motcua/);
    assert.match(first.out, /Two-step verification for leader, admin: the demo TOTP secret is EGOVDEMOTOTPSECRETHANOI234567ABC/);
    assert.match(first.body, /demo\.admin/, 'the sign-in page lists the demo logins');
    assert.match(first.out, /SIGTERM received/);
    assert.equal(first.code, 0);

    const second = await runServe(varDir, port);
    assert.equal(second.code, 0);
    assert.match(second.out, /Demo logins/, 'the data (and demo mode) is still there');
  } finally {
    rmSync(varDir, { recursive: true, force: true });
  }
});
