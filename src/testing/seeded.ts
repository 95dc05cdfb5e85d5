// Seeded PGlite databases for tests, made once and copied. Seeding the reference data costs a second or two per test
// file; the demo (2,642 procedures, a year of dossiers, documents, sites, accounts with argon2 hashes) a minute on
// 2 cores, which made it most of the browser suite's time. So the seeded database is made once into a directory
// under the OS temp folder — keyed by the source (every file's size and time under src, data and migrations), the
// configuration asked for and the hour, since demo data is laid out relative to now — and each test copies that
// directory and opens PGlite on its copy (a file directory, as `npm start` uses). On PostgreSQL (TEST_DATABASE_URL)
// the same keys name template databases instead (pg-templates.ts).
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, openDatabase, type Database } from '../platform/db/index.ts';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));

function stamp(dir: string, h: ReturnType<typeof createHash>): void {
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || /\.test\.tsx?$/.test(name)) continue;
    const p = join(dir, name);
    const s = statSync(p);
    if (s.isDirectory()) stamp(p, h);
    else h.update(`${p}\0${s.size}\0${s.mtimeMs}\n`);
  }
}

/** This checkout, its source state (every file's size and time under src, data and migrations) and the hour. */
export function sourceStamp(): string {
  const h = createHash('sha256').update(`${REPO}\0${new Date().toISOString().slice(0, 13)}\n`);
  for (const d of ['src', 'data', 'migrations']) stamp(join(REPO, d), h);
  return h.digest('hex').slice(0, 16);
}

/** The source stamp and `what` (the configuration that shapes the seeded data). */
export function seedKey(what: string, source = sourceStamp()): string {
  return createHash('sha256').update(`${source}\0${what}\n`).digest('hex').slice(0, 16);
}

/** Older seeded directories (another source state or hour) are removed when a new one is made. */
function removeStale(keep: string): void {
  const cutoff = Date.now() - 2 * 3_600_000;
  for (const name of readdirSync(tmpdir())) {
    if (!(name.startsWith('egov-seeded-') || name.startsWith('egov-copy-')) || name === keep) continue;
    const p = join(tmpdir(), name);
    try {
      if (statSync(p).mtimeMs < cutoff) rmSync(p, { recursive: true, force: true });
    } catch {
      // another process removed it
    }
  }
}

/**
 * A copy of the database `seed` makes on a migrated PGlite, for this source state, `what` (the configuration that
 * shapes the seeded data) and hour; the copy is removed when the database is closed.
 */
export async function seededDatabase(what: string, seed: (database: Database) => Promise<void>): Promise<Database> {
  const name = `egov-seeded-${seedKey(what)}`;
  const dir = join(tmpdir(), name);
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    const build = `${dir}.build-${process.pid}-${randomBytes(4).toString('hex')}`;
    const maker = await openDatabase({ dataDir: build });
    await migrate(maker);
    await seed(maker);
    await maker.close();
    // Several test files may build it at once: the first rename wins, the others drop theirs.
    try {
      renameSync(build, dir);
      removeStale(name);
    } catch {
      rmSync(build, { recursive: true, force: true });
    }
  }
  const copy = join(tmpdir(), `egov-copy-${process.pid}-${randomBytes(4).toString('hex')}`);
  cpSync(dir, copy, { recursive: true });
  const database = await openDatabase({ dataDir: copy });
  return {
    ...database,
    close: async () => {
      await database.close();
      rmSync(copy, { recursive: true, force: true });
    },
  };
}
