// Coverage as indicators (issue 14; INDICATORS.md §6): per level and per commune/ward, the share of schools with
// computers, with a networked computer room, with Internet, pupils per teaching computer, and the share of schools
// meeting their level's norm (data/schoolit/norms.json, after CV 5807/BGDĐT-CNTT 2018). Only reports the education
// office has checked count; a share is of the schools with a checked report (null when there is none).
import { readFileSync } from 'node:fs';
import type { Actor } from '../../platform/auth/access.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { Text } from '../../platform/web/i18n.ts';
import { listSchools, type Level, type School } from '../admissions/index.ts';
import { requireOffice } from './access.ts';
import { type ReportRow, schoolItDb, schoolItRepo } from './repo.ts';

export interface LevelNorm {
  name: Text;
  computers: boolean;
  networkedRoom: boolean;
  internet: boolean;
  pupilsPerComputerMax: number;
  plausible: boolean;
}

export interface Norms {
  id: string;
  source: { document: string; year: number; title: Text };
  plausible: boolean;
  /** Keyed by admissions' levels (kindergarten = mầm non, grade1 = tiểu học, grade6 = THCS) and grade10 (THPT). */
  levels: Record<Level | 'grade10', LevelNorm>;
  baseline: { source: Text; verified: boolean } & Partial<Record<Level, { withComputers?: number; withNetworkedRoom?: number }>>;
}

let norms: Norms | undefined;
export function loadNorms(): Norms {
  norms ??= JSON.parse(readFileSync(new URL('../../../data/schoolit/norms.json', import.meta.url), 'utf8')) as Norms;
  return norms;
}

/** The levels admissions has schools of, in order. THPT has a norm but no schools in admissions (docs/schoolit.md). */
export const LEVELS: readonly Level[] = ['kindergarten', 'grade1', 'grade6'];

export interface CoverageRow {
  /** The level's code or the unit's code; 'total' for the whole. */
  key: string;
  schools: number;
  checked: number;
  withComputers: number;
  withNetworkedRoom: number;
  withInternet: number;
  meetingNorm: number;
  teachingComputers: number;
  pupils: number;
  shareComputers: number | null;
  shareNetworked: number | null;
  shareInternet: number | null;
  shareMeetingNorm: number | null;
  /** Pupils per teaching computer over the checked reports; null without computers. */
  pupilsPerComputer: number | null;
}

export interface Coverage {
  schoolYear: string;
  unitCode: string | null;
  byLevel: CoverageRow[];
  byWard: CoverageRow[];
  total: CoverageRow;
}

/** Does the school's checked report meet its level's norm? */
export function meetsNorm(norm: LevelNorm, r: ReportRow): boolean {
  const computers = (r.computers_teaching ?? 0) + (r.computers_admin ?? 0);
  if (norm.computers && computers === 0) return false;
  if (norm.networkedRoom && !(r.networked_rooms ?? 0)) return false;
  if (norm.internet && r.internet !== true) return false;
  return (r.computers_teaching ?? 0) > 0 && (r.pupils ?? 0) / (r.computers_teaching ?? 1) <= norm.pupilsPerComputerMax;
}

function rowOf(key: string, items: { school: School; report: ReportRow | undefined }[]): CoverageRow {
  const checked = items.filter((i) => i.report?.state === 'checked') as { school: School; report: ReportRow }[];
  const count = (p: (r: ReportRow, s: School) => boolean) => checked.filter((i) => p(i.report, i.school)).length;
  const share = (n: number) => (checked.length === 0 ? null : n / checked.length);
  const withComputers = count((r) => (r.computers_teaching ?? 0) + (r.computers_admin ?? 0) > 0);
  const withNetworkedRoom = count((r) => (r.networked_rooms ?? 0) > 0);
  const withInternet = count((r) => r.internet === true);
  const meetingNorm = count((r, s) => meetsNorm(loadNorms().levels[s.level], r));
  const teachingComputers = checked.reduce((a, i) => a + (i.report.computers_teaching ?? 0), 0);
  const pupils = checked.reduce((a, i) => a + (i.report.pupils ?? 0), 0);
  return {
    key,
    schools: items.length,
    checked: checked.length,
    withComputers,
    withNetworkedRoom,
    withInternet,
    meetingNorm,
    teachingComputers,
    pupils,
    shareComputers: share(withComputers),
    shareNetworked: share(withNetworkedRoom),
    shareInternet: share(withInternet),
    shareMeetingNorm: share(meetingNorm),
    pupilsPerComputer: teachingComputers === 0 ? null : pupils / teachingComputers,
  };
}

/**
 * The coverage of a school year ('2026-2027' or its start year, 2026), for the whole city or one commune/ward
 * (`unitCode`, its GSO code). For other modules (the readiness module's figures): no actor, figures only.
 */
export async function schoolCoverage(platform: Platform, q: { year: string; unitCode?: string | undefined }): Promise<Coverage> {
  const schools = await listSchools(platform, q.unitCode ? { wardCode: q.unitCode } : {});
  const reports = new Map((await schoolItRepo.reportsOfYear(schoolItDb(platform.database.db), q.year, 'checked')).map((r) => [r.school_id, r]));
  const items = schools.map((school) => ({ school, report: reports.get(school.id) }));
  const wards = [...new Set(schools.map((s) => s.wardCode))].sort();
  return {
    schoolYear: q.year,
    unitCode: q.unitCode ?? null,
    byLevel: LEVELS.map((level) => rowOf(level, items.filter((i) => i.school.level === level))),
    byWard: wards.map((w) => rowOf(w, items.filter((i) => i.school.wardCode === w))),
    total: rowOf('total', items),
  };
}

/** The office's coverage page. */
export async function officeCoverage(platform: Platform, actor: Actor, q: { year: string; unitCode?: string | undefined }): Promise<Coverage> {
  requireOffice(actor);
  return schoolCoverage(platform, q);
}
