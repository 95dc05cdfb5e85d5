// The MQTT contract between the fare centre and the validators (issue 15; TRANSPORT.md §2: validators decide offline
// from cached fare tables and deny/allow lists, store their taps and forward them later; prices are computed centrally).
// docs/transit-validators.md describes the same topics for operators and device vendors.
//
// Every message is JSON, published with QoS 1 on persistent sessions (clean: false, one fixed clientId per device:
// `egov-validator-<id>`, the centre `egov-centre`), so the broker keeps what a disconnected party has not received.
//
//   centre → validator
//     egov/transit/fares                    retained  FaresMessage   the fare table version and its summary
//     egov/transit/config                   retained  ConfigMessage  settings for every validator
//     egov/transit/lists/<deny|allow>/full  retained  FullListMessage  the whole list at its version
//     egov/transit/lists/<deny|allow>/delta           DeltaMessage   what changed from `since` to `version`
//     egov/transit/v/<id>/lists                       FullListMessage  a full list for one validator that fell behind
//     egov/transit/v/<id>/ack                         AckMessage     the tap ids the centre has stored
//   validator → centre
//     egov/transit/v/<id>/taps                        TapBatch       signed taps, removed from the outbox once acked
//     egov/transit/v/<id>/status            retained  StatusMessage  heartbeat; also the last will (online: false)
//
// A tap batch is signed with HMAC-SHA256 (hex) under the validator's secret over canonicalBatch(): JSON.stringify of
// { validatorId, taps } with each tap's keys in TAP_KEYS order and absent optional keys left out.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TOPIC_ROOT = 'egov/transit';
export type ListName = 'deny' | 'allow';
export const LIST_NAMES: readonly ListName[] = ['deny', 'allow'];

export const topics = {
  fares: `${TOPIC_ROOT}/fares`,
  config: `${TOPIC_ROOT}/config`,
  listFull: (list: ListName) => `${TOPIC_ROOT}/lists/${list}/full`,
  listDelta: (list: ListName) => `${TOPIC_ROOT}/lists/${list}/delta`,
  validatorLists: (id: string) => `${TOPIC_ROOT}/v/${id}/lists`,
  ack: (id: string) => `${TOPIC_ROOT}/v/${id}/ack`,
  taps: (id: string) => `${TOPIC_ROOT}/v/${id}/taps`,
  status: (id: string) => `${TOPIC_ROOT}/v/${id}/status`,
  allTaps: `${TOPIC_ROOT}/v/+/taps`,
  allStatus: `${TOPIC_ROOT}/v/+/status`,
} as const;

/** The validator id inside a per-validator topic, or null. */
export function validatorOfTopic(topic: string): string | null {
  const m = /^egov\/transit\/v\/([^/]+)\/[a-z]+$/.exec(topic);
  return m?.[1] ?? null;
}

export const validatorClientId = (id: string) => `egov-validator-${id}`;
export const CENTRE_CLIENT_ID = 'egov-centre';

/** A medium as the lists name it (riders' ListItem); allow entries may carry the concession category. */
export interface ListEntry {
  kind: string;
  key: string;
  category?: string;
}
export interface FullListMessage {
  list: ListName;
  version: number;
  items: ListEntry[];
}
export interface DeltaMessage {
  list: ListName;
  since: number;
  version: number;
  added: ListEntry[];
  removed: ListEntry[];
}
export interface FaresMessage {
  version: string;
  summary: Record<string, unknown>;
}
export interface ConfigMessage {
  /** Taps per batch. */
  batchSize?: number;
  /** An unacknowledged batch is sent again after this many ms. */
  resendMs?: number;
}
export interface AckMessage {
  tapIds: string[];
}
export interface StatusMessage {
  validatorId: string;
  online: boolean;
  at: string;
  outbox: number;
  faresVersion: string | null;
  lists: Record<ListName, number>;
}

export type TapDecision = 'admit' | 'admit_free' | 'deny';
/** Why: denied (medium on the deny list), concession (allow list), central (priced later by the centre). */
export type TapReason = 'denied' | 'concession' | 'central';
export interface Tap {
  /** `<validatorId>-<counter>`: unique per validator for ever (the counter survives restarts with a file outbox). */
  id: string;
  at: string;
  mediumKind: string;
  mediumKey: string;
  direction: 'on' | 'off';
  decision: TapDecision;
  reason: TapReason;
  routeId?: string;
  stopId?: string;
  category?: string;
}
export const TAP_KEYS = ['id', 'at', 'mediumKind', 'mediumKey', 'direction', 'decision', 'reason', 'routeId', 'stopId', 'category'] as const;

export interface TapBatch {
  validatorId: string;
  taps: Tap[];
  signature: string;
}

/** The text a batch's signature covers: fixed key order so both ends hash the same bytes. */
export function canonicalBatch(validatorId: string, taps: readonly Tap[]): string {
  const ordered = taps.map((t) => {
    const o: Record<string, unknown> = {};
    for (const k of TAP_KEYS) if (t[k] !== undefined) o[k] = t[k];
    return o;
  });
  return JSON.stringify({ validatorId, taps: ordered });
}

export function signBatch(secret: string, validatorId: string, taps: readonly Tap[]): TapBatch {
  const signature = createHmac('sha256', secret).update(canonicalBatch(validatorId, taps)).digest('hex');
  return { validatorId, taps: [...taps], signature };
}

export function verifyBatch(secret: string, batch: TapBatch): boolean {
  const want = Buffer.from(createHmac('sha256', secret).update(canonicalBatch(batch.validatorId, batch.taps)).digest('hex'));
  const got = Buffer.from(String(batch.signature));
  return want.length === got.length && timingSafeEqual(want, got);
}

/** Parses a JSON payload; null when it is not JSON or not an object. */
export function parsePayload(payload: Buffer): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(payload.toString('utf8'));
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
