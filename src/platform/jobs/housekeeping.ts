// Platform jobs: retry mail and text messages left in their outboxes (SMTP or gateway outage) and purge expired sessions
// and old sign-in failure counters.
import type { Platform } from '../http/context.ts';
import { purgeExpiredSessions } from '../auth/sessions.ts';
import { purgeThrottle } from '../auth/throttle.ts';

export async function registerHousekeeping(platform: Platform): Promise<void> {
  const { jobs, mailer, database } = platform;
  await jobs.work('mail-outbox-flush', async () => {
    await mailer.flush(database.db, 50);
  });
  await jobs.schedule('mail-outbox-flush', '* * * * *');
  await jobs.work('sms-outbox-flush', async () => {
    await platform.sms.flush(database.db, { limit: 50 });
  });
  await jobs.schedule('sms-outbox-flush', '* * * * *');
  await jobs.work('sessions-purge', async () => {
    await purgeExpiredSessions(database.db);
    await purgeThrottle(database.db);
  });
  await jobs.schedule('sessions-purge', '17 3 * * *');
}
