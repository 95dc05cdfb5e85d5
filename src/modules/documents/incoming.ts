// Incoming documents (văn bản đến, Decree 30 Art. 20–24): the registry clerk registers each one the day it arrives
// with the next yearly arrival number and the metadata of Appendix VI; a leader assigns a lead handler, co-handlers
// and readers with instructions and a deadline in working days; the people assigned acknowledge it, report progress,
// and the lead closes it. Each step checks access first and writes its audit row in the same transaction.
import type { Actor } from '../../platform/auth/access.ts';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { vietnamDateOf } from '../../platform/calendar/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { findStaffAgencyId } from '../accounts/index.ts';
import { computeDeadline } from '../calendar/index.ts';
import { documentForUser, isClerk, isLeader, requireDocumentStaff } from './access.ts';
import { DocumentErrors } from './errors.ts';
import { reportToSender } from './exchange-status.ts';
import { type CheckedFile, type SignatureChecker, storeFiles, withText } from './files.ts';
import { type IncomingData } from './input.ts';
import { FIELDS as f, fieldErrors as m } from './messages.ts';
import { audit, type DocumentRow, type DocumentsDb, documentsDb, documentsRepo } from './repo.ts';

export interface RegisterOptions {
  ip: string | null;
  now?: Date;
  checkSignatures: SignatureChecker | null;
  /** Set when the document came from the exchange axis or from an agency on the platform. */
  exchangeId?: string | null;
  sourceId?: number | null;
  /** The system registering on arrival (exchange, internal delivery) rather than a clerk. */
  system?: { agencyId: number; label: string };
}

const actorLabel = (u: SessionUser | null, system?: { label: string }): { id: number | null; label: string } => (u ? { id: u.id, label: u.displayName } : { id: null, label: system?.label ?? 'egov' });

/** Registers an incoming document: duplicate check, next arrival number, files, audit — one transaction. */
export async function registerIncoming(platform: Platform, actor: Actor, d: IncomingData, files: readonly CheckedFile[], o: RegisterOptions): Promise<DocumentRow> {
  let agencyId: number;
  let user: SessionUser | null = null;
  if (o.system) agencyId = o.system.agencyId;
  else {
    const u = requireDocumentStaff(actor);
    if (!isClerk(u)) throw DocumentErrors.NOT_ALLOWED();
    user = u;
    agencyId = u.agencyId;
  }
  const now = o.now ?? new Date();
  const today = vietnamDateOf(now);
  const year = Number(today.slice(0, 4));
  const db = documentsDb(platform.database.db);
  const read = await withText(files); // before the transaction: the arrival counter is not held while PDFs are read
  try {
    return await db.transaction().execute(async (trx) => {
      const dup = await documentsRepo.findIncomingDuplicate(trx, agencyId, d.author, d.number, d.notation, d.documentDate);
      if (dup) throw DocumentErrors.DUPLICATE({ details: { existing: dup.id, arrivalNumber: dup.arrival_number } });
      const arrival = await documentsRepo.takeNumber(trx, agencyId, year, 'incoming');
      const doc = await documentsRepo.insert(trx, {
        agency_id: agencyId,
        direction: 'in',
        state: 'registered',
        type_code: d.typeCode,
        year,
        number: d.number,
        notation: d.notation,
        arrival_number: arrival,
        summary: d.summary,
        author: d.author,
        author_code: d.authorCode,
        document_date: d.documentDate,
        arrived_on: today,
        signer_name: d.signerName,
        urgency: d.urgency,
        secrecy: d.secrecy,
        page_count: d.pageCount,
        due_date: d.dueDate,
        handling_deadline: null,
        reply_to: null,
        source_id: o.sourceId ?? null,
        exchange_id: o.exchangeId ?? null,
        drafted_by: null,
        registered_by: user?.id ?? null,
        approved_by: null,
        approved_at: null,
        issued_by: null,
        issued_at: null,
        done_at: null,
        recalled_at: null,
        recall_reason: null,
      });
      await storeFiles(trx, doc.id, 'main', read, user?.id ?? null, o.checkSignatures);
      await documentsRepo.addEvent(trx, doc.id, 'registered', '', actorLabel(user, o.system), now);
      await audit(trx, {
        actor: user ?? { id: null, label: o.system?.label ?? 'egov' },
        action: 'document.registered',
        entity: 'document',
        entityId: doc.id,
        agencyId,
        ip: o.ip,
        data: { arrivalNumber: arrival, author: d.author, number: `${d.number}/${d.notation}`, files: files.map((x) => x.sha256) },
      });
      return doc;
    });
  } catch (err) {
    // Two clerks registering the same document at once: the unique index settles it, the loser gets the same refusal.
    if ((err as { code?: string }).code === '23505' && String((err as { constraint?: string }).constraint ?? '').includes('incoming_once')) throw DocumentErrors.DUPLICATE();
    throw err;
  }
}

