// Text messages (DOMAIN §9: legal events are notified by e-mail and/or SMS). Like mail, a message is first written to
// the `outbox_sms` table in the transaction that caused it, so it is never sent for a change that rolled back nor lost
// in a gateway outage; `flush` then hands unsent messages to the provider, retrying with growing pauses.
// Providers: 'log' (default) writes the message to the log; 'http' posts {to, text} as JSON to a gateway, the shape of
// most Vietnamese brandname SMS gateways (or of a small adapter in front of one).
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { PlatformTables } from '../db/tables.ts';
import { foldAccents } from '../text/index.ts';

export interface SmsProvider {
  send(to: string, body: string): Promise<void>;
}

/** A failed delivery; `permanent` when retrying cannot help (the gateway refused the request itself). */
export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export interface SmsMessage {
  /** A Vietnamese mobile number in any usual writing (0912 345 678, +84912345678). */
  to: string;
  body: string;
}

export interface SmsFlushResult {
  sent: number;
  failed: number;
}

export interface Sms {
  readonly provider: SmsProvider;
  /** Puts the message into the outbox (pass the caller's transaction) and returns its id; the body is ASCII-folded. */
  enqueue(db: Kysely<PlatformTables>, msg: SmsMessage): Promise<number>;
  /** Sends unsent messages whose pause after the last failure is over. */
  flush(db: Kysely<PlatformTables>, opts?: { limit?: number; now?: Date }): Promise<SmsFlushResult>;
}

/** One segment of GSM 7-bit text; longer messages are split and billed per 153 characters. */
export const SMS_SEGMENT = 160;
/** Minutes after creation before attempt n+1 (index n = attempts made); a flush runs every minute. */
export const SMS_RETRY_AFTER_MINUTES = [0, 1, 5, 30, 120, 360] as const;
export const SMS_MAX_ATTEMPTS = SMS_RETRY_AFTER_MINUTES.length;

/**
 * The number in E.164 (+84…) when it is a Vietnamese mobile (10 digits from 03, 05, 07, 08, 09), which is what the
 * outbox stores; null for a landline (02x cannot receive SMS) or anything else. Spaces, dots, dashes, brackets ignored.
 */
export function smsNumber(raw: string): string | null {
  const m = /^(?:\+84|84|0)([35789]\d{8})$/.exec(raw.replace(/[\s.\-()]/g, ''));
  return m ? `+84${m[1]}` : null;
}

/**
 * SMS text as Vietnamese people usually receive it: without diacritics (GSM 7-bit, 160 characters a segment instead of
 * 70 for Unicode, and some brandname gateways refuse Unicode), on one line, printable ASCII only.
 */
export function smsText(s: string): string {
  return foldAccents(s.normalize('NFC'))
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/…/g, '...')
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '')
    .trim();
}

export function logSmsProvider(log: Logger): SmsProvider {
  return {
    async send(to, body) {
      log.info({ sms: { to, body } }, 'sms (SMS_PROVIDER=log: logged only)');
    },
  };
}

export interface HttpSmsOptions {
  url: string;
  /** Sent as `Authorization: Bearer <token>`; never logged. */
  token?: string | undefined;
  timeoutMs?: number;
}

/** POSTs `{"to": "+84…", "text": "…"}`; any 2xx is a delivery; 4xx other than 408/429 is permanent. */
export function httpSmsProvider(opts: HttpSmsOptions): SmsProvider {
  return {
    async send(to, body) {
      let res: Response;
      try {
        res = await fetch(opts.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
          body: JSON.stringify({ to, text: body }),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        });
      } catch (err) {
        throw new SmsSendError(`SMS gateway unreachable: ${(err as Error).message}`, false);
      }
      if (res.ok) {
        await res.body?.cancel();
        return;
      }
      const detail = (await res.text().catch(() => '')).replace(/\s+/g, ' ').slice(0, 200);
      const permanent = res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429;
      throw new SmsSendError(`SMS gateway answered ${res.status}${detail ? `: ${detail}` : ''}`, permanent);
    },
  };
}

export function smsProviderFrom(config: Pick<Config, 'smsProvider' | 'smsHttpUrl' | 'smsHttpToken'>, log: Logger): SmsProvider {
  if (config.smsProvider === 'http' && config.smsHttpUrl) return httpSmsProvider({ url: config.smsHttpUrl, token: config.smsHttpToken });
  return logSmsProvider(log);
}

export function createSms(opts: { provider: SmsProvider; log: Logger }): Sms {
  const { provider, log } = opts;
  return {
    provider,
    async enqueue(db, msg) {
      const to = smsNumber(msg.to);
      if (!to) throw new RangeError(`not a Vietnamese mobile number: ${msg.to}`);
      const body = smsText(msg.body);
      if (!body) throw new RangeError('empty SMS body');
      const row = await db.insertInto('outbox_sms').values({ to_phone: to, body }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },
    async flush(db, o = {}) {
      const now = o.now ?? new Date();
      const limit = o.limit ?? 50;
      // Claim by counting the attempt first (one statement, rows locked by another flush skipped): a second process
      // flushing at the same moment sees the pause restart and leaves the message alone. The batch is a materialized
      // CTE: as `id in (subquery)` the planner may rescan it per row, each rescan locking further rows past the limit.
      const claimed = await sql<{ id: number; to_phone: string; body: string; attempts: number }>`
        with batch as materialized (
          select id from outbox_sms
          where sent_at is null and attempts < ${SMS_MAX_ATTEMPTS}
            -- A new message goes at once (comparing its microsecond created_at with a millisecond 'now' could hold it back).
            and (attempts = 0 or created_at + make_interval(mins => (${sql.raw(`array[${SMS_RETRY_AFTER_MINUTES.join(',')}]`)})[attempts + 1]) <= ${now})
          order by id
          limit ${limit}
          for update skip locked)
        update outbox_sms set attempts = outbox_sms.attempts + 1
        from batch where outbox_sms.id = batch.id
        returning outbox_sms.id, to_phone, body, outbox_sms.attempts`.execute(db);
      const result: SmsFlushResult = { sent: 0, failed: 0 };
      for (const r of [...claimed.rows].sort((a, b) => a.id - b.id)) {
        try {
          await provider.send(r.to_phone, r.body);
          await db.updateTable('outbox_sms').set({ sent_at: now, last_error: null }).where('id', '=', r.id).execute();
          result.sent++;
        } catch (err) {
          const permanent = err instanceof SmsSendError && err.permanent;
          log.warn({ err, id: r.id, attempts: r.attempts, permanent }, 'sms delivery failed');
          await db
            .updateTable('outbox_sms')
            .set({ last_error: String((err as Error).message).slice(0, 500), ...(permanent ? { attempts: SMS_MAX_ATTEMPTS } : {}) })
            .where('id', '=', r.id)
            .execute();
          result.failed++;
        }
      }
      return result;
    },
  };
}
