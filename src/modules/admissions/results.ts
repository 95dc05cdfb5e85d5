// The results of a round (issue 11 "Rules"; docs/admission-lottery.md §3): the education office publishes the
// commitment SHA-256(seed) before the window closes; after it closes, the allocation (allocation.ts) runs over the
// round's applications in one transaction — each application becomes admitted or not_admitted with the reason
// (result_note) and, when admitted, an in-person appointment (appointments.ts) — and the seed and every draw's list
// and result (formatDraw) are published, so that anyone can recompute them with `egov admission draw`.
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { Actor } from '../../platform/auth/access.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { getWorkCalendar } from '../calendar/index.ts';
import { allocate, type AdmissionApplication, type LotteryDraw, type Placement } from './allocation.ts';
import { appointmentAt, daysNeeded, workingDaysAfter } from './appointments.ts';
import { formatDraw, generateSeed, seedCommitment } from './lottery.ts';
import { clearOfficeCounts, findOfficeRound } from './office.ts';
import { OfficeErrors } from './office-errors.ts';
import { admissionRepo, type Round } from './repo.ts';
import { clearAdmissionCaches } from './service.ts';
import { admissionDb, type AdmissionDb, type AdmissionTables } from './tables.ts';

interface ResultsTable {
  round_id: number;
  commitment: string;
  seed: string;
  committed_at: Date;
  committed_by: number | null;
  drawn_at: Date | null;
  drawn_by: number | null;
  admitted: number | null;
  not_admitted: number | null;
}
interface DrawsTable {
  round_id: number;
  seq: number;
  stage: LotteryDraw['stage'];
  school_code: string | null;
  priority_group: number | null;
  places: number | null;
  applications: string;
  result: string;
}
type ResultTables = { admission_round_results: ResultsTable; admission_draws: DrawsTable };
type Db = Kysely<PlatformTables & AdmissionTables & ResultTables>;
const rdb = (db: AdmissionDb): Db => db.withTables<ResultTables>();

export interface Ctx {
  now?: Date;
}

export interface PublishedDraw {
  seq: number;
  stage: LotteryDraw['stage'];
  schoolCode: string | null;
  priorityGroup: number | null;
  places: number | null;
  count: number;
}

export interface PublicResults {
  round: Round;
  commitment: string | null;
  committedAt: Date | null;
  /** Revealed only once the allocation has run. */
  seed: string | null;
  drawnAt: Date | null;
  admitted: number | null;
  notAdmitted: number | null;
  draws: PublishedDraw[];
}

/** The commitment of a fresh secret seed (lottery.ts generateSeed), published before the window closes. */
export async function publishCommitment(platform: Platform, actor: Actor, roundId: number, ctx: Ctx = {}): Promise<{ commitment: string; committedAt: Date }> {
  const round = await findOfficeRound(platform, actor, roundId);
  const user = actor as NonNullable<Actor> & { id: number };
  const now = ctx.now ?? new Date();
  // docs/admission-lottery.md §3: before the window closes, before anyone can know the final list.
  if (now >= round.closesAt) throw OfficeErrors.COMMIT_TOO_LATE();
  const seed = generateSeed();
  const commitment = seedCommitment(seed);
  return platform.database.db.transaction().execute(async (trx) => {
    const row = await rdb(admissionDb(trx))
      .insertInto('admission_round_results')
      .values({ round_id: round.id, commitment, seed, committed_at: now, committed_by: user.id, drawn_at: null, drawn_by: null, admitted: null, not_admitted: null })
      .onConflict((oc) => oc.column('round_id').doNothing())
      .returning('committed_at')
      .executeTakeFirst();
    if (!row) throw OfficeErrors.ALREADY_COMMITTED();
    await recordAudit(trx, { actor: user, action: 'admissions.publish_commitment', entity: 'admission_round', entityId: round.id, data: { commitment } });
    return { commitment, committedAt: row.committed_at };
  });
}

