// What the generator needs to know, read once through the modules' public surfaces: the agencies of the city, the
// procedures each receives, the officers who act (the agency's real staff where it has some, invented names
// otherwise), the workflows' step budgets and the office time of the span.
import type { Kysely } from 'kysely';
import { addDays, type IsoDate, vietnamDateOf } from '../../../platform/calendar/index.ts';
import type { PlatformTables } from '../../../platform/db/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { Role } from '../../../platform/auth/roles.ts';
import { findStaffWithRole } from '../../accounts/index.ts';
import { getWorkCalendar } from '../../calendar/index.ts';
import { listAgencies } from '../../units/index.ts';
import { getWorkflow } from '../workflow/registry.ts';
import { CITY_OFFICE_CODE } from '../workflow/routing.ts';
import { personName } from './people.ts';
import { loadSeedProcedures, type SeedProcedure, type Workflow } from './procedures.ts';
import { Rng, Weighted } from './random.ts';
import { WorkTime } from './worktime.ts';

export interface SeedAgency {
  id: number;
  code: string;
  name: string;
  kind: 'commune_committee' | 'service_centre' | 'department' | 'other';
  /** 'Phường Hoàn Kiếm', 'Xã Hương Sơn'; the city for the centre and departments. */
  unitName: string;
}

export interface Officer {
  id?: number;
  name: string;
}

export type OfficerRole = typeof Role.oneStopOfficer | typeof Role.specialist | typeof Role.leader;
const OFFICER_ROLES: readonly OfficerRole[] = [Role.oneStopOfficer, Role.specialist, Role.leader];

export interface SeedContext {
  seed: number;
  now: Date;
  /** The office minute of `now`: what is planned before it has happened. */
  nowOm: number;
  work: WorkTime;
  agencies: ReadonlyMap<number, SeedAgency>;
  communes: SeedAgency[];
  centre: SeedAgency | undefined;
  departments: SeedAgency[];
  cityOffice: SeedAgency | undefined;
  procedures: SeedProcedure[];
  /** The procedures an agency receives, by volume; undefined when it receives none. */
  receivable(agency: SeedAgency): Weighted<SeedProcedure> | undefined;
  officers(agencyId: number, role: OfficerRole): Officer[];
  /** Share of the legal time of each state, per workflow (data/workflows). */
  budgets: Record<Workflow, Record<string, number>>;
}

export interface ContextOptions {
  seed: number;
  now: Date;
  /** First day dossiers are received. */
  from: IsoDate;
  /** Tail procedures per level (the demo keeps it small). */
  tail?: number;
}

async function budgetsOf(db: Kysely<PlatformTables>): Promise<Record<Workflow, Record<string, number>>> {
  const out = {} as Record<Workflow, Record<string, number>>;
  for (const code of ['standard', 'lien-thong'] as const) {
    const w = await getWorkflow(db, code);
    out[code] = Object.fromEntries(w.states.map((s) => [s.key, s.budget]));
  }
  return out;
}

export async function loadContext(platform: Platform, opts: ContextOptions): Promise<SeedContext> {
  const db = platform.database.db;
  const all = (await listAgencies(db)).filter((a) => a.kind !== 'city_committee');
  const agencies = new Map<number, SeedAgency>(
    all.map((a) => [a.id, { id: a.id, code: a.code, name: a.name, kind: a.kind as SeedAgency['kind'], unitName: a.unitName }]),
  );
  const list = [...agencies.values()];
  const centre = list.find((a) => a.kind === 'service_centre');
  const departments = list.filter((a) => a.kind === 'department');
  const cityOffice = departments.find((d) => d.code === CITY_OFFICE_CODE);
  const procedures = await loadSeedProcedures(db, {
    centreId: centre?.id ?? null,
    // City bodies that are not departments (the city police, the industrial zones board) handle some city procedures too.
    departments: list.filter((a) => a.kind === 'department' || a.kind === 'other'),
    officeId: cityOffice?.id ?? null,
    seed: opts.seed,
    ...(opts.tail === undefined ? {} : { tail: opts.tail }),
  });

  const picker = (entries: [SeedProcedure, number][]) => (entries.some(([, w]) => w > 0) ? new Weighted(entries) : undefined);
  const communeProcedures = picker(procedures.map((p) => [p, p.weights.commune]));
  const centreProcedures = picker(procedures.map((p) => [p, p.weights.province]));
  const byDepartment = new Map(departments.map((d) => [d.id, picker(procedures.filter((p) => p.departmentId === d.id).map((p) => [p, p.weights.province]))]));

  const staff = new Map<string, Officer[]>();
  for (const a of list) {
    for (const role of OFFICER_ROLES) {
      const real = await findStaffWithRole(db, a.id, role);
      const rng = Rng.derive(opts.seed, 'officer', a.code, role);
      const names = real.length > 0 ? real.map((s) => ({ id: s.id, name: s.fullName })) : [personName(rng), personName(rng)].map((p) => ({ name: p.name }));
      staff.set(`${a.id}|${role}`, names);
    }
  }

  const calendar = await getWorkCalendar(platform);
  const work = new WorkTime(calendar, addDays(opts.from, -120), addDays(vietnamDateOf(opts.now), 400));
  return {
    seed: opts.seed,
    now: opts.now,
    nowOm: work.officeMinute(opts.now),
    work,
    agencies,
    communes: list.filter((a) => a.kind === 'commune_committee'),
    centre,
    departments,
    cityOffice,
    procedures,
    receivable: (a) => (a.kind === 'commune_committee' ? communeProcedures : a.kind === 'service_centre' ? centreProcedures : byDepartment.get(a.id)),
    officers: (agencyId, role) => staff.get(`${agencyId}|${role}`) ?? [{ name: 'Cán bộ một cửa' }],
    budgets: await budgetsOf(db),
  };
}
