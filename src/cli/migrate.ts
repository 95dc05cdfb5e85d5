import type { Command } from './command.ts';
import { openConfiguredDatabase, runStartup, seedReference } from '../app.ts';
import { migrate as runMigrations } from '../platform/db/index.ts';
import { withPlatform } from './platform.ts';
import { terminal } from './output.ts';

export const migrate: Command = {
  name: ['migrate'],
  summary: 'Apply database migrations (and load reference data)',
  usage: 'egov migrate [--no-reference]',
  help: `Applies the numbered SQL migrations in migrations/ that the database has not seen yet, each in one
transaction, then loads the reference data (administrative units, holidays) unless --no-reference.
Use it to prepare a PostgreSQL server: DATABASE_URL=postgres://user@host/db egov migrate`,
  async run(args, config) {
    const database = await openConfiguredDatabase(config);
    try {
      const r = await runMigrations(database);
      terminal.out(`migrations: ${r.applied.length} applied, ${r.total} in all${r.applied.length ? ` (${r.applied.join(', ')})` : ''}`);
      // Stored data brought up to date in place (e.g. TOTP secrets sealed under the configured key).
      await withPlatform(config, database, runStartup);
      if (!args.includes('--no-reference')) {
        await withPlatform(config, database, seedReference);
        terminal.out('reference data: loaded');
      }
    } finally {
      await database.close();
    }
    return 0;
  },
};
