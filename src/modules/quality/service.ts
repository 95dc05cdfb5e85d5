// Service-quality figures (DOMAIN §6): who may see which, and the report of a filter. Staff see their agency's
// figures; the city's leaders and administrators (an agency of kind city_committee or service_centre, or the admin
// role) see any agency, the city total and the table by agency. The public page gets aggregates of one agency only.
import { cachedFigures } from './cache.ts';
import type { Platform } from '../../platform/http/context.ts';
import { type Actor, requireStaff } from '../../platform/auth/access.ts';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { addDays, vietnamDateOf, vietnamInstant, type IsoDate } from '../../platform/calendar/index.ts';
import { getWorkCalendar } from '../calendar/index.ts';
import { catalogueCoverage, procedureCodesOfField, type CatalogueScope } from '../procedures/index.ts';
import { findAgencyByCode, findAgencyById, listAgencies, type Agency } from '../units/index.ts';
import { ATTITUDE_CRITERION, FEEDBACK_ANSWER_WORKING_DAYS } from './definitions.ts';
import { QualityErrors } from './errors.ts';
import { computeFigures, share, type Figures } from './figures.ts';
import type { QualityFilter } from './filter.ts';
import { circular01, decision766, type Evaluation } from './indices.ts';
import { qualityRepo, withoutJit, type FeedbackRow, type Range, type Scope } from './repo.ts';
import { agencyRows } from './repo-agencies.ts';

const CITY_KINDS: readonly string[] = ['city_committee', 'service_centre'];

export interface AgencyRef {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  kind: string;
}

export interface QualityReport {
  agency: AgencyRef | null;
  procedureCode: string | null;
  field: string | null;
  from: IsoDate;
  to: IsoDate;
  figures: Figures;
  circular01: Evaluation;
  decision766: Evaluation;
}

export interface QualityViewer {
  user: SessionUser;
  /** May see any agency and the city total. */
  cityWide: boolean;
  own: Agency | undefined;
}

const ref = (a: Agency): AgencyRef => ({ id: a.id, code: a.code, name: a.name, nameEn: a.nameEn, kind: a.kind });

/** Staff only; who counts as the city's (leaders and administrators) is decided here. */
export async function qualityViewer(platform: Platform, actor: Actor): Promise<QualityViewer> {
  const user = requireStaff(actor);
  const own = user.agencyId !== null ? await findAgencyById(platform.database.db, user.agencyId) : undefined;
  const cityWide = user.roles.includes('admin') || (own !== undefined && CITY_KINDS.includes(own.kind));
  if (!cityWide && !own) throw QualityErrors.OTHER_AGENCY();
  return { user, cityWide, own };
}

/** The agency the figures are for: null = the city. Staff of other agencies only ever get their own. */
async function agencyFor(platform: Platform, viewer: QualityViewer, code: string | null): Promise<AgencyRef | null> {
  if (!viewer.cityWide) {
    const own = viewer.own as Agency;
    if (code !== null && code !== own.code) throw QualityErrors.OTHER_AGENCY();
    return ref(own);
  }
  if (code === null) return null;
  const found = await findAgencyByCode(platform.database.db, code);
  if (!found) throw QualityErrors.AGENCY_NOT_FOUND();
  return ref(found);
}

export function rangeOf(from: IsoDate, to: IsoDate, now = new Date()): Range {
  const start = vietnamInstant(from, 0);
  const end = vietnamInstant(addDays(to, 1), 0);
  const current = end.getTime() > now.getTime();
  return { start, end, asOf: current ? now : end, current };
}

/** The procedures in scope: one, a field's, both (their intersection), or all (null). */
async function procedureCodes(platform: Platform, filter: QualityFilter): Promise<string[] | null> {
  if (filter.field === null) return filter.procedureCode === null ? null : [filter.procedureCode];
  const codes = await procedureCodesOfField(platform.database.db, filter.field);
  return filter.procedureCode === null ? codes : codes.filter((c) => c === filter.procedureCode);
}

