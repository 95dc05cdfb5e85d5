// Media of a transit account (TRANSPORT.md §1–2): the medium only identifies the account. Operator cards by UID, the
// app's virtual card, bank cards as a token and the last 4 digits (never the card number), e-wallet QR ids, and the
// CCCD as a keyed hash. Only one of the virtual or the physical card is active at a time (§1; also a unique index).
import type { Actor } from '../../../platform/auth/access.ts';
import { recordAudit } from '../../../platform/audit/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { requireClearing, requireOwnerOrOfficer } from './access.ts';
import { cccdHashKey, cccdMediaKey, PROVINCE_CODES } from './cccd.ts';
import { RiderErrors } from './errors.ts';
import { Fields, pgError } from './input.ts';
import { addToList } from './lists.ts';
import { asPlatformDb, type Medium, type MediumKind, type RidersDb, ridersDb, ridersRepo } from './repo.ts';

export const MEDIUM_KINDS: readonly MediumKind[] = ['operator_card', 'app_qr', 'bank_card', 'ewallet_qr', 'cccd'];
const CARD_KINDS: readonly MediumKind[] = ['operator_card', 'app_qr'];

export interface MediumInput {
  kind: unknown;
  /** operator_card: the chip's UID (4, 7 or 10 bytes in hex); app_qr / ewallet_qr: the issuer's id; bank_card: the token. */
  key?: unknown;
  /** bank_card only: the last 4 digits printed on the card. */
  last4?: unknown;
  /** cccd only: the 12-digit number, hashed at once and never stored. */
  cccdNumber?: unknown;
}

/** The key a validator reads, or INVALID naming the field. */
function mediaKey(platform: Platform, f: Fields, input: MediumInput): { kind: MediumKind; key: string; last4: string | null } {
  const kind = MEDIUM_KINDS.find((k) => k === input.kind);
  if (!kind) f.add('kind', 'Loại thẻ không hợp lệ.', 'The kind of medium is not valid.');
  let key = '';
  let last4: string | null = null;
  if (kind === 'operator_card') {
    key = f.text('key', input.key, /^([0-9A-Fa-f]{8}|[0-9A-Fa-f]{14}|[0-9A-Fa-f]{20})$/, 'UID của thẻ phải là 8, 14 hoặc 20 chữ số hệ 16.', 'The card UID must be 8, 14 or 20 hex digits.').toUpperCase();
  } else if (kind === 'app_qr' || kind === 'ewallet_qr') {
    key = f.text('key', input.key, /^[A-Za-z0-9_-]{8,64}$/, 'Mã định danh phải gồm 8–64 chữ, số, - hoặc _.', 'The id must be 8–64 letters, digits, - or _.');
  } else if (kind === 'bank_card') {
    key = f.text('key', input.key, /^[A-Za-z0-9_-]{8,64}$/, 'Mã token thẻ phải gồm 8–64 chữ, số, - hoặc _.', 'The card token must be 8–64 letters, digits, - or _.');
    // A token, never the card number (PCI DSS): 13–19 digits look like a PAN and are refused outright.
    if (/^[0-9]{13,19}$/.test(key)) f.add('key', 'Không nhận số thẻ ngân hàng; chỉ nhận mã token.', 'A bank card number is not accepted; send the token only.');
    last4 = f.text('last4', input.last4, /^[0-9]{4}$/, '4 số cuối của thẻ phải là 4 chữ số.', 'The last 4 digits must be 4 digits.');
  } else if (kind === 'cccd') {
    const n = typeof input.cccdNumber === 'string' ? input.cccdNumber.trim() : '';
    if (!/^[0-9]{12}$/.test(n) || !PROVINCE_CODES.has(n.slice(0, 3))) f.add('cccdNumber', 'Số căn cước phải gồm 12 chữ số hợp lệ.', 'The citizen-ID number must be 12 valid digits.');
    else key = cccdMediaKey(cccdHashKey(platform.config), n);
  }
  f.check();
  return { kind: kind as MediumKind, key, last4 };
}

async function insertMedium(trx: RidersDb, accountId: number, m: { kind: MediumKind; key: string; last4: string | null }): Promise<Medium> {
  if (CARD_KINDS.includes(m.kind) && (await ridersRepo.activeCard(trx, accountId))) throw RiderErrors.ONE_CARD_ACTIVE();
  if (await ridersRepo.findMediumByKey(trx, m.kind, m.key)) throw RiderErrors.MEDIUM_TAKEN();
  try {
    return await trx.insertInto('transit_media').values({ account_id: accountId, kind: m.kind, media_key: m.key, last4: m.last4, replaced_by: null, status_changed_at: null }).returningAll().executeTakeFirstOrThrow();
  } catch (e) {
    // Two requests at once: the database's unique indexes decide, with the same errors as above.
    const { code } = pgError(e);
    if (code === '23505') throw String((e as Error).message).includes('one_card') ? RiderErrors.ONE_CARD_ACTIVE() : RiderErrors.MEDIUM_TAKEN();
    throw e;
  }
}

