// The only code that touches the signal registry's tables (migrations/0056_signals.sql).
import { type Generated, type Kysely, sql } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { PlanProblem } from './plan/check.ts';
import type { Mode, TimingPlan } from './plan/types.ts';

export type PlanSource = 'seed' | 'webster' | 'corridor' | 'priority' | 'manual';
export type SendOutcome = 'confirmed' | 'refused' | 'rolled-back' | 'invalid';

interface CorridorsTable {
  id: Generated<number>;
  name: string;
  speed_kmh: number;
  cycle: number;
  created_at: Generated<Date>;
}
interface IntersectionsTable {
  id: string;
  name: string;
  lat: number;
  lon: number;
  corridor_id: number | null;
  along_m: number | null;
  mode: Generated<Mode>;
  created_at: Generated<Date>;
}
interface PlansTable {
  id: Generated<number>;
  intersection_id: string;
  version: number;
  pattern: number;
  cycle: number;
  plan: string;
  source: PlanSource;
  created_by: number | null;
  created_at: Generated<Date>;
}
interface ScheduleTable {
  intersection_id: string;
  day_plan: Generated<number>;
  starts_minute: number;
  pattern: number;
}
interface SendsTable {
  id: Generated<number>;
  intersection_id: string;
  plan_id: number;
  sent_version: number | null;
  outcome: SendOutcome;
  problems: Generated<string>;
  sent_by: number | null;
  sent_at: Generated<Date>;
}

export type SignalsTables = {
  signal_corridors: CorridorsTable;
  signal_intersections: IntersectionsTable;
  signal_plans: PlansTable;
  signal_schedule: ScheduleTable;
  signal_sends: SendsTable;
};
/** The accounts' names only, to show who saved or sent a plan (the accounts module owns the table). */
type AccountNames = { accounts: { id: number; username: string } };
export type SignalsDb = Kysely<PlatformTables & SignalsTables & AccountNames>;
export const signalsDb = (db: Kysely<PlatformTables>): SignalsDb => db as unknown as SignalsDb;
export const asPlatformDb = (db: SignalsDb): Kysely<PlatformTables> => db as unknown as Kysely<PlatformTables>;

export interface IntersectionRow {
  id: string;
  name: string;
  lat: number;
  lon: number;
  corridor_id: number | null;
  corridor: string | null;
  along_m: number | null;
  mode: Mode;
}
export interface CorridorRow {
  id: number;
  name: string;
  speed_kmh: number;
  cycle: number;
  count: number;
}
export interface PlanRow {
  id: number;
  intersection_id: string;
  version: number;
  pattern: number;
  cycle: number;
  plan: TimingPlan;
  source: PlanSource;
  created_by: string | null;
  created_at: Date;
}
export interface SendRow {
  id: number;
  plan_version: number;
  sent_version: number | null;
  outcome: SendOutcome;
  problems: PlanProblem[];
  sent_by: string | null;
  sent_at: Date;
}

const parsed = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

const intersectionColumns = (db: SignalsDb) =>
  db
    .selectFrom('signal_intersections as i')
    .leftJoin('signal_corridors as c', 'c.id', 'i.corridor_id')
    .select(['i.id', 'i.name', 'i.lat', 'i.lon', 'i.corridor_id', 'c.name as corridor', 'i.along_m', 'i.mode']);

const num = <T extends { corridor_id: number | null }>(r: T): T => ({ ...r, corridor_id: r.corridor_id === null ? null : Number(r.corridor_id), lat: Number((r as unknown as { lat: number }).lat), lon: Number((r as unknown as { lon: number }).lon) });

