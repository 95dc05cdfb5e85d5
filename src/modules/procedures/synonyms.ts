// Synonyms that widen a search ("bằng lái" → "giấy phép lái xe"): administrators add and remove them; each change
// is audited in its transaction. A first set is seeded once; a removed seed synonym stays removed.
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

/** Everyday words → the words the national catalogue uses. Each expansion matches procedures of the shipped data. */
export const SEED_SYNONYMS: readonly [string, string][] = [
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
  ['giấy phép xây dựng', 'cấp giấy phép xây dựng'],
  ['xin phép xây nhà', 'cấp giấy phép xây dựng'],
  ['kết hôn', 'đăng ký kết hôn'],
  ['công chứng', 'chứng thực bản sao'],
  ['sao y', 'chứng thực bản sao'],
  ['passport', 'hộ chiếu'],
  ['visa', 'thị thực'],
  ['thành lập công ty', 'đăng ký thành lập doanh nghiệp'],
  ['TNCN', 'thu nhập cá nhân'],
];

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

export async function seedSynonyms(db: Kysely<PlatformTables>): Promise<void> {
  if ((await getSetting<boolean>(db, SEEDED)) === true) return;
  await db.transaction().execute(async (trx) => {
    const rows = SEED_SYNONYMS.map(([term, expansion]) => ({ term, termKey: termKeyOf(term), expansion, createdBy: null }));
    await synonymsRepo.insertMissing(proceduresDb(trx), rows);
    await setSetting(trx, SEEDED, true);
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
