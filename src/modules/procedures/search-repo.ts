// Search and browse queries over `procedures`. A query arrives as variants (the typed words, and the words with
// synonyms expanded); each word may carry spelling alternatives from the catalogue's vocabulary ("pep" → phep) and
// weighs its rarity (IDF). On the full-text vector (`vn` configuration, accents folded; the Vietnamese name, the
// English name in its indexed form (english.ts) and the field; GIN index):
// - candidates hold one of the query's heaviest words, enough that a row without them cannot reach the cut;
// - a candidate matches when it holds words worth at least half of the query's weight (a row holding the whole
//   query as a phrase always does);
// - matches rank by 3 × phrase + 2 × weighted share of words present + weighted share of neighbouring query words
//   found side by side + ts_rank / 2 (which favours repeated words and long names, hence halved), and the first
//   page of them also by the trigram similarity (pg_trgm) of the query to the accent-folded name + code or to the
//   English name: the closer the whole name is to the query, the higher ("Đăng ký thường trú" before longer names
//   holding the phrase). Similarity costs ~25 µs a row, so only those rows pay for it.
// When nothing matches, the trigram index alone looks for names like the query.
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { ProceduresDb } from './repo.ts';
import { amountOf } from './repo.ts';
import type { Level, OnlineLevel, ProcedureSummary } from './schema.ts';

export interface SearchFilter {
  field?: string | undefined;
  agency?: string | undefined;
  level?: Level | undefined;
  /** 'yes': can be submitted online; 'no': cannot; 'full': toàn trình. */
  online?: 'yes' | 'no' | 'full' | undefined;
}

export interface QueryTerm {
  /** A word of the query and its spelling alternatives, all [a-z0-9] only: safe inside a tsquery. */
  words: string[];
  /** How much finding it counts (inverse document frequency). */
  weight: number;
}

export interface QueryVariant {
  /** Accent-folded, lower-case text (searchKey): for trigram similarity. */
  key: string;
  terms: QueryTerm[];
  /** Brings in only rows holding the variant as a phrase (the typed words, when a synonym widened them). */
  phraseOnly?: boolean;
}

export interface Page {
  limit: number;
  offset: number;
}

export interface SearchRows {
  total: number;
  items: ProcedureSummary[];
}

const columns = [
  'code',
  'name',
  'name_en',
  'field',
  'levels',
  'channels',
  'online',
  'online_level',
  'processing_amount',
  'processing_unit',
  'processing_text',
  'effective_from',
] as const;

type Row = {
  code: string;
  name: string;
  name_en: string | null;
  field: string | null;
  levels: Level[];
  channels: ProcedureSummary['channels'];
  online: boolean;
  online_level: OnlineLevel | null;
  processing_amount: string | null;
  processing_unit: ProcedureSummary['processingTime']['unit'];
  processing_text: string | null;
  effective_from: string;
  total: number;
};

function summary(r: Row): ProcedureSummary {
  return {
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    field: r.field,
    levels: r.levels,
    channels: r.channels,
    online: r.online,
    onlineLevel: r.online_level,
    processingTime: { amount: amountOf(r.processing_amount), unit: r.processing_unit, text: r.processing_text ?? '', basis: null },
    effectiveFrom: r.effective_from,
  };
}

function filters(f: SearchFilter): RawBuilder<SqlBool>[] {
  const out: RawBuilder<SqlBool>[] = [];
  if (f.field) out.push(sql<SqlBool>`field = ${f.field}`);
  if (f.agency) out.push(sql<SqlBool>`agencies @> array[${f.agency}]::text[]`);
  if (f.level) out.push(sql<SqlBool>`levels @> array[${f.level}]::text[]`);
  if (f.online === 'yes') out.push(sql<SqlBool>`online`);
  if (f.online === 'no') out.push(sql<SqlBool>`not online`);
  if (f.online === 'full') out.push(sql<SqlBool>`online_level = 'full'`);
  return out;
}

function group(t: QueryTerm): string {
  return t.words.length === 1 ? (t.words[0] ?? '') : `(${t.words.join(' | ')})`;
}

function all(conds: Expression<SqlBool>[]): RawBuilder<SqlBool> {
  return conds.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`(${sql.join(conds, sql` and `)})`;
}

