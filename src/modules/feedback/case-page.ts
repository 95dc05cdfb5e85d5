// What the staff's case page needs: the case, its photos, names, and what the user may do to it now.
import type { Platform } from '../../platform/http/context.ts';
import type { Actor } from '../../platform/auth/access.ts';
import { vietnamDateOf } from '../../platform/calendar/index.ts';
import { attachmentStore } from '../dossiers/index.ts';
import { findAgencyById, findUnit, listAgencies } from '../units/index.ts';
import { handlesCase, mayPublish } from './access.ts';
import { FeedbackErrors } from './errors.ts';
import { answerDeadline, answerWorkingDays, caseForStaff } from './handling.ts';
import { feedbackDb, feedbackRepo } from './repo.ts';
import type { CasePageState } from './views/staff-pages.tsx';

export async function casePageState(platform: Platform, actor: Actor, code: string, values: CasePageState['values'], errors: CasePageState['errors'] = [], now = new Date()): Promise<CasePageState> {
  const { user, row, office } = await caseForStaff(platform, actor, code);
  const db = platform.database.db;
  const assign = office && row.status === 'received';
  const [photos, unit, agency, agencies, due, days] = await Promise.all([
    feedbackRepo.photos(feedbackDb(db), row.id),
    findUnit(db, row.unit_code),
    row.agency_id === null ? Promise.resolve(undefined) : findAgencyById(db, row.agency_id),
    assign ? listAgencies(db) : Promise.resolve([]),
    assign ? answerDeadline(platform, now) : Promise.resolve(null),
    answerWorkingDays(platform),
  ]);
  return {
    row,
    photos,
    unitName: unit?.name ?? row.unit_code,
    agencyName: agency?.name ?? null,
    today: vietnamDateOf(now),
    can: { assign, answer: row.status === 'assigned' && handlesCase(user, row), publish: mayPublish(user, row) && !row.published && (row.status === 'answered' || row.status === 'closed') },
    agencies,
    dueIfNow: due ? { date: due.dueDate, days } : null,
    values,
    errors,
  };
}

/** A photo of a case, for staff who may see the case. */
export async function casePhoto(platform: Platform, actor: Actor, code: string, position: number): Promise<{ mime: string; size: number; bytes: Buffer }> {
  const { row } = await caseForStaff(platform, actor, code);
  const photo = (await feedbackRepo.photos(feedbackDb(platform.database.db), row.id)).find((p) => p.position === position);
  if (!photo) throw FeedbackErrors.NOT_FOUND();
  return { mime: photo.mime, size: photo.size, bytes: await attachmentStore(platform).read(photo.sha256) };
}
