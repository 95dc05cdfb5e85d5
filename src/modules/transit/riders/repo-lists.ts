// The deny and allow lists' tables (migrations/0047_transit_riders.sql): versions and the entries each one added or removed.
import { sql } from 'kysely';
import type { EntryReason, ListName, MediumKind, RidersDb } from './repo.ts';

export interface ListItem {
  kind: MediumKind;
  key: string;
}

const LOCK_KEY = 4_242_047;

export const listsRepo = {
  async currentVersion(db: RidersDb, list: ListName): Promise<number> {
    const r = await db.selectFrom('transit_list_versions').select((eb) => eb.fn.max<number | null>('version').as('v')).where('list', '=', list).executeTakeFirst();
    return Number(r?.v ?? 0);
  },
  /** A new version of the list; one writer per list at a time (a transaction-scoped advisory lock). */
  async newVersion(db: RidersDb, list: ListName, note: string, by: number | null): Promise<number> {
    await sql`select pg_advisory_xact_lock(${LOCK_KEY}, ${list === 'deny' ? 1 : 2})`.execute(db);
    const version = (await listsRepo.currentVersion(db, list)) + 1;
    await db.insertInto('transit_list_versions').values({ list, version, note, created_by: by }).execute();
    return version;
  },
  current: (db: RidersDb, list: ListName, item: ListItem) =>
    db.selectFrom('transit_list_entries').selectAll().where('list', '=', list).where('media_kind', '=', item.kind).where('media_key', '=', item.key).where('removed_version', 'is', null).executeTakeFirst(),
  add: (db: RidersDb, list: ListName, item: ListItem, reason: EntryReason, version: number) =>
    db.insertInto('transit_list_entries').values({ list, media_kind: item.kind, media_key: item.key, reason, added_version: version }).execute(),
  remove: (db: RidersDb, entryId: number, version: number) => db.updateTable('transit_list_entries').set({ removed_version: version }).where('id', '=', entryId).execute(),
  debtEntries: (db: RidersDb, keys: readonly string[]) =>
    keys.length === 0
      ? Promise.resolve([])
      : db.selectFrom('transit_list_entries').selectAll().where('list', '=', 'deny').where('reason', '=', 'debt').where('removed_version', 'is', null).where('media_key', 'in', [...keys]).execute(),

  /** Entries present at `version`. */
  at: (db: RidersDb, list: ListName, version: number) =>
    db
      .selectFrom('transit_list_entries')
      .select(['media_kind as kind', 'media_key as key'])
      .where('list', '=', list)
      .where('added_version', '<=', version)
      .where((eb) => eb.or([eb('removed_version', 'is', null), eb('removed_version', '>', version)]))
      .orderBy('id')
      .execute(),
  addedBetween: (db: RidersDb, list: ListName, after: number, upTo: number) =>
    db
      .selectFrom('transit_list_entries')
      .select(['media_kind as kind', 'media_key as key'])
      .where('list', '=', list)
      .where('added_version', '>', after)
      .where('added_version', '<=', upTo)
      .where((eb) => eb.or([eb('removed_version', 'is', null), eb('removed_version', '>', upTo)]))
      .orderBy('id')
      .execute(),
  removedBetween: (db: RidersDb, list: ListName, after: number, upTo: number) =>
    db
      .selectFrom('transit_list_entries')
      .select(['media_kind as kind', 'media_key as key'])
      .where('list', '=', list)
      .where('added_version', '<=', after)
      .where('removed_version', '>', after)
      .where('removed_version', '<=', upTo)
      .orderBy('id')
      .execute(),
};
