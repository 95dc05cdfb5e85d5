// The allocation rules of a school admission round (issue 11 "Rules"; DOMAIN.md §8), as a pure function:
// in-catchment children first and guaranteed a catchment place, then out-of-catchment applications by published
// priority groups, with the verifiable lottery (lottery.ts) wherever a group does not fit. The steps and every
// order used are defined in docs/admission-lottery.md; keep the two in step.
import type { Text } from '../../platform/web/i18n.ts';
import { drawOrder, LotteryInputError, seedCommitment, sortApplicationNos, type DrawEntry } from './lottery.ts';

export interface SchoolPlaces {
  id: string;
  /** The school's places for this round (whole number ≥ 0). */
  places: number;
}

export interface AdmissionApplication {
  applicationNo: string;
  childId: string;
  chosenSchool: string;
  /** Whether the chosen school is one of the child's catchment schools (must agree with catchmentSchools). */
  inCatchment: boolean;
  /** Every school whose catchment the child's residence is in (may be empty). */
  catchmentSchools: readonly string[];
  /** The published priority group of an out-of-catchment application, 1 first; not used in catchment. */
  priorityGroup?: number | null;
}

export interface AllocationInput {
  schools: readonly SchoolPlaces[];
  applications: readonly AdmissionApplication[];
  seed: string;
}

/** Where an application stood in a draw: rank `rank` of `of` applications for `places` places. */
export interface DrawPosition {
  rank: number;
  of: number;
  places: number;
}

/** Why an out-of-catchment application did not get its chosen school. */
export type MissedReason = { code: 'lottery_lost'; group: number; draw: DrawPosition } | { code: 'school_full'; group: number };

export type Reason =
  | { code: 'in_catchment'; draw?: DrawPosition }
  | { code: 'catchment_overflow'; draw: DrawPosition }
  | { code: 'catchment_full'; draw: DrawPosition }
  | { code: 'priority_group'; group: number }
  | { code: 'lottery_won'; group: number; draw: DrawPosition }
  | MissedReason
  | { code: 'returned_to_catchment'; missed: MissedReason };

export interface Placement {
  applicationNo: string;
  childId: string;
  chosenSchool: string;
  /** The school the child is admitted to, or null: not admitted. */
  admittedSchool: string | null;
  reason: Reason;
  text: Text;
}

/**
 * One lottery held: `catchment` among in-catchment applicants of an oversubscribed school, `priority` within a
 * priority group of a school, `overflow` / `return` the order in which children are placed at another catchment
 * school (school, group and places null). `order` is drawOrder(seed, applicationNos), what the CLI recomputes.
 */
export interface LotteryDraw {
  stage: 'catchment' | 'priority' | 'overflow' | 'return';
  school: string | null;
  group: number | null;
  places: number | null;
  applicationNos: string[];
  order: DrawEntry[];
}

export interface Allocation {
  /** SHA-256 of the seed, the value published before the draw. */
  commitment: string;
  /** One per application, by application number. */
  placements: Placement[];
  draws: LotteryDraw[];
  /** Per school, by id: places, admitted and left. */
  schools: { id: string; places: number; admitted: number; left: number }[];
}

