// Finding procedures: accent- and typo-tolerant, with everyday words expanded through the synonym table
// ("đổi bằng lái xe" also searches "đổi giấy phép lái xe"), in Vietnamese or English (the English names are searched
// beside the Vietnamese ones, words in their light English form: "driving license" finds "driving licence"), filters
// and pagination. Public: no access check.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { searchKey } from '../../platform/text/index.ts';
import { cached } from './cache.ts';
import { ENGLISH_STOP_WORDS, englishKey, englishWord } from './english.ts';
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
  /**
   * When the words match nothing, look for names like the query (trigram similarity; the default). Another search that
   * shows procedures beside its own results (the portal's search box) turns it off: it wants procedures that hold the
   * words, and the look-alike scan costs tens of milliseconds on a long query.
   */
  lookAlike?: boolean | undefined;
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

/**
 * The query with every synonym term it contains (as whole words, longest first) replaced by its expansion. A term is
 * found as entered or in its English form ("building permits" finds the term "building permit"); an expansion is not
 * expanded again ("làm giấy khai sinh" → "đăng ký khai sinh" stays so, though "khai sinh" is a term too).
 */
export function expandQuery(key: string, synonyms: readonly Synonym[]): { key: string; used: Synonym[] } {
  let padded = ` ${key} `;
  const used: Synonym[] = [];
  for (const s of [...synonyms].sort((a, b) => b.termKey.length - a.termKey.length)) {
    const term = [s.termKey, englishKey(s.termKey)].map((t) => ` ${t} `).find((t) => padded.includes(t));
    if (term === undefined) continue;
    // A placeholder no term can match ([a-z0-9] words only) holds the place of the expansion until the end.
    padded = padded.replace(term, ` #${used.length}# `);
    used.push(s);
  }
  const expanded = padded.replace(/#(\d+)#/g, (_, i: string) => searchKey(used[Number(i)]?.expansion ?? ''));
  return { key: expanded.replace(/\s+/g, ' ').trim(), used };
}

/**
 * The query's words, each as typed when the catalogue knows it, else in its English form ("permits" → permit); English
 * stop words the catalogue does not know are dropped (those it knows are Vietnamese words: "to" tờ, "the" thẻ).
 */
function normalised(folded: string, vocab: Vocabulary): string {
  return words(folded)
    .flatMap((w) => (vocab.counts.has(w) ? [w] : ENGLISH_STOP_WORDS.has(w) ? [] : [englishWord(w)]))
    .join(' ');
}

/**
 * The catalogue's synonyms applied to a query of another search (the portal's one search box): the query
 * accent-folded, with every everyday term replaced by its expansion, and the pairs used.
 */
export async function expandWithSynonyms(db: Kysely<PlatformTables>, q: string): Promise<{ key: string; expanded: { term: string; expansion: string }[] }> {
  const { key, used } = expandQuery(searchKey(q), await listSynonymsCached(db));
  return { key, expanded: used.map((s) => ({ term: s.term, expansion: s.expansion })) };
}

export function listSynonymsCached(db: Kysely<PlatformTables>): Promise<Synonym[]> {
  return cached(db, 'synonyms', () => synonymsRepo.list(proceduresDb(db)));
}

function vocabulary(db: Kysely<PlatformTables>): Promise<Vocabulary> {
  return cached(db, 'wordCounts', () => searchRepo.wordCounts(proceduresDb(db)));
}

function variant(text: string, vocab: Vocabulary): QueryVariant {
  const key = normalised(text, vocab);
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
  const lookAlike = params.lookAlike ?? true;
  const result = await find(db, pdb, q, filter, p, lookAlike);
  // Past the last page there are no rows to carry the total: count from the first page.
  if (result.items.length === 0 && p.offset > 0) {
    const first = await find(db, pdb, q, filter, { limit: 1, offset: 0 }, lookAlike);
    return { ...result, total: first.total };
  }
  return result;
}

async function find(db: Kysely<PlatformTables>, pdb: ReturnType<typeof proceduresDb>, q: string, filter: SearchFilter, p: Page, lookAlike: boolean): Promise<SearchResult> {
  const folded = searchKey(q);
  if (/^\d\.\d*(\.[a-z0-9]*)?$/.test(folded)) {
    const byCode = await searchRepo.byCodePrefix(pdb, q, filter, p);
    if (byCode.total > 0 || p.offset > 0) return { ...byCode, ...p, expanded: [] };
  }
  if (words(folded).length === 0) return { ...(await searchRepo.browse(pdb, filter, p)), ...p, expanded: [] };
  const vocab = await vocabulary(db);
  const key = normalised(folded, vocab);
  const expansion = expandQuery(key, await listSynonymsCached(db));
  // With a synonym applied, the typed words still count where they appear as typed ("công chứng" is also a field),
  // but rows holding only some of them ("sổ", "đỏ") are not worth scoring.
  const variants: QueryVariant[] = [{ ...variant(key, vocab), phraseOnly: expansion.used.length > 0 }];
  if (expansion.used.length > 0) variants.push(variant(expansion.key, vocab));
  const expanded = expansion.used.map((s) => ({ term: s.term, expansion: s.expansion }));
  const rows = await searchRepo.search(pdb, variants, filter, p);
  if (rows.total > 0 || p.offset > 0 || !lookAlike) return { ...rows, ...p, expanded };
  return { ...(await searchRepo.similar(pdb, key, filter, p)), ...p, expanded };
}
