// One query code path for both databases: Kysely over a pg.Pool, which is either a real PostgreSQL server
// (DATABASE_URL) or PGlite (PostgreSQL in WebAssembly, kept in a directory) through its node-postgres adapter.
import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { PlatformTables } from './tables.ts';

// int8 and numeric come back as strings by default; counts and ids in this app fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
// `date` columns stay 'YYYY-MM-DD' strings: a Date would shift them by the server's time zone.
pg.types.setTypeParser(1082, (v) => v);

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<PlatformTables>;
  pool: pg.Pool;
  kind: DatabaseKind;
  /** The server URL (PostgreSQL only). */
  url?: string;
  /** PGlite only: the whole database as a tarball, loadable with `snapshot`. */
  dump?: () => Promise<Blob>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL of a server; without it an embedded PGlite database is used. */
  url?: string | undefined;
  /** Directory of the embedded database; 'memory://' for a throw-away one. */
  dataDir?: string;
  poolSize?: number;
  /** PGlite only: start from a dump made by `Database.dump` instead of an empty database. */
  snapshot?: Blob;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10, connectionTimeoutMillis: 15_000 });
    // A lost connection must not kill the process; the pool reconnects on the next query.
    pool.on('error', () => undefined);
    // A client checked out by Kysely has no error listener of its own; a dropped connection would then
    // surface as an uncaught exception instead of a failed query.
    pool.on('connect', (client) => client.on('error', () => undefined));
    const db = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool }) });
    return { db, pool, kind: 'postgres', url: opts.url, close: () => db.destroy() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { pgcrypto } = await import('@electric-sql/pglite/contrib/pgcrypto');
  const dataDir = opts.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, {
    extensions: { unaccent, pg_trgm, pgcrypto },
    ...(opts.snapshot ? { loadDataDir: opts.snapshot } : {}),
  });
  const pool = new pg.Pool(createPgConfig(pglite));
  const db = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    kind: 'pglite',
    dump: () => pglite.dumpDataDir('none'),
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