export const signalsRepo = {
  intersection: async (db: SignalsDb, id: string): Promise<IntersectionRow | undefined> => {
    const r = await intersectionColumns(db).where('i.id', '=', id).executeTakeFirst();
    return r ? num(r) : undefined;
  },
  intersections: async (db: SignalsDb, filter: { corridorId?: number | null; offset?: number; limit?: number } = {}): Promise<IntersectionRow[]> => {
    let q = intersectionColumns(db);
    if (filter.corridorId !== undefined) q = filter.corridorId === null ? q.where('i.corridor_id', 'is', null) : q.where('i.corridor_id', '=', filter.corridorId);
    q = q.orderBy('c.name').orderBy('i.along_m').orderBy('i.id');
    if (filter.limit !== undefined) q = q.limit(filter.limit).offset(filter.offset ?? 0);
    return (await q.execute()).map(num);
  },
  countIntersections: async (db: SignalsDb, corridorId?: number | null): Promise<number> => {
    let q = db.selectFrom('signal_intersections').select((e) => e.fn.countAll<string>().as('n'));
    if (corridorId !== undefined) q = corridorId === null ? q.where('corridor_id', 'is', null) : q.where('corridor_id', '=', corridorId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  },
  corridors: async (db: SignalsDb): Promise<CorridorRow[]> =>
    (
      await db
        .selectFrom('signal_corridors as c')
        .leftJoin('signal_intersections as i', 'i.corridor_id', 'c.id')
        .select(['c.id', 'c.name', 'c.speed_kmh', 'c.cycle'])
        .select((e) => e.fn.count<string>('i.id').as('count'))
        .groupBy(['c.id', 'c.name', 'c.speed_kmh', 'c.cycle'])
        .orderBy('c.name')
        .execute()
    ).map((r) => ({ ...r, id: Number(r.id), count: Number(r.count) })),
  corridor: async (db: SignalsDb, id: number): Promise<Omit<CorridorRow, 'count'> | undefined> => {
    const r = await db.selectFrom('signal_corridors').select(['id', 'name', 'speed_kmh', 'cycle']).where('id', '=', id).executeTakeFirst();
    return r ? { ...r, id: Number(r.id) } : undefined;
  },
  setCorridorDesign: (db: SignalsDb, id: number, speedKmh: number, cycle: number) => db.updateTable('signal_corridors').set({ speed_kmh: speedKmh, cycle }).where('id', '=', id).execute(),
  /** The newest plan of each of the intersections (all when ids is omitted). */
  currentPlans: async (db: SignalsDb, ids?: readonly string[]): Promise<Map<string, PlanRow>> => {
    if (ids && ids.length === 0) return new Map();
    const rows = await sql<PlanRow>`select distinct on (p.intersection_id) p.id, p.intersection_id, p.version, p.pattern, p.cycle, p.plan, p.source, a.username as created_by, p.created_at
      from signal_plans p left join accounts a on a.id = p.created_by
      ${ids ? sql`where p.intersection_id in (${sql.join(ids)})` : sql``}
      order by p.intersection_id, p.version desc`.execute(db);
    return new Map(rows.rows.map((r) => [r.intersection_id, { ...r, id: Number(r.id), plan: parsed<TimingPlan>(r.plan) }]));
  },
  plans: async (db: SignalsDb, id: string, limit = 20): Promise<PlanRow[]> =>
    (
      await db
        .selectFrom('signal_plans as p')
        .leftJoin('accounts as a', 'a.id', 'p.created_by')
        .select(['p.id', 'p.intersection_id', 'p.version', 'p.pattern', 'p.cycle', 'p.plan', 'p.source', 'a.username as created_by', 'p.created_at'])
        .where('p.intersection_id', '=', id)
        .orderBy('p.version', 'desc')
        .limit(limit)
        .execute()
    ).map((r) => ({ ...r, id: Number(r.id), plan: parsed<TimingPlan>(r.plan) })),
  addPlan: async (db: SignalsDb, v: { intersectionId: string; plan: TimingPlan; source: PlanSource; createdBy: number | null }): Promise<{ id: number; version: number }> => {
    const last = await db.selectFrom('signal_plans').select((e) => e.fn.max('version').as('v')).where('intersection_id', '=', v.intersectionId).executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const r = await db
      .insertInto('signal_plans')
      .values({ intersection_id: v.intersectionId, version, pattern: v.plan.pattern.pattern, cycle: v.plan.pattern.cycle, plan: JSON.stringify(v.plan), source: v.source, created_by: v.createdBy })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: Number(r.id), version };
  },
  schedule: (db: SignalsDb, id: string) => db.selectFrom('signal_schedule').select(['day_plan', 'starts_minute', 'pattern']).where('intersection_id', '=', id).orderBy('day_plan').orderBy('starts_minute').execute(),
  sends: async (db: SignalsDb, id: string, limit = 20): Promise<SendRow[]> =>
    (
      await db
        .selectFrom('signal_sends as s')
        .innerJoin('signal_plans as p', 'p.id', 's.plan_id')
        .leftJoin('accounts as a', 'a.id', 's.sent_by')
        .select(['s.id', 'p.version as plan_version', 's.sent_version', 's.outcome', 's.problems', 'a.username as sent_by', 's.sent_at'])
        .where('s.intersection_id', '=', id)
        .orderBy('s.id', 'desc')
        .limit(limit)
        .execute()
    ).map((r) => ({ ...r, id: Number(r.id), sent_version: r.sent_version === null ? null : Number(r.sent_version), problems: parsed<PlanProblem[]>(r.problems) })),
  addSend: (db: SignalsDb, v: { intersectionId: string; planId: number; sentVersion: number | null; outcome: SendOutcome; problems: PlanProblem[]; sentBy: number }) =>
    db.insertInto('signal_sends').values({ intersection_id: v.intersectionId, plan_id: v.planId, sent_version: v.sentVersion, outcome: v.outcome, problems: JSON.stringify(v.problems), sent_by: v.sentBy }).execute(),
};
