// The signed form of a batch of taps. A validator signs with HMAC-SHA256 under its own secret (registered with
// registerValidator, sealed in the database) over these UTF-8 lines, joined by "\n", no trailing newline:
//
//   egov-transit-taps/1
//   <validatorId>
//   <sentAt>                      the validator's clock when it sent the batch, ISO 8601 with an offset
//   <number of taps>
//   <id>|<mediumKind>|<mediumKey>|<at>|<direction>|<stopId or empty>|<decision>     one line per tap, in batch order
//
// and sends the signature as 64 lower-case hex digits. No field may hold "|" or a line break (the formats refuse them).
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TapInput {
  /** The validator's own id for the tap; a replay with the same id is stored once. */
  id: string;
  mediumKind: string;
  mediumKey: string;
  /** The validator's clock, ISO 8601 with an offset. */
  at: string;
  direction: 'on' | 'off';
  /** The stop (bus) or station (metro gate; defaults to the gate's station). */
  stopId?: string;
  /** What the validator decided locally from its cached lists (TRANSPORT.md §2). */
  decision: 'admit' | 'deny';
}
export interface TapBatch {
  validatorId: string;
  sentAt: string;
  taps: TapInput[];
  signature: string;
}

export function canonicalBatch(b: Omit<TapBatch, 'signature'>): string {
  const lines = ['egov-transit-taps/1', b.validatorId, b.sentAt, String(b.taps.length)];
  for (const t of b.taps) lines.push([t.id, t.mediumKind, t.mediumKey, t.at, t.direction, t.stopId ?? '', t.decision].join('|'));
  return lines.join('\n');
}

export function signBatch(secret: string, b: Omit<TapBatch, 'signature'>): string {
  return createHmac('sha256', secret).update(canonicalBatch(b), 'utf8').digest('hex');
}

export function signatureMatches(secret: string, b: TapBatch): boolean {
  if (typeof b.signature !== 'string' || !/^[0-9a-f]{64}$/.test(b.signature)) return false;
  return timingSafeEqual(Buffer.from(signBatch(secret, b), 'hex'), Buffer.from(b.signature, 'hex'));
}
