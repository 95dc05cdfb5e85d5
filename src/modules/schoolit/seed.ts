// Demo data (issue 14): the demo's IT officer (demo.truong.cntt) reports for the demo's school (admissions'
// DEMO_OFFICER school, Hoàn Kiếm) and has a draft there; every other school has a report for the current school
// year — most checked, some submitted, a few returned with a comment. The figures are invented (deterministic per
// school), shaped after Hà Nội's 2017 report: every kindergarten with computers, about four in five primary and
// lower-secondary schools with a networked computer room. Idempotent: nothing is done when the year has reports.
import { recordAudit } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { DEMO_OFFICER, listSchools, type School } from '../admissions/index.ts';
import { schoolYearOf } from './access.ts';
import { schoolItDb, schoolItRepo, type ReportState } from './repo.ts';

export const DEMO_IT_OFFICER = { username: 'demo.truong.cntt', schoolCode: DEMO_OFFICER.schoolCode } as const;

function hash(s: string): number {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

const PUPILS = { kindergarten: [250, 450], grade1: [900, 1600], grade6: [800, 1400] } as const;
const NETWORKED_SHARE = { kindergarten: 0.3, grade1: 0.8, grade6: 0.84 } as const;

function demoReport(s: School, year: string) {
  const h = (k: string) => hash(`${s.code}|${k}`) % 1000;
  const [lo, hi] = PUPILS[s.level];
  const pupils = lo + (h('pupils') % (hi - lo));
  const rooms = s.level === 'kindergarten' ? (h('rooms') < 300 ? 1 : 0) : 1 + (h('rooms') % 3);
  const networked = h('net') < NETWORKED_SHARE[s.level] * 1000 ? Math.max(1, Math.min(rooms, 1 + (h('n2') % 3))) : 0;
  const internet = h('internet') >= 40;
  const roll = h('state');
  const state: ReportState = roll < 60 ? 'returned' : roll < 180 ? 'submitted' : 'checked';
  return {
    school_id: s.id,
    school_year: year,
    state,
    computers_teaching: s.level === 'kindergarten' ? 2 + (h('ct') % 6) : rooms * 25 + (h('ct') % 15),
    computers_admin: 2 + (h('ca') % 8),
    computer_rooms: Math.max(rooms, networked),
    networked_rooms: networked,
    projectors: 2 + (h('proj') % 20),
    screens: h('scr') % 25,
    internet,
    bandwidth_mbps: internet ? [50, 100, 150, 200, 300][h('bw') % 5] ?? 100 : null,
    pupils,
    office_comment: state === 'returned' ? 'Số máy tính dạy học chưa khớp với biên bản kiểm kê; đề nghị trường kiểm tra lại.' : null,
    submitted_at: new Date(),
    decided_at: state === 'checked' || state === 'returned' ? new Date() : null,
  };
}

export async function seedSchoolItDemo(platform: Platform, opts: { now?: Date } = {}): Promise<boolean> {
  const db = schoolItDb(platform.database.db);
  const year = schoolYearOf(opts.now);
  const officer = await db.selectFrom('accounts').select('id').where('username', '=', DEMO_IT_OFFICER.username).executeTakeFirst();
  const schools = await listSchools(platform);
  const own = schools.find((s) => s.code === DEMO_IT_OFFICER.schoolCode);
  if (officer && own) await schoolItRepo.attach(db, officer.id, own.id);
  const any = await db.selectFrom('schoolit_reports').select('id').where('school_year', '=', year).limit(1).executeTakeFirst();
  if (any || schools.length === 0) return false;
  const rows = schools.map((s) =>
    s.id === own?.id
      ? { school_id: s.id, school_year: year, state: 'draft' as const, computers_teaching: 60, computers_admin: 6, computer_rooms: 2, networked_rooms: 2, internet: true }
      : demoReport(s, year),
  );
  await platform.database.db.transaction().execute(async (ptrx) => {
    const trx = schoolItDb(ptrx);
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('schoolit_reports').values(rows.slice(i, i + 500)).execute();
    await recordAudit(ptrx, { actor: { id: null, label: 'demo seed' }, action: 'schoolit.demo_seed', entity: 'schoolit_report', data: { school_year: year, reports: rows.length } });
  });
  return true;
}
