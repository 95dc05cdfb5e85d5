// The one-stop papers of a dossier for the officers (Circular 01/2018/TT-VPCP): Form 01 with the applicant's builder,
// Forms 02–05 from the case view through the pure renderers in ../forms. Forms 02, 03 and 04 exist only once the
// dossier had that event (the history row of the action that issued it); Form 05 lists every hand-over in the history.
import type { Platform } from '../../../platform/http/context.ts';
import { type Actor, requireStaff } from '../../../platform/auth/access.ts';
import { endOfVietnamDay, isValidIsoDate } from '../../../platform/calendar/index.ts';
import { findAccountContact } from '../../accounts/index.ts';
import { findAgencyById } from '../../units/index.ts';
import { DossierErrors, recordDossierRead, renderForm01, type HistoryEntry } from '../../dossiers/index.ts';
import { ONE_STOP_UNIT } from '../forms/common.ts';
import { renderForm02, renderForm03, renderForm04, renderForm05, type DossierFormBase, type FormAgency, type HandOver } from '../forms/index.ts';
import { stateOf } from '../workflow/definition.ts';
import { getCaseView, type CaseView } from '../workflow/view.ts';

export const PAPERS = ['01', '02', '03', '04', '05'] as const;
export type Paper = (typeof PAPERS)[number];

export function isPaper(s: string): s is Paper {
  return (PAPERS as readonly string[]).includes(s);
}

/** The history row of the action that issued `form`, the latest one. */
function issuing(v: CaseView, form: Paper): HistoryEntry | undefined {
  return [...v.history].reverse().find((h) => h.note.form === form);
}

/** The papers this dossier has: 01 and 05 always, 02–04 once issued; none for a consulted agency (they carry the applicant's details). */
export function papersOf(v: CaseView): Paper[] {
  if (v.scope === 'consulted') return [];
  return PAPERS.filter((p) => p === '01' || p === '05' || issuing(v, p) !== undefined);
}

async function formAgency(platform: Platform, id: number): Promise<FormAgency> {
  const db = platform.database.db;
  const a = await findAgencyById(db, id);
  const parent = a?.parentId ? await findAgencyById(db, a.parentId) : undefined;
  return { code: a?.code ?? '', name: a?.name ?? '', parentName: parent?.name ?? null };
}

function base(v: CaseView, agency: FormAgency, issuedAt: Date, officerName: string | null): DossierFormBase {
  const c = v.case;
  return {
    dossierCode: c.code,
    procedure: { code: c.procedureCode, name: v.procedure?.name ?? c.procedureCode },
    applicant: { name: c.applicant.name, personal_id: c.applicant.personal_id, address: c.applicant.address, phone: c.applicant.phone, email: c.applicant.email },
    agency,
    issuedAt,
    officerName,
  };
}

const dayEnd = (d: unknown): Date | null => (typeof d === 'string' && isValidIsoDate(d) ? endOfVietnamDay(d) : null);

/**
 * Form 05's rows: every change of state is a hand-over from the unit holding the dossier to the next one, and so is
 * an assignment to an officer within the handling agency (`people`: the assignees' names by account id).
 */
export function handOvers(v: CaseView, people: ReadonlyMap<number, string> = new Map()): HandOver[] {
  const c = v.case;
  const name = (id: number | null): string => (id === null ? '' : (v.agencies.get(id)?.name ?? ''));
  const unitOf = (state: string): string => {
    switch (stateOf(v.workflow, state)?.holder) {
      case 'receiving':
        return `${ONE_STOP_UNIT} – ${name(c.agencyId)}`;
      case 'handling':
        return name(c.handlingAgencyId ?? c.agencyId);
      case 'consulted':
        return v.consultations.map((k) => name(k.agencyId)).join('; ') || name(c.handlingAgencyId ?? c.agencyId);
      default:
        return `Người nộp hồ sơ: ${c.applicant.name}`;
    }
  };
  const effectOf = (kind: string): string | undefined => v.workflow.actions.find((a) => a.key === kind)?.effect;
  const moves = v.history.filter((h) => h.fromStatus && h.toStatus && (h.toStatus !== h.fromStatus || effectOf(h.kind) === 'assign'));
  return moves.map((h, i) => {
    const next = moves[i + 1];
    const label = v.workflow.actions.find((a) => a.key === h.kind)?.label.vi ?? h.kind;
    const assignee = typeof h.note.assignee_id === 'number' ? (people.get(h.note.assignee_id) ?? null) : null;
    return {
      fromUnit: unitOf(h.fromStatus ?? ''),
      toUnit: unitOf(h.toStatus ?? ''),
      // Electronic hand-overs arrive at once: the next unit has the dossier when it is sent.
      handedOverAt: h.at,
      receivedAt: h.at,
      fromOfficer: h.actor,
      toOfficer: assignee ?? (next && next.fromStatus === h.toStatus ? next.actor : null),
      result: h.toStatus === 'result_ready' ? c.outcome : null,
      note: [label, h.comment].filter(Boolean).join(': '),
    };
  });
}

