// Fixtures the directory offers to other modules' tests: an entry written straight into its table, and removal.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { directoryDb, directoryRepo } from './repo.ts';

export async function addDirectoryEntry(
  db: Kysely<PlatformTables>,
  e: { agencyId: number; accountId?: number | null; fullName: string; email: string; public?: boolean; department?: string },
): Promise<number> {
  const row = await directoryRepo.insert(directoryDb(db), {
    agency_id: e.agencyId,
    account_id: e.accountId ?? null,
    full_name: e.fullName,
    position: '',
    department: e.department ?? '',
    email: e.email,
    office_phone: '',
    mobile: '',
    sort_order: 0,
    public: e.public ?? false,
  });
  return row.id;
}

export async function removeDirectoryEntries(db: Kysely<PlatformTables>): Promise<void> {
  await directoryDb(db).deleteFrom('directory_entries').execute();
}
