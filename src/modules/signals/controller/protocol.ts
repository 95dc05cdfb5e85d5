// The MQTT contract between the signal centre and the intersection controllers (issue 16; TRANSPORT.md §3). Every
// message is JSON. Status goes every second at QoS 0 (the next one replaces a lost one); events, acknowledgements and
// plans at QoS 1 on persistent sessions (clientId `egov-signal-<id>`, the centre `egov-signal-centre`).
//
//   controller → centre
//     egov/signals/c/<id>/status   StatusMessage   every second; retained last will { online: false }
//     egov/signals/c/<id>/events   EventsMessage   high-resolution events (Indiana codes) since the last batch
//     egov/signals/c/<id>/ack      AckMessage      a plan applied (ok) or refused with the check's problems
//   centre → controller
//     egov/signals/c/<id>/plan     PlanMessage     a timing plan and mode at a version; rollback = an older plan again
import type { PlanProblem } from '../plan/check.ts';
import type { Mode, TimingPlan } from '../plan/types.ts';

export const SIGNALS_ROOT = 'egov/signals';

export const signalTopics = {
  status: (id: string) => `${SIGNALS_ROOT}/c/${id}/status`,
  events: (id: string) => `${SIGNALS_ROOT}/c/${id}/events`,
  ack: (id: string) => `${SIGNALS_ROOT}/c/${id}/ack`,
  plan: (id: string) => `${SIGNALS_ROOT}/c/${id}/plan`,
  allStatus: `${SIGNALS_ROOT}/c/+/status`,
  allEvents: `${SIGNALS_ROOT}/c/+/events`,
  allAcks: `${SIGNALS_ROOT}/c/+/ack`,
} as const;

export const controllerClientId = (id: string): string => `egov-signal-${id}`;
export const SIGNAL_CENTRE_CLIENT_ID = 'egov-signal-centre';

/** The controller id and the message kind of a topic, or null when the topic is not a controller's. */
export function controllerOfTopic(topic: string): { id: string; kind: 'status' | 'events' | 'ack' } | null {
  const m = /^egov\/signals\/c\/([A-Za-z0-9._-]{1,64})\/(status|events|ack)$/.exec(topic);
  return m ? { id: m[1]!, kind: m[2] as 'status' | 'events' | 'ack' } : null;
}

export interface StatusMessage {
  id: string;
  /** The controller's clock, ms since the epoch, when the status was taken. */
  at: number;
  online: boolean;
  mode: Mode;
  /** NTCIP status pattern: 1–253 a plan, 254 free, 255 flash. */
  pattern: number;
  planVersion: number;
  cycleSecond: number;
  greens: number;
  yellows: number;
  reds: number;
  /** Active alarms (e.g. 'lamp-out', 'conflict-flash', 'detector-fault', 'door-open'). */
  alarms: string[];
}

export interface EventsMessage {
  id: string;
  /** [at ms, event code, parameter] */
  events: [number, number, number][];
}

export interface AckMessage {
  id: string;
  version: number;
  ok: boolean;
  problems?: PlanProblem[];
}

export interface PlanMessage {
  version: number;
  mode: Mode;
  plan: TimingPlan;
  rollback?: boolean;
}

/** The JSON of a payload, or null when it is not JSON of an object (a bad message is dropped, never thrown). */
export function parseSignalPayload<T>(payload: Buffer): T | null {
  try {
    const v: unknown = JSON.parse(payload.toString('utf8'));
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as T) : null;
  } catch {
    return null;
  }
}
