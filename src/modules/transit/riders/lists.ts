// Deny and allow lists for validators (TRANSPORT.md §2): validators decide offline from cached lists, so every change
// is a new version; a validator at version N asks for the delta since N, or the full list. The media of an account
// whose day's charge was declined (a bank card) or not covered (a stored-value balance) go on the deny list; after
// payment they come off within 1 hour (§2) — clearDebt() removes them at once in a new version, and validators poll
// at least hourly.
import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/auth/access.ts';
import type { PlatformTables } from '../../../platform/db/index.ts';
import { recordAudit } from '../../../platform/audit/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { requireClearing } from './access.ts';
import { RiderErrors } from './errors.ts';
import { type ListItem, listsRepo } from './repo-lists.ts';
import { asPlatformDb, type EntryReason, type ListName, type RidersDb, ridersDb, ridersRepo } from './repo.ts';

export type { ListItem };
export interface ListDelta {
  list: ListName;
  since: number;
  version: number;
  added: ListItem[];
  removed: ListItem[];
}

/** Puts items on a list in one new version (inside the caller's transaction); items already there are left as they are. */
export async function addToList(trx: RidersDb, list: ListName, items: readonly ListItem[], reason: EntryReason, note: string, by: number | null): Promise<number | null> {
  const fresh: ListItem[] = [];
  for (const item of items) if (!(await listsRepo.current(trx, list, item))) fresh.push(item);
  if (fresh.length === 0) return null;
  const version = await listsRepo.newVersion(trx, list, note, by);
  for (const item of fresh) await listsRepo.add(trx, list, item, reason, version);
  return version;
}

/** Takes entries off a list in one new version (inside the caller's transaction). */
export async function removeFromList(trx: RidersDb, list: ListName, entryIds: readonly number[], note: string, by: number | null): Promise<number | null> {
  if (entryIds.length === 0) return null;
  const version = await listsRepo.newVersion(trx, list, note, by);
  for (const id of entryIds) await listsRepo.remove(trx, id, version);
  return version;
}

function parseList(list: unknown): ListName {
  if (list === 'deny' || list === 'allow') return list;
  throw RiderErrors.INVALID({ fields: [{ field: 'list', message: { vi: 'Danh sách phải là deny hoặc allow.', en: 'The list must be deny or allow.' } }] });
}

/** What changed since version `since` (0: everything); a version from the future is refused. */
export async function listDelta(platform: Platform, actor: Actor, rawList: unknown, since: number): Promise<ListDelta> {
  requireClearing(actor);
  const list = parseList(rawList);
  const db = ridersDb(platform.database.db);
  const version = await listsRepo.currentVersion(db, list);
  if (!Number.isSafeInteger(since) || since < 0 || since > version) {
    throw RiderErrors.INVALID({ fields: [{ field: 'since', message: { vi: `Phiên bản phải từ 0 đến ${version}.`, en: `The version must be between 0 and ${version}.` } }] });
  }
  const added = await listsRepo.addedBetween(db, list, since, version);
  const addedKeys = new Set(added.map((a) => `${a.kind}:${a.key}`));
  // A key removed and added again since N is simply present: the validator needs only the addition.
  const removed = (await listsRepo.removedBetween(db, list, since, version)).filter((r) => !addedKeys.has(`${r.kind}:${r.key}`));
  return { list, since, version, added, removed };
}

/** The whole list at its latest version. */
export async function fullList(platform: Platform, actor: Actor, rawList: unknown): Promise<{ list: ListName; version: number; items: ListItem[] }> {
  requireClearing(actor);
  const list = parseList(rawList);
  const db = ridersDb(platform.database.db);
  const version = await listsRepo.currentVersion(db, list);
  return { list, version, items: await listsRepo.at(db, list, version) };
}

/** The account's media: those in use (`active`) when it falls into debt, all of them when the debt is cleared. */
async function mediaInDebt(trx: RidersDb, accountId: number, which: 'active' | 'all') {
  const account = await ridersRepo.findAccount(trx, accountId, true);
  if (!account) throw RiderErrors.ACCOUNT_NOT_FOUND();
  const media = await ridersRepo.mediaOf(trx, account.id);
  return { account, cards: which === 'all' ? media : media.filter((m) => m.status === 'active') };
}

/**
 * The day's charge was declined, or the balance did not cover it (§2): every medium the account travels with goes on
 * the deny list (a bank card, and the operator card or app QR of a stored-value account alike), so the debt cannot grow.
 */
export async function denyForDebt(platform: Platform, actor: Actor, accountId: number, within?: Kysely<PlatformTables>): Promise<number | null> {
  const user = requireClearing(actor);
  const run = async (trx: RidersDb) => {
    const { account, cards } = await mediaInDebt(trx, accountId, 'active');
    const version = await addToList(trx, 'deny', cards.map((c) => ({ kind: c.kind, key: c.media_key })), 'debt', 'charge declined', user.id);
    if (version !== null) await recordAudit(asPlatformDb(trx), { actor: user, action: 'transit.list.deny_debt', entity: 'transit_account', entityId: account.id, data: { version, media: cards.map((c) => c.id) } });
    return version;
  };
  // `within`: the caller's transaction (a chunk of the day's pricing), so the debt and the deny list are saved together.
  return within ? run(ridersDb(within)) : ridersDb(platform.database.db).transaction().execute(run);
}

/** The debt is paid: the account's media denied for debt come off the deny list in a new version. */
export async function clearDebt(platform: Platform, actor: Actor, accountId: number): Promise<number> {
  const user = requireClearing(actor);
  return ridersDb(platform.database.db).transaction().execute(async (trx) => {
    const { account, cards } = await mediaInDebt(trx, accountId, 'all');
    const entries = await listsRepo.debtEntries(trx, cards.map((c) => c.media_key));
    const version = await removeFromList(trx, 'deny', entries.map((e) => e.id), 'debt paid', user.id);
    if (version === null) throw RiderErrors.NOT_IN_DEBT();
    await recordAudit(asPlatformDb(trx), { actor: user, action: 'transit.list.clear_debt', entity: 'transit_account', entityId: account.id, data: { version, entries: entries.length } });
    return version;
  });
}

/** The keys a version added and removed (what "version N" means to an operator reading the history). */
export async function versionChanges(platform: Platform, actor: Actor, rawList: unknown, version: number): Promise<{ added: ListItem[]; removed: ListItem[] }> {
  requireClearing(actor);
  const list = parseList(rawList);
  const db = ridersDb(platform.database.db);
  return { added: await listsRepo.addedBetween(db, list, version - 1, version), removed: await listsRepo.removedBetween(db, list, version - 1, version) };
}
