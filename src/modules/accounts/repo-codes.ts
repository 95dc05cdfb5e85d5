// The only code that touches the one-time codes, the consents (migrations/0011) and, for the "my data" page, the
// platform's sessions and audit rows of one account.
import { sql, type ColumnType, type Generated, type Selectable } from 'kysely';
import type { Timestamp } from '../../platform/db/index.ts';
import type { AccountsDb } from './repo.ts';

export type CodePurpose = 'register' | 'contact' | 'reset' | 'notice';
export type Channel = 'sms' | 'email';

export interface AccountCodesTable {
  id: Generated<number>;
  purpose: CodePurpose;
  flow_hash: string;
  account_id: number | null;
  channel: Channel;
  destination: string;
  code_hash: string | null;
  payload: ColumnType<unknown, string | undefined, string>;
  attempts: Generated<number>;
  sends: Generated<number>;
  last_sent_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface AccountConsentsTable {
  id: Generated<number>;
  account_id: number;
  document: 'privacy_notice';
  version: string;
  given_at: Timestamp;
  ip: string | null;
  withdrawn_at: Timestamp | null;
}

export type CodeRow = Selectable<AccountCodesTable>;
export type ConsentRow = Selectable<AccountConsentsTable>;

export interface NewCode {
  purpose: CodePurpose;
  flowHash: string;
  accountId: number | null;
  channel: Channel;
  destination: string;
  codeHash: string | null;
  payload?: Record<string, unknown>;
  expiresAt: Date;
}

export const codesRepo = {
  async insert(db: AccountsDb, c: NewCode): Promise<number> {
    const row = await db
      .insertInto('account_codes')
      .values({
        purpose: c.purpose,
        flow_hash: c.flowHash,
        account_id: c.accountId,
        channel: c.channel,
        destination: c.destination,
        code_hash: c.codeHash,
        payload: JSON.stringify(c.payload ?? {}),
        expires_at: c.expiresAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  /** The open journey of this browser (flow token's hash) for the purpose, or undefined. */
  findOpen(db: AccountsDb, flowHash: string, purpose: CodePurpose): Promise<CodeRow | undefined> {
    return db.selectFrom('account_codes').selectAll().where('flow_hash', '=', flowHash).where('purpose', '=', purpose).where('used_at', 'is', null).executeTakeFirst();
  },

  /** Counts one attempt at the code, atomically; undefined when the attempts are used up. */
  async countAttempt(db: AccountsDb, id: number, max: number): Promise<number | undefined> {
    const r = await db
      .updateTable('account_codes')
      .set({ attempts: sql<number>`attempts + 1` })
      .where('id', '=', id)
      .where('attempts', '<', max)
      .returning('attempts')
      .executeTakeFirst();
    return r?.attempts;
  },

  /** Uses the code up (and drops what the journey carried); false when another request used it first. */
  async use(db: AccountsDb, id: number): Promise<boolean> {
    const r = await db.updateTable('account_codes').set({ used_at: new Date(), payload: '{}' }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** A new code (or, for a journey that sends none, only the count) on the same journey. */
  async resent(db: AccountsDb, id: number, codeHash: string | null, expiresAt: Date): Promise<void> {
    await db
      .updateTable('account_codes')
      .set({ code_hash: codeHash, attempts: 0, sends: sql<number>`sends + 1`, last_sent_at: new Date(), expires_at: expiresAt })
      .where('id', '=', id)
      .execute();
  },

  /** Messages sent to an address since a moment, and the time of the latest (for the cool-down and the hourly cap). */
  async sentTo(db: AccountsDb, destination: string, since: Date): Promise<{ sends: number; last: Date | null }> {
    const r = await db
      .selectFrom('account_codes')
      .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('sends'), sql<number>`0`).as('sends'), eb.fn.max('last_sent_at').as('last')])
      .where('destination', '=', destination)
      .where('last_sent_at', '>', since)
      .executeTakeFirstOrThrow();
    return { sends: Number(r.sends), last: r.last ? new Date(r.last) : null };
  },

  /** Ends every open journey of the account for the purpose (a password reset done one way ends the others). */
  async useAll(db: AccountsDb, accountId: number, purpose: CodePurpose): Promise<void> {
    await db.updateTable('account_codes').set({ used_at: new Date(), payload: '{}' }).where('account_id', '=', accountId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
  },

  /** Journeys finished or abandoned long enough ago: their rows (and any registration data they held) go. */
  async purge(db: AccountsDb, before: Date): Promise<number> {
    const r = await db.deleteFrom('account_codes').where('created_at', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  async addConsent(db: AccountsDb, c: { accountId: number; version: string; givenAt: Date; ip: string | null }): Promise<void> {
    await db.insertInto('account_consents').values({ account_id: c.accountId, document: 'privacy_notice', version: c.version, given_at: c.givenAt, ip: c.ip }).execute();
  },

  consentsOf(db: AccountsDb, accountId: number): Promise<ConsentRow[]> {
    return db.selectFrom('account_consents').selectAll().where('account_id', '=', accountId).orderBy('given_at').execute();
  },

  sessionsOf(db: AccountsDb, accountId: number) {
    return db
      .selectFrom('sessions')
      .select(['id', 'data', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
      .where('user_id', '=', accountId)
      .where('expires_at', '>', new Date())
      .orderBy('created_at', 'desc')
      .execute();
  },

  /** Audit rows about the account or done by it, newest first. */
  auditAbout(db: AccountsDb, accountId: number, limit: number) {
    return db
      .selectFrom('audit_log')
      .select(['id', 'at', 'action', 'entity', 'entity_id', 'actor_label', 'ip'])
      .where((eb) => eb.or([eb('actor_id', '=', accountId), eb.and([eb('entity', '=', 'account'), eb('entity_id', '=', String(accountId))])]))
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },
};
