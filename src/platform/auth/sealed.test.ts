import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSealer, isSealed, loadSealer, SealedError } from './sealed.ts';

const KEY = Buffer.alloc(32, 1);
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

test('a sealed secret opens again with the same key, and its stored form does not contain it', () => {
  const s = createSealer(KEY);
  const sealed = s.seal(SECRET, 'totp:7');
  assert.match(sealed, /^v1:[0-9a-f]{8}:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);
  assert.ok(!sealed.includes(SECRET));
  assert.ok(isSealed(sealed));
  assert.equal(s.open(sealed, 'totp:7'), SECRET);
  assert.notEqual(s.seal(SECRET, 'totp:7'), sealed, 'a fresh IV every time');
});

test('the wrong key does not open it, and says so', () => {
  const sealed = createSealer(KEY).seal(SECRET);
  assert.throws(() => createSealer(Buffer.alloc(32, 2)).open(sealed), (e: unknown) => e instanceof SealedError && /another key/.test(e.message));
});

test('an altered value, or one moved to another row, does not open', () => {
  const s = createSealer(KEY);
  const sealed = s.seal(SECRET, 'totp:7');
  const parts = sealed.split(':');
  const ct = Buffer.from(parts[4] ?? '', 'base64url');
  ct[0] = (ct[0] ?? 0) ^ 1;
  const tampered = [...parts.slice(0, 4), ct.toString('base64url')].join(':');
  assert.throws(() => s.open(tampered, 'totp:7'), SealedError);
  assert.throws(() => s.open(sealed, 'totp:8'), SealedError);
});

test('legacy plain text is told apart from sealed values', () => {
  assert.equal(isSealed(SECRET), false);
  assert.throws(() => createSealer(KEY).open(SECRET), SealedError);
});

test('outside production a key is made once in EGOV_VAR_DIR/secret.key (mode 0600) and reused; production needs one', () => {
  const varDir = mkdtempSync(join(tmpdir(), 'egov-sealed-'));
  try {
    const base = { secretKey: undefined, secretKeyFile: undefined, production: false, varDir };
    const first = loadSealer(base);
    const file = join(varDir, 'secret.key');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const again = loadSealer(base);
    assert.equal(again.open(first.seal(SECRET)), SECRET);
    // A key file given in the configuration is used as it is.
    writeFileSync(join(varDir, 'other.key'), `${'cd'.repeat(32)}\n`);
    const fromFile = loadSealer({ ...base, secretKeyFile: join(varDir, 'other.key') });
    assert.equal(fromFile.keyId, createSealer(Buffer.from('cd'.repeat(32), 'hex')).keyId);
    assert.throws(() => loadSealer({ ...base, production: true }), /EGOV_SECRET_KEY or EGOV_SECRET_KEY_FILE is required/);
    assert.ok(readFileSync(file, 'utf8').trim().length >= 43);
  } finally {
    rmSync(varDir, { recursive: true, force: true });
  }
});