/** The paper as a PDF, for the staff who may see the dossier; 404 for a paper the dossier does not have. */
export async function renderPaper(platform: Platform, actor: Actor, code: string, paper: Paper): Promise<Buffer> {
  const user = requireStaff(actor);
  const v = await getCaseView(platform, user, code);
  const c = v.case;
  if (!papersOf(v).includes(paper)) throw DossierErrors.DOSSIER_NOT_FOUND();
  await recordDossierRead(platform, user, c, 'pdf', { paper });
  const receiving = (): Promise<FormAgency> => formAgency(platform, c.agencyId);
  const handling = (): Promise<FormAgency> => formAgency(platform, c.handlingAgencyId ?? c.agencyId);
  switch (paper) {
    case '01':
      return renderForm01(await receiptOf(platform, v));
    case '02': {
      const h = issuing(v, '02');
      const s = v.supplements.at(-1);
      if (!h || !s) throw DossierErrors.DOSSIER_NOT_FOUND();
      const agency = s.stage === 'receipt' ? await receiving() : await handling();
      return renderForm02({ ...base(v, agency, s.requestedAt, h.actor), items: s.items.map((i) => ({ text: i.text })), reason: s.reason, contact: { name: h.actor } });
    }
    case '03': {
      const h = issuing(v, '03');
      if (!h) throw DossierErrors.DOSSIER_NOT_FOUND();
      return renderForm03({ ...base(v, await receiving(), h.at, h.actor), reason: h.comment ?? '' });
    }
    case '04': {
      const h = issuing(v, '04');
      if (!h) throw DossierErrors.DOSSIER_NOT_FOUND();
      const dueAt = c.originalDueAt ?? dayEnd(h.note.original_due_date) ?? h.at;
      const newDueAt = dayEnd(h.note.new_due_date) ?? c.dueAt ?? h.at;
      return renderForm04({ ...base(v, await handling(), h.at, h.actor), receivedAt: c.receivedAt, dueAt, newDueAt, reason: h.comment ?? '' });
    }
    case '05': {
      const people = new Map<number, string>();
      for (const h of v.history) {
        const id = h.note.assignee_id;
        if (typeof id === 'number' && !people.has(id)) people.set(id, (await findAccountContact(platform.database.db, id))?.fullName ?? '');
      }
      return renderForm05({ ...base(v, await receiving(), new Date(), user.displayName), receivedAt: c.receivedAt, dueAt: c.dueAt, handOvers: handOvers(v, people) });
    }
  }
}

/** What Form 01's builder takes, gathered for the officer (the applicant's receipt only admits the receiving agency). */
async function receiptOf(platform: Platform, v: CaseView): Promise<Parameters<typeof renderForm01>[0]> {
  const db = platform.database.db;
  const dossier = v.case;
  const submitted = new Set(v.files.filter((f) => f.kind !== 'result').map((f) => f.id));
  const agency = await findAgencyById(db, dossier.agencyId);
  const parentAgency = agency?.parentId ? await findAgencyById(db, agency.parentId) : undefined;
  return {
    dossier,
    files: v.files.filter((f) => submitted.has(f.id)).map(({ kind: _kind, ...f }) => f),
    events: v.history.map((h) => ({ at: h.at, actor: h.actor, kind: h.kind, note: h.note })),
    payments: [],
    procedure: v.procedure,
    agency,
    parentAgency,
    payment: undefined,
    units: v.units,
  };
}
