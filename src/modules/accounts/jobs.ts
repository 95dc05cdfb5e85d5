// The accounts module's job: one-time codes and unfinished registrations (with the data they carried) are deleted a
// day after they began, as the privacy notice says.
import type { Platform } from '../../platform/http/context.ts';
import { accountsDb } from './repo.ts';
import { codesRepo } from './repo-codes.ts';

export const CODES_PURGE_JOB = 'accounts.codes-purge';
export const CODES_KEEP_HOURS = 24;

export async function registerAccountJobs(platform: Platform): Promise<void> {
  await platform.jobs.work(CODES_PURGE_JOB, async () => {
    await codesRepo.purge(accountsDb(platform.database.db), new Date(Date.now() - CODES_KEEP_HOURS * 3_600_000));
  });
  await platform.jobs.schedule(CODES_PURGE_JOB, '23 * * * *');
}
