// Configuration comes from environment variables, validated once at start: a wrong value stops the start
// with one line naming the variable and what is expected.
import { resolve } from 'node:path';
import { z } from 'zod';
import { isRole, Role } from './auth/roles.ts';
import { parseKey } from './auth/sealed.ts';

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
  // Service-quality figures are recomputed at most this often per filter (0: on every request).
  EGOV_FIGURES_MAX_AGE: z.coerce.number().int().min(0).max(3600).default(60),
  // Anonymous home and procedure pages are served from memory for this many seconds (0: rendered every time).
  EGOV_PAGE_CACHE: z.coerce.number().int().min(0).max(600).default(60),
  // Attachments: the local disk under EGOV_VAR_DIR/files, or an S3-compatible object store (AWS S3, MinIO, Ceph…).
  FILES_STORE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.url({ protocol: /^https?$/, message: 'an http(s) URL' }).optional(),
  S3_BUCKET: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,62}$/, 'a bucket name').optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_REGION: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a region name').default('us-east-1'),
  SMS_PROVIDER: z.enum(['log', 'http']).default('log'),
  SMS_HTTP_URL: z.url({ protocol: /^https?$/, message: 'an http(s) URL' }).optional(),
  SMS_HTTP_TOKEN: z.string().optional(),
  // Online payment gateway: 'none' (VietQR transfer only) or 'simulated' (marks fees paid at once; demonstrations only).
  // Unset: simulated while the demo data is loaded, none otherwise (src/modules/dossiers/payments.ts).
  PAYMENTS_PROVIDER: z.enum(['none', 'simulated']).optional(),
  // The key that seals stored secrets (TOTP secrets): 32 bytes as hex or base64, or a file holding them (sealed.ts).
  EGOV_SECRET_KEY: z.string().optional(),
  EGOV_SECRET_KEY_FILE: z.string().min(1).optional(),
  // The staff directory (issue 12): official e-mail addresses must be in this domain or a subdomain of it; the LDIF
  // export names entries under this base (unset: the domain's labels as dc=…, e.g. dc=hanoi,dc=gov,dc=vn).
  EGOV_OFFICIAL_MAIL_DOMAIN: z
    .string()
    .regex(/^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, 'a mail domain')
    .default('hanoi.gov.vn'),
  EGOV_DIRECTORY_LDAP_BASE: z
    .string()
    .regex(/^[A-Za-z]+=[^,=]+(,[A-Za-z]+=[^,=]+)*$/, 'an LDAP distinguished name')
    .optional(),
  // Official documents (issue 13): the folder of the agencies' signing certificates, `<agency code>.p12` with its
  // passphrase in `<agency code>.pass` (unset: EGOV_VAR_DIR/certificates, where the demo makes self-signed ones).
  EGOV_DOCUMENT_CERT_DIR: z.string().min(1).optional(),
  // The national document exchange axis (liên thông văn bản, QCVN 102:2016): a shared folder or the URL of an HTTP
  // relay (src/modules/documents/exchange.ts); unset: no exchange, documents go only between agencies on this platform.
  EGOV_DOCUMENT_EXCHANGE: z.string().min(1).optional(),
  EGOV_DOCUMENT_EXCHANGE_TOKEN: z.string().min(1).optional(),
  EGOV_DOCUMENT_EXCHANGE_AGENCIES: z
    .string()
    .regex(/^\s*\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}\s*(,\s*\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}\s*)*$/, 'agency codes separated by commas')
    .optional(),
  // Transit validators (issue 15, docs/transit-validators.md): the MQTT broker the fare centre connects to; unset or
  // empty: no centre (the default, so a start needs no broker). Lists go out to validators every so many seconds.
  EGOV_TRANSIT_BROKER: z
    .string()
    .regex(/^$|^(mqtts?|wss?):\/\/[^\s]+$/, 'an mqtt:// URL')
    .optional(),
  EGOV_TRANSIT_LISTS_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  // Transit payments by VietQR (docs/transit.md): the key the bank signs its payment callbacks with (HMAC-SHA256;
  // unset: the callback is off and officers confirm transfers from the statement), and how long a payment waits.
  EGOV_TRANSIT_PAYMENT_SECRET: z.string().optional(),
  EGOV_TRANSIT_PAYMENT_MINUTES: z.coerce.number().int().min(5).max(10080).default(60),
  // The traffic-signal centre (issue 16, docs/signals.md): the controllers' MQTT broker, `memory` for the in-process
  // bus with simulated controllers, or `off`. Unset: `memory` while the demo data is loaded, off otherwise.
  EGOV_SIGNALS_BROKER: z
    .string()
    .regex(/^(memory|off|(mqtts?|wss?):\/\/[^\s]+)$/, 'an mqtt:// URL, memory or off')
    .optional(),
  // A map tile URL with {z}/{x}/{y} shown behind the signal map (unset: no background, the drawing alone).
  EGOV_SIGNALS_TILE_URL: z
    .string()
    .regex(/^https:\/\/[^\s"'<>]+$/, 'an https:// URL')
    .optional(),
});

