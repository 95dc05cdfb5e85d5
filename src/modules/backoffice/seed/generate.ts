// The year, day by day: N dossiers spread over the working days by season, over the receiving agencies by size
// (wards and communes most, the service centre, departments), each agency's day in order of receipt so that its
// numbers 0001, 0002, … follow the clock. Yields batches of agency-days; nothing here touches the database.
import { type IsoDate, vietnamDateOf } from '../../../platform/calendar/index.ts';
import type { SeedAgency, SeedContext } from './context.ts';
import { forcedDossier, naturalDossier } from './lifecycle.ts';
import { applicant } from './people.ts';
import type { SeedProcedure } from './procedures.ts';
import { apportion, Rng, Weighted } from './random.ts';
import type { DayGroup, SeededDossier, Status } from './rows.ts';
import { dayWeight, minuteOfDay } from './seasonal.ts';
import type { StoryBase } from './story.ts';

/** A dossier made to stand in a given state now (demo inboxes), e.g. in approval and due tomorrow. */
export interface Scenario {
  /** Code of the receiving agency. */
  agency: string;
  /** Code of the handling department, for dossiers the service centre receives. */
  handling?: string;
  status: Status;
  /** Working days from today to the due date: 0 due today, 1 the next working day, -2 two working days overdue. */
  dueIn?: number;
  count?: number;
}

export interface GenerateOptions {
  count: number;
  /** First day of receipt (Vietnam date); the last is today. */
  from: IsoDate;
  /** Share of all dossiers for some agencies (by code), e.g. the demo's own ward. */
  focus?: Record<string, number>;
  scenarios?: readonly Scenario[];
  /** Dossiers per batch (one transaction each). */
  batchSize: number;
}

/** Volume by kind of agency: wards and communes receive most; the city's one-stop centre and departments the rest. */
const SHARE = { communes: 0.75, centre: 0.15, departments: 0.1 } as const;
const ONLINE = { full: 0.8, partial: 0.62 } as const;

function receivingPicker(ctx: SeedContext, focus: Record<string, number>): Weighted<SeedAgency> {
  const rng = Rng.derive(ctx.seed, 'agencies');
  const entries: [SeedAgency, number][] = [];
  const communes = ctx.communes.filter((a) => ctx.receivable(a));
  const size = communes.map((a) => (a.code.includes('.51.') ? rng.between(1, 2.4) : rng.between(0.5, 1.4)));
  const communeTotal = size.reduce((s, x) => s + x, 0) || 1;
  communes.forEach((a, i) => entries.push([a, (SHARE.communes * (size[i] ?? 0)) / communeTotal]));
  if (ctx.centre && ctx.receivable(ctx.centre)) entries.push([ctx.centre, SHARE.centre]);
  const depts = ctx.departments.map((d) => [d, ctx.receivable(d)?.total ?? 0] as const).filter(([, w]) => w > 0);
  const deptTotal = depts.reduce((s, [, w]) => s + w, 0) || 1;
  for (const [d, w] of depts) entries.push([d, (SHARE.departments * w) / deptTotal]);
  const focused = Object.values(focus).reduce((s, f) => s + f, 0);
  const rest = entries.filter(([a]) => focus[a.code] === undefined);
  const restTotal = rest.reduce((s, [, w]) => s + w, 0) || 1;
  return new Weighted(entries.map(([a, w]) => [a, focus[a.code] ?? ((1 - focused) * w) / restTotal] as [SeedAgency, number]));
}

function handlingOf(ctx: SeedContext, agency: SeedAgency, p: SeedProcedure): number {
  if (agency.kind !== 'service_centre') return agency.id;
  return p.departmentId ?? ctx.cityOffice?.id ?? agency.id;
}

function base(ctx: SeedContext, rng: Rng, agency: SeedAgency, p: SeedProcedure, channel?: 'online' | 'counter'): StoryBase {
  const online = channel ?? (p.online && rng.chance(p.onlineLevel === 'full' ? ONLINE.full : ONLINE.partial) ? 'online' : 'counter');
  const home = agency.kind === 'commune_committee' ? agency : rng.pick(ctx.communes.length > 0 ? ctx.communes : [agency]);
  return { agency, procedure: p, channel: online, handlingId: handlingOf(ctx, agency, p), applicant: applicant(rng, home.unitName), rng };
}

interface Placed {
  idx: number;
  agency: SeedAgency;
  om: number;
  make: () => SeededDossier;
}

/** The receipt day from which `p`'s legal time ends on working day `dueIdx` (searched backwards with the calendar). */
function clockDayFor(ctx: SeedContext, p: SeedProcedure, dueIdx: number, before: number): number | undefined {
  const { work } = ctx;
  const target = work.day(dueIdx);
  for (let c = Math.min(dueIdx - 1, before); c >= dueIdx - 120 && c >= 0; c--) {
    const d = work.deadline(work.at(work.startOf(c) + 60), p.time.amount, p.time.unit);
    if (d.dueDate === target) return c;
    if (d.dueDate < target) return undefined;
  }
  return undefined;
}

