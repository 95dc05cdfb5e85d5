// Demo data of the self-assessment cycle (demo seed only; idempotent and quick: rows inserted in bulk). Plausible, not
// real: the values come from a seeded PRNG and keep every validation rule.
// - 2025-communes: open, deadline 10 days from the seeding; 120 of the 126 communes and wards submitted (a quarter
//   reviewed, two returned with a question), five without a form, Phường Hoàn Kiếm's draft partly filled (demo.cntt).
// - 2025-departments: published for up to 30 departments (two submitted late after a reopening, two adjusted by the
//   council), so that results exist.
import { addDays, vietnamDateOf } from '../../platform/calendar/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { seededRandom } from '../../platform/seeded-random.ts';
import { listAgencies } from '../units/index.ts';
import { recordHistory } from './history.ts';
import { latestVersion } from './sets-store.ts';
import { type FormRow, readinessDb, type ReadinessDb } from './repo.ts';
import { scoreForms } from './results.ts';
import { type UnitValues, validateValues } from './scoring.ts';
import { CODE, inputsOf, type LoadedSet } from './sets.ts';

export const HOAN_KIEM = '000.04.51.H26';

const PERCENT = new Set(['DG1', 'DG2', 'DG4']);

/** Plausible values of every input, each validation rule kept (a part is set to 60–100 % of its whole). */
export function plausibleValues(loaded: LoadedSet, rnd: () => number): UnitValues {
  const v: UnitValues = {};
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  for (const f of inputsOf(loaded)) {
    const i = loaded.indicators.get(f.code);
    if (PERCENT.has(f.code)) v[f.code] = Math.round((45 + rnd() * 55) * 10) / 10;
    else if (f.type === 'boolean') v[f.code] = rnd() < 0.8;
    else if (i?.rule.kind === 'categorical') v[f.code] = i.rule.categories[rnd() < 0.65 ? 0 : rnd() < 0.75 ? 1 : i.rule.categories.length - 1]!.value;
    else if (i?.rule.kind === 'steps') v[f.code] = int(0, Math.ceil(i.rule.steps[0]!.min * 1.3));
    else v[f.code] = int(5, 400);
  }
  for (let pass = 0; pass < 8; pass++) {
    const broken = validateValues(loaded, v);
    if (broken.length === 0) break;
    for (const b of broken) {
      const rule = loaded.set.validations.find((r) => r.code === b.code)!;
      if (!CODE.test(rule.left)) continue;
      if (rule.op === '≤' || rule.op === '<') v[rule.left] = Math.max(0, Math.floor(b.right * (0.6 + rnd() * 0.4)) - (rule.op === '<' ? 1 : 0));
      else v[rule.left] = Math.ceil(b.right);
    }
  }
  return v;
}

/** About half of the inputs of a draft, as a unit starts filling it. */
function partOf(loaded: LoadedSet, v: UnitValues): UnitValues {
  const out: UnitValues = {};
  for (const f of inputsOf(loaded).slice(0, Math.ceil(inputsOf(loaded).length / 2))) out[f.code] = v[f.code];
  return out;
}

const json = <T>(x: unknown): T => JSON.stringify(x) as unknown as T;
const day = 86_400_000;

async function cycleOfSet(db: ReadinessDb, setId: string) {
  return db.selectFrom('readiness_cycles').select('id').where('set_id', '=', setId).executeTakeFirst();
}

