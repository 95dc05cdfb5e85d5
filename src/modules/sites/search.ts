// The portal's one search box (issue 12 "Search"): news, pages, announcements and direction documents of every site,
// and the procedures of the catalogue, accent- and typo-tolerant, with the catalogue's synonyms ("bằng lái xe" also
// finds "giấy phép lái xe"). An article matches when its full-text vector (title, summary, text; accents folded)
// holds every word of the query or of its synonym-expanded form (the last, when it is no word of its own, as the start
// of one: the reader may not have finished it). A word no published
// article uses is taken for a typo and replaced by the nearest words of the published articles' vocabulary (one edit
// for words up to five letters, two beyond: "tiem chnug" finds "tiêm chủng"; "tiem chung" needs nothing, accents are
// folded). See searchArticles for the ranking and its bound.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Platform } from '../../platform/http/context.ts';
import { searchKey } from '../../platform/text/index.ts';
import { expandWithSynonyms, searchProcedures, type SearchResult } from '../procedures/index.ts';
import { nearestWords } from '../../platform/text/spelling.ts';
import { type ArticleKind, type SitesDb, sitesDb, sitesRepo } from './repo.ts';

export const SEARCH_PAGE = 10;
const MAX_WORDS = 10;
/** How long a process keeps the vocabulary before reading it again (its own publications refresh it at once). */
const VOCABULARY_MS = 60_000;

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

const vocabularies = new WeakMap<Platform, { words: Map<string, number>; until: number }>();

/** The published articles' words (accent-folded) and how many articles use each, kept a minute per process. */
async function vocabulary(platform: Platform): Promise<Map<string, number>> {
  const hit = vocabularies.get(platform);
  if (hit && hit.until > Date.now()) return hit.words;
  const words = await sitesRepo.words(sitesDb(platform.database.db));
  vocabularies.set(platform, { words, until: Date.now() + VOCABULARY_MS });
  return words;
}

/** After a publication in this process: its words count at once. */
export function forgetVocabulary(platform: Platform): void {
  vocabularies.delete(platform);
}

/** A query word as the tsquery holds it: itself, the last as a prefix, or a typo's nearest words; [a-z0-9] only. */
interface Term {
  text: string;
  correction?: { term: string; expansion: string };
}

function termOf(word: string, last: boolean, vocab: ReadonlyMap<string, number>): Term {
  if (vocab.has(word) || vocab.size === 0) return { text: word };
  if (last) {
    // The reader may not have finished the last word: a prefix of known words is not a typo.
    for (const w of vocab.keys()) if (w.startsWith(word)) return { text: `${word}:*` };
  }
  const near = nearestWords(word, vocab);
  if (near.length === 0) return { text: word };
  return { text: `(${[word, ...near.map((n) => n.word)].join(' | ')})`, correction: { term: word, expansion: near.map((n) => n.word).join(' / ') } };
}

function queryOf(ws: readonly string[], vocab: ReadonlyMap<string, number>): { text: string; corrections: { term: string; expansion: string }[] } {
  const terms = ws.map((w, i) => termOf(w, i === ws.length - 1, vocab));
  return { text: terms.map((t) => t.text).join(' & '), corrections: terms.flatMap((t) => (t.correction ? [t.correction] : [])) };
}

type HitRow = { id: number; title: string; slug: string; summary: string; kind: ArticleKind; publish_at: Date; site_slug: string; site_name: string; site_name_en: string; total: number };

function hits(rows: HitRow[]): { total: number; items: ArticleHit[] } {
  const items = rows.map((r) => ({ id: Number(r.id), title: r.title, slug: r.slug, summary: r.summary, kind: r.kind, publishAt: r.publish_at, siteSlug: r.site_slug, siteName: r.site_name, siteNameEn: r.site_name_en }));
  return { total: rows[0]?.total ?? 0, items };
}

/**
 * The newest MAX_CANDIDATES matches of the queries (the typed words, and their synonym-expanded form), ranked by
 * the cover density of the words in the title (weighing most) and the summary, then a little by their presence in the
 * whole text. A bound on the work whatever the words: a word found in every article costs the same as a rare one.
 */
async function searchArticles(db: SitesDb, p: PortalSearch, queries: readonly string[], now: Date): Promise<{ total: number; items: ArticleHit[] }> {
  const conds = filters(p, now);
  const offset = (p.page - 1) * SEARCH_PAGE;
  const match = queries.length === 0 ? [] : [sql<SqlBool>`(${sql.join(queries.map((q) => sql`a.search_tsv @@ to_tsquery('vn', ${q})`), sql` or `)})`];
  const rank = queries.length === 0 ? sql<number>`0` : sql<number>`ts_rank_cd(a.rank_tsv, to_tsquery('vn', ${queries[0]})) + ts_rank(a.search_tsv, to_tsquery('vn', ${queries[0]})) / 10`;
  // The candidates are found by the indexes and the row's date alone; only they are read whole and ranked (the
  // search vector is large: reading it for every match would cost more than the search).
  const rows = await sql<HitRow>`
    with c as (
      select a.id from articles a where ${sql.join([...conds, ...match], sql` and `)}
      order by a.publish_at desc, a.id desc limit ${MAX_CANDIDATES}),
    r as (
      select a.id, a.title, a.slug, a.summary, a.kind, a.publish_at, a.site_id, ${rank} as rank
      from c join articles a on a.id = c.id)
    select r.id, r.title, r.slug, r.summary, r.kind, r.publish_at, s.slug as site_slug, s.name as site_name, s.name_en as site_name_en,
      count(*) over ()::int as total
    from r join sites s on s.id = r.site_id
    order by r.rank desc, r.publish_at desc, r.id desc
    limit ${SEARCH_PAGE} offset ${offset}`.execute(db);
  return hits(rows.rows);
}

export async function portalSearch(platform: Platform, p: PortalSearch, now = new Date()): Promise<PortalResults> {
  const db = platform.database.db;
  const key = searchKey(p.q);
  const { key: expandedKey, expanded } = key === '' ? { key: '', expanded: [] } : await expandWithSynonyms(db, p.q);
  const wantArticles = p.kind !== 'procedure';
  const vocab = wantArticles && key !== '' ? await vocabulary(platform) : new Map<string, number>();
  const typed = queryOf(words(key), vocab);
  const wide = queryOf(words(expandedKey), vocab);
  const queries = [typed.text, ...(wide.text !== typed.text ? [wide.text] : [])].filter((q) => q !== '');
  // Procedures belong to no site and have no publication date: they are searched when no such filter is set.
  const wantProcedures = key !== '' && p.siteId === undefined && !p.from && !p.to && (p.kind === undefined || p.kind === 'procedure');
  const [articles, procedures] = await Promise.all([
    wantArticles && (key !== '' || p.siteId !== undefined || p.kind !== undefined) ? searchArticles(sitesDb(db), p, queries, now) : { total: 0, items: [] },
    wantProcedures ? searchProcedures(db, { q: p.q, lookAlike: p.kind === 'procedure', limit: p.kind === 'procedure' ? SEARCH_PAGE : 5, offset: p.kind === 'procedure' ? (p.page - 1) * SEARCH_PAGE : 0 }) : undefined,
  ]);
  return { total: articles.total, articles: articles.items, procedures, expanded: [...expanded, ...typed.corrections] };
}
