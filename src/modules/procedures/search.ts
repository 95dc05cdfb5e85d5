// Finding procedures: accent- and typo-tolerant, with everyday words expanded through the synonym table
// ("đổi bằng lái xe" also searches "đổi giấy phép lái xe"), filters and pagination. Public: no access check.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { searchKey } from '../../platform/text/index.ts';
import { cached } from './cache.ts';
import { ProcedureErrors } from './errors.ts';
import { proceduresDb } from './repo.ts';
import { searchRepo, type Page, type QueryTerm, type QueryVariant, type SearchFilter } from './search-repo.ts';
import { termFor, type Vocabulary } from './spelling.ts';
import { synonymsRepo, type Synonym } from './synonyms-repo.ts';
import type { ProcedureSummary } from './schema.ts';

export const MAX_QUERY = 200;
export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 20;
const MAX_WORDS = 12;

export interface SearchParams extends SearchFilter {
  q?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface SearchResult {
  total: number;
  limit: number;
  offset: number;
  items: ProcedureSummary[];
  /** The synonyms that widened the query: [{ term: 'bằng lái xe', expansion: 'giấy phép lái xe' }]. */
  expanded: { term: string; expansion: string }[];
}

function words(key: string): string[] {
  return key
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
    .slice(0, MAX_WORDS);
}

/** The query with every synonym term it contains (as whole words, longest first) replaced by its expansion. */
export function expandQuery(key: string, synonyms: readonly Synonym[]): { key: string; used: Synonym[] } {
  let padded = ` ${key} `;
  const used: Synonym[] = [];
  for (const s of [...synonyms].sort((a, b) => b.termKey.length - a.termKey.length)) {
    const term = ` ${s.termKey} `;
    if (!padded.includes(term)) continue;
    padded = padded.replace(term, ` ${searchKey(s.expansion)} `);
    used.push(s);
  }
  return { key: padded.trim(), used };
}

export function listSynonymsCached(db: Kysely<PlatformTables>): Promise<Synonym[]> {
  return cached(db, 'synonyms', () => synonymsRepo.list(proceduresDb(db)));
}

function vocabulary(db: Kysely<PlatformTables>): Promise<Vocabulary> {
  return cached(db, 'wordCounts', () => searchRepo.wordCounts(proceduresDb(db)));
}

function variant(key: string, vocab: Vocabulary): QueryVariant {
  const terms: QueryTerm[] = [];
  for (const w of new Set(words(key))) {
    const t = termFor(w, vocab);
    if (t) terms.push(t);
  }
  return { key, terms };
}

function page(params: SearchParams): Page {
  const limit = params.limit ?? DEFAULT_LIMIT;
  const offset = params.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw ProcedureErrors.INVALID_LIMIT();
  if (!Number.isInteger(offset) || offset < 0 || offset > 100_000) throw ProcedureErrors.INVALID_OFFSET();
  return { limit, offset };
}

export async function searchProcedures(db: Kysely<PlatformTables>, params: SearchParams): Promise<SearchResult> {
  const p = page(params);
  const q = (params.q ?? '').trim();
  if (q.length > MAX_QUERY) throw ProcedureErrors.QUERY_TOO_LONG();
  const filter: SearchFilter = { field: params.field, agency: params.agency, level: params.level, online: params.online };
  const pdb = proceduresDb(db);
  const result = await find(db, pdb, q, filter, p);
  // Past the last page there are no rows to carry the total: count from the first page.
  if (result.items.length === 0 && p.offset > 0) {
    const first = await find(db, pdb, q, filter, { limit: 1, offset: 0 });
    return { ...result, total: first.total };
  }
  return result;
}

async function find(db: Kysely<PlatformTables>, pdb: ReturnType<typeof proceduresDb>, q: string, filter: SearchFilter, p: Page): Promise<SearchResult> {
  const folded = searchKey(q);
  if (/^\d\.\d*(\.[a-z0-9]*)?$/.test(folded)) {
    const byCode = await searchRepo.byCodePrefix(pdb, q, filter, p);
    if (byCode.total > 0 || p.offset > 0) return { ...byCode, ...p, expanded: [] };
  }
  const key = words(folded).join(' ');
  if (key === '') return { ...(await searchRepo.browse(pdb, filter, p)), ...p, expanded: [] };
  const expansion = expandQuery(key, await listSynonymsCached(db));
  const vocab = await vocabulary(db);
  // With a synonym applied, the typed words still count where they appear as typed ("công chứng" is also a field),
  // but rows holding only some of them ("sổ", "đỏ") are not worth scoring.
  const variants: QueryVariant[] = [{ ...variant(key, vocab), phraseOnly: expansion.used.length > 0 }];
  if (expansion.used.length > 0) variants.push(variant(expansion.key, vocab));
  const expanded = expansion.used.map((s) => ({ term: s.term, expansion: s.expansion }));
  const rows = await searchRepo.search(pdb, variants, filter, p);
  if (rows.total > 0 || p.offset > 0) return { ...rows, ...p, expanded };
  return { ...(await searchRepo.similar(pdb, key, filter, p)), ...p, expanded };
}
