// The staff's lists: the receiving office sees what waits to be assigned and everything being handled; an agency's
// staff see their own agency's cases. Overdue: assigned and not answered after the due date (Vietnam date).
import type { Platform } from '../../platform/http/context.ts';
import type { Actor } from '../../platform/auth/access.ts';
import { vietnamDateOf } from '../../platform/calendar/index.ts';
import { listAgencies } from '../units/index.ts';
import { isAgencyHandler, isReceivingOffice, requireFeedbackStaff } from './access.ts';
import { centreIdOf } from './handling.ts';
import { type CaseRow, feedbackDb, feedbackRepo } from './repo.ts';

export interface Inbox {
  office: boolean;
  toSort: CaseRow[];
  inProgress: CaseRow[];
  answered: CaseRow[];
  agencyNames: Map<number, string>;
  today: string;
}

export const isOverdue = (row: CaseRow, today: string): boolean => row.status === 'assigned' && row.due_date !== null && row.due_date < today;

export async function feedbackInbox(platform: Platform, actor: Actor, now = new Date()): Promise<Inbox> {
  const centreId = await centreIdOf(platform);
  const user = requireFeedbackStaff(actor, centreId);
  const fdb = feedbackDb(platform.database.db);
  const office = isReceivingOffice(user, centreId);
  const own = isAgencyHandler(user) && !office ? user.agencyId : null;
  const [toSort, inProgress, answered, agencies] = await Promise.all([
    office ? feedbackRepo.inbox(fdb, { agencyId: null, statuses: ['received'] }) : Promise.resolve([]),
    feedbackRepo.inbox(fdb, { agencyId: own, statuses: ['assigned'] }),
    own !== null ? feedbackRepo.inbox(fdb, { agencyId: own, statuses: ['answered', 'published', 'closed'] }) : Promise.resolve([]),
    listAgencies(platform.database.db),
  ]);
  return { office, toSort, inProgress, answered, agencyNames: new Map(agencies.map((a) => [a.id, a.name])), today: vietnamDateOf(now) };
}
