// The only code that touches the comments' tables (comments, comment_reports, comment_blocks).
import { sql, type Generated, type Kysely, type Selectable } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';

export type CommentStatus = 'pending' | 'published' | 'rejected' | 'hidden';

export type CommentsTable = {
  id: Generated<number>;
  site_id: number;
  article_id: number;
  name: string;
  phone: string | null;
  title: string;
  body: string;
  status: CommentStatus;
  reason: string | null;
  reports: Generated<number>;
  ip_hash: string;
  created_at: Generated<Date>;
  published_at: Date | null;
  decided_by: number | null;
  decided_at: Date | null;
};

export type CommentReportsTable = {
  comment_id: number;
  ip_hash: string;
  created_at: Generated<Date>;
};

export type CommentBlocksTable = {
  id: Generated<number>;
  site_id: number | null;
  phone: string | null;
  ip_hash: string | null;
  reason: string;
  created_by: number | null;
  created_by_label: string;
  created_at: Generated<Date>;
  lifted_at: Date | null;
  lifted_by: number | null;
};

export type CommentsTables = { comments: CommentsTable; comment_reports: CommentReportsTable; comment_blocks: CommentBlocksTable };
export type CommentsDb = Kysely<PlatformTables & CommentsTables>;
export type Comment = Selectable<CommentsTable>;
export type CommentBlock = Selectable<CommentBlocksTable>;

export function commentsDb(db: Kysely<PlatformTables>): CommentsDb {
  return db.withTables<CommentsTables>();
}

export const commentsRepo = {
  insert(db: CommentsDb, c: Pick<Comment, 'site_id' | 'article_id' | 'name' | 'phone' | 'title' | 'body' | 'status' | 'ip_hash' | 'published_at'>): Promise<Comment> {
    return db.insertInto('comments').values(c).returningAll().executeTakeFirstOrThrow();
  },
  find(db: CommentsDb, id: number): Promise<Comment | undefined> {
    return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
  },
  lock(db: CommentsDb, id: number): Promise<Comment | undefined> {
    return db.selectFrom('comments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },
  update(db: CommentsDb, id: number, v: Partial<Pick<Comment, 'name' | 'title' | 'body' | 'status' | 'reason' | 'reports' | 'published_at' | 'decided_by' | 'decided_at'>>): Promise<Comment> {
    return db.updateTable('comments').set(v).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },
  /** An article's published comments, oldest first. */
  published(db: CommentsDb, articleId: number, limit: number): Promise<Comment[]> {
    return db.selectFrom('comments').selectAll().where('article_id', '=', articleId).where('status', '=', 'published').orderBy('published_at').orderBy('id').limit(limit).execute();
  },
  countPublished(db: CommentsDb, articleId: number): Promise<number> {
    return db.selectFrom('comments').select(sql<number>`count(*)::int`.as('n')).where('article_id', '=', articleId).where('status', '=', 'published').executeTakeFirstOrThrow().then((r) => r.n);
  },
  /** What waits for a moderator on a site: new comments and hidden ones, oldest first. */
  queue(db: CommentsDb, siteId: number, limit: number): Promise<Comment[]> {
    return db.selectFrom('comments').selectAll().where('site_id', '=', siteId).where('status', 'in', ['pending', 'hidden']).orderBy('created_at').orderBy('id').limit(limit).execute();
  },
  recentPublished(db: CommentsDb, siteId: number, limit: number): Promise<Comment[]> {
    return db.selectFrom('comments').selectAll().where('site_id', '=', siteId).where('status', '=', 'published').orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  },
  countSite(db: CommentsDb, siteId: number): Promise<number> {
    return db.selectFrom('comments').select(sql<number>`count(*)::int`.as('n')).where('site_id', '=', siteId).executeTakeFirstOrThrow().then((r) => r.n);
  },
  /** The times of the comments sent since `since` by this address or phone number, oldest first (rate limits). */
  sentSince(db: CommentsDb, by: { ip_hash: string } | { phone: string }, since: Date): Promise<Date[]> {
    let q = db.selectFrom('comments').select('created_at').where('created_at', '>', since);
    q = 'phone' in by ? q.where('phone', '=', by.phone) : q.where('ip_hash', '=', by.ip_hash);
    return q.orderBy('created_at').execute().then((rows) => rows.map((r) => r.created_at));
  },

  /** One report per address per comment: false when this address had reported it already. */
  addReport(db: CommentsDb, commentId: number, ipHash: string): Promise<boolean> {
    return db
      .insertInto('comment_reports')
      .values({ comment_id: commentId, ip_hash: ipHash })
      .onConflict((oc) => oc.columns(['comment_id', 'ip_hash']).doNothing())
      .returning('comment_id')
      .executeTakeFirst()
      .then((r) => r !== undefined);
  },

  /** Whether a block in force on this site (or every site) names this phone number or address. */
  isBlocked(db: CommentsDb, siteId: number, phone: string | null, ipHash: string): Promise<boolean> {
    return db
      .selectFrom('comment_blocks')
      .select('id')
      .where('lifted_at', 'is', null)
      .where((eb) => eb.or([eb('site_id', '=', siteId), eb('site_id', 'is', null)]))
      .where((eb) => eb.or([eb('ip_hash', '=', ipHash), ...(phone ? [eb('phone', '=', phone)] : [])]))
      .executeTakeFirst()
      .then((r) => r !== undefined);
  },
  insertBlock(db: CommentsDb, b: Pick<CommentBlock, 'site_id' | 'phone' | 'ip_hash' | 'reason' | 'created_by' | 'created_by_label'>): Promise<CommentBlock> {
    return db.insertInto('comment_blocks').values(b).returningAll().executeTakeFirstOrThrow();
  },
  /** Blocks in force on a site, and those on every site. */
  activeBlocks(db: CommentsDb, siteId: number): Promise<CommentBlock[]> {
    return db
      .selectFrom('comment_blocks')
      .selectAll()
      .where('lifted_at', 'is', null)
      .where((eb) => eb.or([eb('site_id', '=', siteId), eb('site_id', 'is', null)]))
      .orderBy('created_at', 'desc')
      .execute();
  },
  lockBlock(db: CommentsDb, id: number): Promise<CommentBlock | undefined> {
    return db.selectFrom('comment_blocks').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },
  liftBlock(db: CommentsDb, id: number, by: number): Promise<void> {
    return db.updateTable('comment_blocks').set({ lifted_at: new Date(), lifted_by: by }).where('id', '=', id).execute().then(() => undefined);
  },
};
