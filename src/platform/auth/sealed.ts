// Secrets the application must read back (TOTP secrets) are stored sealed: AES-256-GCM under a key from the
// configuration (EGOV_SECRET_KEY or EGOV_SECRET_KEY_FILE). Outside production, with neither set, a key is made once and
// kept in EGOV_VAR_DIR/secret.key (mode 0600). The stored form is `v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url);
// the key id (first 8 hex digits of the key's SHA-256) tells "sealed under another key" apart from tampering. An
// optional context (e.g. the row it belongs to) is bound in as associated data, so a sealed value moved to another
// row does not open.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';

const VERSION = 'v1';
const IV_BYTES = 12;
const KEY_BYTES = 32;

export class SealedError extends Error {}

export interface Sealer {
  /** The key's id, as written in every value it seals. */
  readonly keyId: string;
  seal(plain: string, context?: string): string;
  /** The plain text; throws SealedError when the value was sealed under another key, or altered. */
  open(sealed: string, context?: string): string;
}

/** True when the stored value is in the sealed format (anything else is legacy plain text). */
export function isSealed(stored: string): boolean {
  return stored.startsWith(`${VERSION}:`);
}

/** 32 bytes written as 64 hex digits or as base64 (standard or URL-safe); null when it is neither. */
export function parseKey(text: string): Buffer | null {
  const s = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(s)) return Buffer.from(s, 'hex');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(s)) return null;
  const key = Buffer.from(s.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
  return key.length === KEY_BYTES ? key : null;
}

export function createSealer(key: Buffer): Sealer {
  if (key.length !== KEY_BYTES) throw new SealedError(`the secret key must be ${KEY_BYTES} bytes, not ${key.length}`);
  const keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  const aad = (context: string | undefined) => Buffer.from(`${VERSION}:${context ?? ''}`, 'utf8');
  return {
    keyId,
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(aad(context));
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, keyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join(':');
    },
    open(sealed, context) {
      const parts = sealed.split(':');
      if (parts.length !== 5 || parts[0] !== VERSION) throw new SealedError('not a sealed value');
      const [, kid, iv, tag, ct] = parts as [string, string, string, string, string];
      if (kid !== keyId) throw new SealedError(`sealed under another key (key id ${kid}, the configured key is ${keyId})`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(aad(context));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new SealedError('the sealed value has been altered or does not belong here');
      }
    },
  };
}

/** Reads the key file (hex or base64 text); a clear error naming the file otherwise. */
function readKeyFile(path: string): Buffer {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new SealedError(`cannot read the secret key file ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const key = parseKey(text);
  if (!key) throw new SealedError(`the secret key file ${path} must hold 32 bytes as 64 hex digits or base64 (e.g. openssl rand -base64 32)`);
  return key;
}

/** Outside production: the key kept in EGOV_VAR_DIR/secret.key, made (atomically, mode 0600) on first use. */
function localKey(varDir: string): Buffer {
  const path = join(varDir, 'secret.key');
  try {
    return readKeyFile(path);
  } catch (err) {
    if ((err as Error).message.includes('must hold')) throw err;
  }
  mkdirSync(varDir, { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  try {
    // link() fails when another process made the file first: then that one is the key.
    linkSync(tmp, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    rmSync(tmp, { force: true });
  }
  return readKeyFile(path);
}

/** The configured key: EGOV_SECRET_KEY, else EGOV_SECRET_KEY_FILE, else (never in production) EGOV_VAR_DIR/secret.key. */
export function loadSealer(config: Pick<Config, 'secretKey' | 'secretKeyFile' | 'production' | 'varDir'>): Sealer {
  if (config.secretKey) return createSealer(config.secretKey);
  if (config.secretKeyFile) return createSealer(readKeyFile(config.secretKeyFile));
  if (config.production) throw new SealedError('EGOV_SECRET_KEY or EGOV_SECRET_KEY_FILE is required when NODE_ENV=production');
  return createSealer(localKey(config.varDir));
}
