// Multi-row inserts for bulk loads (scale and demo data): the rows travel as ONE JSON parameter read by
// json_to_recordset, so a batch is one statement, parameterised, and the same SQL on PostgreSQL and PGlite.
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from './tables.ts';

/** Column name and SQL type, in the order of the INSERT; names and types are the caller's constants, never input. */
export type BulkColumns = readonly (readonly [string, string])[];

/** INSERT … SELECT FROM json_to_recordset($1). `override`: the rows carry their own identity values. */
export async function insertJsonRows(db: Kysely<PlatformTables>, table: string, columns: BulkColumns, rows: readonly object[], override = false): Promise<void> {
  if (rows.length === 0) return;
  const names = sql.raw(columns.map(([c]) => c).join(', '));
  const types = sql.raw(columns.map(([c, t]) => `${c} ${t}`).join(', '));
  const identity = sql.raw(override ? 'overriding system value' : '');
  await sql`insert into ${sql.table(table)} (${names}) ${identity} select ${names} from json_to_recordset(${JSON.stringify(rows)}::json) as r(${types})`.execute(db);
}