async function seedCommunes(platform: Platform, db: ReadinessDb, now: Date): Promise<void> {
  if (await cycleOfSet(db, '2025-communes')) return;
  const { version, loaded } = await latestVersion(db, '2025-communes');
  const rnd = seededRandom(2025);
  const communes = await listAgencies(platform.database.db, { kind: 'commune_committee' });
  const today = vietnamDateOf(now);
  const cycle = await db
    .insertInto('readiness_cycles')
    .values({ set_id: '2025-communes', set_version: version, year: 2025, peer_group: 'commune', deadline: addDays(today, 10), opened_at: new Date(now.getTime() - 20 * day), guidance: 'Các xã, phường tự đánh giá theo Bộ chỉ số năm 2025 (Quyết định 5279/QĐ-UBND), kèm minh chứng cho từng chỉ số. Số liệu tính đến hết ngày 30/11/2025. (Dữ liệu minh họa.)', opened_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const others = communes.filter((a) => a.code !== HOAN_KIEM);
  const none = new Set(others.filter((_, k) => k % 25 === 7).slice(0, 5).map((a) => a.id));
  const rows = [];
  let n = 0;
  for (const a of communes) {
    const values = plausibleValues(loaded, rnd);
    if (a.code === HOAN_KIEM) {
      rows.push({ cycle_id: cycle.id, agency_id: a.id, state: 'draft' as const, form_values: json<UnitValues>(partOf(loaded, values)) });
      continue;
    }
    if (none.has(a.id)) continue;
    n++;
    const submitted = new Date(now.getTime() - (1 + Math.floor(rnd() * 15)) * day);
    const state = n % 60 === 5 ? ('returned' as const) : n % 4 === 0 ? ('reviewed' as const) : ('submitted' as const);
    rows.push({ cycle_id: cycle.id, agency_id: a.id, state, form_values: json<UnitValues>(values), submitted_at: submitted, ...(state === 'reviewed' ? { reviewed_at: new Date(submitted.getTime() + day) } : {}) });
  }
  const made = await db.insertInto('readiness_forms').values(rows).returning(['id', 'state']).execute();
  const returned = made.filter((f) => f.state === 'returned');
  if (returned.length > 0) {
    await db
      .insertInto('readiness_questions')
      .values(returned.map((f) => ({ form_id: f.id, code: 'IF6', question: 'Đề nghị bổ sung minh chứng về đường truyền (hợp đồng hoặc biên bản nghiệm thu). (Dữ liệu minh họa.)', asked_by: null })))
      .execute();
  }
}

async function seedDepartments(platform: Platform, db: ReadinessDb, now: Date): Promise<void> {
  if (await cycleOfSet(db, '2025-departments')) return;
  const { version, loaded } = await latestVersion(db, '2025-departments');
  const rnd = seededRandom(1995);
  const departments = (await listAgencies(platform.database.db, { kind: 'department' })).slice(0, 30);
  if (departments.length === 0) return;
  const cycle = await db
    .insertInto('readiness_cycles')
    .values({ set_id: '2025-departments', set_version: version, year: 2025, peer_group: 'department', deadline: addDays(vietnamDateOf(now), -40), state: 'published', opened_at: new Date(now.getTime() - 80 * day), closed_at: new Date(now.getTime() - 30 * day), published_at: new Date(now.getTime() - 10 * day), guidance: 'Các sở, ban, ngành tự đánh giá theo Bộ chỉ số năm 2025. (Dữ liệu minh họa.)', opened_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rows = departments.map((a, k) => {
    const late = k === 3 || k === 17;
    const submitted = new Date(now.getTime() - (late ? 38 : 45 + Math.floor(rnd() * 20)) * day);
    return {
      cycle_id: cycle.id, agency_id: a.id, state: 'adjusted' as const, form_values: json<UnitValues>(plausibleValues(loaded, rnd)), submitted_at: submitted, late,
      reviewed_at: new Date(now.getTime() - 25 * day),
      ...(late ? { reopened_at: new Date(now.getTime() - 39 * day), reopen_reason: 'Đơn vị gặp sự cố hệ thống, đề nghị gia hạn (dữ liệu minh họa).' } : {}),
    };
  });
  const forms = (await db.insertInto('readiness_forms').values(rows).returningAll().execute()) as FormRow[];
  const adjustments = await db
    .insertInto('readiness_adjustments')
    .values([
      { form_id: forms[1]!.id, code: 'AW2', points_before: 0, points_after: 10, reason: 'Biên bản họp bổ sung được hội đồng chấp nhận (dữ liệu minh họa).', adjusted_by: null },
      { form_id: forms[8]!.id, code: 'DG3', points_before: 0, points_after: 0, reason: 'Minh chứng chưa đúng kỳ đánh giá (dữ liệu minh họa).', adjusted_by: null },
    ])
    .returningAll()
    .execute();
  const scores = scoreForms(loaded, forms, adjustments);
  const byId = new Map(scores.map((s) => [Number(s.unit), s]));
  for (const f of forms) {
    const s = byId.get(f.id)!;
    await db.updateTable('readiness_forms').set({ state: 'published', score: JSON.stringify(s), total: s.total, rank: s.rank }).where('id', '=', f.id).execute();
  }
  // The year's row of each department's history, as publish() writes it.
  await recordHistory(db, { year: 2025, peer_group: 'department' }, await db.selectFrom('readiness_forms').selectAll().where('cycle_id', '=', cycle.id).execute());
}

export async function seedDemoReadiness(platform: Platform, now = new Date()): Promise<void> {
  const db = readinessDb(platform.database.db);
  await seedCommunes(platform, db, now);
  await seedDepartments(platform, db, now);
}
