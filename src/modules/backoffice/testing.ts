// Test fixtures the back office offers to other modules' tests (the workflow's own are in workflow/testing.ts and
// office/testing.ts).
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { backOfficeDb, type BackOfficeDb } from './tables.ts';

/** The back office's tables for fixtures that need rows as months of work leave them (tests only). */
export function backOfficeTables(db: Kysely<PlatformTables>): BackOfficeDb {
  return backOfficeDb(db);
}

/** The shipped workflow definitions loaded into the table, for other modules' tests that walk a dossier. */
export { seedWorkflows } from './workflow/registry.ts';
