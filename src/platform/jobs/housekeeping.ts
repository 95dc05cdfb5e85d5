// Platform jobs: retry mail left in the outbox (SMTP outage) and purge expired sessions.
import type { Platform } from '../http/context.ts';
import { purgeExpiredSessions } from '../auth/sessions.ts';

export async function registerHousekeeping(platform: Platform): Promise<void> {
  const { jobs, mailer, database } = platform;
  await jobs.work('mail-outbox-flush', async () => {
    await mailer.flush(database.db, 50);
  });
  await jobs.schedule('mail-outbox-flush', '* * * * *');
  await jobs.work('sessions-purge', async () => {
    await purgeExpiredSessions(database.db);
  });
  await jobs.schedule('sessions-purge', '17 3 * * *');
}
