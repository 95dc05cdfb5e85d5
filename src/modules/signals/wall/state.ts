// The monitoring wall's state (issue 16, TRANSPORT.md §3): for each intersection of the registry, from the centre's
// latest status — communication lost (no status for more than 5 s, or the controller's last will said offline),
// fault (the controller reports alarms), flashing (pattern 255 or flash mode without an alarm: a planned flash), or
// normal — sorted worst first, with the counts, the controllers heard from that the registry does not know (counted
// and flagged, never drawn as intersections) and the lag p99 of the recent statuses. Pure: the clock is an argument.
import type { StatusMessage } from '../controller/protocol.ts';
import { PATTERN_FLASH } from '../plan/types.ts';
import type { RuntimeIntersection } from '../runtime.ts';

/** Worst first: the order of the table and of the counts. */
export const WALL_STATES = ['commLost', 'fault', 'flashing', 'normal'] as const;
export type WallStateName = (typeof WALL_STATES)[number];

/** No status for longer than this is a loss of communication (controllers report every second). */
export const COMM_LOST_MS = 5000;

/** What the wall needs of the SignalCentre (a real one or a test's stand-in). */
export interface CentreView {
  latest: ReadonlyMap<string, StatusMessage & { receivedAt: number }>;
  lags: readonly number[];
  unknown: ReadonlyMap<string, number>;
}

export interface WallRow {
  id: string;
  name: string;
  lat: number;
  lon: number;
  corridor: string | null;
  state: WallStateName;
  alarms: string[];
  pattern: number | null;
  mode: string | null;
  /** Seconds since the last status arrived (null: never heard from). */
  silentFor: number | null;
}

export interface WallState {
  at: number;
  rows: WallRow[];
  counts: Record<WallStateName, number>;
  unknown: { id: string; messages: number }[];
  /** p99 of the lags of the recent statuses, ms (null with none). */
  lagP99: number | null;
  lagSamples: number;
}

export function stateOf(s: (StatusMessage & { receivedAt: number }) | undefined, now: number): WallStateName {
  if (!s || !s.online || now - s.receivedAt > COMM_LOST_MS) return 'commLost';
  if (Array.isArray(s.alarms) && s.alarms.length > 0) return 'fault';
  if (s.pattern === PATTERN_FLASH || s.mode === 'flash') return 'flashing';
  return 'normal';
}

/** The p99 of the last `n` lags (the centre appends one per status). */
export function recentLagP99(lags: readonly number[], n: number): { p99: number | null; samples: number } {
  const recent = lags.slice(Math.max(0, lags.length - n)).sort((a, b) => a - b);
  if (recent.length === 0) return { p99: null, samples: 0 };
  return { p99: recent[Math.min(recent.length - 1, Math.ceil(0.99 * recent.length) - 1)]!, samples: recent.length };
}

const rank = (s: WallStateName): number => WALL_STATES.indexOf(s);

export function wallState(centre: CentreView, intersections: ReadonlyMap<string, RuntimeIntersection>, now: number): WallState {
  const counts = Object.fromEntries(WALL_STATES.map((s) => [s, 0])) as Record<WallStateName, number>;
  const rows: WallRow[] = [];
  for (const x of intersections.values()) {
    const s = centre.latest.get(x.id);
    const state = stateOf(s, now);
    counts[state]++;
    rows.push({
      id: x.id,
      name: x.name,
      lat: x.lat,
      lon: x.lon,
      corridor: x.corridor,
      state,
      alarms: s && Array.isArray(s.alarms) ? s.alarms.map(String) : [],
      pattern: s ? s.pattern : null,
      mode: s ? String(s.mode) : null,
      silentFor: s ? Math.max(0, Math.floor((now - s.receivedAt) / 1000)) : null,
    });
  }
  // Worst first; the longest silent first among the lost; then by id for a stable order.
  rows.sort((a, b) => rank(a.state) - rank(b.state) || (b.silentFor ?? Infinity) - (a.silentFor ?? Infinity) || a.id.localeCompare(b.id));
  const unknown = [...centre.unknown].map(([id, messages]) => ({ id, messages })).sort((a, b) => b.messages - a.messages || a.id.localeCompare(b.id));
  // Recent: about the last 10 s of statuses from every intersection (one a second each).
  const lag = recentLagP99(centre.lags, Math.max(1000, intersections.size * 10));
  return { at: now, rows, counts, unknown, lagP99: lag.p99, lagSamples: lag.samples };
}
