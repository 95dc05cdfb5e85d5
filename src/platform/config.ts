// Configuration comes from environment variables, validated once at start: a wrong value stops the start
// with one line naming the variable and what is expected.
import { resolve } from 'node:path';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  EGOV_VAR_DIR: z.string().min(1).default('var'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'a postgres:// URL')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, 'an smtp:// or smtps:// URL')
    .optional(),
  SMTP_FROM: z.string().min(3).default('Cổng dịch vụ công Hà Nội <no-reply@egov.local>'),
  EGOV_BASE_URL: z.url({ message: 'an absolute http(s) URL' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  EGOV_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  EGOV_JOBS: z.enum(['on', 'off']).default('on'),
  EGOV_BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  EGOV_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
});

export interface Config {
  port: number;
  host: string;
  varDir: string;
  databaseUrl: string | undefined;
  smtpUrl: string | undefined;
  smtpFrom: string;
  baseUrl: string;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  production: boolean;
  /** 'auto': demo data is loaded on the first start of the embedded database only. */
  demo: 'auto' | 'on' | 'off';
  jobs: boolean;
  bodyLimit: number;
  trustProxy: boolean;
}

export class ConfigError extends Error {}

// What each variable expects, for the one-line message that stops a start with a wrong value.
const EXPECTED: Record<string, string> = {
  PORT: 'a port number from 0 to 65535',
  HOST: 'a host name or IP address to listen on',
  EGOV_VAR_DIR: 'a directory path',
  DATABASE_URL: 'a postgres:// URL, e.g. postgres://user:pass@host:5432/egov',
  SMTP_URL: 'an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example:587',
  EGOV_BASE_URL: 'an absolute http(s) URL, e.g. https://dichvucong.example',
  LOG_LEVEL: 'one of fatal, error, warn, info, debug, trace, silent',
  NODE_ENV: 'one of development, production, test',
  EGOV_DEMO: 'one of auto, on, off',
  EGOV_JOBS: 'one of on, off',
  EGOV_BODY_LIMIT: 'a number of bytes, at least 1024',
  EGOV_TRUST_PROXY: 'true or false',
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(blankless);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`${name}=${JSON.stringify(env[name] ?? '')} is not valid: expected ${EXPECTED[name] ?? issue?.message ?? 'a valid value'}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    varDir: resolve(e.EGOV_VAR_DIR),
    databaseUrl: e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    baseUrl: (e.EGOV_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === 'production',
    demo: e.EGOV_DEMO,
    jobs: e.EGOV_JOBS === 'on',
    bodyLimit: e.EGOV_BODY_LIMIT,
    trustProxy: e.EGOV_TRUST_PROXY === 'true',
  };
}
