// Synonyms that widen a search ("bằng lái" → "giấy phép lái xe"): administrators add and remove them; each change
// is audited in its transaction. Seed synonyms are offered once each; a removed seed synonym stays removed.
import type { Kysely } from 'kysely';
import { type Actor, requireStaff } from '../../platform/auth/access.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { getSetting, setSetting, type PlatformTables } from '../../platform/db/index.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { searchKey } from '../../platform/text/index.ts';
import { invalidate } from './cache.ts';
import { ProcedureErrors } from './errors.ts';
import { synonymErrors as m } from './admin-messages.ts';
import { proceduresDb } from './repo.ts';
import { synonymsRepo, type Synonym } from './synonyms-repo.ts';

const SEEDED = 'procedures.synonyms_seeded';
const LIMITS = { term: 100, expansion: 200 } as const;

const HOUSE_PERMIT = 'cấp giấy phép xây dựng mới nhà ở riêng lẻ';

/** Everyday words → the words the national catalogue uses. Each expansion matches procedures of the shipped data. */
const FIRST_SEED: readonly [string, string][] = [
  ['bằng lái', 'giấy phép lái xe'],
  ['bằng lái xe', 'giấy phép lái xe'],
  ['GPLX', 'giấy phép lái xe'],
  ['sổ đỏ', 'giấy chứng nhận quyền sử dụng đất'],
  ['sổ hồng', 'giấy chứng nhận quyền sử dụng đất'],
  ['hộ khẩu', 'thường trú'],
  ['nhập hộ khẩu', 'đăng ký thường trú'],
  ['CMND', 'căn cước'],
  ['CCCD', 'căn cước'],
  ['chứng minh thư', 'căn cước'],
  ['chứng minh nhân dân', 'căn cước'],
  ['căn cước công dân', 'căn cước'],
  ['khai sinh', 'đăng ký khai sinh'],
  // What people ask for as "giấy phép xây dựng" is the permit to build a new house (the catalogue's own words).
  ['giấy phép xây dựng', HOUSE_PERMIT],
  ['xin phép xây nhà', HOUSE_PERMIT],
  ['kết hôn', 'đăng ký kết hôn'],
  ['công chứng', 'chứng thực bản sao'],
  ['sao y', 'chứng thực bản sao'],
  ['passport', 'hộ chiếu'],
  ['visa', 'thị thực'],
  ['thành lập công ty', 'đăng ký thành lập doanh nghiệp'],
  ['TNCN', 'thu nhập cá nhân'],
];

/** Added with the English names (issue 9): more everyday Vietnamese, and everyday English → the English names' words. */
const ENGLISH_SEED: readonly [string, string][] = [
  ['giấy khai sinh', 'đăng ký khai sinh'],
  ['làm giấy khai sinh', 'đăng ký khai sinh'],
  ['báo tử', 'khai tử'],
  ['độc thân', 'xác nhận tình trạng hôn nhân'],
  ['làm lại', 'cấp lại'],
  ['làm hộ chiếu', 'cấp hộ chiếu'],
  ['làm căn cước', 'cấp thẻ căn cước'],
  ['đăng ký hộ kinh doanh', 'đăng ký thành lập hộ kinh doanh'],
  ['building permit', 'issue of a construction permit for new individual houses'],
  ['planning permission', 'issue of a construction permit for new individual houses'],
  ["driver's license", 'driving licence'],
  ['driver license', 'driving licence'],
  ['criminal record', 'judicial record'],
  ['police check', 'judicial record certificate'],
  ['ID card', 'identity card'],
  ['birth certificate', 'birth registration'],
  ['marriage certificate', 'marriage registration'],
  ['death certificate', 'death registration'],
  ['register', 'registration'],
  ['renew', 'renewal'],
  ['notarised copy', 'certification of copies'],
];

/** Seed expansions made more precise since: [term, earlier expansion]. A database still holding the earlier one as
 *  seeded (created_by null: an administrator's synonym always names its author) gets the current one. */
const SUPERSEDED: readonly [string, string][] = [
  ['giấy phép xây dựng', 'cấp giấy phép xây dựng'],
  ['xin phép xây nhà', 'cấp giấy phép xây dựng'],
];

/** Every seed synonym. A database gets each once: a synonym added to this list after a database was seeded is added
 *  at its next start, and one an administrator removed is not offered again. */
