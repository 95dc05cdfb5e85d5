// The education office's side of admission (issue 11 "Schools see and confirm their applicants; the education office
// sees live counts per school against places, per ward and city-wide (charts), and exports lists"). Every function
// checks the role first: only the education office (Sở/Phòng GD&ĐT) reaches these figures.
//
// Live counts are one grouped query per round, kept 5 seconds per process (cache.ts): a dashboard refreshed by many
// officers during the rush costs one query per round every few seconds, not one per page view.
import { sql } from 'kysely';
import type { Platform } from '../../platform/http/context.ts';
import { requireStaff, type Actor } from '../../platform/auth/access.ts';
import { Role, type SessionUser } from '../../platform/auth/roles.ts';
import { HOME_PROVINCE, listUnits } from '../units/index.ts';
import { ttlCache } from './cache.ts';
import { OfficeErrors } from './office-errors.ts';
import { admissionRepo, type Round } from './repo.ts';
import { admissionDb } from './tables.ts';

export const COUNTS_TTL_MS = 5_000;

/** Access check of every office function: the education office role (migration 0026), nobody else. */
export function requireOffice(actor: Actor): SessionUser {
  return requireStaff(actor, Role.educationOffice);
}

export interface Tally {
  places: number;
  applications: number;
  inCatchment: number;
  outOfCatchment: number;
}

export interface SchoolCount extends Tally {
  code: string;
  name: string;
  ownership: 'public' | 'private';
  wardCode: string;
  wardName: string;
  /** More applications than places: the allocation will draw lots or send children elsewhere. */
  oversubscribed: boolean;
}

export interface WardCount extends Tally {
  code: string;
  name: string;
  schools: number;
  oversubscribedSchools: number;
}

export interface RoundCounts {
  round: Round;
  schools: SchoolCount[];
  wards: WardCount[];
  city: Tally & { schools: number; oversubscribedSchools: number };
  /** When the counts were read (they are at most COUNTS_TTL_MS older than the page). */
  at: Date;
}

const countsCache = ttlCache<RoundCounts>(COUNTS_TTL_MS);

/** Forget the cached counts (after the allocation; tests). */
export function clearOfficeCounts(platform: Platform): void {
  countsCache.clear(platform.database);
}

export async function officeRounds(platform: Platform, actor: Actor): Promise<Round[]> {
  requireOffice(actor);
  return admissionRepo.listRounds(admissionDb(platform.database.db));
}

export async function findOfficeRound(platform: Platform, actor: Actor, roundId: number): Promise<Round> {
  requireOffice(actor);
  const round = Number.isSafeInteger(roundId) && roundId > 0 ? await admissionRepo.findRound(admissionDb(platform.database.db), roundId) : undefined;
  if (!round) throw OfficeErrors.ROUND_NOT_FOUND();
  return round;
}

const add = (t: Tally, s: Tally): void => {
  t.places += s.places;
  t.applications += s.applications;
  t.inCatchment += s.inCatchment;
  t.outOfCatchment += s.outOfCatchment;
};

async function loadCounts(platform: Platform, round: Round): Promise<RoundCounts> {
  const db = admissionDb(platform.database.db);
  // One grouped query: every school with places in the round, its applications (withdrawn ones do not count).
  const rows = await db
    .selectFrom('admission_round_places as p')
    .innerJoin('admission_schools as s', 's.id', 'p.school_id')
    .leftJoin('admission_applications as a', (j) => j.onRef('a.round_id', '=', 'p.round_id').onRef('a.school_id', '=', 'p.school_id').on('a.status', '<>', 'withdrawn'))
    .select(['s.code', 's.name', 's.ownership', 's.ward_code as wardCode', 'p.places'])
    .select([sql<string>`count(a.id)`.as('applications'), sql<string>`count(a.id) filter (where a.in_catchment)`.as('inCatchment')])
    .where('p.round_id', '=', round.id)
    .groupBy(['s.id', 's.code', 's.name', 's.ownership', 's.ward_code', 'p.places'])
    .orderBy('s.code')
    .execute();
  const unitNames = new Map((await listUnits(platform.database.db, { parent: HOME_PROVINCE })).map((u) => [u.code, u.name]));
  const wards = new Map<string, WardCount>();
  const city = { places: 0, applications: 0, inCatchment: 0, outOfCatchment: 0, schools: 0, oversubscribedSchools: 0 };
  const schools = rows.map((r): SchoolCount => {
    const applications = Number(r.applications);
    const inCatchment = Number(r.inCatchment);
    const s: SchoolCount = {
      code: r.code,
      name: r.name,
      ownership: r.ownership,
      wardCode: r.wardCode,
      wardName: unitNames.get(r.wardCode) ?? r.wardCode,
      places: r.places,
      applications,
      inCatchment,
      outOfCatchment: applications - inCatchment,
      oversubscribed: applications > r.places,
    };
    let w = wards.get(s.wardCode);
    if (!w) wards.set(s.wardCode, (w = { code: s.wardCode, name: s.wardName, schools: 0, oversubscribedSchools: 0, places: 0, applications: 0, inCatchment: 0, outOfCatchment: 0 }));
    add(w, s);
    add(city, s);
    w.schools++;
    city.schools++;
    if (s.oversubscribed) {
      w.oversubscribedSchools++;
      city.oversubscribedSchools++;
    }
    return s;
  });
  const collator = new Intl.Collator('vi');
  return { round, schools, wards: [...wards.values()].sort((a, b) => collator.compare(a.name, b.name)), city, at: new Date() };
}

/** Applications against places per school, per ward and city-wide for a round, at most a few seconds old. */
export async function roundCounts(platform: Platform, actor: Actor, roundId: number): Promise<RoundCounts> {
  const round = await findOfficeRound(platform, actor, roundId);
  return countsCache.get(platform.database, String(round.id), () => loadCounts(platform, round));
}

/** The round the dashboard opens on: the one open now, else the next to open, else the latest. */
export function defaultRound(rounds: readonly Round[], now = new Date()): Round | undefined {
  return (
    rounds.find((r) => r.opensAt <= now && now < r.closesAt) ??
    rounds.filter((r) => r.opensAt > now).sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime())[0] ??
    [...rounds].sort((a, b) => b.closesAt.getTime() - a.closesAt.getTime())[0]
  );
}