/** Where a scenario's dossier starts: received long enough ago for its due date to fall `dueIn` working days from today. */
function placeScenario(ctx: SeedContext, sc: Scenario, i: number): Placed | undefined {
  const rng = Rng.derive(ctx.seed, 'scenario', sc.agency, sc.handling ?? '', sc.status, sc.dueIn ?? 'none', i);
  const agency = [...ctx.agencies.values()].find((a) => a.code === sc.agency);
  const picker = agency && ctx.receivable(agency);
  if (!agency || !picker) return undefined;
  const { work } = ctx;
  const D = work.perDay;
  const handling = sc.handling ? [...ctx.agencies.values()].find((a) => a.code === sc.handling) : undefined;
  let candidates = picker.items.filter((p) => !handling || p.departmentId === handling.id);
  if (sc.dueIn !== undefined) candidates = candidates.filter((p) => (p.time.unit === 'working_days' || p.time.unit === 'calendar_days') && p.time.amount >= 3);
  if (sc.status === 'consulting' && candidates.some((p) => p.workflow === 'lien-thong')) candidates = candidates.filter((p) => p.workflow === 'lien-thong');
  // New and waiting dossiers are shown as sent online: only of procedures that take online dossiers (2.000815,
  // certified copies, is counter-only in the national catalogue: its original must be seen).
  const online = sc.status === 'received' || sc.status === 'supplement';
  if (online) candidates = candidates.filter((p) => p.online);
  const today = work.indexOnOrAfter(vietnamDateOf(ctx.now));
  let om: number | undefined;
  let p: SeedProcedure | undefined;
  for (const candidate of rng.sample(candidates, candidates.length)) {
    p = candidate;
    if (sc.dueIn === undefined) break;
    // Received early on the day the clock started, at least a day before today so its actions fit before now.
    const c = clockDayFor(ctx, candidate, today + sc.dueIn, today - 1);
    if (c === undefined) continue;
    om = work.startOf(c) + rng.int(15, 120);
    break;
  }
  if (!p) return undefined;
  if (sc.status === 'consulting') p = { ...p, workflow: 'lien-thong' };
  if (om === undefined) om = sc.status === 'received' ? Math.max(work.startOf(today - 1), ctx.nowOm - rng.int(30, D)) : ctx.nowOm - rng.int(D, 3 * D);
  om = Math.min(om, ctx.nowOm - 30);
  const b = base(ctx, rng, agency, p, online ? 'online' : undefined);
  const start = om;
  return { idx: Math.floor(om / D), agency, om, make: () => forcedDossier(ctx, b, start, sc.status) };
}

export function* generate(ctx: SeedContext, opts: GenerateOptions): Generator<DayGroup[]> {
  const { work } = ctx;
  const D = work.perDay;
  const first = work.indexOnOrAfter(opts.from);
  const last = Math.floor((ctx.nowOm - 1) / D);
  const days: number[] = [];
  for (let i = first; i <= last; i++) days.push(i);
  const weights = days.map((i) => {
    const noise = Rng.derive(ctx.seed, 'noise', work.day(i)).between(0.9, 1.1);
    const elapsed = Math.min(1, Math.max(0, (ctx.nowOm - work.startOf(i)) / D));
    return dayWeight(work.day(i)) * noise * elapsed;
  });
  const counts = apportion(opts.count, weights);
  const picker = receivingPicker(ctx, opts.focus ?? {});

  const scenarios = new Map<number, Placed[]>();
  for (const sc of opts.scenarios ?? []) {
    for (let k = 0; k < (sc.count ?? 1); k++) {
      const placed = placeScenario(ctx, sc, k);
      if (placed) scenarios.set(placed.idx, [...(scenarios.get(placed.idx) ?? []), placed]);
    }
  }
  const firstDay = Math.min(first, ...scenarios.keys());

  let batch: DayGroup[] = [];
  let inBatch = 0;
  for (let i = firstDay; i <= last; i++) {
    const rng = Rng.derive(ctx.seed, 'day', work.day(i));
    const placed: Placed[] = [...(scenarios.get(i) ?? [])];
    const n = i >= first ? (counts[i - first] ?? 0) : 0;
    for (let k = 0; k < n; k++) {
      const agency = picker.pick(rng);
      const p = ctx.receivable(agency)?.pick(rng);
      if (!p) continue;
      const om = work.startOf(i) + minuteOfDay(rng, D, ctx.nowOm - work.startOf(i));
      const b = base(ctx, rng, agency, p);
      placed.push({ idx: i, agency, om, make: () => naturalDossier(ctx, b, om) });
    }
    const byAgency = new Map<number, Placed[]>();
    for (const x of placed) {
      const list = byAgency.get(x.agency.id);
      if (list) list.push(x);
      else byAgency.set(x.agency.id, [x]);
    }
    for (const [agencyId, list] of byAgency) {
      list.sort((a, b) => a.om - b.om);
      const dossiers = list.map((x) => x.make()).sort((a, b) => a.row.received_at.getTime() - b.row.received_at.getTime());
      batch.push({ agencyId, agencyCode: list[0]?.agency.code ?? '', day: work.day(i), dossiers });
      inBatch += dossiers.length;
    }
    if (inBatch >= opts.batchSize) {
      yield batch;
      batch = [];
      inBatch = 0;
    }
  }
  if (batch.length > 0) yield batch;
}
