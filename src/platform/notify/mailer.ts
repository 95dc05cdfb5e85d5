// Mail goes through the outbox table first (so a message is never lost with a failed transaction or an SMTP
// outage), then out through nodemailer when SMTP_URL is set; without it the message is written to the log
// and kept in the outbox with status 'logged'.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { PlatformTables } from '../db/tables.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /** Puts the message into the outbox (use the caller's transaction) and returns its id. */
  enqueue(db: Kysely<PlatformTables>, msg: MailMessage): Promise<number>;
  /** Sends pending outbox messages; returns how many were handled. */
  flush(db: Kysely<PlatformTables>, limit?: number): Promise<number>;
  close(): void;
}

export function createMailer(opts: { smtpUrl?: string | undefined; from: string; log: Logger }): Mailer {
  const transport: Transporter | null = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : null;
  return {
    async enqueue(db, msg) {
      const row = await db
        .insertInto('outbox_mail')
        .values({ to_address: msg.to, subject: msg.subject, body_text: msg.text, body_html: msg.html ?? null })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async flush(db, limit = 20) {
      const rows = await db
        .selectFrom('outbox_mail')
        .selectAll()
        .where('status', '=', 'pending')
        .orderBy('id')
        .limit(limit)
        .execute();
      for (const r of rows) {
        if (!transport) {
          opts.log.info({ mail: { to: r.to_address, subject: r.subject, text: r.body_text } }, 'mail (no SMTP_URL: logged only)');
          await db.updateTable('outbox_mail').set({ status: 'logged', sent_at: new Date() }).where('id', '=', r.id).execute();
          continue;
        }
        try {
          await transport.sendMail({ from: opts.from, to: r.to_address, subject: r.subject, text: r.body_text, html: r.body_html ?? undefined });
          await db.updateTable('outbox_mail').set({ status: 'sent', sent_at: new Date(), attempts: r.attempts + 1 }).where('id', '=', r.id).execute();
        } catch (err) {
          const attempts = r.attempts + 1;
          opts.log.warn({ err, id: r.id }, 'mail delivery failed');
          await db
            .updateTable('outbox_mail')
            .set({ attempts, last_error: String((err as Error).message).slice(0, 500), status: attempts >= 5 ? 'failed' : 'pending' })
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