export interface Assignment {
  lead: number;
  co: number[];
  info: number[];
  instruction: string;
  /** Working days from today, counted by the calendar (Tết and the official holidays skipped). */
  deadlineDays: number | null;
}

/** Everyone named must be staff of the document's agency (the refusal names the field). */
async function checkInsiders(platform: Platform, agencyId: number, a: Assignment): Promise<void> {
  const errors: FieldError[] = [];
  const check = async (field: 'lead' | 'co' | 'info', ids: number[]): Promise<void> => {
    for (const id of ids) if ((await findStaffAgencyId(platform.database.db, id)) !== agencyId) return void errors.push({ field, message: m.outsider });
  };
  await check('lead', [a.lead]);
  await check('co', a.co);
  await check('info', a.info);
  if (a.co.includes(a.lead) || a.info.includes(a.lead)) errors.push({ field: 'lead', message: m.leadTwice });
  if (a.instruction.length > 2000) errors.push({ field: 'instruction', message: m.tooLong(f.instruction, 2000) });
  if (a.deadlineDays !== null && !(a.deadlineDays >= 1 && a.deadlineDays <= 90)) errors.push({ field: 'deadlineDays', message: m.range(f.deadlineDays, 1, 90) });
  if (errors.length > 0) throw DocumentErrors.INVALID({ fields: errors });
}

function checkVersion(doc: DocumentRow, version: number): void {
  if (doc.version !== version) throw DocumentErrors.STALE();
}

export async function assignIncoming(platform: Platform, actor: Actor, id: number, version: number, a: Assignment, ip: string | null, now = new Date()): Promise<DocumentRow> {
  const db = documentsDb(platform.database.db);
  const { user } = await documentForUser(db, actor, id);
  if (!isLeader(user)) throw DocumentErrors.NOT_ALLOWED();
  await checkInsiders(platform, user.agencyId, a);
  const deadline = a.deadlineDays === null ? null : (await computeDeadline(platform, { received: now, amount: a.deadlineDays, unit: 'working_days' })).dueDate;
  const assigned = await db.transaction().execute(async (trx) => {
    const doc = await lockedFor(trx, actor, id, version, ['registered', 'assigned']);
    await trx.deleteFrom('document_assignments').where('document_id', '=', id).execute();
    const rows = [
      { account_id: a.lead, role: 'lead' as const },
      ...a.co.map((c) => ({ account_id: c, role: 'co' as const })),
      ...a.info.map((c) => ({ account_id: c, role: 'info' as const })),
    ];
    await trx
      .insertInto('document_assignments')
      .values(rows.map((r) => ({ ...r, document_id: id, instruction: a.instruction, deadline, assigned_by: user.id, assigned_at: now })))
      .execute();
    const updated = await documentsRepo.update(trx, id, { state: 'assigned', handling_deadline: deadline });
    await documentsRepo.addEvent(trx, id, 'assigned', a.instruction, actorLabel(user), now);
    await audit(trx, { actor: user, action: 'document.assigned', entity: 'document', entityId: id, agencyId: doc.agency_id, ip, data: { lead: a.lead, co: a.co, info: a.info, deadline } });
    return updated;
  });
  await reportToSender(platform, assigned, 'assigned', user, now);
  return assigned;
}

