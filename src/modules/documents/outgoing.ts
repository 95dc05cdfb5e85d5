// Outgoing documents (văn bản đi, Decree 30 Art. 10–19): a draft with its files → internal review and comments → the
// leader approves → the registry clerk numbers, signs with the agency's certificate and issues it in one transaction
// (the number is taken there, so it is gap-free: a failed issue returns it) → distribution: agencies on the platform
// receive it in their incoming book. A recalled document is frozen everywhere with its reason; a number cancelled
// after issue stays taken and is listed with its reason.
import type { Actor } from '../../platform/auth/access.ts';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { vietnamDateOf } from '../../platform/calendar/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { findAgencyByCode, findAgencyById, type Agency } from '../units/index.ts';
import { documentForUser, isClerk, isLeader, requireDocumentStaff } from './access.ts';
import { DocumentErrors } from './errors.ts';
import { type CheckedFile, checkFiles, type SignatureChecker, storeFiles, withText } from './files.ts';
import { findStaffAgencyId } from '../accounts/index.ts';
import { sendOverExchange, servesAgency } from './exchange.ts';
import { recallOverExchange } from './exchange-status.ts';
import { lockedFor, registerIncoming } from './incoming.ts';
import { mailToRecipients } from './mail.ts';
import type { OutgoingData } from './input.ts';
import { FIELDS as f, fieldErrors as m } from './messages.ts';
import { issuerAbbreviation, notationFor, numberNotation } from './numbering.ts';
import { asPlatformDb, audit, type DocumentRow, type DocumentsDb, documentsDb, documentsRepo } from './repo.ts';

const who = (u: SessionUser): { id: number; label: string } => ({ id: u.id, label: u.displayName });

function draftColumns(d: OutgoingData) {
  return {
    type_code: d.typeCode,
    series: d.series,
    summary: d.summary,
    body: d.body,
    drafting_unit: d.draftingUnit,
    signer_name: d.signerName,
    signer_position: d.signerPosition,
    signer_competence: d.signerCompetence,
    urgency: d.urgency,
    secrecy: d.secrecy,
    copies: d.copies,
    recipients: [d.recipients, ...d.internal.map((c) => `@${c}`), ...(d.emails ?? []).map((e) => `mailto:${e}`)].filter(Boolean).join('\n'),
  };
}

/** Internal recipients are kept in the recipients text as `@<agency code>` lines; the rest is free text. */
export function internalCodesOf(recipients: string): string[] {
  return recipients
    .split('\n')
    .filter((l) => l.startsWith('@'))
    .map((l) => l.slice(1).trim());
}
export const externalRecipientsOf = (recipients: string): string =>
  recipients
    .split('\n')
    .filter((l) => !l.startsWith('@') && !l.startsWith(MAILTO))
    .join('\n');
/** Recipients by e-mail are kept as `mailto:<address>` lines. */
const MAILTO = 'mailto:';
export const emailRecipientsOf = (recipients: string): string[] =>
  recipients
    .split('\n')
    .filter((l) => l.startsWith(MAILTO))
    .map((l) => l.slice(MAILTO.length).trim());

async function setReaders(trx: DocumentsDb, agencyId: number, id: number, readers: number[]): Promise<void> {
  await trx.deleteFrom('document_readers').where('document_id', '=', id).execute();
  const mine: number[] = [];
  for (const r of new Set(readers)) if ((await findStaffAgencyId(asPlatformDb(trx), r)) === agencyId) mine.push(r);
  if (mine.length > 0) await trx.insertInto('document_readers').values(mine.map((account_id) => ({ document_id: id, account_id }))).execute();
}

export async function createDraft(platform: Platform, actor: Actor, d: OutgoingData, files: readonly CheckedFile[], ip: string | null, now = new Date()): Promise<DocumentRow> {
  const user = requireDocumentStaff(actor);
  const db = documentsDb(platform.database.db);
  if (d.replyTo !== null) await documentForUser(db, actor, d.replyTo);
  const read = await withText(files);
  return db.transaction().execute(async (trx) => {
    const doc = await documentsRepo.insert(trx, {
      agency_id: user.agencyId,
      direction: 'out',
      state: 'draft',
      ...draftColumns(d),
      year: null,
      number: null,
      notation: null,
      arrival_number: null,
      author_code: null,
      document_date: null,
      arrived_on: null,
      page_count: null,
      due_date: null,
      handling_deadline: null,
      reply_to: d.replyTo,
      source_id: null,
      exchange_id: null,
      drafted_by: user.id,
      registered_by: null,
      approved_by: null,
      approved_at: null,
      issued_by: null,
      issued_at: null,
      done_at: null,
      recalled_at: null,
      recall_reason: null,
    });
    await setReaders(trx, user.agencyId, doc.id, d.readers);
    await storeFiles(trx, doc.id, 'attachment', read, user.id, null);
    await documentsRepo.addEvent(trx, doc.id, 'drafted', '', who(user), now);
    await audit(trx, { actor: user, action: 'document.drafted', entity: 'document', entityId: doc.id, agencyId: user.agencyId, ip, data: { type: d.typeCode, summary: d.summary } });
    return doc;
  });
}

