// TOTP secrets are stored sealed (platform/auth/sealed.ts), bound to their account's row. Rows written before sealing
// hold the base32 secret in plain text: they are still read, and sealed at the next start (startup step below).
import type { Platform } from '../../platform/http/context.ts';
import { isSealed, SealedError, type Sealer } from '../../platform/auth/sealed.ts';
import { accountsDb, type Account } from './repo.ts';

const context = (accountId: number): string => `accounts.totp_secret:${accountId}`;

export function sealTotpSecret(secrets: Sealer, accountId: number, secretBase32: string): string {
  return secrets.seal(secretBase32, context(accountId));
}

/**
 * The account's base32 secret, or null when it has none, or when it cannot be opened (sealed under another key, or
 * altered: then no code matches, and an administrator turns two-step verification off so that it is set up again).
 */
export function openTotpSecret(secrets: Sealer, a: Pick<Account, 'id' | 'totp_secret'>, log?: Platform['log']): string | null {
  if (!a.totp_secret) return null;
  if (!isSealed(a.totp_secret)) return a.totp_secret;
  try {
    return secrets.open(a.totp_secret, context(a.id));
  } catch (err) {
    if (!(err instanceof SealedError)) throw err;
    log?.error({ account: a.id, reason: err.message }, 'a TOTP secret cannot be opened with the configured key');
    return null;
  }
}

/** Seals every TOTP secret still stored in plain text; returns how many. Idempotent (sealed rows are left alone). */
export async function sealPlaintextTotpSecrets(platform: Platform): Promise<number> {
  const db = accountsDb(platform.database.db);
  const rows = await db.selectFrom('accounts').select(['id', 'totp_secret']).where('totp_secret', 'is not', null).where('totp_secret', 'not like', 'v1:%').execute();
  for (const r of rows) {
    if (!r.totp_secret || isSealed(r.totp_secret)) continue;
    await db
      .updateTable('accounts')
      .set({ totp_secret: sealTotpSecret(platform.secrets, r.id, r.totp_secret) })
      .where('id', '=', r.id)
      .where('totp_secret', '=', r.totp_secret)
      .execute();
  }
  if (rows.length) platform.log?.info({ count: rows.length }, 'TOTP secrets stored in plain text were sealed');
  // Secrets sealed under another key cannot be opened: said once at start, not at each refused sign-in only.
  const foreign = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('totp_secret', 'like', 'v1:%')
    .where('totp_secret', 'not like', `v1:${platform.secrets.keyId}:%`)
    .executeTakeFirst();
  if (Number(foreign?.n ?? 0) > 0) {
    platform.log?.warn({ count: Number(foreign?.n), keyId: platform.secrets.keyId }, 'TOTP secrets sealed under another key than EGOV_SECRET_KEY: those staff cannot pass the second step until it is reset');
  }
  return rows.length;
}