export const SEED_SYNONYMS: readonly [string, string][] = [...FIRST_SEED, ...ENGLISH_SEED];

export interface SynonymInput {
  term?: unknown;
  expansion?: unknown;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim().replace(/\s+/g, ' ') : '';
}

/** A term's key: its search key with only letters and digits kept, as queries are matched word by word. */
export function termKeyOf(term: string): string {
  return searchKey(term)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The seed synonyms a database was offered: their term keys (`true` from before the list grew: the first set). */
async function offered(db: Kysely<PlatformTables>): Promise<Set<string>> {
  const state = await getSetting<unknown>(db, SEEDED);
  if (state === true) return new Set(FIRST_SEED.map(([term]) => termKeyOf(term)));
  return new Set(Array.isArray(state) ? state.filter((k): k is string => typeof k === 'string') : []);
}

export async function seedSynonyms(db: Kysely<PlatformTables>): Promise<void> {
  const seen = await offered(db);
  const fresh = SEED_SYNONYMS.map(([term, expansion]) => ({ term, termKey: termKeyOf(term), expansion, createdBy: null })).filter((r) => !seen.has(r.termKey));
  if (fresh.length === 0) return;
  await db.transaction().execute(async (trx) => {
    const pdb = proceduresDb(trx);
    await synonymsRepo.insertMissing(pdb, fresh);
    for (const [term, earlier] of SUPERSEDED) {
      const current = SEED_SYNONYMS.find(([t]) => t === term)?.[1];
      if (current) await synonymsRepo.replaceSeeded(pdb, termKeyOf(term), earlier, current);
    }
    await setSetting(trx, SEEDED, [...seen, ...fresh.map((r) => r.termKey)]);
  });
  invalidate(db, 'synonyms');
}

export async function listSynonyms(db: Kysely<PlatformTables>, actor: Actor): Promise<Synonym[]> {
  requireStaff(actor, 'admin');
  return synonymsRepo.list(proceduresDb(db));
}

export async function addSynonym(db: Kysely<PlatformTables>, actor: Actor, input: SynonymInput, ip?: string): Promise<Synonym> {
  const user = requireStaff(actor, 'admin');
  const term = str(input.term);
  const expansion = str(input.expansion);
  const termKey = termKeyOf(term);
  const errors: FieldError[] = [];
  if (term === '') errors.push({ field: 'term', message: m.termMissing });
  else if (term.length > LIMITS.term) errors.push({ field: 'term', message: m.termTooLong });
  else if (termKey === '') errors.push({ field: 'term', message: m.termNoWords });
  if (expansion === '') errors.push({ field: 'expansion', message: m.expansionMissing });
  else if (expansion.length > LIMITS.expansion) errors.push({ field: 'expansion', message: m.expansionTooLong });
  else if (termKey !== '' && termKeyOf(expansion) === termKey) errors.push({ field: 'expansion', message: m.same });
  if (errors.length > 0) throw ProcedureErrors.INVALID_SYNONYM({ fields: errors });
  const saved = await db.transaction().execute(async (trx) => {
    const row = await synonymsRepo.insert(proceduresDb(trx), { term, termKey, expansion, createdBy: user.username });
    if (!row) throw ProcedureErrors.INVALID_SYNONYM({ fields: [{ field: 'term', message: m.duplicate }] });
    await recordAudit(trx, { actor: user, action: 'procedures.synonym.create', entity: 'procedure_synonym', entityId: row.id, ip: ip ?? null, data: { before: null, after: row } });
    return row;
  });
  invalidate(db, 'synonyms');
  return saved;
}

export async function removeSynonym(db: Kysely<PlatformTables>, actor: Actor, id: number, ip?: string): Promise<Synonym> {
  const user = requireStaff(actor, 'admin');
  const removed = await db.transaction().execute(async (trx) => {
    const pdb = proceduresDb(trx);
    const before = await synonymsRepo.find(pdb, id);
    if (!before || !(await synonymsRepo.delete(pdb, id))) throw ProcedureErrors.SYNONYM_NOT_FOUND();
    await recordAudit(trx, { actor: user, action: 'procedures.synonym.delete', entity: 'procedure_synonym', entityId: id, ip: ip ?? null, data: { before, after: null } });
    return before;
  });
  invalidate(db, 'synonyms');
  return removed;
}
