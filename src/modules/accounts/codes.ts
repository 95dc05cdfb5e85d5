// One-time codes (issue 9): 6 digits, valid 10 minutes, 5 tries, never stored as such. The browser keeps a random flow
// token (cookie) and the table keeps SHA-256(token) and SHA-256(token:code), so a copy of the table tells neither the
// codes nor whose journey a row is. Messages to one address are spaced by a minute and capped at 5 an hour, whatever
// the journey, so the codes cannot be used to flood someone's phone or mailbox. The SMS and the e-mail go through the
// outboxes in the journey's transaction, and are sent after the answer (flushMessages).
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { randomToken, safeEqual, sha256 } from '../../platform/auth/tokens.ts';
import { smsNumber } from '../../platform/notify/sms.ts';
import { t, type Text } from '../../platform/web/i18n.ts';
import { AccountErrors } from './errors.ts';
import { accountsDb, type AccountsDb } from './repo.ts';
import { codesRepo, type Channel, type CodePurpose, type CodeRow } from './repo-codes.ts';
import { codeMessage, codePage, codePurpose } from './messages-verify.ts';
import { displayPhone } from './validate.ts';

export const CODE_MINUTES = 10;
export const CODE_ATTEMPTS = 5;
/** A journey (registration, reset) may ask for new codes this long, this many times. */
export const FLOW_MINUTES = 60;
export const FLOW_SENDS = 5;
export const COOLDOWN_SECONDS = 60;
export const SENDS_PER_HOUR = 5;

export interface Destination {
  channel: Channel;
  /** '+84…' or a lowercase e-mail address. */
  to: string;
}

export function newFlowToken(): string {
  return randomToken(24);
}

export const flowHash = (token: string): string => sha256(`flow:${token}`);
const codeHash = (token: string, code: string): string => sha256(`code:${token}:${code}`);

/** Six random digits, leading zeros kept. */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** The address as the person wrote it: 0912 345 678, or the e-mail. */
export function showDestination(d: Destination): string {
  return d.channel === 'sms' ? displayPhone(d.to) : d.to;
}

/** Where a code for these contacts goes: a mobile number by SMS first, else the e-mail; null when neither can get one. */
export function destinationFor(phone: string | null, email: string | null): Destination | null {
  const mobile = phone ? smsNumber(phone) : null;
  if (mobile) return { channel: 'sms', to: mobile };
  return email ? { channel: 'email', to: email } : null;
}

/** The minute's cool-down and the hourly cap of an address; throws CODE_COOLDOWN or TOO_MANY_CODES. */
export async function checkAllowance(db: AccountsDb, to: string, now = new Date()): Promise<void> {
  const sent = await codesRepo.sentTo(db, to, new Date(now.getTime() - 3_600_000));
  if (sent.last && now.getTime() - sent.last.getTime() < COOLDOWN_SECONDS * 1000) throw AccountErrors.CODE_COOLDOWN();
  if (sent.sends >= SENDS_PER_HOUR) throw AccountErrors.TOO_MANY_CODES();
}

/** Whether an address may get one more message now (for notices, which are dropped rather than refused). */
export async function mayMessage(db: AccountsDb, to: string): Promise<boolean> {
  return checkAllowance(db, to).then(
    () => true,
    () => false,
  );
}

export interface Message {
  sms: string;
  subject: Text;
  body: Text;
}

/** Queues a message in the caller's transaction: SMS in Vietnamese (sent unaccented), mail in Vietnamese then English. */
export async function queueMessage(trx: Kysely<PlatformTables>, platform: Platform, d: Destination, m: Message, vars: { vi: Record<string, string>; en: Record<string, string> }): Promise<void> {
  if (d.channel === 'sms') {
    await platform.sms.enqueue(trx, { to: d.to, body: t('vi', { vi: m.sms, en: m.sms }, vars.vi) });
    return;
  }
  await platform.mailer.enqueue(trx, {
    to: d.to,
    subject: `${t('vi', m.subject)} / ${t('en', m.subject)}`,
    text: `${t('vi', m.body, vars.vi)}\n\n---\n\n${t('en', m.body, vars.en)}\n`,
  });
}

