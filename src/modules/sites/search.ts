// The portal's one search box (issue 12 "Search"): news, pages, announcements and direction documents of every site,
// and the procedures of the catalogue, accent- and typo-tolerant, with the catalogue's synonyms ("bằng lái xe" also
// finds "giấy phép lái xe"). An article matches when its full-text vector (title, summary, text; accents folded)
// holds every word of the query or of its synonym-expanded form (the last word also as a prefix); when nothing does,
// when its folded title is close to the query by trigram word similarity (a mistyped word: "tiem chung" for "tiêm
// chủng" needs nothing, "tiem chnug" needs this). See searchArticles for the ranking and its bound.
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

/** The most recent matches that are ranked; past them a reader is asked to narrow the search. */
export const MAX_CANDIDATES = 200;

function filters(p: PortalSearch, now: Date): RawBuilder<SqlBool>[] {
  const out: RawBuilder<SqlBool>[] = [sql<SqlBool>`a.status = 'published'`, sql<SqlBool>`a.publish_at <= ${now}`];
  if (p.siteId !== undefined) out.push(sql<SqlBool>`a.site_id = ${p.siteId}`);
  if (p.kind !== undefined && p.kind !== 'procedure') out.push(sql<SqlBool>`a.kind = ${p.kind}`);
  // Dates are days on the Vietnam clock (UTC+7), both ends included.
  if (p.from) out.push(sql<SqlBool>`a.publish_at >= (${p.from}::date::timestamp at time zone 'Asia/Ho_Chi_Minh')`);
  if (p.to) out.push(sql<SqlBool>`a.publish_at < ((${p.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')`);
  return out;
}

/** Every word; the last also as a prefix (the reader may not have finished it). [a-z0-9] only: safe in a tsquery. */
const allOf = (ws: readonly string[]): string => ws.map((w, i) => (i === ws.length - 1 ? `${w}:*` : w)).join(' & ');

type HitRow = { id: number; title: string; slug: string; summary: string; kind: ArticleKind; publish_at: Date; site_slug: string; site_name: string; site_name_en: string; total: number };

function hits(rows: HitRow[]): { total: number; items: ArticleHit[] } {
  const items = rows.map((r) => ({ id: Number(r.id), title: r.title, slug: r.slug, summary: r.summary, kind: r.kind, publishAt: r.publish_at, siteSlug: r.site_slug, siteName: r.site_name, siteNameEn: r.site_name_en }));
  return { total: rows[0]?.total ?? 0, items };
}

/**
 * Full text first: the newest MAX_CANDIDATES matches of the typed words or of their synonym-expanded form, ranked by
 * full-text rank (title words weigh most) and title similarity. A bound on the work whatever the words: a word found
 * in every article costs the same as a rare one. When the words match nothing (a typo), titles close to the query by
 * trigram word similarity (pg_trgm) are found instead.
 */
async function searchArticles(db: SitesDb, p: PortalSearch, typed: string[], expanded: string[], key: string, now: Date): Promise<{ total: number; items: ArticleHit[] }> {
  const conds = filters(p, now);
  const offset = (p.page - 1) * SEARCH_PAGE;
  const queries = [allOf(typed), ...(expanded.join(' ') !== typed.join(' ') ? [allOf(expanded)] : [])].filter((x) => x !== '');
  // The candidates are found by the indexes and the row's date alone; only they are read whole and ranked (the
  // search vector is large: reading it for every match would cost more than the search).
  const select = (where: RawBuilder<SqlBool>[], rank: RawBuilder<number>) => sql<HitRow>`
    with c as (
      select a.id from articles a where ${sql.join(where, sql` and `)}
      order by a.publish_at desc, a.id desc limit ${MAX_CANDIDATES}),
    r as (
      select a.id, a.title, a.slug, a.summary, a.kind, a.publish_at, a.site_id, ${rank} as rank
      from c join articles a on a.id = c.id)
    select r.id, r.title, r.slug, r.summary, r.kind, r.publish_at, s.slug as site_slug, s.name as site_name, s.name_en as site_name_en,
      count(*) over ()::int as total
    from r join sites s on s.id = r.site_id
    order by r.rank desc, r.publish_at desc, r.id desc
    limit ${SEARCH_PAGE} offset ${offset}`;
  if (queries.length === 0) return hits((await select(conds, sql<number>`0`).execute(db)).rows);
  const match = sql<SqlBool>`(${sql.join(queries.map((q) => sql`a.search_tsv @@ to_tsquery('vn', ${q})`), sql` or `)})`;
  const rank = sql<number>`ts_rank_cd(a.search_tsv, to_tsquery('vn', ${queries[0]})) * 2 + word_similarity(${key}, a.title_key)`;
  const found = hits((await select([...conds, match], rank).execute(db)).rows);
  if (found.total > 0 || p.page > 1) return found;
  // pg_trgm's threshold for %> is a setting of the session: set for this transaction only.
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(TITLE_SIMILARITY)}, true)`.execute(trx);
    return hits((await select([...conds, sql<SqlBool>`a.title_key %> ${key}`], sql<number>`word_similarity(${key}, a.title_key)`).execute(trx)).rows);
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
