// What the registry's pages need besides the document itself: the agency's colleagues (for assignment and readers),
// the agencies to send to, who may do what now, the register lines with names, and the handling slip. Reads only;
// the services check access and state again when a form is posted.
import { Role, type SessionUser } from '../../platform/auth/roles.ts';
import { vietnamDateOf } from '../../platform/calendar/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { accountNames, findStaffWithRole } from '../accounts/index.ts';
import { findAgencyById, listAgencies } from '../units/index.ts';
import { isClerk, isLeader } from './access.ts';
import { emailRecipientsOf, externalRecipientsOf, internalCodesOf } from './outgoing.ts';
import type { HandlingSlip } from './print/index.ts';
import { asPlatformDb, type AssignmentRow, type DocumentRow, type DocumentsDb, documentsRepo } from './repo.ts';
import { numberNotation } from './numbering.ts';
import { documentType, type IncomingRegisterRow, type OutgoingRegisterRow, type Urgency } from './types.ts';
import type { DocumentPageState } from './views/detail.tsx';

export async function colleaguesOf(platform: Platform, agencyId: number): Promise<{ id: number; name: string }[]> {
  const seen = new Map<number, string>();
  for (const role of [Role.leader, Role.specialist, Role.registryClerk]) {
    for (const s of await findStaffWithRole(platform.database.db, agencyId, role)) seen.set(s.id, s.fullName);
  }
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

export async function agencyChoices(platform: Platform, ownId: number): Promise<{ code: string; name: string }[]> {
  const all = await listAgencies(platform.database.db);
  return all.filter((a) => a.active && a.id !== ownId).map((a) => ({ code: a.code, name: a.name }));
}

/** Names of accounts, for lists that show people. */
export function namesOf(db: DocumentsDb, ids: readonly number[]): Promise<Map<number, string>> {
  return accountNames(asPlatformDb(db), ids.filter((id) => id > 0));
}

export function allowedActions(user: SessionUser, doc: DocumentRow, mine: AssignmentRow | undefined): DocumentPageState['can'] {
  const s = doc.state;
  const drafter = doc.drafted_by === user.id;
  const working = mine !== undefined && mine.role !== 'info';
  return {
    assign: doc.direction === 'in' && isLeader(user) && (s === 'registered' || s === 'assigned'),
    acknowledge: mine !== undefined && !mine.acknowledged_at && (s === 'assigned' || s === 'handling'),
    progress: working && (s === 'assigned' || s === 'handling'),
    close: mine?.role === 'lead' && (s === 'assigned' || s === 'handling'),
    comment: !['issued', 'recalled', 'cancelled'].includes(s),
    edit: doc.direction === 'out' && (s === 'draft' || s === 'review') && (drafter || isLeader(user)),
    submit: doc.direction === 'out' && s === 'draft' && (drafter || isLeader(user)),
    approve: doc.direction === 'out' && s === 'review' && isLeader(user),
    issue: doc.direction === 'out' && s === 'approved' && isClerk(user),
    recall: doc.direction === 'out' && s === 'issued' && (isLeader(user) || isClerk(user)),
    cancel: doc.direction === 'out' && s === 'issued' && isClerk(user),
    reply: doc.direction === 'in' && working && (s === 'assigned' || s === 'handling'),
  };
}

export async function documentPageState(platform: Platform, db: DocumentsDb, user: SessionUser & { agencyId: number }, doc: DocumentRow, now = new Date()): Promise<Omit<DocumentPageState, 'values' | 'errors'>> {
  const [files, assignments, events, recipients] = await Promise.all([documentsRepo.files(db, doc.id), documentsRepo.assignments(db, doc.id), documentsRepo.events(db, doc.id), documentsRepo.recipients(db, doc.id)]);
  const names = await namesOf(db, assignments.map((a) => a.account_id));
  const mine = assignments.find((a) => a.account_id === user.id);
  const can = allowedActions(user, doc, mine);
  return {
    doc,
    files,
    assignments: assignments.map((a) => ({ ...a, name: names.get(a.account_id) ?? '' })),
    events,
    recipients,
    today: vietnamDateOf(now),
    can,
    colleagues: can.assign ? await colleaguesOf(platform, user.agencyId) : [],
  };
}

const typeNameOf = (code: string): string => documentType(code)?.vi ?? code;

export async function outgoingLines(platform: Platform, rows: DocumentRow[]): Promise<(OutgoingRegisterRow & { id: number })[]> {
  const agencyNames = new Map((await listAgencies(platform.database.db)).map((a) => [a.code, a.name]));
  return rows.map((d) => ({
    id: d.id,
    numberNotation: numberNotation(d.number!, d.notation!),
    issuedOn: d.document_date ?? '',
    typeName: typeNameOf(d.type_code),
    summary: d.summary,
    signer: d.signer_name,
    recipients: [...externalRecipientsOf(d.recipients).split('\n').filter(Boolean), ...internalCodesOf(d.recipients).map((c) => agencyNames.get(c) ?? c), ...emailRecipientsOf(d.recipients)].join('; '),
    fileCopyHolder: d.file_copy_holder,
    copies: d.copies,
    transferredOn: d.issued_at ? vietnamDateOf(d.issued_at) : '',
    receivedBy: '',
    notes: d.state === 'recalled' ? `Đã thu hồi: ${d.recall_reason ?? ''}` : d.state === 'cancelled' ? 'Đã hủy số' : d.notes,
  }));
}

export async function incomingLines(db: DocumentsDb, rows: DocumentRow[]): Promise<(IncomingRegisterRow & { id: number })[]> {
  const leads = rows.length === 0 ? [] : await db.selectFrom('document_assignments').select(['document_id', 'account_id', 'assigned_at']).where('role', '=', 'lead').where('document_id', 'in', rows.map((r) => r.id)).execute();
  const names = await namesOf(db, leads.map((l) => l.account_id));
  const byDoc = new Map(leads.map((l) => [l.document_id, l]));
  return rows.map((d) => {
    const lead = byDoc.get(d.id);
    return {
      id: d.id,
      arrivedOn: d.arrived_on ?? '',
      arrivalNumber: d.arrival_number ?? 0,
      author: d.author,
      numberNotation: d.number !== null && d.notation !== null ? numberNotation(d.number, d.notation) : '',
      documentDate: d.document_date ?? '',
      typeName: typeNameOf(d.type_code),
      summary: d.summary,
      receiver: lead ? (names.get(lead.account_id) ?? '') : '',
      transferredOn: lead ? vietnamDateOf(lead.assigned_at) : '',
      receivedBy: '',
      notes: d.state === 'recalled' ? `Đã thu hồi: ${d.recall_reason ?? ''}` : d.notes,
    };
  });
}

export async function handlingSlipOf(platform: Platform, db: DocumentsDb, doc: DocumentRow): Promise<HandlingSlip> {
  const [assignments, events, agency] = await Promise.all([documentsRepo.assignments(db, doc.id), documentsRepo.events(db, doc.id), findAgencyById(platform.database.db, doc.agency_id)]);
  const parent = agency?.parentId ? await findAgencyById(platform.database.db, agency.parentId) : undefined;
  const names = await namesOf(db, [...assignments.map((a) => a.account_id), ...assignments.map((a) => a.assigned_by ?? 0)]);
  const lead = assignments.find((a) => a.role === 'lead');
  return {
    agencyName: agency?.name ?? '',
    ...(parent ? { parentAgencyName: parent.name } : {}),
    arrivalNumber: doc.arrival_number ?? 0,
    arrivedOn: doc.arrived_on ?? '',
    author: doc.author,
    numberNotation: doc.number !== null && doc.notation !== null ? numberNotation(doc.number, doc.notation) : '',
    documentDate: doc.document_date ?? '',
    summary: doc.summary,
    urgency: doc.urgency as Urgency,
    leaderInstruction: lead?.instruction ?? '',
    leaderName: lead?.assigned_by ? (names.get(lead.assigned_by) ?? '') : '',
    assignedAt: lead ? lead.assigned_at.toISOString() : '',
    lead: lead ? (names.get(lead.account_id) ?? '') : '',
    coHandling: assignments.filter((a) => a.role === 'co').map((a) => names.get(a.account_id) ?? ''),
    deadline: doc.handling_deadline,
    progress: events.filter((e) => e.kind === 'progress' || e.kind === 'done').map((e) => ({ at: e.at.toISOString(), who: e.actor_label, note: e.note })),
  };
}