export async function updateDraft(platform: Platform, actor: Actor, id: number, version: number, d: OutgoingData, files: readonly CheckedFile[], ip: string | null, now = new Date()): Promise<DocumentRow> {
  const db = documentsDb(platform.database.db);
  const read = await withText(files);
  return db.transaction().execute(async (trx) => {
    const doc = await lockedFor(trx, actor, id, version, ['draft', 'review']);
    const user = actor!;
    if (doc.drafted_by !== user.id && !isLeader(user)) throw DocumentErrors.NOT_ALLOWED();
    const updated = await documentsRepo.update(trx, id, draftColumns(d));
    await setReaders(trx, doc.agency_id, id, d.readers);
    await storeFiles(trx, id, 'attachment', read, user.id, null);
    await documentsRepo.addEvent(trx, id, 'edited', '', who(user), now);
    await audit(trx, { actor: user, action: 'document.edited', entity: 'document', entityId: id, agencyId: doc.agency_id, ip, data: { before: { summary: doc.summary, body: doc.body }, after: { summary: d.summary, body: d.body } } });
    return updated;
  });
}

type Step = { from: string[]; to: DocumentRow['state']; event: string; may: (u: SessionUser, d: DocumentRow) => boolean; noteRequired?: boolean; patch?: (u: SessionUser, now: Date) => Partial<DocumentRow> };

const STEPS = {
  submit: { from: ['draft'], to: 'review', event: 'submitted', may: (u, d) => d.drafted_by === u.id || isLeader(u) },
  approve: { from: ['review'], to: 'approved', event: 'approved', may: (u) => isLeader(u), patch: (u, now) => ({ approved_by: u.id, approved_at: now }) },
  return: { from: ['review', 'approved'], to: 'draft', event: 'returned', may: (u) => isLeader(u), noteRequired: true, patch: () => ({ approved_by: null, approved_at: null }) },
} satisfies Record<string, Step>;
export type StepName = keyof typeof STEPS;

/** A step of the review: send for approval, approve, or return with a reason. */
export async function reviewStep(platform: Platform, actor: Actor, id: number, version: number, step: StepName, note: string, ip: string | null, now = new Date()): Promise<DocumentRow> {
  const s: Step = STEPS[step];
  const text = note.trim();
  if (s.noteRequired && text === '') throw DocumentErrors.INVALID({ fields: [{ field: 'note', message: m.missing(f.reason) }] });
  if (text.length > 5000) throw DocumentErrors.INVALID({ fields: [{ field: 'note', message: m.tooLong(f.note, 5000) }] });
  const db = documentsDb(platform.database.db);
  return db.transaction().execute(async (trx) => {
    const doc = await lockedFor(trx, actor, id, version, s.from);
    const user = actor!;
    if (!s.may(user, doc)) throw DocumentErrors.NOT_ALLOWED();
    const extra = s.patch?.(user, now) ?? {};
    // The leader who approves signs unless the draft names someone else.
    const signer = step === 'approve' && doc.signer_name === '' ? { signer_name: user.displayName } : {};
    const updated = await documentsRepo.update(trx, id, { state: s.to, ...extra, ...signer });
    await documentsRepo.addEvent(trx, id, s.event, text, who(user), now);
    await audit(trx, { actor: user, action: `document.${s.event}`, entity: 'document', entityId: id, agencyId: doc.agency_id, ip, data: { from: doc.state, to: s.to, note: text } });
    return updated;
  });
}