/** What the allocation reads: the round's places and active applications, each child's catchment schools. */
async function allocationInput(db: Db, round: Round): Promise<{ schools: Map<string, { places: number; name: string; address: string }>; applications: AdmissionApplication[] }> {
  const places = await db
    .selectFrom('admission_round_places as p')
    .innerJoin('admission_schools as s', 's.id', 'p.school_id')
    .select(['s.code', 's.name', 's.address', 'p.places'])
    .where('p.round_id', '=', round.id)
    .execute();
  const schools = new Map(places.map((p) => [p.code, { places: p.places, name: p.name, address: p.address }]));
  const catchments = await db
    .selectFrom('admission_catchments as c')
    .innerJoin('admission_schools as s', 's.id', 'c.school_id')
    .select(['c.unit_code as unit', 'c.area', 's.code'])
    .where('c.school_year', '=', round.schoolYear)
    .execute();
  const byUnit = new Map<string, { area: string; code: string }[]>();
  for (const c of catchments) if (schools.has(c.code)) byUnit.set(c.unit, [...(byUnit.get(c.unit) ?? []), c]);
  const apps = await db
    .selectFrom('admission_applications as a')
    .innerJoin('admission_schools as s', 's.id', 'a.school_id')
    .innerJoin('admission_children as c', 'c.id', 'a.child_id')
    .select(['a.application_no as no', 'a.child_id as childId', 's.code', 'a.priority_group as group', 'c.residence_unit as unit', 'c.residence_area as area'])
    .where('a.round_id', '=', round.id)
    .where('a.status', '=', 'active')
    .execute();
  const applications = apps.map((a): AdmissionApplication => {
    // The catchment is the one published for the school year (a part of a unit matches only the children of that part),
    // the same rule as the parents' school list (repo.ts schoolsForRound).
    const catchmentSchools = [...new Set((byUnit.get(a.unit) ?? []).filter((c) => c.area === '' || c.area === a.area).map((c) => c.code))];
    return { applicationNo: a.no, childId: String(a.childId), chosenSchool: a.code, inCatchment: catchmentSchools.includes(a.code), catchmentSchools, priorityGroup: a.group };
  });
  return { schools, applications };
}

function resultNote(p: Placement, school: { name: string } | undefined): string {
  return p.admittedSchool
    ? `Trúng tuyển: ${school?.name ?? p.admittedSchool}. ${p.text.vi}. / Admitted: ${school?.name ?? p.admittedSchool}. ${p.text.en}.`
    : `Không trúng tuyển. ${p.text.vi}. / Not admitted. ${p.text.en}.`;
}

/** Runs the allocation of a closed round once, writes every result and publishes the seed and the draws. */
export async function runAllocation(platform: Platform, actor: Actor, roundId: number, ctx: Ctx = {}): Promise<{ admitted: number; notAdmitted: number; draws: number }> {
  const round = await findOfficeRound(platform, actor, roundId);
  const user = actor as NonNullable<Actor> & { id: number };
  const now = ctx.now ?? new Date();
  if (now < round.closesAt) throw OfficeErrors.ROUND_STILL_OPEN();
  const calendar = await getWorkCalendar(platform);
  const out = await platform.database.db.transaction().execute(async (trx) => {
    const db = rdb(admissionDb(trx));
    // The row lock makes a second click or a second officer wait, then find drawn_at set.
    const committed = await db.selectFrom('admission_round_results').selectAll().where('round_id', '=', round.id).forUpdate().executeTakeFirst();
    if (!committed) throw OfficeErrors.NO_COMMITMENT();
    if (committed.drawn_at) throw OfficeErrors.ALREADY_DRAWN();
    const { schools, applications } = await allocationInput(db, round);
    const allocation = allocate({ schools: [...schools].map(([id, s]) => ({ id, places: s.places })), applications, seed: committed.seed });
    const perSchool = new Map<string, number>();
    const days = new Map<string, string[]>();
    for (const s of allocation.schools) days.set(s.id, workingDaysAfter((d) => calendar.isWorkingDay(d), now, daysNeeded(s.admitted)));
    const rows = allocation.placements.map((p) => {
      const school = p.admittedSchool ? schools.get(p.admittedSchool) : undefined;
      let at: Date | null = null;
      if (p.admittedSchool) {
        const i = perSchool.get(p.admittedSchool) ?? 0;
        perSchool.set(p.admittedSchool, i + 1);
        at = appointmentAt(days.get(p.admittedSchool) ?? [], i);
      }
      return { no: p.applicationNo, status: p.admittedSchool ? 'admitted' : 'not_admitted', note: resultNote(p, school), at: at?.toISOString() ?? null, place: school ? `${school.name}, ${school.address}` : null };
    });
    for (let i = 0; i < rows.length; i += 500) {
      const values = sql.join(rows.slice(i, i + 500).map((r) => sql`(${r.no}::text, ${r.status}::text, ${r.note}::text, ${r.at}::timestamptz, ${r.place}::text)`));
      await sql`update admission_applications a set status = v.status, result_note = v.note, appointment_at = v.at, appointment_place = v.place, updated_at = ${now}
        from (values ${values}) as v(no, status, note, at, place) where a.application_no = v.no and a.round_id = ${round.id} and a.status = 'active'`.execute(trx);
    }
    const draws = allocation.draws.map((d, seq) => ({
      round_id: round.id,
      seq: seq + 1,
      stage: d.stage,
      school_code: d.school,
      priority_group: d.group,
      places: d.places,
      applications: [...d.applicationNos].sort().map((n) => `${n}\n`).join(''),
      result: formatDraw(committed.seed, d.applicationNos, d.places ?? undefined),
    }));
    for (let i = 0; i < draws.length; i += 200) await db.insertInto('admission_draws').values(draws.slice(i, i + 200)).execute();
    const admitted = rows.filter((r) => r.status === 'admitted').length;
    await db.updateTable('admission_round_results').set({ drawn_at: now, drawn_by: user.id, admitted, not_admitted: rows.length - admitted }).where('round_id', '=', round.id).execute();
    await recordAudit(trx, { actor: user, action: 'admissions.allocate', entity: 'admission_round', entityId: round.id, data: { commitment: committed.commitment, applications: rows.length, admitted, draws: draws.length } });
    return { admitted, notAdmitted: rows.length - admitted, draws: draws.length };
  });
  clearAdmissionCaches(platform);
  clearOfficeCounts(platform);
  return out;
}

