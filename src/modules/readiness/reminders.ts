// Reminders before the self-assessment deadline (issue 14): each morning, the IT officers (readiness_reporter) of the
// units of an open cycle's peer group that have not submitted their form are reminded 7, 3 and 1 days before the
// deadline — the tightest stage reached, once each (a row per cycle, unit and stage claims it; a missed day does not
// send two). The mail goes into the outbox and the audit row is written in the same transaction.
import { addDays, vietnamDateOf } from '../../platform/calendar/index.ts';
import { Role } from '../../platform/auth/roles.ts';
import type { Platform } from '../../platform/http/context.ts';
import { findStaffWithRole } from '../accounts/index.ts';
import { listAgencies } from '../units/index.ts';
import { AGENCY_KIND } from './form.ts';
import { asPlatformDb, audit, readinessDb, readinessRepo } from './repo.ts';
import { pagesRepo } from './repo-pages.ts';
import { FORMS_URL } from './urls.ts';

export const REMINDERS_JOB = 'readiness.reminders';
export const STAGES = [7, 3, 1] as const;

/** Whole days from one Vietnam date to another. */
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The stage due with `left` days to go: the smallest of 7, 3, 1 not below it; none before 7 days or after the day. */
export const stageOf = (left: number): number | null => (left < 0 ? null : (STAGES.filter((d) => left <= d).at(-1) ?? null));

export async function remindReporters(platform: Platform, now = new Date()): Promise<{ reminded: number; mailed: number }> {
  const db = readinessDb(platform.database.db);
  const today = vietnamDateOf(now);
  const cycles = await pagesRepo.openCyclesDue(db, today, addDays(today, 7));
  let reminded = 0;
  let mailed = 0;
  const system = { id: null, label: 'egov' };
  for (const cycle of cycles) {
    const left = daysBetween(today, cycle.deadline);
    const stage = stageOf(left);
    if (stage === null) continue;
    const submitted = new Set((await readinessRepo.formsOfCycle(db, cycle.id)).filter((f) => f.submitted_at !== null).map((f) => f.agency_id));
    const units = (await listAgencies(platform.database.db, { kind: AGENCY_KIND[cycle.peer_group] })).filter((a) => !submitted.has(a.id));
    for (const unit of units) {
      const officers = (await findStaffWithRole(platform.database.db, unit.id, Role.readinessReporter)).filter((o) => o.email);
      await db.transaction().execute(async (trx) => {
        if (!(await pagesRepo.claimReminder(trx, { cycle_id: cycle.id, agency_id: unit.id, days_before: stage, sent_at: now }))) return;
        reminded++;
        for (const o of officers) {
          await platform.mailer.enqueue(asPlatformDb(trx), {
            to: o.email!,
            subject: `Nhắc hạn nộp phiếu tự đánh giá chuyển đổi số: còn ${left} ngày (hạn ${cycle.deadline})`,
            text:
              `${unit.name} chưa nộp phiếu tự đánh giá mức độ ứng dụng CNTT, chuyển đổi số năm ${cycle.year}. Hạn nộp: ${cycle.deadline} (còn ${left} ngày).\n` +
              `Phiếu: ${platform.config.baseUrl}${FORMS_URL}/ky/${cycle.id}\n\n` +
              `(Reminder: ${unit.nameEn || unit.name} has not submitted its ${cycle.year} IT-readiness self-assessment; due ${cycle.deadline}, ${left} days left.)`,
          });
          mailed++;
        }
        await audit(trx, { actor: system, action: 'readiness.reminded', entity: 'readiness_cycle', entityId: cycle.id, agencyId: unit.id, data: { daysBefore: stage, deadline: cycle.deadline, mailed: officers.length } });
      });
    }
  }
  return { reminded, mailed };
}

/** Every morning at 07:30 Vietnam time. */
export async function registerReminderJobs(platform: Platform): Promise<void> {
  await platform.jobs.work(REMINDERS_JOB, async () => {
    await remindReporters(platform);
  });
  await platform.jobs.schedule(REMINDERS_JOB, '30 0 * * *');
}
