// Composition root: configuration → database → platform services → modules → HTTP server.
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import type { Config } from './platform/config.ts';
import { openDatabase, migrate, getSetting, setSetting, type Database } from './platform/db/index.ts';
import { createServer } from './platform/http/server.ts';
import { opsRoutes } from './platform/http/ops.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { createMailer } from './platform/notify/mailer.ts';
import { createSms, smsProviderFrom } from './platform/notify/sms.ts';
import { createJobs } from './platform/jobs/index.ts';
import { registerHousekeeping } from './platform/jobs/housekeeping.ts';
import type { Platform } from './platform/http/context.ts';
import { modules } from './modules/index.ts';
import { loadSealer } from './platform/auth/sealed.ts';
import { join } from 'node:path';

export interface App {
  server: FastifyInstance;
  platform: Platform;
  /** True when this start loaded the demo data. */
  seededDemo: boolean;
  close(): Promise<void>;
}

export interface BuildOptions {
  /** Use this database instead of opening one from the configuration (tests). */
  database?: Database;
  /** Skip reference and demo seeding (tests that bring their own data). */
  seed?: boolean;
}

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase({ url: config.databaseUrl, dataDir: join(config.varDir, 'db') });
}

export function shouldSeedDemo(config: Config): boolean {
  if (config.production || config.demo === 'off') return false;
  if (config.demo === 'on') return true;
  return !config.databaseUrl;
}

/** The modules' start-up steps (e.g. sealing secrets still stored in plain text); idempotent. */
export async function runStartup(platform: Platform): Promise<void> {
  for (const m of modules) await m.startup?.(platform);
}

export async function seedReference(platform: Platform): Promise<void> {
  for (const m of modules) await m.seedReference?.(platform);
}

export async function seedDemo(platform: Platform): Promise<void> {
  for (const m of modules) await m.seedDemo?.(platform);
  await setSetting(platform.database.db, 'demo_seeded', true);
}

export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<App> {
  const log = pino({ level: config.logLevel });
  // First: a missing or unreadable key stops the start before anything is opened.
  const secrets = loadSealer(config);
  const database = opts.database ?? (await openConfiguredDatabase(config));
  await migrate(database);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.smtpFrom, log });
  const sms = createSms({ provider: smsProviderFrom(config, log), log });
  const jobs = createJobs(database, log, { workers: config.jobs });
  let demo = false;
  const platform: Platform = { config, database, mailer, sms, jobs, log, secrets, demo: () => demo && !config.production };

  await runStartup(platform);

  let seededDemo = false;
  if (opts.seed !== false) {
    await seedReference(platform);
    const already = (await getSetting<boolean>(database.db, 'demo_seeded')) === true;
    if (!already && shouldSeedDemo(config)) {
      await seedDemo(platform);
      seededDemo = true;
    }
  }
  demo = (await getSetting<boolean>(database.db, 'demo_seeded')) === true;

  await jobs.start();
  await registerHousekeeping(platform);
  const server = await createServer(platform);
  await registerOpenApi(server, config.baseUrl);
  // Not encapsulated: the metrics hook must see every route, the modules' too.
  await opsRoutes(server, platform);
  for (const m of modules) {
    if (m.routes) await server.register(async (s) => m.routes?.(s, platform));
    await m.jobs?.(platform);
  }
  await server.ready();
  const running: { close(): Promise<void> }[] = [];
  for (const m of modules) {
    const r = await m.start?.(platform);
    if (r) running.push(r);
  }

  let closed = false;
  return {
    server,
    platform,
    seededDemo,
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
      for (const r of running.reverse()) await r.close();
      await jobs.stop();
      mailer.close();
      if (!opts.database) await database.close();
    },
  };
}