/** Queues a code for the purpose to the destination. */
export async function queueCode(trx: Kysely<PlatformTables>, platform: Platform, d: Destination, purpose: Exclude<CodePurpose, 'notice'>, code: string): Promise<void> {
  const minutes = String(CODE_MINUTES);
  const p = codePurpose[purpose];
  await queueMessage(trx, platform, d, codeMessage, { vi: { purpose: p.vi, code, minutes }, en: { purpose: p.en, code, minutes } });
}

/** Starts a journey with a code (or, `code` null, one that accepts none); returns the row id. */
export async function insertJourney(
  trx: Kysely<PlatformTables>,
  j: { purpose: CodePurpose; token: string; accountId: number | null; destination: Destination; code: string | null; payload?: Record<string, unknown> },
): Promise<number> {
  return codesRepo.insert(accountsDb(trx), {
    purpose: j.purpose,
    flowHash: flowHash(j.token),
    accountId: j.accountId,
    channel: j.destination.channel,
    destination: j.destination.to,
    codeHash: j.code === null ? null : codeHash(j.token, j.code),
    ...(j.payload ? { payload: j.payload } : {}),
    expiresAt: new Date(Date.now() + CODE_MINUTES * 60_000),
  });
}

/** The browser's open journey for the purpose, still within its hour; undefined otherwise. */
export async function openJourney(db: Kysely<PlatformTables>, token: string | undefined, purpose: CodePurpose): Promise<CodeRow | undefined> {
  if (!token || token.length > 100) return undefined;
  const row = await codesRepo.findOpen(accountsDb(db), flowHash(token), purpose);
  return row && row.created_at.getTime() + FLOW_MINUTES * 60_000 > Date.now() ? row : undefined;
}

/**
 * Counts the try and checks the code. Wrong, expired, used up, or a journey that never had a code (details taken)
 * all give the same CODE_INVALID, beside the field. The count is committed even when the code is wrong.
 */
export async function checkCode(db: Kysely<PlatformTables>, row: CodeRow | undefined, token: string, typed: string): Promise<CodeRow> {
  const code = typed.replace(/\s/g, '');
  if (!/^\d{6}$/.test(code)) throw AccountErrors.INVALID_INPUT({ fields: [{ field: 'code', message: codePage.codeFormat }] });
  const invalid = AccountErrors.CODE_INVALID({ fields: [{ field: 'code', message: AccountErrors.CODE_INVALID().text }] });
  if (!row || row.expires_at.getTime() <= Date.now()) throw invalid;
  if ((await codesRepo.countAttempt(accountsDb(db), row.id, CODE_ATTEMPTS)) === undefined) throw invalid;
  if (!row.code_hash || !safeEqual(row.code_hash, codeHash(token, code))) throw invalid;
  return row;
}

/**
 * A new code on the same journey, within its hour and its 5 sends, and within the address's allowance. A journey
 * that sends no code (details taken) counts the same and sends nothing, so the page behaves the same.
 */
export async function resendCode(platform: Platform, row: CodeRow | undefined, token: string): Promise<Destination> {
  const db = platform.database.db;
  if (!row || row.purpose === 'notice') throw AccountErrors.FLOW_EXPIRED();
  if (row.sends >= FLOW_SENDS) throw AccountErrors.TOO_MANY_CODES();
  const d: Destination = { channel: row.channel, to: row.destination };
  await checkAllowance(accountsDb(db), d.to);
  const purpose = row.purpose;
  await db.transaction().execute(async (trx) => {
    const code = row.code_hash === null ? null : newCode();
    await codesRepo.resent(accountsDb(trx), row.id, code === null ? null : codeHash(token, code), new Date(Date.now() + CODE_MINUTES * 60_000));
    if (code !== null) await queueCode(trx, platform, d, purpose, code);
  });
  return d;
}

/** Sends what the journey queued, after the answer: how long the answer takes tells nothing of what was sent. */
export function flushMessages(platform: Platform, log: FastifyBaseLogger): void {
  const db = platform.database.db;
  void platform.mailer.flush(db).catch((err: unknown) => log.warn({ err }, 'mail not sent yet'));
  void platform.sms.flush(db, { limit: 20 }).catch((err: unknown) => log.warn({ err }, 'sms not sent yet'));
}
