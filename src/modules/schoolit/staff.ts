// Attaching a school IT officer to a school (demo seed and tests; an administration page later). Idempotent.
import type { Platform } from '../../platform/http/context.ts';
import { listSchools } from '../admissions/index.ts';
import { schoolItDb, schoolItRepo } from './repo.ts';

export async function attachItOfficer(platform: Platform, accountId: number, schoolCode: string): Promise<void> {
  const [school] = await listSchools(platform, { code: schoolCode });
  if (!school) throw new Error(`no school ${schoolCode}`);
  await schoolItRepo.attach(schoolItDb(platform.database.db), accountId, school.id);
}
