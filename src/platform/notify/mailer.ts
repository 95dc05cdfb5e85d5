// Mail goes through the outbox table first (so a message is never lost with a failed transaction or an SMTP
// outage), then out through nodemailer when SMTP_URL is set; without it the message is written to the log
// and kept in the outbox with status 'logged'.
// A flush first claims its rows (FOR UPDATE SKIP LOCKED, then a lease in claimed_until), so two flushes at once
// (the minute job and the one after a request) never send one message twice. A failed delivery is tried again
// after 1, 5, 15, 30 minutes and then hourly; it is given up ('failed') only 48 hours after it was written
// (outbox.ts; docs/deploy.md).
import nodemailer, { type Transporter } from 'nodemailer';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { PlatformTables } from '../db/tables.ts';
import { nextAttempt, OUTBOX_LEASE_MINUTES } from './outbox.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /** Puts the message into the outbox (use the caller's transaction) and returns its id. */
  enqueue(db: Kysely<PlatformTables>, msg: MailMessage): Promise<number>;
  /** Puts several messages into the outbox in one statement (a group commit's mails); returns their ids in order. */
  enqueueMany(db: Kysely<PlatformTables>, msgs: readonly MailMessage[]): Promise<number[]>;
  /** Sends pending outbox messages that are due at `now`; returns how many this flush claimed. */
  flush(db: Kysely<PlatformTables>, limit?: number, now?: Date): Promise<number>;
  close(): void;
}

interface Claimed {
  id: number;
  to_address: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  attempts: number;
  created_at: Date;
}

/** Takes up to `limit` due rows for this flush: rows locked or leased by another flush are left to it. */
async function claim(db: Kysely<PlatformTables>, limit: number, now: Date): Promise<Claimed[]> {
  const until = new Date(now.getTime() + OUTBOX_LEASE_MINUTES * 60_000);
  // A materialized CTE: as `id in (subquery)` the planner may rescan it per row and lock rows past the limit.
  const r = await sql<Claimed>`
    with batch as materialized (
      select id from outbox_mail
      where status = 'pending' and next_attempt_at <= ${now} and (claimed_until is null or claimed_until <= ${now})
      order by id
      limit ${limit}
      for update skip locked)
    update outbox_mail set claimed_until = ${until}
    from batch where outbox_mail.id = batch.id
    returning outbox_mail.id, to_address, subject, body_text, body_html, attempts, created_at`.execute(db);
  return [...r.rows].sort((a, b) => Number(a.id) - Number(b.id));
}

export function createMailer(opts: { smtpUrl?: string | undefined; from: string; log: Logger }): Mailer {
  // Short timeouts: a hung SMTP server must fail the attempt well within the lease (nodemailer's socket default is 10 min).
  const transport: Transporter | null = opts.smtpUrl
    ? nodemailer.createTransport({ url: opts.smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 } as Parameters<typeof nodemailer.createTransport>[0])
    : null;
  const enqueueMany: Mailer['enqueueMany'] = async (db, msgs) => {
    if (msgs.length === 0) return [];
    const rows = await db
      .insertInto('outbox_mail')
      .values(msgs.map((msg) => ({ to_address: msg.to, subject: msg.subject, body_text: msg.text, body_html: msg.html ?? null })))
      .returning('id')
      .execute();
    // Identity values are handed out in the order of the VALUES list; sorted so the ids follow `msgs`.
    return rows.map((r) => r.id).sort((a, b) => a - b);
  };
  return {
    async enqueue(db, msg) {
      const [id] = await enqueueMany(db, [msg]);
      return id as number;
    },
    enqueueMany,
    async flush(db, limit = 20, now = new Date()) {
      const rows = await claim(db, limit, now);
      for (const r of rows) {
        if (!transport) {
          opts.log.info({ mail: { to: r.to_address, subject: r.subject, text: r.body_text } }, 'mail (no SMTP_URL: logged only)');
          await db.updateTable('outbox_mail').set({ status: 'logged', sent_at: now, claimed_until: null }).where('id', '=', r.id).execute();
          continue;
        }
        const attempts = r.attempts + 1;
        try {
          await transport.sendMail({ from: opts.from, to: r.to_address, subject: r.subject, text: r.body_text, html: r.body_html ?? undefined });
          await db.updateTable('outbox_mail').set({ status: 'sent', sent_at: new Date(), attempts, claimed_until: null, last_error: null }).where('id', '=', r.id).execute();
        } catch (err) {
          const next = nextAttempt(new Date(r.created_at), attempts, now);
          const lastError = String((err as Error).message).slice(0, 500);
          if (next) opts.log.warn({ err, id: r.id, attempts, next }, 'mail delivery failed; will try again');
          else opts.log.error({ err, id: r.id, attempts }, 'mail delivery failed for 48 hours; given up');
          await db
            .updateTable('outbox_mail')
            .set({ attempts, last_error: lastError, claimed_until: null, ...(next ? { next_attempt_at: next } : { status: 'failed' as const }) })
            .where('id', '=', r.id)
            .execute();
        }
      }
      return rows.length;
    },
    close() {
      transport?.close();
    },
  };
}
