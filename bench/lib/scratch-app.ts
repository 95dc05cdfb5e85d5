// What the in-process benches share: the app built on a scratch PostgreSQL database (migrated, nothing seeded), a
// temporary var directory, the lines said along the way, and the results file they go to — all removed by close().
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type App } from '../../src/app.ts';
import { migrate, openDatabase } from '../../src/platform/db/index.ts';
import { testConfig } from '../../src/testing/app.ts';
import { REPO } from './ceiling.ts';
import { scratchPostgres } from './server.ts';

export interface ScratchApp {
  app: App;
  /** The scratch database's URL (for pgbench beside the app). */
  url: string;
  /** Prints a line and keeps it for the results file. */
  say(line: string): void;
  /** Writes the lines said to bench/results/<name>-<start time>.txt and returns its path. */
  write(name: string): string;
  close(): Promise<void>;
}

export async function scratchApp(pgUrl: string, database: string, poolSize: number): Promise<ScratchApp> {
  const started = new Date();
  const scratch = await scratchPostgres(pgUrl, database);
  const varDir = mkdtempSync(join(tmpdir(), `${database}-`));
  const db = await openDatabase({ url: scratch.url, poolSize });
  const lines: string[] = [];
  let app: App | undefined;
  const close = async (): Promise<void> => {
    await app?.close();
    await db.close();
    await scratch.drop();
    rmSync(varDir, { recursive: true, force: true });
  };
  try {
    await migrate(db);
    app = await buildApp(await testConfig({ EGOV_VAR_DIR: varDir }), { database: db, seed: false });
  } catch (err) {
    await close();
    throw err;
  }
  return {
    app,
    url: scratch.url,
    say: (line) => {
      lines.push(line);
      console.log(line);
    },
    write: (name) => {
      mkdirSync(join(REPO, 'bench/results'), { recursive: true });
      const file = join(REPO, `bench/results/${name}-${started.toISOString().slice(0, 16).replace(':', '')}.txt`);
      writeFileSync(file, `${lines.join('\n')}\n`);
      console.log(`written: ${file}`);
      return file;
    },
    close,
  };
}
