// The portal's one search box (issue 12 "Search"): news, pages, announcements and direction documents of every site,
// and the procedures of the catalogue, accent- and typo-tolerant, with the catalogue's synonyms ("bằng lái xe" also
// finds "giấy phép lái xe"). An article matches when its full-text vector (title, summary, text; accents folded)
// holds every word of the query or of its synonym-expanded form (each word also as a prefix), or when its folded title
// is close to the query by trigram word similarity (a mistyped word: "tiem chung" for "tiêm chủng" needs nothing,
// "tiem chnug" needs this). Ranked by full-text rank (title words weigh most) plus title similarity, then newest.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Platform } from '../../platform/http/context.ts';
import { searchKey } from '../../platform/text/index.ts';
import { expandWithSynonyms, searchProcedures, type SearchResult } from '../procedures/index.ts';
import { type ArticleKind, type SitesDb, sitesDb } from './repo.ts';

export const SEARCH_PAGE = 10;
const MAX_WORDS = 10;
/** Trigram word similarity a title must reach to match a mistyped query (pg_trgm's default is 0.6). */
const TITLE_SIMILARITY = 0.5;

export interface PortalSearch {
  q: string;
  siteId?: number | undefined;
  /** An article kind, or 'procedure' for the catalogue only. */
  kind?: ArticleKind | 'procedure' | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
}

export interface ArticleHit {
  id: number;
  title: string;
  slug: string;
  summary: string;
  kind: ArticleKind;
  publishAt: Date;
  siteSlug: string;
  siteName: string;
  siteNameEn: string;
}

export interface PortalResults {
  total: number;
  articles: ArticleHit[];
  procedures: SearchResult | undefined;
  expanded: { term: string; expansion: string }[];
}

const words = (key: string): string[] => [...new Set(key.split(/[^a-z0-9]+/).filter((w) => w !== ''))].slice(0, MAX_WORDS);

/** Every word, as a prefix too: [a-z0-9] only, so safe inside a tsquery. */
const allOf = (ws: readonly string[]): string => ws.map((w) => `${w}:*`).join(' & ');

function where(p: PortalSearch, typed: string[], expanded: string[], key: string, now: Date): RawBuilder<SqlBool>[] {
  const out: RawBuilder<SqlBool>[] = [sql<SqlBool>`a.status = 'published'`, sql<SqlBool>`a.publish_at <= ${now}`];
  const queries = [allOf(typed), ...(expanded.join(' ') !== typed.join(' ') ? [allOf(expanded)] : [])].filter((x) => x !== '');
  if (queries.length > 0) {
    const text = queries.map((q) => sql<SqlBool>`a.search_tsv @@ to_tsquery('vn', ${q})`);
    out.push(sql<SqlBool>`(${sql.join([...text, sql<SqlBool>`a.title_key %> ${key}`], sql` or `)})`);
  }
  if (p.siteId !== undefined) out.push(sql<SqlBool>`a.site_id = ${p.siteId}`);
  if (p.kind !== undefined && p.kind !== 'procedure') out.push(sql<SqlBool>`a.kind = ${p.kind}`);
  // Dates are days on the Vietnam clock (UTC+7), both ends included.
  if (p.from) out.push(sql<SqlBool>`a.publish_at >= (${p.from}::date::timestamp at time zone 'Asia/Ho_Chi_Minh')`);
  if (p.to) out.push(sql<SqlBool>`a.publish_at < ((${p.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')`);
  return out;
}

async function searchArticles(db: SitesDb, p: PortalSearch, typed: string[], expanded: string[], key: string, now: Date): Promise<{ total: number; items: ArticleHit[] }> {
  const conds = sql.join(where(p, typed, expanded, key, now), sql` and `);
  const tsq = allOf(typed.length > 0 ? typed : expanded);
  const rank = tsq === '' ? sql`0` : sql`ts_rank_cd(a.search_tsv, to_tsquery('vn', ${tsq})) * 2 + word_similarity(${key}, a.title_key)`;
  const offset = (p.page - 1) * SEARCH_PAGE;
  // pg_trgm's threshold for %> is a setting of the session: set for this statement's transaction only.
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(TITLE_SIMILARITY)}, true)`.execute(trx);
    const rows = await sql<{ id: number; title: string; slug: string; summary: string; kind: ArticleKind; publish_at: Date; site_slug: string; site_name: string; site_name_en: string; total: number }>`
      select a.id, a.title, a.slug, a.summary, a.kind, a.publish_at, s.slug as site_slug, s.name as site_name, s.name_en as site_name_en,
        count(*) over ()::int as total
      from articles a join sites s on s.id = a.site_id
      where ${conds}
      order by ${rank} desc, a.publish_at desc, a.id desc
      limit ${SEARCH_PAGE} offset ${offset}`.execute(trx);
    const items = rows.rows.map((r) => ({ id: Number(r.id), title: r.title, slug: r.slug, summary: r.summary, kind: r.kind, publishAt: r.publish_at, siteSlug: r.site_slug, siteName: r.site_name, siteNameEn: r.site_name_en }));
    return { total: rows.rows[0]?.total ?? 0, items };
  });
}

export async function portalSearch(platform: Platform, p: PortalSearch, now = new Date()): Promise<PortalResults> {
  const db = platform.database.db;
  const key = searchKey(p.q);
  const { key: expandedKey, expanded } = key === '' ? { key: '', expanded: [] } : await expandWithSynonyms(db, p.q);
  const typed = words(key);
  const wide = words(expandedKey);
  const wantArticles = p.kind !== 'procedure';
  // Procedures belong to no site and have no publication date: they are searched when no such filter is set.
  const wantProcedures = key !== '' && p.siteId === undefined && !p.from && !p.to && (p.kind === undefined || p.kind === 'procedure');
  const [articles, procedures] = await Promise.all([
    wantArticles && (key !== '' || p.siteId !== undefined || p.kind !== undefined) ? searchArticles(sitesDb(db), p, typed, wide, key, now) : { total: 0, items: [] },
    wantProcedures ? searchProcedures(db, { q: p.q, limit: p.kind === 'procedure' ? SEARCH_PAGE : 5, offset: p.kind === 'procedure' ? (p.page - 1) * SEARCH_PAGE : 0 }) : undefined,
  ]);
  return { total: articles.total, articles: articles.items, procedures, expanded };
}