/** The catalogue an agency answers for: communes the commune level, departments their own province-level procedures. */
function catalogueScope(agency: AgencyRef | null, filter: QualityFilter): CatalogueScope {
  const base = { field: filter.field ?? undefined, code: filter.procedureCode ?? undefined };
  if (agency?.kind === 'commune_committee') return { ...base, levels: ['commune'] };
  if (agency?.kind === 'department') return { ...base, levels: ['province'], agencyName: agency.name };
  return { ...base, levels: ['province', 'commune'] };
}

async function report(platform: Platform, agency: AgencyRef | null, filter: QualityFilter): Promise<QualityReport> {
  const key = JSON.stringify(['report', agency?.id ?? null, filter.procedureCode, filter.field, filter.from, filter.to]);
  return cachedFigures(key, platform.config.figuresMaxAgeSeconds, () => computeReport(platform, agency, filter));
}

function sumFeedback(a: FeedbackRow, b: FeedbackRow): FeedbackRow {
  const n = (x: number | string): number => Number(x);
  return { total: n(a.total) + n(b.total), on_time: n(a.on_time) + n(b.on_time), late: n(a.late) + n(b.late), overdue: n(a.overdue) + n(b.overdue), pending: n(a.pending) + n(b.pending) };
}

async function computeReport(platform: Platform, agency: AgencyRef | null, filter: QualityFilter): Promise<QualityReport> {
  const db = platform.database.db;
  const range = rangeOf(filter.from, filter.to);
  const scope: Scope = { agencyId: agency?.id ?? null, procedureCodes: await procedureCodes(platform, filter) };
  const calendar = await getWorkCalendar(platform);
  const days: string[] = [];
  for (let d = filter.from; d <= filter.to; d = addDays(d, 1)) days.push(d);
  const dues = days.map((d) => calendar.addWorkingDays(d, FEEDBACK_ANSWER_WORKING_DAYS));
  const run = <T>(q: (x: typeof db) => Promise<T>) => withoutJit(db, q);
  const [received, resolved, inProgress, ratings, dossierFeedback, citizenFeedback, consultations, catalogue] = await Promise.all([
    run((x) => qualityRepo.received(x, scope, range)),
    run((x) => qualityRepo.resolved(x, scope, range)),
    run((x) => qualityRepo.inProgress(x, scope, range)),
    run((x) => qualityRepo.ratings(x, scope, range, ATTITUDE_CRITERION)),
    run((x) => qualityRepo.feedback(x, scope, range, days, dues, vietnamDateOf(new Date()))),
    run((x) => qualityRepo.feedbackCases(x, scope, range, vietnamDateOf(new Date()))),
    run((x) => qualityRepo.consultations(x, scope, range)),
    catalogueCoverage(platform.database.db, catalogueScope(agency, filter)),
  ]);
  // Feedback on a dossier and citizen feedback (phản ánh, kiến nghị) are one figure: Circular 01's index 8 counts both.
  const feedback = sumFeedback(dossierFeedback, citizenFeedback);
  const figures = computeFigures(
    { received, resolved, inProgress, ratings, feedback, consultations, catalogue },
    { from: filter.from, to: filter.to, asOf: range.asOf },
    (d) => calendar.isWorkingDay(d),
  );
  return { agency, procedureCode: filter.procedureCode, field: filter.field, from: filter.from, to: filter.to, figures, circular01: circular01(figures), decision766: decision766(figures) };
}

/** The figures and indices of a filter, for staff (see the file's head for who sees what). */
export async function qualityFigures(platform: Platform, actor: Actor, filter: QualityFilter): Promise<QualityReport> {
  const viewer = await qualityViewer(platform, actor);
  return report(platform, await agencyFor(platform, viewer, filter.agencyCode), filter);
}

export interface AgencyTableRow {
  agency: AgencyRef;
  received: number;
  onlineShare: number | null;
  resolved: number;
  early: number;
  onTime: number;
  late: number;
  onTimeRate: number | null;
  averageDays: number | null;
  inProgress: number;
  overdue: number;
  rated: number;
  satisfiedShare: number | null;
}

