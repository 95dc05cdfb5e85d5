// Telling the applicant (DOMAIN §9: legal events are notified by e-mail and/or SMS): the receipt e-mail goes into
// the outbox in the submission's transaction; the "dossier.notify-receipt" job then sends the outbox promptly and is
// the place where an SMS gateway plugs in.
import type { Platform } from '../../platform/http/context.ts';
import type { MailMessage } from '../../platform/notify/mailer.ts';
import type { DossierProcedure } from './catalogue.ts';
import type { DossierDeadline } from './deadline.ts';
import { formatDong, formatIsoDate, formatReceived } from './format.ts';
import { receiptMail } from './messages.ts';
import type { Applicant } from './schema.ts';

export function receiptUrl(platform: Platform, code: string): string {
  return `${platform.config.baseUrl}/ho-so/${encodeURIComponent(code)}/bien-nhan`;
}

export function receiptEmail(
  platform: Platform,
  d: {
    code: string;
    procedure: DossierProcedure;
    agency: { name: string };
    applicant: Applicant;
    received: Date;
    deadline: DossierDeadline | undefined;
    fee: number;
    /** The fee rules give no amount to charge now: the agency settles it. */
    feeAtCounter?: boolean;
  },
): MailMessage | null {
  if (!d.applicant.email) return null;
  return {
    to: d.applicant.email,
    subject: receiptMail.subject(d.code),
    text: receiptMail.body({
      name: d.applicant.name,
      code: d.code,
      procedure: d.procedure.name,
      agency: d.agency.name,
      received: formatReceived('vi', d.received),
      due: d.deadline ? formatIsoDate('vi', d.deadline.dueDate) : null,
      url: receiptUrl(platform, d.code),
      fee: d.fee > 0 ? { vi: formatDong('vi', d.fee), en: formatDong('en', d.fee) } : null,
      feeAtCounter: d.feeAtCounter === true,
    }),
  };
}

/** Handler of the "dossier.notify-receipt" and "dossier.notify" jobs: the messages are in the outboxes; send them now. */
export async function notifyReceipt(platform: Platform): Promise<void> {
  await platform.mailer.flush(platform.database.db);
  await platform.sms.flush(platform.database.db, { limit: 50 });
}