async function lockActiveAccount(trx: RidersDb, actor: Actor, accountId: number) {
  const account = Number.isSafeInteger(accountId) ? await ridersRepo.findAccount(trx, accountId, true) : undefined;
  if (!account) throw RiderErrors.ACCOUNT_NOT_FOUND();
  const user = requireOwnerOrOfficer(actor, account);
  if (account.status !== 'active') throw RiderErrors.ACCOUNT_BLOCKED();
  return { account, user };
}

/** Registers a medium on the account; the response never carries the stored key of a CCCD. */
export async function registerMedium(platform: Platform, actor: Actor, accountId: number, input: MediumInput): Promise<Omit<Medium, 'media_key'>> {
  const f = new Fields();
  const m = mediaKey(platform, f, input);
  return ridersDb(platform.database.db).transaction().execute(async (trx) => {
    const { account, user } = await lockActiveAccount(trx, actor, accountId);
    const medium = await insertMedium(trx, account.id, m);
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'transit.medium.register', entity: 'transit_medium', entityId: medium.id, data: { accountId: account.id, kind: m.kind, last4: m.last4 } });
    const { media_key: _hidden, ...shown } = medium;
    return shown;
  });
}

/** Blocks a medium or records it lost; either way it goes on the deny list in a new version. */
export async function blockMedium(platform: Platform, actor: Actor, mediumId: number, status: 'blocked' | 'lost'): Promise<void> {
  await ridersDb(platform.database.db).transaction().execute(async (trx) => {
    const medium = Number.isSafeInteger(mediumId) ? await ridersRepo.findMedium(trx, mediumId, true) : undefined;
    const account = medium && (await ridersRepo.findAccount(trx, medium.account_id, true));
    if (!medium || !account) throw RiderErrors.MEDIUM_NOT_FOUND();
    const user = requireOwnerOrOfficer(actor, account);
    if (medium.status !== 'active') throw RiderErrors.MEDIUM_BLOCKED();
    await ridersRepo.setMediumStatus(trx, medium.id, status);
    const version = await addToList(trx, 'deny', [{ kind: medium.kind, key: medium.media_key }], status, `medium ${status}`, user.id);
    await recordAudit(asPlatformDb(trx), { actor: user, action: `transit.medium.${status}`, entity: 'transit_medium', entityId: medium.id, data: { accountId: account.id, denyVersion: version } });
  });
}

/**
 * A lost card is blocked, a new card takes its place and the balance moves to it, in one transaction with one audit
 * row: the ledger shows the move out of the old card and into the new one, the old card goes on the deny list.
 */
export async function replaceLostCard(platform: Platform, actor: Actor, lostMediumId: number, input: MediumInput): Promise<{ mediumId: number; moved: number; denyVersion: number | null }> {
  const f = new Fields();
  const m = mediaKey(platform, f, input);
  if (!CARD_KINDS.includes(m.kind)) throw RiderErrors.NOT_A_CARD();
  return ridersDb(platform.database.db).transaction().execute(async (trx) => {
    const old = Number.isSafeInteger(lostMediumId) ? await ridersRepo.findMedium(trx, lostMediumId, true) : undefined;
    if (!old) throw RiderErrors.MEDIUM_NOT_FOUND();
    const { account, user } = await lockActiveAccount(trx, actor, old.account_id);
    if (!CARD_KINDS.includes(old.kind)) throw RiderErrors.NOT_A_CARD();
    if (old.replaced_by !== null) throw RiderErrors.MEDIUM_BLOCKED();
    // The old card leaves the active set first, so the one-card rule admits the new one.
    await ridersRepo.setMediumStatus(trx, old.id, 'lost');
    const fresh = await insertMedium(trx, account.id, m);
    await ridersRepo.setMediumStatus(trx, old.id, 'lost', fresh.id);
    const moved = await ridersRepo.balance(trx, account.id);
    if (moved > 0) {
      await ridersRepo.addLedger(trx, { account_id: account.id, medium_id: old.id, kind: 'transfer_out', amount: -moved, reference: `card ${fresh.id}`, created_by: user.id });
      await ridersRepo.addLedger(trx, { account_id: account.id, medium_id: fresh.id, kind: 'transfer_in', amount: moved, reference: `card ${old.id}`, created_by: user.id });
    }
    const denyVersion = await addToList(trx, 'deny', [{ kind: old.kind, key: old.media_key }], 'lost', 'card lost, replaced', user.id);
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'transit.medium.replace', entity: 'transit_medium', entityId: old.id, data: { accountId: account.id, newMediumId: fresh.id, moved, denyVersion } });
    return { mediumId: fresh.id, moved, denyVersion };
  });
}

/** The account a tapped medium identifies, for clearing; a blocked or lost medium is refused with a clear error. */
export async function accountOfMedium(platform: Platform, actor: Actor, kind: MediumKind, key: string): Promise<number> {
  requireClearing(actor);
  const db = ridersDb(platform.database.db);
  const medium = await ridersRepo.findMediumByKey(db, kind, kind === 'operator_card' ? key.toUpperCase() : key);
  if (!medium) throw RiderErrors.MEDIUM_NOT_FOUND();
  if (medium.status !== 'active') throw RiderErrors.MEDIUM_BLOCKED();
  const account = await ridersRepo.findAccount(db, medium.account_id);
  if (account?.status !== 'active') throw RiderErrors.ACCOUNT_BLOCKED();
  return account.id;
}