/** One row per agency with dossiers in the period (city viewers only), by name. */
export async function agencyTable(platform: Platform, actor: Actor, filter: QualityFilter): Promise<AgencyTableRow[]> {
  const viewer = await qualityViewer(platform, actor);
  if (!viewer.cityWide) throw QualityErrors.CITY_ONLY();
  const db = platform.database.db;
  const key = JSON.stringify(['agencies', filter.procedureCode, filter.field, filter.from, filter.to]);
  const rows = await cachedFigures(key, platform.config.figuresMaxAgeSeconds, async () =>
    agencyRows(db, await procedureCodes(platform, filter), rangeOf(filter.from, filter.to), (q) => withoutJit(db, q)),
  );
  const agencies = new Map((await listAgencies(platform.database.db, { includeInactive: true })).map((a) => [a.id, a]));
  const collator = new Intl.Collator('vi');
  return rows
    .flatMap((r) => {
      const a = agencies.get(r.agency_id);
      if (!a) return [];
      return [
        {
          agency: ref(a),
          received: r.received,
          onlineShare: share(r.online, r.received),
          resolved: r.resolved,
          early: r.early,
          onTime: r.on_time,
          late: r.late,
          onTimeRate: share(r.early + r.on_time, r.resolved),
          averageDays: r.resolved > 0 ? Math.round((r.seconds / 86_400 / r.resolved) * 10) / 10 : null,
          inProgress: r.in_progress,
          overdue: r.overdue,
          rated: r.rated,
          satisfiedShare: share(r.satisfied, r.rated),
        },
      ];
    })
    .sort((x, y) => collator.compare(x.agency.name, y.agency.name));
}

/** What the public transparency page shows: counts and shares of one agency, nothing about any person. */
export interface PublicFigures {
  agency: Omit<AgencyRef, 'id'>;
  from: IsoDate;
  to: IsoDate;
  figures: Pick<Figures, 'received' | 'online' | 'counter' | 'onlineShare' | 'fullOnlineShare' | 'onTimeRate' | 'averageDays' | 'averageWorkingDays' | 'granularity' | 'series'> & {
    resolved: { total: number; early: number; onTime: number; late: number };
    inProgress: { total: number; onTime: number; overdue: number };
    satisfaction: { count: number; average: number | null; satisfiedShare: number | null };
    feedback: FeedbackRow;
  };
}

const publicCache = new Map<string, { at: number; value: PublicFigures }>();
const PUBLIC_TTL_MS = 10 * 60_000;

/** Public, no sign-in: an active agency's aggregate figures over a period, kept for ten minutes per agency and period. */
export async function publicAgencyFigures(platform: Platform, agencyCode: string, period: { from: IsoDate; to: IsoDate }): Promise<PublicFigures> {
  const agency = await findAgencyByCode(platform.database.db, agencyCode);
  if (!agency || !agency.active) throw QualityErrors.AGENCY_NOT_FOUND();
  const key = `${agency.code}|${period.from}|${period.to}`;
  const hit = publicCache.get(key);
  if (hit && Date.now() - hit.at < PUBLIC_TTL_MS) return hit.value;
  const r = await report(platform, ref(agency), { agencyCode: agency.code, procedureCode: null, field: null, ...period });
  const f = r.figures;
  const value: PublicFigures = {
    agency: { code: agency.code, name: agency.name, nameEn: agency.nameEn, kind: agency.kind },
    from: period.from,
    to: period.to,
    figures: {
      received: f.received,
      online: f.online,
      counter: f.counter,
      onlineShare: f.onlineShare,
      fullOnlineShare: f.fullOnlineShare,
      onTimeRate: f.onTimeRate,
      averageDays: f.averageDays,
      averageWorkingDays: f.averageWorkingDays,
      granularity: f.granularity,
      series: f.series,
      resolved: { total: f.resolved.total, early: f.resolved.early, onTime: f.resolved.onTime, late: f.resolved.late },
      inProgress: { total: f.inProgress.total, onTime: f.inProgress.onTime, overdue: f.inProgress.overdue },
      satisfaction: { count: f.satisfaction.count, average: f.satisfaction.average, satisfiedShare: f.satisfaction.satisfiedShare },
      feedback: f.feedback,
    },
  };
  if (publicCache.size > 1000) publicCache.clear();
  publicCache.set(key, { at: Date.now(), value });
  return value;
}