/** The document locked, visible to the actor, at the version they saw and in one of the states. */
export async function lockedFor(trx: DocumentsDb, actor: Actor, id: number, version: number, states: readonly string[]): Promise<DocumentRow> {
  const { doc } = await documentForUser(trx, actor, id, true);
  checkVersion(doc, version);
  if (doc.state === 'recalled' || doc.state === 'issued' || doc.state === 'cancelled') {
    if (!states.includes(doc.state)) throw DocumentErrors.FROZEN();
  }
  if (!states.includes(doc.state)) throw DocumentErrors.WRONG_STATE();
  return doc;
}

async function myAssignment(trx: DocumentsDb, id: number, accountId: number) {
  return trx.selectFrom('document_assignments').selectAll().where('document_id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
}

/** Someone assigned says they have it; when the lead does, handling starts. */
export async function acknowledgeIncoming(platform: Platform, actor: Actor, id: number, version: number, ip: string | null, now = new Date()): Promise<DocumentRow> {
  const db = documentsDb(platform.database.db);
  let started = false;
  const acknowledged = await db.transaction().execute(async (trx) => {
    const doc = await lockedFor(trx, actor, id, version, ['assigned', 'handling', 'done']);
    const user = actor!;
    const mine = await myAssignment(trx, id, user.id);
    if (!mine) throw DocumentErrors.NOT_ALLOWED();
    if (mine.acknowledged_at) return doc;
    await trx.updateTable('document_assignments').set({ acknowledged_at: now }).where('id', '=', mine.id).execute();
    started = mine.role === 'lead' && doc.state === 'assigned';
    const updated = started ? await documentsRepo.update(trx, id, { state: 'handling' }) : await documentsRepo.update(trx, id, {});
    await documentsRepo.addEvent(trx, id, 'acknowledged', '', actorLabel(user), now);
    await audit(trx, { actor: user, action: 'document.acknowledged', entity: 'document', entityId: id, agencyId: doc.agency_id, ip });
    return updated;
  });
  if (started) await reportToSender(platform, acknowledged, 'handling', actor, now);
  return acknowledged;
}

/** A progress note from anyone assigned (lead or co-handler); the lead may close the document with it. */
export async function reportProgress(platform: Platform, actor: Actor, id: number, version: number, note: string, close: boolean, ip: string | null, now = new Date()): Promise<DocumentRow> {
  const text = note.trim();
  if (text === '') throw DocumentErrors.INVALID({ fields: [{ field: 'note', message: m.missing(f.note) }] });
  if (text.length > 5000) throw DocumentErrors.INVALID({ fields: [{ field: 'note', message: m.tooLong(f.note, 5000) }] });
  const db = documentsDb(platform.database.db);
  let from = '';
  const reported = await db.transaction().execute(async (trx) => {
    const doc = await lockedFor(trx, actor, id, version, ['assigned', 'handling']);
    from = doc.state;
    const user = actor!;
    const mine = await myAssignment(trx, id, user.id);
    if (!mine || mine.role === 'info' || (close && mine.role !== 'lead')) throw DocumentErrors.NOT_ALLOWED();
    if (!mine.acknowledged_at) await trx.updateTable('document_assignments').set({ acknowledged_at: now }).where('id', '=', mine.id).execute();
    const patch = close ? { state: 'done' as const, done_at: now } : doc.state === 'assigned' && mine.role === 'lead' ? { state: 'handling' as const } : {};
    const updated = await documentsRepo.update(trx, id, patch);
    await documentsRepo.addEvent(trx, id, close ? 'done' : 'progress', text, actorLabel(user), now);
    await audit(trx, { actor: user, action: close ? 'document.done' : 'document.progress', entity: 'document', entityId: id, agencyId: doc.agency_id, ip, data: { note: text } });
    return updated;
  });
  // The issuer over the exchange axis hears each step: handling started (a lead's first report), then done.
  if (reported.state !== from && (reported.state === 'handling' || reported.state === 'done')) await reportToSender(platform, reported, reported.state, actor, now);
  return reported;
}
