// Throttling password and code guessing without locking anyone out (issue 10; OWASP Authentication Cheat Sheet,
// "Login Throttling" and "Account Lockout"). Nothing here ever refuses an account as such, so a stranger who knows
// someone's phone number cannot shut them out:
//  - failures from one source on one account ('pair') bring growing waits for that source and that account only;
//  - after PROOF_AFTER failures from a source (any accounts), that source's sign-in form needs a proof of work;
//  - failures on an account from anywhere are counted so the owner is told (once a window) after NOTIFY_AFTER.
// Keys use the identifier as typed (normalised), never whether an account exists, so unknown and known accounts get
// the same answers.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { claimNotice, clearThrottle, countFailure, throttleState } from '../../platform/auth/throttle.ts';
import { verifyProof } from '../../platform/auth/pow.ts';
import { verifyPassword } from '../../platform/auth/password.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { t } from '../../platform/web/i18n.ts';
import { AccountErrors } from './errors.ts';
import { destinationFor, queueMessage } from './codes.ts';
import { normalisePhone } from './validate.ts';
import { failuresNotice, guardText } from './messages-guard.ts';
import type { Account } from './repo.ts';

export const PROOF_AFTER = 3;
export const NOTIFY_AFTER = 5;
/** Free tries for one source on one account before the waits begin. */
export const FREE_TRIES = 2;

export interface GuardContext {
  ip: string | null;
  /** The proof of work sent with the form: the challenge and the number found (empty without JavaScript). */
  proof?: { challenge?: string | undefined; number?: string | undefined } | undefined;
}

/** Seconds to wait after the n-th failure of a source on an account: 0, 0, 5, 10, 20 … up to 15 minutes. */
export function delayAfter(failures: number): number {
  return failures <= FREE_TRIES ? 0 : Math.min(5 * 2 ** (failures - FREE_TRIES - 1), 900);
}

/** The identifier as a key: a phone number in any spelling is one key; e-mail and username lowercase. */
export function whoKey(identifier: string): string {
  const id = identifier.trim();
  return normalisePhone(id) ?? id.toLowerCase().slice(0, 254);
}

const source = (ctx: GuardContext): string => ctx.ip ?? 'unknown';
const pairKey = (ctx: GuardContext, who: string): string => `pair:${source(ctx)}:${who}`;
const sourceKey = (ctx: GuardContext): string => `src:${source(ctx)}`;
const ownKey = (accountId: number): string => `own:${accountId}`;

function waitError(seconds: number): ReturnType<typeof AccountErrors.THROTTLED> {
  const vars = { seconds: String(seconds) };
  return AccountErrors.THROTTLED({ vi: t('vi', guardText.wait, vars), en: t('en', guardText.wait, vars), details: { retry_after_seconds: seconds } });
}

/** Whether the sign-in form shown to this source must carry a proof-of-work challenge. */
export async function proofNeeded(db: Kysely<PlatformTables>, ip: string | null): Promise<boolean> {
  return (await throttleState(db, sourceKey({ ip }))).failures >= PROOF_AFTER;
}

/**
 * Before checking a secret: refuses (THROTTLED) while this source waits on this identifier, and (when `proof`) asks
 * for the proof of work once the source has failed PROOF_AFTER times. Throws, audited, before any password is checked.
 */
export async function admit(db: Kysely<PlatformTables>, ctx: GuardContext, who: string, opts: { proof: boolean }): Promise<void> {
  const pair = await throttleState(db, pairKey(ctx, who));
  if (pair.retryAfter > 0) {
    await recordAudit(db, { actor: null, action: 'account.sign_in_failed', entity: 'account', entityId: null, ip: ctx.ip, data: { reason: 'throttled', identifier: who.slice(0, 100) } });
    throw waitError(pair.retryAfter);
  }
  if (!opts.proof || !(await proofNeeded(db, ctx.ip))) return;
  const result = await verifyProof(db, ctx.proof?.challenge, ctx.proof?.number);
  if (result === 'ok') return;
  await recordAudit(db, { actor: null, action: 'account.sign_in_failed', entity: 'account', entityId: null, ip: ctx.ip, data: { reason: `proof_${result}`, identifier: who.slice(0, 100) } });
  throw AccountErrors.PROOF_REQUIRED();
}

/** After a failed check: counts it for the source, the pair and the account, and tells the owner once a window. */
export async function recordGuessFailure(platform: Platform, ctx: GuardContext, who: string, account: Account | null): Promise<void> {
  const db = platform.database.db;
  await countFailure(db, sourceKey(ctx));
  await countFailure(db, pairKey(ctx, who), delayAfter);
  if (!account) return;
  const failures = await countFailure(db, ownKey(account.id));
  if (failures < NOTIFY_AFTER) return;
  const to = destinationFor(account.phone, account.email);
  if (!to || !(await claimNotice(db, ownKey(account.id)))) return;
  const url = `${platform.config.baseUrl}/quen-mat-khau`;
  await db.transaction().execute(async (trx) => {
    const vars = { name: account.full_name, username: account.username, count: String(failures), url };
    await queueMessage(trx, platform, to, failuresNotice, { vi: vars, en: vars });
    await recordAudit(trx, { actor: null, action: 'account.failures_notice', entity: 'account', entityId: account.id, ip: ctx.ip, data: { failures, channel: to.channel } });
  });
}

/** After a success: this source's waits on this identifier end (the source's count and the owner's stay). */
export async function recordGuessSuccess(db: Kysely<PlatformTables>, ctx: GuardContext, who: string): Promise<void> {
  await clearThrottle(db, pairKey(ctx, who));
}

/**
 * The current password asked again by a signed-in person (password change, new contact): a wrong one counts like a
 * failed sign-in (a stolen session must not become a password oracle), with the same waits for that source.
 */
export async function checkCurrentPassword(platform: Platform, account: Account, password: string, ctx: GuardContext, field: string): Promise<void> {
  const db = platform.database.db;
  const who = `#password:${account.id}`;
  await admit(db, ctx, who, { proof: false });
  if (await verifyPassword(account.password_hash, password)) {
    await recordGuessSuccess(db, ctx, who);
    return;
  }
  await recordGuessFailure(platform, ctx, who, account);
  await recordAudit(db, { actor: { id: account.id, label: account.username }, action: 'account.password_check_failed', entity: 'account', entityId: account.id, ip: ctx.ip });
  throw AccountErrors.WRONG_PASSWORD({ fields: [{ field, message: AccountErrors.WRONG_PASSWORD().text }] });
}
