// What the engineer reads of the registry (issue 16): the network for the map, an intersection with its current plan,
// history, schedule and sends, a corridor with its intersections in order, and the live state the centre keeps.
import type { Actor } from '../../platform/auth/access.ts';
import type { Platform } from '../../platform/http/context.ts';
import { requireSignalEngineer } from './access.ts';
import type { CentreRuntime } from './centre-runtime.ts';
import { SignalErrors } from './errors.ts';
import { type CorridorRow, type IntersectionRow, type PlanRow, type SendRow, signalsDb, signalsRepo } from './repo.ts';
import { signalsRuntime } from './runtime.ts';

export interface LiveState {
  online: boolean;
  pattern: number;
  planVersion: number;
  cycleSecond: number;
  /** Phases in green, from the NTCIP bitmap. */
  greens: number[];
  mode: string;
  alarms: string[];
  /** Seconds since the status arrived. */
  age: number;
}

export interface IntersectionView {
  intersection: IntersectionRow;
  plan: PlanRow;
  history: PlanRow[];
  schedule: { day_plan: number; starts_minute: number; pattern: number }[];
  sends: SendRow[];
  live: LiveState | null;
  centreOn: boolean;
}

export const centreRuntime = (platform: Platform): CentreRuntime | null => {
  const r = signalsRuntime(platform);
  return r && 'ensure' in r ? (r as CentreRuntime) : null;
};

const phasesOf = (bits: number): number[] => Array.from({ length: 16 }, (_, i) => i + 1).filter((n) => bits & (1 << (n - 1)));

/** The controller's last status as the centre has it; null when it has none or the centre is off. */
export function liveState(platform: Platform, id: string, now = Date.now()): LiveState | null {
  const s = signalsRuntime(platform)?.centre.latest.get(id);
  if (!s) return null;
  const age = Math.max(0, Math.round((now - s.receivedAt) / 1000));
  return { online: s.online && age <= 5, pattern: s.pattern, planVersion: s.planVersion, cycleSecond: s.cycleSecond, greens: phasesOf(s.greens), mode: s.mode, alarms: s.alarms, age };
}

export type DotState = 'running' | 'flash' | 'silent' | 'none';
export function dotState(live: LiveState | null): DotState {
  if (!live) return 'none';
  if (!live.online) return 'silent';
  return live.pattern === 255 || live.alarms.length > 0 ? 'flash' : 'running';
}

const idOf = (raw: unknown): string => {
  const id = typeof raw === 'string' ? raw.trim() : '';
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(id)) throw SignalErrors.NOT_FOUND();
  return id;
};

export async function networkView(platform: Platform, actor: Actor): Promise<{ intersections: IntersectionRow[]; corridors: CorridorRow[]; centreOn: boolean }> {
  requireSignalEngineer(actor);
  const db = signalsDb(platform.database.db);
  return { intersections: await signalsRepo.intersections(db), corridors: await signalsRepo.corridors(db), centreOn: signalsRuntime(platform) !== null };
}

export async function intersectionView(platform: Platform, actor: Actor, rawId: unknown): Promise<IntersectionView> {
  requireSignalEngineer(actor);
  const db = signalsDb(platform.database.db);
  const id = idOf(rawId);
  const intersection = await signalsRepo.intersection(db, id);
  if (!intersection) throw SignalErrors.NOT_FOUND();
  const history = await signalsRepo.plans(db, id);
  const plan = history[0];
  if (!plan) throw SignalErrors.NOT_FOUND();
  return { intersection, plan, history, schedule: await signalsRepo.schedule(db, id), sends: await signalsRepo.sends(db, id), live: liveState(platform, id), centreOn: signalsRuntime(platform) !== null };
}

export interface CorridorMember {
  intersection: IntersectionRow;
  plan: PlanRow;
  lastSend: SendRow | undefined;
  live: LiveState | null;
}

export async function corridorView(platform: Platform, actor: Actor, rawId: unknown): Promise<{ corridor: Omit<CorridorRow, 'count'>; members: CorridorMember[]; centreOn: boolean }> {
  requireSignalEngineer(actor);
  const db = signalsDb(platform.database.db);
  const text = typeof rawId === 'string' ? rawId : '';
  const id = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  const corridor = Number.isFinite(id) ? await signalsRepo.corridor(db, id) : undefined;
  if (!corridor) throw SignalErrors.NOT_FOUND();
  const rows = await signalsRepo.intersections(db, { corridorId: corridor.id });
  const plans = await signalsRepo.currentPlans(db, rows.map((r) => r.id));
  const members: CorridorMember[] = [];
  for (const r of rows) {
    const plan = plans.get(r.id);
    if (!plan) continue;
    members.push({ intersection: r, plan, lastSend: (await signalsRepo.sends(db, r.id, 1))[0], live: liveState(platform, r.id) });
  }
  return { corridor, members, centreOn: signalsRuntime(platform) !== null };
}

/** The live states of up to 100 intersections, for the pages' polling script. */
export function liveStates(platform: Platform, actor: Actor, rawIds: unknown): Record<string, LiveState | null> {
  requireSignalEngineer(actor);
  const ids = (typeof rawIds === 'string' ? rawIds : '').split(',').map((s) => s.trim()).filter((s) => /^[A-Za-z0-9._-]{1,64}$/.test(s)).slice(0, 100);
  return Object.fromEntries(ids.map((id) => [id, liveState(platform, id)]));
}
