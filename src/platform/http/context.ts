import type { Logger } from 'pino';
import type { Database } from '../db/connect.ts';
import type { Config } from '../config.ts';
import type { Lang } from '../web/i18n.ts';
import type { SessionUser } from '../auth/roles.ts';
import type { Mailer } from '../notify/mailer.ts';
import type { Sms } from '../notify/sms.ts';
import type { Jobs } from '../jobs/index.ts';
import type { Sealer } from '../auth/sealed.ts';

/** What every module plugin receives: the shared machinery, never another module's internals. */
export interface Platform {
  config: Config;
  database: Database;
  mailer: Mailer;
  /** Text messages: an outbox like the mailer's, sent through the configured provider (SMS_PROVIDER). */
  sms: Sms;
  jobs: Jobs;
  /** Seals and opens stored secrets (TOTP secrets) under the configured key (platform/auth/sealed.ts). */
  secrets: Sealer;
  /** True when the database holds the demo seed (demo logins are shown on the sign-in page). */
  demo: () => boolean;
  /** The application's log, for what a module must report outside a request (absent in some scripts). */
  log?: Logger;
}

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    user: SessionUser | null;
    sessionId: string | null;
    /** The session needs its second factor before it counts as signed in. */
    secondFactorPending: boolean;
    /** Token to put into every form (hidden field `_csrf`) or the `x-csrf-token` header. */
    csrfToken: string;
    /** Signed in by `Authorization: Bearer` (only ever under /api/). */
    viaBearer: boolean;
    /** The bearer token's scopes (platform/auth/scopes.ts). */
    tokenScopes: string[] | null;
  }
}