/** The public page's data: the commitment from the time it is published; the seed and the draws after the allocation. */
export async function publicResults(platform: Platform, roundId: number): Promise<PublicResults> {
  const db = rdb(admissionDb(platform.database.db));
  const round = Number.isSafeInteger(roundId) && roundId > 0 ? await admissionRepo.findRound(admissionDb(platform.database.db), roundId) : undefined;
  if (!round) throw OfficeErrors.ROUND_NOT_FOUND();
  const r = await db.selectFrom('admission_round_results').selectAll().where('round_id', '=', round.id).executeTakeFirst();
  const drawn = !!r?.drawn_at;
  const draws = drawn
    ? await db
        .selectFrom('admission_draws')
        .select(['seq', 'stage', 'school_code as schoolCode', 'priority_group as priorityGroup', 'places', sql<number>`length(applications) - length(replace(applications, chr(10), ''))`.as('count')])
        .where('round_id', '=', round.id)
        .orderBy('seq')
        .execute()
    : [];
  return {
    round,
    commitment: r?.commitment ?? null,
    committedAt: r?.committed_at ?? null,
    // The seed stays secret until the draw (docs/admission-lottery.md §3).
    seed: drawn ? (r?.seed ?? null) : null,
    drawnAt: r?.drawn_at ?? null,
    admitted: r?.admitted ?? null,
    notAdmitted: r?.not_admitted ?? null,
    draws: draws.map((d) => ({ ...d, count: Number(d.count) })),
  };
}

/** One published draw's file: the applications (one per line) or the result as `egov admission draw` prints it. */
export async function drawFile(platform: Platform, roundId: number, seq: number, kind: 'applications' | 'result'): Promise<string> {
  const db = rdb(admissionDb(platform.database.db));
  const row = Number.isSafeInteger(seq) && Number.isSafeInteger(roundId)
    ? await db
        .selectFrom('admission_draws as d')
        .innerJoin('admission_round_results as r', 'r.round_id', 'd.round_id')
        .select(['d.applications', 'd.result'])
        .where('d.round_id', '=', roundId)
        .where('d.seq', '=', seq)
        .where('r.drawn_at', 'is not', null)
        .executeTakeFirst()
    : undefined;
  if (!row) throw OfficeErrors.DRAW_NOT_FOUND();
  return kind === 'applications' ? row.applications : row.result;
}
