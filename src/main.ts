// The `egov` command: serve | migrate | seed | import units | user create, each with --help.
import { loadConfig, ConfigError } from './platform/config.ts';
import type { Command } from './cli/command.ts';
import { commands } from './cli/index.ts';
import { terminal } from './cli/output.ts';

function usage(): string {
  const lines = commands.map((c) => `  ${c.usage.padEnd(46)} ${c.summary}`);
  return `egov — Vietnamese local e-government platform

Usage:
${lines.join('\n')}

Run 'egov <command> --help' for details. Configuration comes from environment variables:
  PORT (3000), HOST (127.0.0.1), EGOV_VAR_DIR (./var), DATABASE_URL (postgres://…; embedded PGlite if unset),
  SMTP_URL (smtp://…; mail is logged if unset), SMTP_FROM, EGOV_BASE_URL, LOG_LEVEL, NODE_ENV, EGOV_DEMO (auto|on|off),
  EGOV_JOBS (on|off), EGOV_BODY_LIMIT (bytes), EGOV_TRUST_PROXY (true|false), PAYMENTS_PROVIDER (none|simulated),
  EGOV_SECRET_KEY or EGOV_SECRET_KEY_FILE (required in production), EGOV_2FA_ROLES (leader,admin).`;
}

function find(argv: string[]): { cmd: Command; rest: string[] } | undefined {
  const sorted = [...commands].sort((a, b) => b.name.length - a.name.length);
  for (const c of sorted) {
    if (c.name.every((w, i) => argv[i] === w)) return { cmd: c, rest: argv.slice(c.name.length) };
  }
  return undefined;
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    terminal.out(usage());
    return argv.length === 0 ? 1 : 0;
  }
  const found = find(argv);
  if (!found) {
    terminal.err(`egov: unknown command '${argv.join(' ')}'\n\n${usage()}`);
    return 2;
  }
  if (found.rest.includes('--help') || found.rest.includes('-h')) {
    terminal.out(`Usage: ${found.cmd.usage}\n\n${found.cmd.summary}.\n\n${found.cmd.help}`);
    return 0;
  }
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      terminal.err(`egov: ${err.message}`);
      return 2;
    }
    throw err;
  }
  return found.cmd.run(found.rest, config);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    terminal.err(`egov: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
