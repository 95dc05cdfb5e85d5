// The procedures seeded dossiers follow: the real ones of the catalogue, read through the catalogue's public surface.
// A handful of everyday procedures carry most of the volume, as at every Hà Nội one-stop desk (certified copies, birth
// and marriage registration, permanent and temporary residence, land); the rest of the commune-level (for wards and
// communes) and city-level (for the service centre and departments) procedures share a long tail.
import type { Kysely } from 'kysely';
import type { DeadlineUnit } from '../../../platform/calendar/index.ts';
import type { PlatformTables } from '../../../platform/db/index.ts';
import { searchKey } from '../../../platform/text/index.ts';
import { competentDepartment } from '../workflow/routing.ts';
import { getProcedureVersion, MAX_LIMIT, timeLimitOf, searchProcedures, type Level, type ProcedureSummary } from '../../procedures/index.ts';
import { findProcedureForDossier, feeTotal, isOnline } from '../../dossiers/index.ts';
import { handlingAgencyFor } from '../workflow/routing.ts';
import { Rng } from './random.ts';

export type Workflow = 'standard' | 'lien-thong';

export interface SeedProcedure {
  code: string;
  version: number;
  name: string;
  /** Received by wards and communes, and/or by the city (service centre, departments). */
  commune: boolean;
  province: boolean;
  online: boolean;
  onlineLevel: 'full' | 'partial' | null;
  /** The processing time the dossier's due date is counted with (see fallback below). */
  time: { amount: number; unit: DeadlineUnit };
  /** Whole working days of the legal time, when stated so (the engine's step budgets count these). */
  legalWorkingDays: number | null;
  feeDong: number;
  workflow: Workflow;
  /** The department that handles it when the service centre receives it (workflow/routing.ts). */
  departmentId: number | null;
  /** Relative volume among the procedures of each level (0: not received at that level). */
  weights: { commune: number; province: number };
}

interface Common {
  weight: number;
  /** The time the receiving officer sets when the catalogue states none it can count (e.g. "1" without a unit). */
  fallback?: { amount: number; unit: DeadlineUnit };
}

const SAME_DAY = { amount: 0, unit: 'within_day' } as const;

/** Everyday procedures and their share at the desk. Certified copies, birth and marriage are same-day (Law on Civil
 *  Status 2014 Art. 16, 18; Decree 23/2015 Art. 21): the catalogue's text gives no unit for them. */
export const COMMON_COMMUNE: Record<string, Common> = {
  '2.000815': { weight: 22, fallback: SAME_DAY }, // chứng thực bản sao từ bản chính
  '1.001193': { weight: 10, fallback: SAME_DAY }, // đăng ký khai sinh
  '1.004222': { weight: 8 }, // đăng ký thường trú (7 ngày làm việc)
  '1.004194': { weight: 8 }, // đăng ký tạm trú (3 ngày làm việc)
  '2.000884': { weight: 6, fallback: SAME_DAY }, // chứng thực chữ ký
  '1.000894': { weight: 5, fallback: SAME_DAY }, // đăng ký kết hôn
  '1.004873': { weight: 5, fallback: { amount: 3, unit: 'working_days' } }, // xác nhận tình trạng hôn nhân
  '2.000635': { weight: 4, fallback: SAME_DAY }, // bản sao trích lục hộ tịch
  '1.000656': { weight: 3, fallback: SAME_DAY }, // đăng ký khai tử
  '1.012753': { weight: 3 }, // đăng ký đất đai, cấp giấy chứng nhận lần đầu
  '1.001612': { weight: 3, fallback: { amount: 3, unit: 'working_days' } }, // đăng ký thành lập hộ kinh doanh
  '1.013225': { weight: 2 }, // giấy phép xây dựng nhà ở (cấp III, IV)
  '1.001022': { weight: 1, fallback: { amount: 3, unit: 'working_days' } }, // nhận cha, mẹ, con
};

export const COMMON_PROVINCE: Record<string, Common> = {
  '3.000333': { weight: 15 }, // phiếu lý lịch tư pháp
  '1.012787': { weight: 7 }, // giấy chứng nhận cho người nhận chuyển nhượng quyền sử dụng đất
  '1.013831': { weight: 6 }, // đăng ký biến động đất đai
  '3.000348': { weight: 6 }, // cấp lại giấy phép lái xe
  '1.012783': { weight: 4 }, // cấp đổi giấy chứng nhận
  '1.012784': { weight: 3 }, // tách thửa, hợp thửa
  '2.001610': { weight: 3 }, // thành lập doanh nghiệp tư nhân
  '3.000334': { weight: 2 }, // lý lịch tư pháp theo yêu cầu cơ quan
  '1.013236': { weight: 1 }, // giấy phép xây dựng cấp I, II
  '1.005136': { weight: 2, fallback: { amount: 10, unit: 'working_days' } }, // xác nhận có quốc tịch Việt Nam (Sở Tư pháp)
  '1.002153': { weight: 1 }, // đăng ký hành nghề luật sư với tư cách cá nhân (Sở Tư pháp)
  '1.013834': { weight: 0.5 }, // thành lập Văn phòng công chứng (Sở Tư pháp)
};

/** Share of each level's volume left to the long tail of other procedures. */
const TAIL_SHARE = { commune: 0.15, province: 0.3 } as const;

