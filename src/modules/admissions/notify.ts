// The confirmation e-mail (issue 11 "Parents": an immediate confirmation, also by e-mail). It goes into the outbox in
// the application's transaction; the "admissions.notify" job sends it promptly.
import type { Platform } from '../../platform/http/context.ts';
import type { MailMessage } from '../../platform/notify/mailer.ts';
import { formatDate } from '../../platform/web/i18n.ts';
import { exactTime } from './format.ts';
import { confirmationMail } from './messages.ts';
import type { Application } from './service.ts';

export function confirmationEmail(platform: Platform, a: Application): MailMessage | null {
  if (!a.email) return null;
  return {
    to: a.email,
    subject: confirmationMail.subject(a.applicationNo),
    text: confirmationMail.body({
      no: a.applicationNo,
      child: a.child.fullName,
      birth: formatDate('vi', new Date(`${a.child.birthDate}T00:00:00+07:00`)),
      round: a.round.name,
      roundEn: a.round.nameEn,
      school: a.school.name,
      address: a.school.address,
      at: exactTime(a.createdAt),
      url: `${platform.config.baseUrl}/tuyen-sinh/ho-so`,
    }),
  };
}

/** Handler of the confirmation job: the mail is in the outbox; send it now. */
export async function sendConfirmations(platform: Platform): Promise<void> {
  await platform.mailer.flush(platform.database.db);
}
