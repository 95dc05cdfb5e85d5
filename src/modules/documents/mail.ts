// Distribution by e-mail (issue 13): recipients outside the platform and the exchange axis get, once the document is
// issued, a mail with its particulars and a link of their own to the signed document. Only the SHA-256 of the link's
// token is stored; the link works for 90 days, is recorded when first opened (the sender sees "opened"), and after a
// recall answers that the document was recalled, with the reason, instead of the file.
import { createHash, randomBytes } from 'node:crypto';
import type { Platform } from '../../platform/http/context.ts';
import type { Agency } from '../units/index.ts';
import { DocumentErrors } from './errors.ts';
import { numberNotation } from './numbering.ts';
import { emailRecipientsOf } from './outgoing.ts';
import { asPlatformDb, audit, type DocumentRow, documentsDb, documentsRepo, type FileRow } from './repo.ts';

export const MAIL_LINK_DAYS = 90;
export const MAIL_LINK_PATH = '/van-ban/nhan';

const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function mailToRecipients(platform: Platform, doc: DocumentRow, agency: Agency, now: Date): Promise<void> {
  const addresses = emailRecipientsOf(doc.recipients);
  if (addresses.length === 0 || doc.secrecy === 'confidential') return;
  const db = documentsDb(platform.database.db);
  const numbered = numberNotation(doc.number!, doc.notation!);
  const expires = new Date(now.getTime() + MAIL_LINK_DAYS * 86_400_000);
  for (const to of addresses) {
    const token = randomBytes(24).toString('base64url');
    const link = `${platform.config.baseUrl}${MAIL_LINK_PATH}/${token}`;
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('document_recipients')
        .values({ document_id: doc.id, kind: 'email', agency_id: null, organ_code: null, name: to, email: to, sent_at: now, status: 'mailed', status_at: now, incoming_id: null, token_hash: hashOf(token), expires_at: expires })
        .execute();
      await platform.mailer.enqueue(asPlatformDb(trx), {
        to,
        subject: `${agency.name} gửi văn bản số ${numbered}: ${doc.summary}`.slice(0, 250),
        text: [
          `${agency.name} gửi văn bản:`,
          `Số, ký hiệu: ${numbered}`,
          `Ngày: ${doc.document_date ?? ''}`,
          `Trích yếu: ${doc.summary}`,
          `Người ký: ${doc.signer_name}`,
          '',
          `Tải văn bản đã ký số (liên kết dành riêng cho địa chỉ này, dùng được ${MAIL_LINK_DAYS} ngày): ${link}`,
          '',
          `(${agency.nameEn ?? agency.name} sends you document ${numbered}. The signed document, via a link for this address only, valid ${MAIL_LINK_DAYS} days: ${link})`,
        ].join('\n'),
      });
      await audit(trx, { actor: { id: null, label: 'egov' }, action: 'document.mailed', entity: 'document', entityId: doc.id, agencyId: doc.agency_id, data: { to } });
    });
  }
}

export type MailedDocument = { kind: 'file'; file: FileRow } | { kind: 'recalled'; reason: string; numbered: string };

/** What a recipient's link opens: the signed document, or the news that it was recalled. 404 for anything else. */
export async function openMailedDocument(platform: Platform, token: string, ip: string | null, now = new Date()): Promise<MailedDocument> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw DocumentErrors.NOT_FOUND();
  const db = documentsDb(platform.database.db);
  const r = await db.selectFrom('document_recipients').selectAll().where('token_hash', '=', hashOf(token)).executeTakeFirst();
  if (!r || !r.expires_at || r.expires_at < now) throw DocumentErrors.NOT_FOUND();
  const doc = await documentsRepo.find(db, r.document_id);
  if (!doc || doc.number === null || doc.notation === null) throw DocumentErrors.NOT_FOUND();
  if (doc.state !== 'issued') return { kind: 'recalled', reason: doc.recall_reason ?? '', numbered: numberNotation(doc.number, doc.notation) };
  const signed = (await documentsRepo.files(db, doc.id)).find((f) => f.kind === 'signed');
  const file = signed ? await documentsRepo.file(db, doc.id, signed.id) : undefined;
  if (!file) throw DocumentErrors.NOT_FOUND();
  if (!r.opened_at) {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('document_recipients').set({ opened_at: now, status: 'opened', status_at: now }).where('id', '=', r.id).execute();
      await audit(trx, { actor: { id: null, label: r.email ?? 'e-mail' }, action: 'document.mail_opened', entity: 'document', entityId: doc.id, agencyId: doc.agency_id, ip, data: { to: r.email } });
    });
  }
  return { kind: 'file', file };
}
