// Reminders before the handling deadline and escalation after it (issue 13; Decree 30 Art. 24: the head follows up
// and urges the handling of incoming documents). Each morning: everyone handling an incoming document whose deadline
// is the next working day or today gets one reminder; a lead whose deadline has passed is reported once to the leader
// who assigned it. Each is marked on the assignment (never sent twice), written into the document's history, and the
// mail goes into the outbox in the same transaction.
import { vietnamDateOf } from '../../platform/calendar/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { findAccountContact } from '../accounts/index.ts';
import { computeDeadline } from '../calendar/index.ts';
import { officialEmailOf } from '../directory/index.ts';
import { numberNotation } from './numbering.ts';
import { asPlatformDb, audit, documentsDb, documentsRepo } from './repo.ts';

export const DEADLINES_JOB = 'documents.deadlines';

async function mailOf(platform: Platform, accountId: number): Promise<string | null> {
  return (await officialEmailOf(platform, accountId)) ?? (await findAccountContact(platform.database.db, accountId))?.email ?? null;
}

export interface DeadlineReport {
  reminded: number;
  escalated: number;
}

export async function remindAndEscalate(platform: Platform, now = new Date()): Promise<DeadlineReport> {
  const db = documentsDb(platform.database.db);
  const today = vietnamDateOf(now);
  const nextWorkingDay = (await computeDeadline(platform, { received: now, amount: 1, unit: 'working_days' })).dueDate;
  const open = ['assigned', 'handling'] as const;
  const toRemind = await db
    .selectFrom('document_assignments as a')
    .innerJoin('documents as d', 'd.id', 'a.document_id')
    .select(['a.id', 'a.account_id', 'a.deadline', 'd.id as document_id', 'd.agency_id', 'd.summary', 'd.number', 'd.notation', 'd.arrival_number'])
    .where('a.role', 'in', ['lead', 'co'])
    .where('a.reminded_at', 'is', null)
    .where('a.deadline', '>=', today)
    .where('a.deadline', '<=', nextWorkingDay)
    .where('d.state', 'in', [...open])
    .limit(5000)
    .execute();
  const toEscalate = await db
    .selectFrom('document_assignments as a')
    .innerJoin('documents as d', 'd.id', 'a.document_id')
    .select(['a.id', 'a.account_id', 'a.assigned_by', 'a.deadline', 'd.id as document_id', 'd.agency_id', 'd.summary', 'd.number', 'd.notation', 'd.arrival_number'])
    .where('a.role', '=', 'lead')
    .where('a.escalated_at', 'is', null)
    .where('a.deadline', '<', today)
    .where('d.state', 'in', [...open])
    .limit(5000)
    .execute();
  const base = platform.config.baseUrl;
  const label = (r: { number: number | null; notation: string | null; arrival_number: number | null; summary: string }): string =>
    `${r.number !== null && r.notation !== null ? numberNotation(r.number, r.notation) : `số đến ${r.arrival_number ?? ''}`} — ${r.summary}`;
  const system = { id: null, label: 'egov' };
  for (const r of toRemind) {
    const to = await mailOf(platform, r.account_id);
    await db.transaction().execute(async (trx) => {
      const claimed = await trx.updateTable('document_assignments').set({ reminded_at: now }).where('id', '=', r.id).where('reminded_at', 'is', null).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return;
      if (to) {
        await platform.mailer.enqueue(asPlatformDb(trx), {
          to,
          subject: `Nhắc hạn xử lý văn bản: ${label(r)}`.slice(0, 250),
          text: `Văn bản ${label(r)} được giao cho đồng chí có hạn xử lý ngày ${r.deadline}.\nXem văn bản: ${base}/van-ban/${r.document_id}\n\n(Deadline reminder: this document is due on ${r.deadline}.)`,
        });
      }
      await documentsRepo.addEvent(trx, r.document_id, 'reminded', `${r.deadline}`, system, now);
      await audit(trx, { actor: system, action: 'document.reminded', entity: 'document', entityId: r.document_id, agencyId: r.agency_id, data: { account: r.account_id, deadline: r.deadline, mailed: to !== null } });
    });
  }
  for (const r of toEscalate) {
    const to = r.assigned_by === null ? null : await mailOf(platform, r.assigned_by);
    await db.transaction().execute(async (trx) => {
      const claimed = await trx.updateTable('document_assignments').set({ escalated_at: now }).where('id', '=', r.id).where('escalated_at', 'is', null).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return;
      if (to) {
        await platform.mailer.enqueue(asPlatformDb(trx), {
          to,
          subject: `Văn bản quá hạn xử lý: ${label(r)}`.slice(0, 250),
          text: `Văn bản ${label(r)} đã quá hạn xử lý (hạn ${r.deadline}) mà chưa hoàn thành.\nXem văn bản: ${base}/van-ban/${r.document_id}\n\n(Overdue: this document was due on ${r.deadline} and is not done.)`,
        });
      }
      await documentsRepo.addEvent(trx, r.document_id, 'escalated', `${r.deadline}`, system, now);
      await audit(trx, { actor: system, action: 'document.escalated', entity: 'document', entityId: r.document_id, agencyId: r.agency_id, data: { lead: r.account_id, leader: r.assigned_by, deadline: r.deadline, mailed: to !== null } });
    });
  }
  return { reminded: toRemind.length, escalated: toEscalate.length };
}

/** Every morning at 07:00 Vietnam time (00:00 UTC), and at 13:00 for what the morning's registrations brought. */
export async function registerDeadlineJobs(platform: Platform): Promise<void> {
  await platform.jobs.work(DEADLINES_JOB, async () => {
    await remindAndEscalate(platform);
  });
  await platform.jobs.schedule(DEADLINES_JOB, '0 0,6 * * *');
}
