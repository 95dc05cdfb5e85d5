import type { Command } from './command.ts';
import { buildApp } from '../app.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERNAMES } from './demo-logins.ts';
import { terminal } from './output.ts';

export const serve: Command = {
  name: ['serve'],
  summary: 'Start the web server (migrates and seeds on first start)',
  usage: 'egov serve',
  help: `Starts the portal, back office and API on PORT (default 3000).
On the embedded database (no DATABASE_URL) the data lives in EGOV_VAR_DIR/db (default ./var/db);
migrations run and reference data loads at every start, demo data on the first start.
Stops gracefully on SIGTERM or SIGINT.`,
  async run(_args, config) {
    const app = await buildApp(config);
    const address = await app.server.listen({ port: config.port, host: config.host });
    const db = app.platform.database.kind === 'pglite' ? `embedded PGlite (${config.varDir}/db)` : 'PostgreSQL server';
    terminal.out(`egov is running at ${config.baseUrl}  (listening on ${address}, database: ${db})`);
    if (app.platform.demo()) {
      terminal.out(`Demo logins (password ${DEMO_PASSWORD}): ${DEMO_USERNAMES.join(', ')}`);
      if (config.twoStepRoles.length) {
        terminal.out(`Two-step verification for ${config.twoStepRoles.join(', ')}: the demo TOTP secret is ${DEMO_TOTP_SECRET} (the second-step page shows its current code)`);
      }
    }
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      terminal.out(`${signal} received: finishing requests and stopping…`);
      const timer = setTimeout(() => process.exit(1), 15_000);
      timer.unref();
      await app.close();
      process.exit(0);
    };
    process.on('SIGTERM', () => void stop('SIGTERM'));
    process.on('SIGINT', () => void stop('SIGINT'));
    return new Promise<number>(() => undefined);
  },
};