export class AllocationInputError extends Error {
  override name = 'AllocationInputError';
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** The reason in words, Vietnamese and English. */
export function reasonText(r: Reason): Text {
  const rank = (d: DrawPosition): Text => ({ vi: `bốc thăm xếp thứ ${d.rank}/${d.of} cho ${d.places} chỗ`, en: `lottery rank ${d.rank} of ${d.of} for ${d.places} place${d.places === 1 ? '' : 's'}` });
  switch (r.code) {
    case 'in_catchment':
      return { vi: 'Đúng tuyến', en: 'In catchment' };
    case 'catchment_overflow':
      return { vi: `Đúng tuyến; trường đã chọn hết chỗ (${rank(r.draw).vi}), xếp vào trường đúng tuyến khác còn chỗ`, en: `In catchment; the chosen school is full (${rank(r.draw).en}), placed at another catchment school with places` };
    case 'catchment_full':
      return { vi: `Đúng tuyến nhưng mọi trường đúng tuyến đã hết chỗ (${rank(r.draw).vi}); phòng giáo dục sẽ bố trí chỗ học`, en: `In catchment, but every catchment school is full (${rank(r.draw).en}); the education office will find a place` };
    case 'priority_group':
      return { vi: `Nhóm ưu tiên ${r.group}`, en: `Priority group ${r.group}` };
    case 'lottery_won':
    case 'lottery_lost':
      return { vi: `Nhóm ưu tiên ${r.group}, ${rank(r.draw).vi}`, en: `Priority group ${r.group}, ${rank(r.draw).en}` };
    case 'school_full':
      return { vi: `Trường hết chỗ (nhóm ưu tiên ${r.group})`, en: `School full (priority group ${r.group})` };
    case 'returned_to_catchment': {
      const m = reasonText(r.missed);
      return { vi: `Không trúng tuyến trường đã chọn (${lowerFirst(m.vi)}); xếp vào trường đúng tuyến còn chỗ`, en: `Not admitted at the chosen school (${lowerFirst(m.en)}); placed at a catchment school with places` };
    }
  }
}

function validate(input: AllocationInput): Map<string, number> {
  const left = new Map<string, number>();
  for (const s of input.schools) {
    if (left.has(s.id)) throw new AllocationInputError(`school ${s.id} is listed twice`);
    if (!Number.isInteger(s.places) || s.places < 0) throw new AllocationInputError(`school ${s.id}: places must be a whole number ≥ 0`);
    left.set(s.id, s.places);
  }
  try {
    sortApplicationNos(input.applications.map((a) => a.applicationNo));
    drawOrder(input.seed, []);
  } catch (err) {
    if (err instanceof LotteryInputError) throw new AllocationInputError(err.message);
    throw err;
  }
  const children = new Set<string>();
  for (const a of input.applications) {
    const where = `application ${a.applicationNo}`;
    // One active application per child per round (issue 11 "Rules").
    if (children.has(a.childId)) throw new AllocationInputError(`${where}: child ${a.childId} has another application in this round`);
    children.add(a.childId);
    for (const s of [a.chosenSchool, ...a.catchmentSchools]) if (!left.has(s)) throw new AllocationInputError(`${where}: unknown school ${s}`);
    if (a.inCatchment !== a.catchmentSchools.includes(a.chosenSchool)) throw new AllocationInputError(`${where}: inCatchment disagrees with the child's catchment schools`);
    const g = a.priorityGroup;
    if (!a.inCatchment && (typeof g !== 'number' || !Number.isInteger(g) || g < 1)) throw new AllocationInputError(`${where}: an out-of-catchment application needs a priority group (whole number ≥ 1)`);
  }
  return left;
}

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const t of items) {
    const list = m.get(key(t));
    if (list) list.push(t);
    else m.set(key(t), [t]);
  }
  return m;
}

/**
 * Allocates the places of one round. Same input → same output, whatever the order of schools, applications or
 * catchment lists. Throws AllocationInputError on input the rules are not defined for.
 */