/** A review comment, on any document the user sees that is not yet issued. */
export async function commentOn(platform: Platform, actor: Actor, id: number, note: string, ip: string | null, now = new Date()): Promise<void> {
  const text = note.trim();
  if (text === '') throw DocumentErrors.INVALID({ fields: [{ field: 'note', message: m.missing(f.note) }] });
  if (text.length > 5000) throw DocumentErrors.INVALID({ fields: [{ field: 'note', message: m.tooLong(f.note, 5000) }] });
  const db = documentsDb(platform.database.db);
  const { user, doc } = await documentForUser(db, actor, id);
  if (doc.state === 'issued' || doc.state === 'recalled' || doc.state === 'cancelled') throw DocumentErrors.FROZEN();
  await db.transaction().execute(async (trx) => {
    await documentsRepo.addEvent(trx, id, 'comment', text, who(user), now);
    await audit(trx, { actor: user, action: 'document.comment', entity: 'document', entityId: id, agencyId: doc.agency_id, ip, data: { note: text } });
  });
}

/** Prepares, before the issuing transaction, what printing needs from the database (names, certificate, seal); the
 *  function it gives back renders the numbered document and signs it inside the transaction (documents/signing.ts). */
export type Publisher = (doc: DocumentRow, agency: Agency) => Promise<(numbered: string, now: Date) => Promise<{ name: string; content: Buffer } | null>>;

export interface IssueOptions {
  ip: string | null;
  now?: Date;
  publish: Publisher;
  checkSignatures: SignatureChecker | null;
}

/** Numbers, signs and issues an approved document, then delivers it to the agencies on the platform. */
export async function issueDocument(platform: Platform, actor: Actor, id: number, version: number, o: IssueOptions): Promise<DocumentRow> {
  const now = o.now ?? new Date();
  const db = documentsDb(platform.database.db);
  const { user, doc: seen } = await documentForUser(db, actor, id);
  if (!isClerk(user)) throw DocumentErrors.NOT_ALLOWED();
  const agency = await findAgencyById(platform.database.db, user.agencyId);
  if (!agency) throw DocumentErrors.NOT_ALLOWED();
  if (seen.version !== version) throw DocumentErrors.STALE();
  // What is printed is the version the clerk saw: the transaction below refuses any other.
  const render = await o.publish(seen, agency);
  const today = vietnamDateOf(now);
  const year = Number(today.slice(0, 4));
  const issued = await db.transaction().execute(async (trx) => {
    const doc = await lockedFor(trx, actor, id, version, ['approved']);
    // Decree 30 Art. 15: numbered per agency, per year (from 01 on 1 January), per series.
    const number = await documentsRepo.takeNumber(trx, doc.agency_id, year, doc.series);
    const notation = notationFor(doc.type_code, issuerAbbreviation(agency), doc.drafting_unit);
    const signed = await render(numberNotation(number, notation), now);
    if (signed) {
      await storeFiles(trx, id, 'signed', checkFiles([signed], 'files'), user.id, o.checkSignatures);
    }
    const updated = await documentsRepo.update(trx, id, { state: 'issued', year, number, notation, document_date: today, issued_by: user.id, issued_at: now, file_copy_holder: doc.file_copy_holder || 'VT' });
    await documentsRepo.addEvent(trx, id, 'issued', numberNotation(number, notation), who(user), now);
    await audit(trx, { actor: user, action: 'document.issued', entity: 'document', entityId: id, agencyId: doc.agency_id, ip: o.ip, data: { number: numberNotation(number, notation), year, series: doc.series, signed: signed !== null } });
    return updated;
  });
  await deliverInternally(platform, issued, agency, o, now);
  return (await documentsRepo.find(db, id))!;
}

/** Agencies on the platform receive the issued document in their incoming book, registered on arrival; the others
 *  (not served by this instance) receive it over the exchange axis when it is configured (exchange.ts). */
async function deliverInternally(platform: Platform, doc: DocumentRow, agency: Agency, o: IssueOptions, now: Date): Promise<void> {
  const db = documentsDb(platform.database.db);
  const files = (await documentsRepo.files(db, doc.id)).filter((x) => x.kind === 'signed' || x.kind === 'attachment');
  const elsewhere: string[] = [];
  for (const code of internalCodesOf(doc.recipients)) {
    const to = await findAgencyByCode(platform.database.db, code);
    if (to?.id === agency.id) continue;
    if (!to || !servesAgency(platform, to)) {
      elsewhere.push(code);
      continue;
    }
    const contents = await Promise.all(files.map(async (x) => ({ ...x, content: (await documentsRepo.file(db, doc.id, x.id))!.content })));
    const incoming = await registerIncoming(
      platform,
      null,
      {
        typeCode: doc.type_code,
        author: agency.name,
        authorCode: agency.code,
        number: doc.number!,
        notation: doc.notation!,
        documentDate: doc.document_date!,
        summary: doc.summary,
        signerName: doc.signer_name,
        urgency: doc.urgency as OutgoingData['urgency'],
        secrecy: doc.secrecy as OutgoingData['secrecy'],
        pageCount: null,
        dueDate: null,
      },
      contents.map((c) => ({ name: c.name, content: c.content, mime: c.mime, sha256: c.sha256 })),
      { ip: o.ip, now, checkSignatures: o.checkSignatures, sourceId: doc.id, system: { agencyId: to.id, label: `Liên thông: ${agency.name}` } },
    ).catch((err: unknown) => {
      if ((err as { code?: string }).code === 'DUPLICATE') return null;
      throw err;
    });
    await db
      .insertInto('document_recipients')
      .values({ document_id: doc.id, kind: 'internal', agency_id: to.id, organ_code: to.code, name: to.name, sent_at: now, status: incoming ? 'received' : 'duplicate', status_at: now, incoming_id: incoming?.id ?? null })
      .execute();
  }
  await sendOverExchange(platform, doc, agency, elsewhere, now);
  await mailToRecipients(platform, doc, agency, now);
}

