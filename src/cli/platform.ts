// A platform object for commands that work on the database without starting the web server.
import pino from 'pino';
import type { Config } from '../platform/config.ts';
import type { Database } from '../platform/db/index.ts';
import type { Platform } from '../platform/http/context.ts';
import { createMailer } from '../platform/notify/mailer.ts';
import { createSms, smsProviderFrom } from '../platform/notify/sms.ts';
import { createJobs } from '../platform/jobs/index.ts';
import { loadSealer } from '../platform/auth/sealed.ts';

export async function withPlatform<T>(config: Config, database: Database, fn: (p: Platform) => Promise<T>): Promise<T> {
  const log = pino({ level: config.logLevel });
  const secrets = loadSealer(config);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.smtpFrom, log });
  const sms = createSms({ provider: smsProviderFrom(config, log), log });
  const jobs = createJobs(database, log, { workers: false });
  await jobs.start();
  try {
    return await fn({ config, database, mailer, sms, jobs, log, secrets, demo: () => false });
  } finally {
    await jobs.stop();
    mailer.close();
  }
}
