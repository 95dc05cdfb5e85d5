// The only code that touches the procedure tables (search queries: search-repo.ts; synonyms: synonyms-repo.ts; English
// names: names-repo.ts).
import { sql, type ColumnType, type Generated, type Kysely, type Selectable } from 'kysely';
import type { Json, PlatformTables } from '../../platform/db/index.ts';
import type { Channel, Level, OnlineLevel, ProcedureVersion, TimeUnit, VersionSummary } from './schema.ts';
import { procedureRow, versionInsert, versionOf, type NewVersion } from './rows.ts';

export type { NewVersion } from './rows.ts';
export { amountOf, contentOf, versionOf } from './rows.ts';

type ReadOnly<T> = ColumnType<T, never, never>;
/** numeric comes back from pg as a string. */
type Numeric = ColumnType<string | null, number | null, number | null>;

export interface ProceduresTable {
  code: string;
  current_version: number;
  name: string;
  field: string | null;
  issuing_agency: string | null;
  agencies: string[];
  levels: Level[];
  channels: Channel[];
  online: ReadOnly<boolean>;
  online_level: OnlineLevel | null;
  processing_amount: Numeric;
  processing_unit: TimeUnit | null;
  processing_text: string | null;
  effective_from: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  search_key: ReadOnly<string>;
  search_tsv: ReadOnly<string>;
  /** Copied from procedure_names_en (names-repo.ts), never by the import. */
  name_en: ColumnType<string | null, never, string | null>;
  name_en_key: ColumnType<string | null, never, string | null>;
}

export interface ProcedureVersionsTable {
  code: string;
  version: number;
  effective_from: string;
  content_hash: string;
  source: string | null;
  created_at: Generated<Date>;
  name: string;
  field: string | null;
  procedure_type: string | null;
  levels: Level[];
  issuing_agency: string | null;
  implementing_agencies: string[];
  competent_agency: string | null;
  receiving_address: string | null;
  applicant_types: string[];
  channels: Channel[];
  online_level: OnlineLevel | null;
  processing_amount: Numeric;
  processing_unit: TimeUnit | null;
  processing_text: string | null;
  processing_basis: string | null;
  channel_details: Json;
  /** Null for versions written before migration 0012: read from the published text (rows.ts). */
  fee_rules: ColumnType<unknown, string, string>;
  fees_text: string | null;
  documents: Json;
  documents_text: string | null;
  steps: Json;
  conditions: string | null;
  result: Json;
  result_text: string | null;
  legal_basis: Json;
  legal_basis_text: string | null;
  decision_number: string | null;
  source_url: string | null;
  eform: ColumnType<unknown, string | null, string | null>;
  workflow_ref: string | null;
}

