// The only code that touches the portal's tables (sites, categories, articles, revisions).
import { sql, type Generated, type Kysely, type Selectable } from 'kysely';
import type { PlatformTables, Timestamp } from '../../platform/db/index.ts';

export type SiteKind = 'city' | 'agency' | 'ward';
export type ArticleKind = 'news' | 'page' | 'announcement' | 'direction';
export type ArticleStatus = 'draft' | 'review' | 'published' | 'unpublished';

export type SitesTable = {
  id: Generated<number>;
  slug: string;
  agency_id: number | null;
  kind: SiteKind;
  name: string;
  name_en: Generated<string>;
  pre_moderation: Generated<boolean>;
  /** Reports that hide a published comment until a moderator decides (migration 0030). */
  comment_report_threshold: Generated<number>;
  created_at: Generated<Date>;
};

export type SiteCategoriesTable = {
  id: Generated<number>;
  site_id: number;
  slug: string;
  name: string;
  name_en: Generated<string>;
  position: Generated<number>;
};

export type ArticlesTable = {
  id: Generated<number>;
  site_id: number;
  kind: ArticleKind;
  slug: string;
  title: string;
  summary: Generated<string>;
  body_html: Generated<string>;
  /** The body's plain text (platform/text/rich-text.ts), for the search vector. */
  body_text: Generated<string>;
  category_id: number | null;
  tags: Generated<string[]>;
  featured: Generated<boolean>;
  status: ArticleStatus;
  publish_at: Timestamp | null;
  document_no: string | null;
  document_date: string | null;
  signer: string | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type ArticleRevisionsTable = {
  id: Generated<number>;
  article_id: number;
  version: number;
  title: string;
  summary: string;
  body_html: string;
  status: string;
  actor_id: number | null;
  actor_label: string;
  note: Generated<string>;
  created_at: Generated<Date>;
};

export type ArticleWordsTable = {
  word: string;
  articles: Generated<number>;
};

export type SitesTables = {
  article_words: ArticleWordsTable;
  sites: SitesTable;
  site_categories: SiteCategoriesTable;
  articles: ArticlesTable;
  article_revisions: ArticleRevisionsTable;
};

export type SitesDb = Kysely<PlatformTables & SitesTables>;
export type Site = Selectable<SitesTable>;
export type Category = Selectable<SiteCategoriesTable>;
export type Article = Selectable<ArticlesTable>;
export type Revision = Selectable<ArticleRevisionsTable>;
export type ArticleValues = Pick<Article, 'kind' | 'slug' | 'title' | 'summary' | 'body_html' | 'body_text' | 'category_id' | 'tags' | 'featured' | 'document_no' | 'document_date' | 'signer'>;

/** An article's columns (not the search vector and key, which only the search reads). */
export const ARTICLE_COLUMNS = [
  'id', 'site_id', 'kind', 'slug', 'title', 'summary', 'body_html', 'body_text', 'category_id', 'tags', 'featured', 'status',
  'publish_at', 'document_no', 'document_date', 'signer', 'version', 'created_by', 'created_at', 'updated_at',
] as const satisfies readonly (keyof ArticlesTable)[];

export function sitesDb(db: Kysely<PlatformTables>): SitesDb {
  return db.withTables<SitesTables>();
}

export interface ListFilter {
  siteId?: number | undefined;
  kind?: ArticleKind | undefined;
  categoryId?: number | undefined;
  featured?: boolean | undefined;
  limit: number;
  offset?: number | undefined;
}

export const sitesRepo = {
  listSites(db: SitesDb): Promise<Site[]> {
    // The city first, then the agencies in the order of data/agencies, then the communes and wards.
    return db.selectFrom('sites').selectAll().orderBy(sql`case kind when 'city' then 0 when 'agency' then 1 else 2 end`).orderBy('id').execute();
  },
  findSiteBySlug(db: SitesDb, slug: string): Promise<Site | undefined> {
    return db.selectFrom('sites').selectAll().where('slug', '=', slug).executeTakeFirst();
  },
  findSiteById(db: SitesDb, id: number): Promise<Site | undefined> {
    return db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findSiteByAgency(db: SitesDb, agencyId: number): Promise<Site | undefined> {
    return db.selectFrom('sites').selectAll().where('agency_id', '=', agencyId).executeTakeFirst();
  },
  slugTaken(db: SitesDb, slug: string): Promise<boolean> {
    return db.selectFrom('sites').select('id').where('slug', '=', slug).executeTakeFirst().then((r) => r !== undefined);
  },
  /** Many sites in one statement (in the order given); those whose address or agency is taken are skipped. */
  insertSites(db: SitesDb, rows: { slug: string; agency_id: number | null; kind: SiteKind; name: string; name_en: string }[]): Promise<Site[]> {
    return rows.length === 0 ? Promise.resolve([]) : db.insertInto('sites').values(rows).onConflict((oc) => oc.doNothing()).returningAll().execute();
  },

  setCommentSettings(db: SitesDb, siteId: number, v: { pre_moderation: boolean; comment_report_threshold: number }): Promise<Site> {
    return db.updateTable('sites').set(v).where('id', '=', siteId).returningAll().executeTakeFirstOrThrow();
  },

  categories(db: SitesDb, siteId: number): Promise<Category[]> {
    return db.selectFrom('site_categories').selectAll().where('site_id', '=', siteId).orderBy('position').orderBy('id').execute();
  },
  insertCategories(db: SitesDb, rows: { site_id: number; slug: string; name: string; name_en: string; position: number }[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return db.insertInto('site_categories').values(rows).onConflict((oc) => oc.columns(['site_id', 'slug']).doNothing()).execute().then(() => undefined);
  },

  /** Published articles whose time has come, newest first. */
  listPublished(db: SitesDb, now: Date, f: ListFilter): Promise<Article[]> {
    let q = db.selectFrom('articles').select(ARTICLE_COLUMNS).where('status', '=', 'published').where('publish_at', '<=', now);
    if (f.siteId !== undefined) q = q.where('site_id', '=', f.siteId);
    if (f.kind !== undefined) q = q.where('kind', '=', f.kind);
    if (f.categoryId !== undefined) q = q.where('category_id', '=', f.categoryId);
    if (f.featured !== undefined) q = q.where('featured', '=', f.featured);
    return q.orderBy('publish_at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset ?? 0).execute();
  },
  countPublished(db: SitesDb, now: Date, f: Omit<ListFilter, 'limit' | 'offset'>): Promise<number> {
    let q = db.selectFrom('articles').select(sql<number>`count(*)::int`.as('n')).where('status', '=', 'published').where('publish_at', '<=', now);
    if (f.siteId !== undefined) q = q.where('site_id', '=', f.siteId);
    if (f.kind !== undefined) q = q.where('kind', '=', f.kind);
    if (f.categoryId !== undefined) q = q.where('category_id', '=', f.categoryId);
    return q.executeTakeFirstOrThrow().then((r) => r.n);
  },
  findBySlug(db: SitesDb, siteId: number, slug: string): Promise<Article | undefined> {
    return db.selectFrom('articles').select(ARTICLE_COLUMNS).where('site_id', '=', siteId).where('slug', '=', slug).executeTakeFirst();
  },
  /** Titles and addresses of the site's articles with these ids (for lists that name an article). */
  titlesByIds(db: SitesDb, siteId: number, ids: readonly number[]): Promise<Pick<Article, 'id' | 'slug' | 'title'>[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('articles').select(['id', 'slug', 'title']).where('site_id', '=', siteId).where('id', 'in', ids).execute();
  },
  findById(db: SitesDb, id: number): Promise<Article | undefined> {
    return db.selectFrom('articles').select(ARTICLE_COLUMNS).where('id', '=', id).executeTakeFirst();
  },
  lock(db: SitesDb, id: number): Promise<Article | undefined> {
    return db.selectFrom('articles').select(ARTICLE_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
  },
  /** The editors' list: every article of the site, latest change first. */
  listForEditors(db: SitesDb, siteId: number, limit: number): Promise<Article[]> {
    return db.selectFrom('articles').select(ARTICLE_COLUMNS).where('site_id', '=', siteId).orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  },
  slugUsed(db: SitesDb, siteId: number, slug: string, exceptId?: number): Promise<boolean> {
    let q = db.selectFrom('articles').select('id').where('site_id', '=', siteId).where('slug', '=', slug);
    if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
    return q.executeTakeFirst().then((r) => r !== undefined);
  },
  insertArticle(db: SitesDb, a: ArticleValues & { site_id: number; status: 'draft'; created_by: number | null }): Promise<Article> {
    return db.insertInto('articles').values(a).returning(ARTICLE_COLUMNS).executeTakeFirstOrThrow();
  },
  updateArticle(db: SitesDb, id: number, a: Partial<ArticleValues> & { status?: Article['status']; publish_at?: Date | null; version: number }): Promise<Article> {
    return db.updateTable('articles').set({ ...a, updated_at: new Date() }).where('id', '=', id).returning(ARTICLE_COLUMNS).executeTakeFirstOrThrow();
  },
  /** Demo data only: an article's state and times as if it had been written and published then. */
  backdate(db: SitesDb, id: number, v: { status: ArticleStatus; publish_at: Date | null; at: Date }): Promise<void> {
    return db.updateTable('articles').set({ status: v.status, publish_at: v.publish_at, created_at: v.at, updated_at: v.at }).where('id', '=', id).execute().then(() => undefined);
  },
  insertRevision(db: SitesDb, r: Omit<Revision, 'id' | 'created_at'>): Promise<void> {
    return db.insertInto('article_revisions').values(r).execute().then(() => undefined);
  },
  revisions(db: SitesDb, articleId: number): Promise<Revision[]> {
    return db.selectFrom('article_revisions').selectAll().where('article_id', '=', articleId).orderBy('version', 'desc').execute();
  },
  /** The published articles' words (search_tsv's lexemes) and how many articles use each. */
  async words(db: SitesDb): Promise<Map<string, number>> {
    const rows = await db.selectFrom('article_words').select(['word', 'articles']).execute();
    return new Map(rows.map((r) => [r.word, r.articles]));
  },
  /**
   * Adds the words of these published articles to the vocabulary (`ids`), or recounts it from every published article
   * ('all': after a bulk load). A word an article loses stays: the vocabulary only suggests corrections.
   */
  async addWords(db: SitesDb, ids: readonly number[] | 'all'): Promise<void> {
    if (ids !== 'all' && ids.length === 0) return;
    const which = ids === 'all' ? sql`status = 'published'` : sql`id = any(${[...ids]}::bigint[]) and status = 'published'`;
    const onConflict = ids === 'all' ? sql`articles = excluded.articles` : sql`articles = article_words.articles + excluded.articles`;
    await sql`insert into article_words (word, articles)
      select word, count(*)::int from (select unnest(tsvector_to_array(search_tsv)) as word from articles where ${which}) w group by word
      on conflict (word) do update set ${onConflict}`.execute(db);
  },
  /** Every published article's address and last change, for sitemap.xml. */
  sitemapEntries(db: SitesDb, now: Date, limit: number): Promise<{ site_slug: string; slug: string; updated_at: Date }[]> {
    return db
      .selectFrom('articles')
      .innerJoin('sites', 'sites.id', 'articles.site_id')
      .select(['sites.slug as site_slug', 'articles.slug', 'articles.updated_at'])
      .where('articles.status', '=', 'published')
      .where('articles.publish_at', '<=', now)
      .orderBy('articles.publish_at', 'desc')
      .limit(limit)
      .execute();
  },
};