/** Weighted share of the variant's words a row holds, from the per-word match columns m0, m1, … */
function coverage(v: QueryVariant, column: (t: QueryTerm) => string): RawBuilder<number> {
  const total = v.terms.reduce((s, t) => s + t.weight, 0) || 1;
  const parts = v.terms.map((t) => sql`${sql.ref(column(t))} * ${t.weight}::float8`);
  return sql<number>`((${sql.join(parts, sql` + `)}) / ${total}::float8)`;
}

const MIN_COVERAGE = 0.5;

/**
 * Weighted share of the variant's neighbouring words a row holds side by side ("giấy phép", "phép lái", "lái xe"):
 * a row keeping the query's words together ranks above one that only scatters them; 0 for one-word variants.
 */
function adjacency(v: QueryVariant): RawBuilder<number> {
  const pairs = v.terms.slice(1).flatMap((t, i) => {
    const prev = v.terms[i];
    return prev ? [{ query: `${group(prev)} <-> ${group(t)}`, weight: prev.weight + t.weight }] : [];
  });
  if (pairs.length === 0) return sql<number>`0::float8`;
  const total = pairs.reduce((s, p) => s + p.weight, 0) || 1;
  const parts = pairs.map((p) => sql`(search_tsv @@ ${p.query}::tsquery)::int * ${p.weight}::float8`);
  return sql<number>`((${sql.join(parts, sql` + `)}) / ${total}::float8)`;
}

/**
 * The variant's heaviest words, enough that a row without any of them cannot reach MIN_COVERAGE: only rows holding
 * one of these need scoring, which keeps rows that share nothing but common words ("cấp", "giấy") out.
 */
function required(v: QueryVariant): string[] {
  if (v.phraseOnly) return [`(${v.terms.map(group).join(' <-> ')})`];
  const total = v.terms.reduce((s, t) => s + t.weight, 0);
  const out: string[] = [];
  let kept = 0;
  for (const t of [...v.terms].sort((a, b) => b.weight - a.weight)) {
    out.push(group(t));
    kept += t.weight;
    if (total - kept < MIN_COVERAGE * total) break;
  }
  return out;
}
const RERANK = 20;
const selected = sql.join(columns.map((c) => sql.ref(c)));

