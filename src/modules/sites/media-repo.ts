// The only code that touches the portal's media tables (site_media, site_media_blobs).
import type { Generated, Kysely, Selectable } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { SitesTables } from './repo.ts';

export type SiteMediaTable = {
  id: Generated<number>;
  site_id: number;
  article_id: number | null;
  kind: 'image' | 'file';
  name: string;
  mime: string;
  size: number;
  alt: Generated<string>;
  width: number | null;
  height: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
};

export type SiteMediaBlobsTable = {
  media_id: number;
  variant: string;
  mime: string;
  bytes: Buffer;
};

export type MediaTables = { site_media: SiteMediaTable; site_media_blobs: SiteMediaBlobsTable };
export type Media = Selectable<SiteMediaTable>;

export type MediaDb = Kysely<PlatformTables & SitesTables & MediaTables>;

export const mediaDb = (db: Kysely<PlatformTables>): MediaDb => db.withTables<SitesTables & MediaTables>();

export const mediaRepo = {
  async insert(db: MediaDb, m: Omit<Media, 'id' | 'created_at'>, blobs: { variant: string; mime: string; bytes: Buffer }[]): Promise<Media> {
    const row = await db.insertInto('site_media').values(m).returningAll().executeTakeFirstOrThrow();
    for (const b of blobs) await db.insertInto('site_media_blobs').values({ media_id: row.id, ...b }).execute();
    return row;
  },
  ofArticle(db: MediaDb, articleId: number): Promise<Media[]> {
    return db.selectFrom('site_media').selectAll().where('article_id', '=', articleId).orderBy('id').execute();
  },
  find(db: MediaDb, id: number): Promise<Media | undefined> {
    return db.selectFrom('site_media').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async remove(db: MediaDb, id: number): Promise<void> {
    await db.deleteFrom('site_media_blobs').where('media_id', '=', id).execute();
    await db.deleteFrom('site_media').where('id', '=', id).execute();
  },
  blob(db: MediaDb, id: number, variant: string): Promise<{ mime: string; bytes: Buffer } | undefined> {
    return db.selectFrom('site_media_blobs').select(['mime', 'bytes']).where('media_id', '=', id).where('variant', '=', variant).executeTakeFirst();
  },
};
