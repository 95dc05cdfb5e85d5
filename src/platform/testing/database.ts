// Test databases: PostgreSQL when TEST_DATABASE_URL is set (a fresh database per call, dropped on close; created
// empty and migrated, or copied from a template database that src/testing/pg-templates.ts has migrated and seeded),
// otherwise an in-memory PGlite. Creating a PGlite costs ~4 s (initdb in WebAssembly), so the migrated
// database is dumped once to the OS temp folder (keyed by the migrations' content) and loaded from there.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, migrate, MIGRATIONS_DIR, type Database } from '../db/index.ts';

function migrationsHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS_DIR).sort()) h.update(f).update(readFileSync(join(MIGRATIONS_DIR, f)));
  return h.digest('hex').slice(0, 16);
}

async function pgliteFromSnapshot(): Promise<Database> {
  const file = join(tmpdir(), `egov-pglite-${migrationsHash()}.tar`);
  if (!existsSync(file)) {
    const maker = await openDatabase({ dataDir: 'memory://' });
    await migrate(maker);
    const blob = await (maker.dump as NonNullable<Database['dump']>)();
    // Several test files may build it at once: write aside, then rename into place.
    const part = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(part, Buffer.from(await blob.arrayBuffer()));
    renameSync(part, file);
    await maker.close();
  }
  return openDatabase({ dataDir: 'memory://', snapshot: new Blob([readFileSync(file)]) });
}

async function freshPostgres(url: string, template?: string): Promise<Database> {
  const name = `egov_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    // A copy of the template's files: PostgreSQL refuses it while anything is connected to the template.
    await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString(), poolSize: 10 });
  await migrate(database);
  return {
    ...database,
    url: u.toString(),
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * A migrated, empty database for one test file; on PostgreSQL, with `template`, a copy of that database instead (its
 * name as given, only letters, digits and underscores).
 */
export async function testDatabase(opts: { template?: string } = {}): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (opts.template !== undefined && !/^\w+$/.test(opts.template)) throw new Error(`bad template name ${opts.template}`);
  return url ? freshPostgres(url, opts.template) : pgliteFromSnapshot();
}
