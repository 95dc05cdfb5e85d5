// Telling the applicant of a legal event of their dossier (DOMAIN §4 "Online dossiers get the same decisions, notified
// by email/SMS", §9): an e-mail when they gave an address and an SMS when they gave a mobile number, both written to
// the outboxes in the caller's transaction, so nobody hears of a decision that rolled back. Plain data in, so the
// workflow engine (or anything else) can call it without this file knowing the dossier's rows.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import type { MailMessage } from '../../../platform/notify/mailer.ts';
import { smsNumber, smsText } from '../../../platform/notify/sms.ts';
import { formatIsoDate } from '../../dossiers/index.ts';
import { type ApplicantEventKind, type NoticeFacts, applicantNotices, fitSms, noticeMailBody } from './notify-messages.ts';

export type { ApplicantEventKind } from './notify-messages.ts';

export interface ApplicantNotice {
  kind: ApplicantEventKind;
  code: string;
  procedureName: string;
  applicant: { name: string; email: string | null; phone: string | null };
  /** The agency that decided (the handling agency), as its name is written. */
  agencyName: string;
  /** 'YYYY-MM-DD': the return date (receipt, early result; the former date for an apology). */
  dueDate?: string | null | undefined;
  /** 'YYYY-MM-DD': the new return date of an apology (Form 04). */
  newDueDate?: string | null | undefined;
  /** What to supplement (Form 02), every item at once. */
  items?: ReadonlyArray<string | { text: string }> | undefined;
  /** Why: refusal, rejection, apology, supplement. */
  reason?: string | null | undefined;
  /** The answer to the applicant's feedback. */
  answer?: string | null | undefined;
  /** Where the applicant follows the dossier. */
  url: string;
}

export interface QueuedNotice {
  mailId: number | null;
  smsId: number | null;
}

const bothDates = (iso: string | null | undefined) => (iso ? { vi: formatIsoDate('vi', iso), en: formatIsoDate('en', iso) } : null);

function facts(n: ApplicantNotice): NoticeFacts {
  return {
    name: n.applicant.name,
    code: n.code,
    procedure: n.procedureName,
    agency: n.agencyName,
    due: bothDates(n.dueDate),
    newDue: bothDates(n.newDueDate),
    items: (n.items ?? []).map((i) => (typeof i === 'string' ? i : i.text)).filter((i) => i.trim() !== ''),
    reason: n.reason?.trim() || null,
    answer: n.answer?.trim() || null,
    url: n.url,
  };
}

/** The e-mail of the event, or null when the applicant gave no address. */
export function applicantMail(n: ApplicantNotice): MailMessage | null {
  if (!n.applicant.email) return null;
  const text = applicantNotices[n.kind](facts(n));
  return { to: n.applicant.email, subject: text.subject, text: noticeMailBody(n.applicant.name, text) };
}

/** The SMS of the event as it will be sent (unaccented, one segment when it fits), or null without a mobile number. */
export function applicantSms(n: ApplicantNotice): { to: string; body: string } | null {
  const to = n.applicant.phone ? smsNumber(n.applicant.phone) : null;
  if (!to) return null;
  return { to, body: fitSms(applicantNotices[n.kind](facts(n)).sms, smsText) };
}

/**
 * Queues the e-mail and the SMS of a legal event in the caller's transaction (a transaction of any module's widened
 * database, e.g. DossierDb); returns the outbox ids (null: nothing to send that way).
 */
export async function notifyApplicant<DB extends PlatformTables>(trx: Kysely<DB>, platform: Pick<Platform, 'mailer' | 'sms'>, n: ApplicantNotice): Promise<QueuedNotice> {
  // The outboxes are platform tables, present in every widened database; Kysely's types are invariant in DB.
  const db = trx as unknown as Kysely<PlatformTables>;
  const mail = applicantMail(n);
  const sms = applicantSms(n);
  return {
    mailId: mail ? await platform.mailer.enqueue(db, mail) : null,
    smsId: sms ? await platform.sms.enqueue(db, sms) : null,
  };
}
