import type { Command } from './command.ts';
import { openConfiguredDatabase, seedDemo, seedReference } from '../app.ts';
import { migrate } from '../platform/db/index.ts';
import { withPlatform } from './platform.ts';
import { DEMO_PASSWORD, DEMO_USERNAMES } from './demo-logins.ts';
import { terminal } from './output.ts';

export const seed: Command = {
  name: ['seed'],
  summary: 'Load reference data, and demo data with --demo',
  usage: 'egov seed [--demo]',
  help: `Loads reference data (administrative units of Hà Nội, agencies, holiday schedules). With --demo also
loads the demo accounts and demo data (never in production: refused when NODE_ENV=production).
Idempotent: running it twice changes nothing.`,
  async run(args, config) {
    const demo = args.includes('--demo');
    if (demo && config.production) {
      terminal.err('egov seed --demo is refused in production (NODE_ENV=production).');
      return 2;
    }
    const database = await openConfiguredDatabase(config);
    try {
      await migrate(database);
      await withPlatform(config, database, async (p) => {
        await seedReference(p);
        if (demo) await seedDemo(p);
      });
      terminal.out(demo ? `reference and demo data loaded; demo logins (password ${DEMO_PASSWORD}): ${DEMO_USERNAMES.join(', ')}` : 'reference data loaded');
    } finally {
      await database.close();
    }
    return 0;
  },
};