/** Recall: the document is frozen here and in every incoming book it reached, with the reason. */
export async function recallDocument(platform: Platform, actor: Actor, id: number, version: number, reason: string, ip: string | null, now = new Date()): Promise<DocumentRow> {
  const why = reason.trim();
  if (why === '') throw DocumentErrors.INVALID({ fields: [{ field: 'note', message: m.missing(f.reason) }] });
  if (why.length > 1000) throw DocumentErrors.INVALID({ fields: [{ field: 'note', message: m.tooLong(f.reason, 1000) }] });
  const db = documentsDb(platform.database.db);
  const recalled = await db.transaction().execute(async (trx) => {
    const doc = await lockedFor(trx, actor, id, version, ['issued']);
    const user = actor!;
    if (!isLeader(user) && !isClerk(user)) throw DocumentErrors.NOT_ALLOWED();
    const updated = await documentsRepo.update(trx, id, { state: 'recalled', recalled_at: now, recall_reason: why });
    const copies = await trx.selectFrom('documents').select(['id', 'agency_id']).where('source_id', '=', id).where('state', '<>', 'recalled').execute();
    for (const c of copies) {
      await documentsRepo.update(trx, c.id, { state: 'recalled', recalled_at: now, recall_reason: why });
      await documentsRepo.addEvent(trx, c.id, 'recalled', why, { id: null, label: 'Liên thông' }, now);
      await audit(trx, { actor: user, action: 'document.recalled', entity: 'document', entityId: c.id, agencyId: c.agency_id, ip, data: { source: id, reason: why } });
    }
    await trx.updateTable('document_recipients').set({ status: 'recalled', status_at: now }).where('document_id', '=', id).execute();
    await documentsRepo.addEvent(trx, id, 'recalled', why, who(user), now);
    await audit(trx, { actor: user, action: 'document.recalled', entity: 'document', entityId: id, agencyId: doc.agency_id, ip, data: { reason: why, copies: copies.length } });
    return updated;
  });
  // Receivers over the exchange axis are asked it back (13) once the recall is committed.
  await recallOverExchange(platform, recalled, why, actor, now);
  return recalled;
}

/** A number cancelled after issue: kept taken and listed in the register with its reason, never reused. */
export async function cancelNumber(platform: Platform, actor: Actor, id: number, version: number, reason: string, ip: string | null, now = new Date()): Promise<DocumentRow> {
  const why = reason.trim();
  if (why === '') throw DocumentErrors.INVALID({ fields: [{ field: 'note', message: m.missing(f.reason) }] });
  const db = documentsDb(platform.database.db);
  return db.transaction().execute(async (trx) => {
    const doc = await lockedFor(trx, actor, id, version, ['issued']);
    const user = actor!;
    if (!isClerk(user)) throw DocumentErrors.NOT_ALLOWED();
    await trx
      .insertInto('document_cancelled_numbers')
      .values({ agency_id: doc.agency_id, year: doc.year!, series: doc.series, number: doc.number!, document_id: id, reason: why.slice(0, 1000), cancelled_by: user.id, cancelled_at: now })
      .execute();
    const updated = await documentsRepo.update(trx, id, { state: 'cancelled' });
    await documentsRepo.addEvent(trx, id, 'cancelled', why, who(user), now);
    await audit(trx, { actor: user, action: 'document.number_cancelled', entity: 'document', entityId: id, agencyId: doc.agency_id, ip, data: { number: numberNotation(doc.number!, doc.notation!), reason: why } });
    return updated;
  });
}