/** Fields no ward or city one-stop desk of Hà Nội receives (customs, tax, banking, shipping): kept out of the tail. */
const NOT_AT_THE_DESK = ['hai quan', 'thue', 'ngan hang', 'ngoai hoi', 'hang hai', 'duong sat', 'chung khoan', 'bao hiem'];

async function summaries(db: Kysely<PlatformTables>, level: Level): Promise<ProcedureSummary[]> {
  const out: ProcedureSummary[] = [];
  for (let offset = 0; ; offset += MAX_LIMIT) {
    const page = await searchProcedures(db, { level, limit: MAX_LIMIT, offset });
    out.push(...page.items);
    if (page.items.length < MAX_LIMIT || out.length >= page.total) return out;
  }
}

function atTheDesk(p: ProcedureSummary): boolean {
  const field = searchKey(p.field ?? '');
  return !NOT_AT_THE_DESK.some((w) => field.includes(w));
}

/** Liên thông: the version names that workflow, or the procedure is one (by name), or it is land registration, where
 *  the appraising office asks the tax and land authorities before the decision. */
function workflowOf(ref: string | null, p: ProcedureSummary): Workflow {
  if (ref === 'lien-thong' || ref === 'standard') return ref;
  const name = searchKey(p.name);
  return name.includes('lien thong') || searchKey(p.field ?? '') === 'dat dai' ? 'lien-thong' : 'standard';
}

export interface LoadOptions {
  /** The service centre (its dossiers of city-level procedures go to a department). */
  centreId: number | null;
  /** The city's departments, and the City Office that dispatches what the routing does not place. */
  departments: readonly { id: number; name: string }[];
  officeId: number | null;
  /** Tail procedures per level at most (the demo keeps it small); all by default. */
  tail?: number;
  seed: number;
}

export async function loadSeedProcedures(db: Kysely<PlatformTables>, opts: LoadOptions): Promise<SeedProcedure[]> {
  const rng = Rng.derive(opts.seed, 'procedures');
  const levels = [
    { level: 'commune' as const, common: COMMON_COMMUNE },
    { level: 'province' as const, common: COMMON_PROVINCE },
  ];
  const chosen = new Map<string, { summary: ProcedureSummary; weights: { commune: number; province: number }; common?: Common }>();
  for (const { level, common } of levels) {
    const all = (await summaries(db, level)).sort((a, b) => a.code.localeCompare(b.code));
    const head = all.filter((p) => common[p.code]);
    const tail = rng.sample(all.filter((p) => !common[p.code] && atTheDesk(p)), opts.tail ?? all.length);
    const headWeight = head.reduce((s, p) => s + (common[p.code]?.weight ?? 0), 0) || 1;
    const factors = tail.map(() => rng.next() ** 3 + 0.02);
    const tailWeight = (headWeight * TAIL_SHARE[level]) / (1 - TAIL_SHARE[level]) / (factors.reduce((s, f) => s + f, 0) || 1);
    const add = (p: ProcedureSummary, weight: number, c?: Common) => {
      const prev = chosen.get(p.code);
      const entry = prev ?? { summary: p, weights: { commune: 0, province: 0 } };
      if (c) entry.common = c;
      entry.weights[level] = weight;
      chosen.set(p.code, entry);
    };
    for (const p of head) add(p, common[p.code]?.weight ?? 0, common[p.code]);
    tail.forEach((p, i) => add(p, tailWeight * (factors[i] ?? 0)));
  }
  const out: SeedProcedure[] = [];
  for (const { summary, weights, common } of chosen.values()) {
    const province = weights.province > 0;
    const p = await findProcedureForDossier(db, summary.code);
    if (!p) continue;
    const stated = p.processingTime;
    // The same limit the dossiers module counts on receipt (procedures' timeLimitOf); where there is none, the demo's
    // counter dossiers take the officer's days, and the procedure is not offered online (isOnline).
    const usable = timeLimitOf(stated) !== undefined;
    const unit: DeadlineUnit = usable && stated.unit ? stated.unit : (common?.fallback?.unit ?? 'working_days');
    // As the dossiers module counts it (deadline.ts): "1,5 ngày" gives the whole second day.
    const raw = usable ? (stated.amount ?? 0) : (common?.fallback?.amount ?? (stated.amount && stated.amount >= 1 ? stated.amount : 5));
    const amount = unit === 'working_days' || unit === 'calendar_days' ? Math.max(1, Math.ceil(raw)) : raw;
    let departmentId =
      province && opts.centreId !== null ? await handlingAgencyFor(db, { agencyId: opts.centreId, procedureCode: p.code, procedureVersion: p.version }) : null;
    if (departmentId !== null && departmentId === opts.officeId) {
      const v = await getProcedureVersion(db, p.code, p.version);
      departmentId = competentDepartment([...v.implementingAgencies, v.competentAgency ?? '', v.name], opts.departments) ?? departmentId;
    }
    out.push({
      code: p.code,
      version: p.version,
      name: p.name,
      commune: weights.commune > 0,
      province,
      online: isOnline(p),
      onlineLevel: p.onlineLevel,
      time: { amount: unit === 'hours' && !(amount > 0) ? 1 : amount, unit },
      legalWorkingDays: unit === 'working_days' ? amount : null,
      feeDong: feeTotal(p),
      workflow: workflowOf(p.workflowRef, summary),
      departmentId: departmentId === opts.centreId ? null : departmentId,
      weights,
    });
  }
  return out;
}
