// A proof-of-work challenge in the format of ALTCHA (altcha.org, "server verification"): the server signs
// SHA-256(salt + n) for a random n below `maxnumber`; the browser finds n (static/altcha.js) and sends it back. A
// guesser pays a second or two of computing per attempt; a person does not notice it. Without JavaScript the same
// challenge is accepted once WAIT_SECONDS have passed since it was issued. A challenge counts once (auth_throttle).
// Written here rather than with altcha-lib: the whole protocol is a hash and an HMAC.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../db/tables.ts';
import { settingOnce } from '../db/settings.ts';
import { hmac, randomToken, safeEqual } from './tokens.ts';
import { claimOnce } from './throttle.ts';

export const MAX_NUMBER = 100_000;
/** The no-JavaScript fallback: the form may be sent this long after the challenge was issued. */
export const WAIT_SECONDS = 30;
const VALID_MINUTES = 20;

export interface Challenge {
  algorithm: 'SHA-256';
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

const secrets = new WeakMap<Kysely<PlatformTables>, Promise<string>>();
function secretOf(db: Kysely<PlatformTables>): Promise<string> {
  let s = secrets.get(db);
  if (!s) {
    s = settingOnce(db, 'pow_secret', randomToken());
    s.catch(() => secrets.delete(db));
    secrets.set(db, s);
  }
  return s;
}

const sha256hex = (s: string): string => createHash('sha256').update(s).digest('hex');

export async function createChallenge(db: Kysely<PlatformTables>, now = new Date()): Promise<Challenge> {
  const issued = Math.floor(now.getTime() / 1000);
  const salt = `${randomBytes(12).toString('hex')}?issued=${issued}&expires=${issued + VALID_MINUTES * 60}`;
  const number = randomInt(0, MAX_NUMBER);
  const challenge = sha256hex(salt + number);
  return { algorithm: 'SHA-256', challenge, maxnumber: MAX_NUMBER, salt, signature: hmac(await secretOf(db), challenge) };
}

/** The challenge as the form carries it (hidden field `altcha_challenge`). */
export function encodeChallenge(c: Challenge): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

/** Solves a challenge (tests and API clients written in Node do the same as the browser script). */
export function solveChallenge(c: Pick<Challenge, 'challenge' | 'salt' | 'maxnumber'>): number | null {
  for (let n = 0; n <= c.maxnumber; n++) if (sha256hex(c.salt + n) === c.challenge) return n;
  return null;
}

export function decodeChallenge(encoded: string): Challenge {
  const c = decode(encoded);
  if (!c) throw new Error('not a challenge');
  return c;
}

function decode(encoded: string): Challenge | null {
  try {
    const c = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Partial<Challenge>;
    if (typeof c.challenge !== 'string' || typeof c.salt !== 'string' || typeof c.signature !== 'string') return null;
    return { algorithm: 'SHA-256', challenge: c.challenge, salt: c.salt, signature: c.signature, maxnumber: MAX_NUMBER };
  } catch {
    return null;
  }
}

export type ProofResult = 'ok' | 'missing' | 'invalid' | 'too_soon';

/**
 * Checks the challenge sent back with the form (`encoded`) and its solution (`number`, empty without JavaScript).
 * 'ok' consumes the challenge.
 */
export async function verifyProof(db: Kysely<PlatformTables>, encoded: string | undefined, number: string | undefined, now = new Date()): Promise<ProofResult> {
  if (!encoded) return 'missing';
  const c = encoded.length <= 1000 ? decode(encoded) : null;
  if (!c || !safeEqual(c.signature, hmac(await secretOf(db), c.challenge))) return 'invalid';
  const params = new URLSearchParams(c.salt.split('?')[1] ?? '');
  const issued = Number(params.get('issued'));
  const expires = Number(params.get('expires'));
  const secs = now.getTime() / 1000;
  if (!Number.isFinite(issued) || !Number.isFinite(expires) || secs > expires) return 'invalid';
  const solved = !!number && /^\d{1,7}$/.test(number) && sha256hex(c.salt + number) === c.challenge;
  if (!solved) {
    if (number) return 'invalid';
    if (secs - issued < WAIT_SECONDS) return 'too_soon';
  }
  return (await claimOnce(db, `pow:${c.challenge}`)) ? 'ok' : 'invalid';
}
