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
//     egov/transit/v/<id>/ack                         AckMessage     the tap ids the centre has stored, or refused for good
//   validator → centre
//     egov/transit/v/<id>/taps                        TapBatch       signed taps, removed from the outbox once acked
//     egov/transit/v/<id>/status            retained  StatusMessage  heartbeat; also the last will (online: false)
//
// A tap batch on the wire is the taps module's TapBatch ({ validatorId, sentAt, taps, signature }), signed as its
// canonical text says (taps/canonical.ts): one signed format from the device to the database. The validator keeps
// its own Tap (with the reason and concession category of its offline decision) and maps it with tapForIngest().
import { type TapBatch, type TapInput, signBatch } from '../taps/index.ts';

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
/**
 * The centre's answer to a batch. Without `refused`: the ids are stored (or were already). With `refused`: the batch
 * was refused for good (unknown or blocked validator, bad signature, malformed taps, clock a day ahead) and sending it
 * again cannot help; the validator takes the ids out of its outbox and parks them for the maintainer, with the reason.
 */
export interface AckMessage {
  tapIds: string[];
  refused?: { code: string; reason: string };
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
export type { TapBatch, TapInput };

/**
 * The one mapping from the validator's tap to the ingest's (TRANSPORT.md §2: the validator decides, the centre prices).
 * A free ride under a concession is an admission; the reason and category stay on the device, the centre finds the
 * concession again from the rider's account. The route comes from the validator's registration, not from the tap.
 */
export function tapForIngest(t: Tap): TapInput {
  return {
    id: t.id, mediumKind: t.mediumKind, mediumKey: t.mediumKey, at: t.at, direction: t.direction,
    ...(t.stopId === undefined ? {} : { stopId: t.stopId }),
    decision: t.decision === 'deny' ? 'deny' : 'admit',
  };
}

/** A signed batch of the validator's taps, in the ingest's format. */
export function signedBatch(secret: string, validatorId: string, taps: readonly Tap[], sentAt = new Date().toISOString()): TapBatch {
  const b = { validatorId, sentAt, taps: taps.map(tapForIngest) };
  return { ...b, signature: signBatch(secret, b) };
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