export function allocate(input: AllocationInput): Allocation {
  const left = validate(input);
  const { seed } = input;
  const schoolIds = [...left.keys()].sort(byCodeUnit);
  const apps = [...input.applications].sort((a, b) => byCodeUnit(a.applicationNo, b.applicationNo));
  const byNo = new Map(apps.map((a) => [a.applicationNo, a]));
  const placed = new Map<string, { school: string | null; reason: Reason }>();
  const draws: LotteryDraw[] = [];
  const draw = (stage: LotteryDraw['stage'], school: string | null, group: number | null, places: number | null, list: readonly AdmissionApplication[]): DrawEntry[] => {
    const applicationNos = list.map((a) => a.applicationNo);
    const order = drawOrder(seed, applicationNos);
    draws.push({ stage, school, group, places, applicationNos, order });
    return order;
  };
  const admit = (no: string, school: string | null, reason: Reason): void => {
    placed.set(no, { school, reason });
    if (school !== null) left.set(school, (left.get(school) ?? 0) - 1);
  };
  // Another catchment school: the one with the most places left, then the lowest id (docs/admission-lottery.md).
  const catchmentWithPlaces = (a: AdmissionApplication): string | undefined =>
    [...new Set(a.catchmentSchools)]
      .filter((s) => s !== a.chosenSchool && (left.get(s) ?? 0) > 0)
      .sort((x, y) => (left.get(y) ?? 0) - (left.get(x) ?? 0) || byCodeUnit(x, y))[0];

  // 1. In-catchment children at their chosen school; where they outnumber its places, the lottery decides who stays.
  const inCatchment = groupBy(apps.filter((a) => a.inCatchment), (a) => a.chosenSchool);
  const overflow: { app: AdmissionApplication; draw: DrawPosition }[] = [];
  for (const school of schoolIds) {
    const list = inCatchment.get(school) ?? [];
    const places = left.get(school) ?? 0;
    if (list.length <= places) for (const a of list) admit(a.applicationNo, school, { code: 'in_catchment' });
    else {
      for (const e of draw('catchment', school, null, places, list)) {
        const pos = { rank: e.rank, of: list.length, places };
        if (e.rank <= places) admit(e.applicationNo, school, { code: 'in_catchment', draw: pos });
        else overflow.push({ app: byNo.get(e.applicationNo) as AdmissionApplication, draw: pos });
      }
    }
  }
  // 2. The guarantee (issue 11): those who did not fit go to another catchment school, in the lottery's order.
  const overflowPos = new Map(overflow.map((o) => [o.app.applicationNo, o.draw]));
  if (overflow.length) {
    for (const e of draw('overflow', null, null, null, overflow.map((o) => o.app))) {
      const a = byNo.get(e.applicationNo) as AdmissionApplication;
      const target = catchmentWithPlaces(a);
      const pos = overflowPos.get(e.applicationNo) as DrawPosition;
      admit(a.applicationNo, target ?? null, target ? { code: 'catchment_overflow', draw: pos } : { code: 'catchment_full', draw: pos });
    }
  }
  // 3. Out-of-catchment: the remaining places, priority group 1 first; a group that does not fit is drawn.
  const outside = groupBy(apps.filter((a) => !a.inCatchment), (a) => a.chosenSchool);
  const missed: AdmissionApplication[] = [];
  for (const school of schoolIds) {
    const groups = groupBy(outside.get(school) ?? [], (a) => a.priorityGroup as number);
    for (const group of [...groups.keys()].sort((x, y) => x - y)) {
      const list = groups.get(group) ?? [];
      const places = left.get(school) ?? 0;
      if (list.length <= places) for (const a of list) admit(a.applicationNo, school, { code: 'priority_group', group });
      else if (places === 0) {
        for (const a of list) admit(a.applicationNo, null, { code: 'school_full', group });
        missed.push(...list);
      } else {
        for (const e of draw('priority', school, group, places, list)) {
          const pos = { rank: e.rank, of: list.length, places };
          if (e.rank <= places) admit(e.applicationNo, school, { code: 'lottery_won', group, draw: pos });
          else {
            admit(e.applicationNo, null, { code: 'lottery_lost', group, draw: pos });
            missed.push(byNo.get(e.applicationNo) as AdmissionApplication);
          }
        }
      }
    }
  }
  // 4. A child who missed an out-of-catchment school goes back to a catchment school that still has places.
  const returning = missed.filter((a) => a.catchmentSchools.length > 0);
  if (returning.length) {
    for (const e of draw('return', null, null, null, returning)) {
      const a = byNo.get(e.applicationNo) as AdmissionApplication;
      const target = catchmentWithPlaces(a);
      const before = placed.get(a.applicationNo)?.reason as MissedReason;
      if (target) admit(a.applicationNo, target, { code: 'returned_to_catchment', missed: before });
    }
  }

  const placements = apps.map((a): Placement => {
    const p = placed.get(a.applicationNo) as { school: string | null; reason: Reason };
    return { applicationNo: a.applicationNo, childId: a.childId, chosenSchool: a.chosenSchool, admittedSchool: p.school, reason: p.reason, text: reasonText(p.reason) };
  });
  const placesOf = new Map(input.schools.map((s) => [s.id, s.places]));
  const schools = schoolIds.map((id) => {
    const places = placesOf.get(id) ?? 0;
    return { id, places, admitted: places - (left.get(id) ?? 0), left: left.get(id) ?? 0 };
  });
  return { commitment: seedCommitment(seed), placements, draws, schools };
}