export interface ProcedureSynonymsTable {
  id: Generated<number>;
  term: string;
  term_key: string;
  expansion: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ProcedureNamesEnTable {
  code: string;
  name: string;
  search_key: string;
  note: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export type ProcedureTables = {
  procedures: ProceduresTable;
  procedure_versions: ProcedureVersionsTable;
  procedure_synonyms: ProcedureSynonymsTable;
  procedure_names_en: ProcedureNamesEnTable;
};

export type ProceduresDb = Kysely<PlatformTables & ProcedureTables>;
export type ProcedureRow = Selectable<ProceduresTable>;
export type VersionRow = Selectable<ProcedureVersionsTable>;

export function proceduresDb(db: Kysely<PlatformTables>): ProceduresDb {
  return db.withTables<ProcedureTables>();
}

export interface CurrentState {
  version: number;
  hash: string;
  effectiveFrom: string;
  onlineLevel: OnlineLevel | null;
  eform: unknown;
  workflowRef: string | null;
}

export const proceduresRepo = {
  /** Every procedure's current version: its hash and what administrators set on it. */
  async currentStates(db: ProceduresDb): Promise<Map<string, CurrentState>> {
    const rows = await db
      .selectFrom('procedures as p')
      .innerJoin('procedure_versions as v', (j) => j.onRef('v.code', '=', 'p.code').onRef('v.version', '=', 'p.current_version'))
      .select(['p.code', 'v.version', 'v.content_hash', 'v.effective_from', 'v.online_level', 'v.eform', 'v.workflow_ref'])
      .execute();
    return new Map(
      rows.map((r) => [
        r.code,
        { version: r.version, hash: r.content_hash, effectiveFrom: r.effective_from, onlineLevel: r.online_level, eform: r.eform ?? null, workflowRef: r.workflow_ref },
      ]),
    );
  },

  async currentVersions(db: ProceduresDb, codes: readonly string[]): Promise<Map<string, ProcedureVersion>> {
    const out = new Map<string, ProcedureVersion>();
    for (let i = 0; i < codes.length; i += 500) {
      const part = codes.slice(i, i + 500);
      if (part.length === 0) continue;
      const rows = await db
        .selectFrom('procedure_versions as v')
        .innerJoin('procedures as p', (j) => j.onRef('p.code', '=', 'v.code').onRef('p.current_version', '=', 'v.version'))
        .selectAll('v')
        .where('v.code', 'in', part)
        .execute();
      for (const r of rows) out.set(r.code, versionOf(r));
    }
    return out;
  },

  /** Inserts the versions and points their procedures at them (new procedures are created). */
  async writeVersions(db: ProceduresDb, versions: readonly NewVersion[]): Promise<void> {
    if (versions.length === 0) return;
    await db
      .insertInto('procedures')
      .values(versions.map(procedureRow))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          current_version: eb.ref('excluded.current_version'),
          name: eb.ref('excluded.name'),
          field: eb.ref('excluded.field'),
          issuing_agency: eb.ref('excluded.issuing_agency'),
          agencies: eb.ref('excluded.agencies'),
          levels: eb.ref('excluded.levels'),
          channels: eb.ref('excluded.channels'),
          online_level: eb.ref('excluded.online_level'),
          processing_amount: eb.ref('excluded.processing_amount'),
          processing_unit: eb.ref('excluded.processing_unit'),
          processing_text: eb.ref('excluded.processing_text'),
          effective_from: eb.ref('excluded.effective_from'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
    await db.insertInto('procedure_versions').values(versions.map(versionInsert)).execute();
  },

  async find(db: ProceduresDb, code: string): Promise<ProcedureRow | undefined> {
    return db.selectFrom('procedures').selectAll().where('code', '=', code).executeTakeFirst();
  },

  async findVersion(db: ProceduresDb, code: string, version: number): Promise<ProcedureVersion | undefined> {
    const row = await db.selectFrom('procedure_versions').selectAll().where('code', '=', code).where('version', '=', version).executeTakeFirst();
    return row ? versionOf(row) : undefined;
  },

  /** The version in force on a date: the latest one whose effective date is not after it. */
  async versionInForce(db: ProceduresDb, code: string, date: string): Promise<ProcedureVersion | undefined> {
    const row = await db
      .selectFrom('procedure_versions')
      .selectAll()
      .where('code', '=', code)
      .where('effective_from', '<=', date)
      .orderBy('effective_from', 'desc')
      .orderBy('version', 'desc')
      .executeTakeFirst();
    return row ? versionOf(row) : undefined;
  },

  async versions(db: ProceduresDb, code: string): Promise<VersionSummary[]> {
    const rows = await db
      .selectFrom('procedure_versions')
      .select(['version', 'effective_from', 'source', 'created_at'])
      .where('code', '=', code)
      .orderBy('version', 'desc')
      .execute();
    return rows.map((r) => ({ version: r.version, effectiveFrom: r.effective_from, source: r.source, createdAt: r.created_at }));
  },

  async count(db: ProceduresDb): Promise<number> {
    const row = await db.selectFrom('procedures').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    return row.n;
  },
};