export const searchRepo = {
  async search(db: ProceduresDb, variants: QueryVariant[], f: SearchFilter, page: Page): Promise<SearchRows> {
    const used = variants.filter((v) => v.terms.length > 0);
    if (used.length === 0) return { total: 0, items: [] };
    const anyWord = [...new Set(used.flatMap((v) => v.terms.map(group)))].join(' | ');
    const candidate = [...new Set(used.flatMap(required))].join(' | ');
    const phrase = used.map((v) => `(${v.terms.map(group).join(' <-> ')})`).join(' | ');
    // Each word is matched once per row (columns m0, m1, …; "offset 0" keeps PostgreSQL from inlining the inner
    // query and evaluating every expression twice); scores are then plain arithmetic on those columns.
    const groups = [...new Set(used.flatMap((v) => v.terms.map(group)))];
    const column = (t: QueryTerm) => `m${groups.indexOf(group(t))}`;
    const matches = sql.join(groups.map((g, i) => sql`(search_tsv @@ ${g}::tsquery)::int as ${sql.ref(`m${i}`)}`));
    const cover = sql.join(used.map((v) => coverage(v, column)));
    const near = sql.join(used.map(adjacency));
    // Similarity to the last variant (the synonym-expanded wording when there is one, as the catalogue words it) of
    // the Vietnamese or the English name, whichever is closer (greatest() skips a missing English name).
    const last = used[used.length - 1]?.key ?? '';
    const similarity = sql`greatest(similarity(${last}, search_key), similarity(${last}, name_en_key))`;
    // A phrase match holds every word, so the coverage cut alone decides which rows match; the phrase, the
    // neighbours and ts_rank are computed for those only.
    const statement = sql<Row>`
      select ${selected}, total from (
        select s.*, count(*) over () as total, row_number() over (order by score desc, code) as rn
        from (
          select m.*, 3 * (search_tsv @@ ${phrase}::tsquery)::int + 2 * m.cover + greatest(${near})
            + 0.5 * ts_rank(search_tsv, ${anyWord}::tsquery) as score
          from (
            select c.*, greatest(${cover}) as cover
            from (
              select ${selected}, search_key, name_en_key, search_tsv, ${matches}
              from procedures
              where search_tsv @@ ${candidate}::tsquery and ${all(filters(f))}
              offset 0
            ) c
          ) m
          where m.cover >= ${MIN_COVERAGE}
        ) s
      ) r
      order by case when rn <= ${RERANK} then score + ${similarity} else score end desc, code
      limit ${page.limit} offset ${page.offset}`;
    // When a sixth or more of the rows are candidates the planner scans the table rather than the GIN index. Forcing
    // the index (set local enable_seqscan = off in a transaction) was measured ~1 ms faster on PostgreSQL 15 and
    // ~2 ms slower on PGlite for a mix of searches, so the choice is left to the planner.
    const res = await statement.execute(db);
    return { total: Number(res.rows[0]?.total ?? 0), items: res.rows.map(summary) };
  },

  /** Names, Vietnamese or English, that look like the query (trigram word similarity, pg_trgm's threshold): when no
   *  word of it is known. */
  async similar(db: ProceduresDb, key: string, f: SearchFilter, page: Page): Promise<SearchRows> {
    const rows = await db
      .selectFrom('procedures')
      .select(columns)
      .select(sql<number>`count(*) over ()`.as('total'))
      .where(sql<SqlBool>`(${key} <% search_key or ${key} <% name_en_key)`)
      .where(all(filters(f)))
      .orderBy(sql`greatest(word_similarity(${key}, search_key), word_similarity(${key}, name_en_key))`, 'desc')
      .orderBy('code')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return { total: Number(rows[0]?.total ?? 0), items: (rows as Row[]).map(summary) };
  },

  /** Procedures whose code starts with the given text (an officer typing "1.0011"). */
  async byCodePrefix(db: ProceduresDb, prefix: string, f: SearchFilter, page: Page): Promise<SearchRows> {
    const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await db
      .selectFrom('procedures')
      .select(columns)
      .select(sql<number>`count(*) over ()`.as('total'))
      .where('code', 'like', pattern)
      .where(all(filters(f)))
      .orderBy('code')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return { total: Number(rows[0]?.total ?? 0), items: (rows as Row[]).map(summary) };
  },

  /** Browse without a query: filtered, in order of the accent-folded name. */
  async browse(db: ProceduresDb, f: SearchFilter, page: Page): Promise<SearchRows> {
    const rows = await db
      .selectFrom('procedures')
      .select(columns)
      .select(sql<number>`count(*) over ()`.as('total'))
      .where(all(filters(f)))
      .orderBy('search_key')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return { total: Number(rows[0]?.total ?? 0), items: (rows as Row[]).map(summary) };
  },

  /** How many procedures hold each word of the catalogue (for IDF weights). */
  async wordCounts(db: ProceduresDb): Promise<{ total: number; counts: Map<string, number> }> {
    const res = await sql<{ word: string; ndoc: number }>`select word, ndoc from ts_stat('select search_tsv from procedures')`.execute(db);
    const total = await db.selectFrom('procedures').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    return { total: total.n, counts: new Map(res.rows.map((r) => [r.word, Number(r.ndoc)])) };
  },

  /** Values for the filter selects: fields and issuing agencies with their counts. */
  async facets(db: ProceduresDb): Promise<{ total: number; fields: { value: string; count: number }[]; agencies: { value: string; count: number }[] }> {
    const total = await db.selectFrom('procedures').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const fields = await db
      .selectFrom('procedures')
      .select(['field as value', sql<number>`count(*)::int`.as('count')])
      .where('field', 'is not', null)
      .groupBy('field')
      .execute();
    const agencies = await db
      .selectFrom('procedures')
      .select(['issuing_agency as value', sql<number>`count(*)::int`.as('count')])
      .where('issuing_agency', 'is not', null)
      .groupBy('issuing_agency')
      .execute();
    const clean = (rows: { value: string | null; count: number }[]) => rows.flatMap((r) => (r.value === null ? [] : [{ value: r.value, count: r.count }]));
    return { total: total.n, fields: clean(fields), agencies: clean(agencies) };
  },
};
