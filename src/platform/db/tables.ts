// Kysely types of the platform's own tables. Each module declares its tables in its own repo and widens
// the instance with `db.withTables<ModuleTables>()`, so platform code never imports a module.
import type { ColumnType, Generated } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json = ColumnType<unknown, string, string>;

export interface SettingsTable {
  key: string;
  value: Json;
  updated_at: Generated<Date>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_id: number | null;
  actor_label: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  agency_id: number | null;
  ip: string | null;
  data: Json;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  data: Json;
  second_factor_pending: Generated<boolean>;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface OutboxMailTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  status: Generated<'pending' | 'sent' | 'failed' | 'logged'>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Generated<Date>;
  sent_at: Date | null;
  /** migrations/0014: the flush that claimed the row owns it until then. */
  claimed_until: Date | null;
  /** migrations/0014: not tried again before this (back-off after a failure). */
  next_attempt_at: Generated<Date>;
}

// migrations/0008_dossier_workflow.sql: text messages through the SMS adapter (platform/notify/sms.ts).
export interface OutboxSmsTable {
  id: Generated<number>;
  to_phone: string;
  body: string;
  created_at: Generated<Date>;
  sent_at: Date | null;
  attempts: Generated<number>;
  last_error: string | null;
}

// migrations/0019_auth_throttle.sql: failed sign-in counters (platform/auth/throttle.ts).
export interface AuthThrottleTable {
  key: string;
  failures: number;
  window_start: Timestamp;
  next_allowed_at: Timestamp | null;
  notified_at: Timestamp | null;
}

export interface PlatformTables {
  settings: SettingsTable;
  audit_log: AuditLogTable;
  sessions: SessionsTable;
  outbox_mail: OutboxMailTable;
  outbox_sms: OutboxSmsTable;
  auth_throttle: AuthThrottleTable;
}