/** Staff holding any of these roles must set up two-step verification before anything else (unset: leader, admin). */
const TWO_STEP_ROLES_DEFAULT: readonly Role[] = [Role.leader, Role.admin];

const S3_REQUIRED = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

/** The document exchange axis: a shared folder (`folder`) or an HTTP relay (`url` with its bearer `token`). */
export type DocumentExchangeConfig = { transport: 'folder'; folder: string } | { transport: 'http'; url: string; token: string };

/** Where attachments are kept; with 's3' the connection settings of the (path-style) S3-compatible store. */
export type FilesConfig =
  | { store: 'local' }
  | { store: 's3'; endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };

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
  /** Seconds a computed set of service-quality figures may be served again (0: always fresh). */
  figuresMaxAgeSeconds: number;
  /** Seconds an anonymous public page (home, procedure) is served again from memory (0: never). */
  pageCacheSeconds: number;
  files: FilesConfig;
  /** 'log': text messages are written to the log; 'http': posted to the gateway at smsHttpUrl (platform/notify/sms.ts). */
  smsProvider: 'log' | 'http';
  smsHttpUrl: string | undefined;
  smsHttpToken: string | undefined;
  /** The online payment gateway; undefined: simulated with the demo data, none otherwise. Never simulated in production. */
  paymentsProvider: 'none' | 'simulated' | undefined;
  /** EGOV_SECRET_KEY: the 32-byte key that seals stored secrets (platform/auth/sealed.ts). */
  secretKey: Buffer | undefined;
  /** EGOV_SECRET_KEY_FILE: a file holding that key; with neither, outside production, EGOV_VAR_DIR/secret.key. */
  secretKeyFile: string | undefined;
  /** EGOV_2FA_ROLES: staff with any of these roles must set up two-step verification (empty: nobody must). */
  twoStepRoles: readonly Role[];
  /** EGOV_OFFICIAL_MAIL_DOMAIN: the domain (lower case) of official e-mail addresses in the staff directory. */
  officialMailDomain: string;
  /** EGOV_DIRECTORY_LDAP_BASE: the base DN of the directory's LDIF export. */
  directoryLdapBase: string;
  /** EGOV_DOCUMENT_CERT_DIR: where the agencies' signing certificates are (documents/signing.ts). */
  documentCertDir: string | undefined;
  /** EGOV_DOCUMENT_EXCHANGE(_TOKEN): the document exchange axis; undefined: exchange off. */
  documentExchange: DocumentExchangeConfig | undefined;
  /** EGOV_DOCUMENT_EXCHANGE_AGENCIES: the agency codes this instance serves (undefined: every active agency). */
  documentExchangeAgencies: readonly string[] | undefined;
  /** EGOV_TRANSIT_BROKER: the MQTT URL of the validators' broker; undefined: the fare centre is not started. */
  transitBroker: string | undefined;
  /** EGOV_TRANSIT_LISTS_SECONDS: how often list changes are published to the validators. */
  transitListsSeconds: number;
  /** EGOV_TRANSIT_PAYMENT_SECRET: the bank callback's HMAC key (at least 32 characters); undefined: no callback. */
  transitPaymentSecret: string | undefined;
  /** EGOV_TRANSIT_PAYMENT_MINUTES: how long a transit payment waits for the transfer before it expires. */
  transitPaymentMinutes: number;
  /** EGOV_SIGNALS_BROKER: an MQTT URL, 'memory' (in-process bus and simulated controllers), 'off'; undefined: memory with the demo data, off otherwise. */
  signalsBroker: string | undefined;
  /** EGOV_SIGNALS_TILE_URL: a background map tile URL for the signal map; undefined: none. */
  signalsTileUrl: string | undefined;
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
  EGOV_FIGURES_MAX_AGE: 'a number of seconds from 0 to 3600',
  EGOV_PAGE_CACHE: 'a number of seconds from 0 to 600',
  EGOV_TRANSIT_BROKER: 'an MQTT URL, e.g. mqtt://broker.example:1883 or mqtts://… (empty: no fare centre)',
  EGOV_TRANSIT_LISTS_SECONDS: 'a number of seconds from 5 to 3600',
  EGOV_TRANSIT_PAYMENT_MINUTES: 'a number of minutes from 5 to 10080',
  EGOV_SIGNALS_BROKER: 'an MQTT URL, e.g. mqtt://broker.example:1883, or memory (simulated controllers in the app), or off',
  EGOV_SIGNALS_TILE_URL: 'an https:// tile URL, e.g. https://tile.example.vn/{z}/{x}/{y}.png',
  FILES_STORE: 'one of local, s3',
  S3_ENDPOINT: 'the http(s) URL of the S3-compatible service, e.g. https://s3.example.vn (required when FILES_STORE=s3)',
  S3_BUCKET: 'a bucket name, e.g. egov-files (required when FILES_STORE=s3)',
  S3_ACCESS_KEY_ID: 'the access key ID (required when FILES_STORE=s3)',
  S3_SECRET_ACCESS_KEY: 'the secret access key (required when FILES_STORE=s3)',
  S3_REGION: 'a region name, e.g. us-east-1',
  SMS_PROVIDER: 'one of log, http',
  SMS_HTTP_URL: 'the http(s) URL of the SMS gateway, e.g. https://sms.example.vn/api/send (required when SMS_PROVIDER=http)',
  PAYMENTS_PROVIDER: 'one of none, simulated (simulated is refused with NODE_ENV=production)',
  EGOV_SECRET_KEY: '32 random bytes as 64 hex digits or base64, e.g. the output of `openssl rand -base64 32` (required, or EGOV_SECRET_KEY_FILE, when NODE_ENV=production)',
  EGOV_SECRET_KEY_FILE: 'the path of a file holding the key (not together with EGOV_SECRET_KEY)',
  EGOV_OFFICIAL_MAIL_DOMAIN: 'a mail domain, e.g. hanoi.gov.vn',
  EGOV_DIRECTORY_LDAP_BASE: 'an LDAP distinguished name, e.g. dc=hanoi,dc=gov,dc=vn',
  EGOV_DOCUMENT_CERT_DIR: 'the path of a folder holding <agency code>.p12 and <agency code>.pass files',
  EGOV_DOCUMENT_EXCHANGE: 'a folder path, or the http(s) URL of the exchange relay, e.g. https://lienthong.example.vn/edxml',
  EGOV_DOCUMENT_EXCHANGE_TOKEN: 'the bearer token of the exchange relay (required when EGOV_DOCUMENT_EXCHANGE is a URL)',
  EGOV_DOCUMENT_EXCHANGE_AGENCIES: 'agency codes separated by commas, e.g. 000.04.51.H26,000.01.51.H26 (only with EGOV_DOCUMENT_EXCHANGE)',
  EGOV_2FA_ROLES: `role names separated by commas, from ${Object.values(Role).join(', ')} (empty: none)`,
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(blankless);
  const invalid = (name: string, fallback?: string): ConfigError =>
    new ConfigError(`${name}=${JSON.stringify(env[name] ?? '')} is not valid: expected ${EXPECTED[name] ?? fallback ?? 'a valid value'}`);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(String(issue?.path[0] ?? 'environment'), issue?.message);
  }
  const e = parsed.data;
  const missing = e.FILES_STORE === 's3' ? S3_REQUIRED.find((name) => e[name] === undefined) : undefined;
  if (missing) throw invalid(missing);
  if (e.SMS_PROVIDER === 'http' && e.SMS_HTTP_URL === undefined) {
    throw new ConfigError(`SMS_HTTP_URL="" is not valid: expected ${EXPECTED.SMS_HTTP_URL}`);
  }
  // A simulated gateway records fees as paid with no money moving: never in production.
  if (e.PAYMENTS_PROVIDER === 'simulated' && e.NODE_ENV === 'production') throw invalid('PAYMENTS_PROVIDER');
  // The callback key is never repeated in a message either.
  if (e.EGOV_TRANSIT_PAYMENT_SECRET !== undefined && e.EGOV_TRANSIT_PAYMENT_SECRET.length < 32) {
    throw new ConfigError('EGOV_TRANSIT_PAYMENT_SECRET (value not shown) is not valid: expected at least 32 characters');
  }
  const secretKey = e.EGOV_SECRET_KEY === undefined ? undefined : parseKey(e.EGOV_SECRET_KEY);
  // The key itself is never repeated in a message.
  if (secretKey === null) throw new ConfigError(`EGOV_SECRET_KEY (value not shown) is not valid: expected ${EXPECTED.EGOV_SECRET_KEY}`);
  if (secretKey && e.EGOV_SECRET_KEY_FILE) throw invalid('EGOV_SECRET_KEY_FILE');
  // Without the key a production start would make one nobody keeps: refused.
  if (!secretKey && !e.EGOV_SECRET_KEY_FILE && e.NODE_ENV === 'production') throw new ConfigError(`EGOV_SECRET_KEY is not set: expected ${EXPECTED.EGOV_SECRET_KEY}`);
  // Read as given: an empty EGOV_2FA_ROLES means "nobody", unlike other empty variables.
  const twoStepRoles = env.EGOV_2FA_ROLES === undefined ? TWO_STEP_ROLES_DEFAULT : env.EGOV_2FA_ROLES.split(',').map((r) => r.trim()).filter(Boolean);
  if (!twoStepRoles.every(isRole)) throw invalid('EGOV_2FA_ROLES');
  const documentExchange = exchangeConfig(e.EGOV_DOCUMENT_EXCHANGE, e.EGOV_DOCUMENT_EXCHANGE_TOKEN, invalid);
  // Serving only some agencies makes sense only with the exchange: the others would receive nothing at all.
  if (e.EGOV_DOCUMENT_EXCHANGE_AGENCIES !== undefined && !documentExchange) throw invalid('EGOV_DOCUMENT_EXCHANGE_AGENCIES');
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
    figuresMaxAgeSeconds: e.EGOV_FIGURES_MAX_AGE,
    pageCacheSeconds: e.EGOV_PAGE_CACHE,
    smsProvider: e.SMS_PROVIDER,
    smsHttpUrl: e.SMS_HTTP_URL,
    smsHttpToken: e.SMS_HTTP_TOKEN,
    paymentsProvider: e.PAYMENTS_PROVIDER,
    secretKey,
    secretKeyFile: e.EGOV_SECRET_KEY_FILE === undefined ? undefined : resolve(e.EGOV_SECRET_KEY_FILE),
    twoStepRoles: [...new Set(twoStepRoles)],
    officialMailDomain: e.EGOV_OFFICIAL_MAIL_DOMAIN.toLowerCase(),
    directoryLdapBase: e.EGOV_DIRECTORY_LDAP_BASE ?? e.EGOV_OFFICIAL_MAIL_DOMAIN.toLowerCase().split('.').map((l) => `dc=${l}`).join(','),
    documentCertDir: e.EGOV_DOCUMENT_CERT_DIR === undefined ? undefined : resolve(e.EGOV_DOCUMENT_CERT_DIR),
    documentExchange,
    documentExchangeAgencies: e.EGOV_DOCUMENT_EXCHANGE_AGENCIES === undefined ? undefined : [...new Set(e.EGOV_DOCUMENT_EXCHANGE_AGENCIES.split(',').map((c) => c.trim()))],
    transitBroker: e.EGOV_TRANSIT_BROKER || undefined,
    transitListsSeconds: e.EGOV_TRANSIT_LISTS_SECONDS,
    transitPaymentSecret: e.EGOV_TRANSIT_PAYMENT_SECRET,
    transitPaymentMinutes: e.EGOV_TRANSIT_PAYMENT_MINUTES,
    signalsBroker: e.EGOV_SIGNALS_BROKER,
    signalsTileUrl: e.EGOV_SIGNALS_TILE_URL,
    files:
      e.FILES_STORE === 's3'
        ? {
            store: 's3',
            endpoint: e.S3_ENDPOINT ?? '',
            bucket: e.S3_BUCKET ?? '',
            region: e.S3_REGION,
            accessKeyId: e.S3_ACCESS_KEY_ID ?? '',
            secretAccessKey: e.S3_SECRET_ACCESS_KEY ?? '',
          }
        : { store: 'local' },
  };
}

function exchangeConfig(value: string | undefined, token: string | undefined, invalid: (name: string) => ConfigError): DocumentExchangeConfig | undefined {
  if (value === undefined) return undefined;
  if (!/^https?:\/\//i.test(value)) return { transport: 'folder', folder: resolve(value) };
  if (!URL.canParse(value)) throw invalid('EGOV_DOCUMENT_EXCHANGE');
  if (token === undefined) throw invalid('EGOV_DOCUMENT_EXCHANGE_TOKEN');
  return { transport: 'http', url: value, token };
}
