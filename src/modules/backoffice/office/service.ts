// What the officers' pages read (issue 4 "Officer work"), each with its access rule at the top: staff only, and a
// dossier only for the staff of the agency that received it, handles it or is consulted on it (workflow/access.ts);
// anyone else learns nothing (404).
import type { Readable } from 'node:stream';
import type { Platform } from '../../../platform/http/context.ts';
import { type Actor, requireStaff } from '../../../platform/auth/access.ts';
import { findAccountContact, findStaffWithRole, type StaffSummary } from '../../accounts/index.ts';
import { listAgencies } from '../../units/index.ts';
import { DossierErrors, type DeadlineInfo, type Dossier, type DossierFile, attachmentStore, dossierRows } from '../../dossiers/index.ts';
import { getCaseView, caseFor, type CaseView } from '../workflow/view.ts';
import { collectsFees } from './fees.ts';

export interface OfficerCase {
  view: CaseView;
  /** How the due date was counted (set at receipt and when the clock restarts). */
  deadline: DeadlineInfo | null;
  assigneeName: string | null;
  /** The fees are unpaid and this officer collects them (office/fees.ts): the page shows the form to record them. */
  collectFees: boolean;
  /** Choices the action forms need: staff of the handling agency, departments to consult. */
  choices: { staff: StaffSummary[]; agencies: { code: string; name: string }[] };
}

export async function officerCase(platform: Platform, actor: Actor, code: string): Promise<OfficerCase> {
  const user = requireStaff(actor);
  const view = await getCaseView(platform, user, code);
  const db = platform.database.db;
  const c = view.case;
  const assignee = c.assigneeId ? await findAccountContact(db, c.assigneeId) : undefined;
  const needs = new Set(view.actions.flatMap((a) => a.requires));
  const handling = c.handlingAgencyId ?? c.agencyId;
  let staff: StaffSummary[] = [];
  if (needs.has('assignee')) {
    const all = [...(await findStaffWithRole(db, handling, 'specialist')), ...(await findStaffWithRole(db, handling, 'leader'))];
    staff = all.filter((s, i) => all.findIndex((x) => x.id === s.id) === i);
  }
  const agencies = needs.has('agencies')
    ? (await listAgencies(db, { kind: 'department' })).filter((a) => a.id !== handling).map((a) => ({ code: a.code, name: a.name }))
    : [];
  const collectFees = c.paymentStatus === 'unpaid' && collectsFees(view.relation, user.roles);
  return { view, deadline: c.deadline, assigneeName: assignee?.fullName ?? null, collectFees, choices: { staff, agencies } };
}

/** A file of the dossier (submitted, supplement or result), for the staff who may see the dossier; for a consulted agency only a file it was sent. */
export async function openOfficerFile(platform: Platform, actor: Actor, code: string, fileId: number): Promise<{ dossier: Dossier; file: DossierFile; stream: Readable }> {
  const user = requireStaff(actor);
  const { c, sent } = await caseFor(platform, user, code);
  const file = Number.isSafeInteger(fileId) ? await dossierRows.file(platform.database.db, c.id, fileId) : undefined;
  if (!file || (sent && !sent.documents.includes(file.id))) throw DossierErrors.FILE_NOT_FOUND();
  return { dossier: c, file, stream: await attachmentStore(platform).stream(file.sha256) };
}
