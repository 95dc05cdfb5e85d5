// Naming a document for a work file as a clerk types it (its id, its number and notation, or its arrival number), and
// adding it to the file by that reference. Split from workfiles.ts, whose access rules and refusals it uses.
import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/access.ts';
import { vietnamDateOf } from '../../platform/calendar/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { canSee, requireDocumentStaff } from './access.ts';
import { DocumentErrors } from './errors.ts';
import { parseNumberNotation } from './numbering.ts';
import { type DocumentRow, documentsDb } from './repo.ts';
import { WF_FIELDS as f, WorkFileErrors, wfErrors as m } from './workfiles-messages.ts';
import { addDocument, fail, fileOf, mayFile } from './workfiles.ts';

const ARRIVAL = /^\s*(?:số\s+)?đến\s*(?:số\s*)?:?\s*(\d{1,6})(?:\s*\/\s*(\d{4}))?\s*$/iu;
const ID = /^\s*#?(\d{1,12})\s*$/;

/**
 * The document a reference names, among those of the user's agency they may see: its id (`123`, `#123`), its
 * number and notation (`125/UBND-VP`), or its arrival number (`đến 37`, this year's or the latest year's; `đến
 * 37/2026` for a year). Refusals name the form's field `document`.
 */
export async function findDocumentByReference(platform: Platform, actor: Actor, reference: string, now = new Date()): Promise<number> {
  const user = requireDocumentStaff(actor);
  const db = documentsDb(platform.database.db);
  const ref = reference.normalize('NFC').trim();
  if (ref === '') throw fail([{ field: 'document', message: m.missing(f.document) }]);
  if (ref.length > 80) throw fail([{ field: 'document', message: m.reference }]);
  const id = ID.exec(ref);
  if (id) return Number(id[1]);
  const base = () => db.selectFrom('documents').selectAll().where('agency_id', '=', user.agencyId);
  let candidates: DocumentRow[];
  const arrival = ARRIVAL.exec(ref);
  if (arrival) {
    const year = arrival[2] ? Number(arrival[2]) : undefined;
    let q = base().where('direction', '=', 'in').where('arrival_number', '=', Number(arrival[1]));
    if (year !== undefined) q = q.where('year', '=', year);
    candidates = await q.orderBy('year', 'desc').limit(20).execute();
    // Without a year, this year's book first, else the latest year that has this number.
    if (year === undefined && candidates.length > 0) {
      const thisYear = Number(vietnamDateOf(now).slice(0, 4));
      const pick = candidates.find((d) => d.year === thisYear)?.year ?? candidates[0]!.year;
      candidates = candidates.filter((d) => d.year === pick);
    }
  } else {
    const nn = parseNumberNotation(ref);
    if (!nn) throw fail([{ field: 'document', message: m.reference }]);
    candidates = await base()
      .where('number', '=', nn.number)
      .where(sql<boolean>`lower(notation) = lower(${nn.notation})`)
      .orderBy('document_date', 'desc')
      .orderBy('id', 'desc')
      .limit(50)
      .execute();
  }
  const seen: DocumentRow[] = [];
  for (const d of candidates) if (await canSee(db, user, d)) seen.push(d);
  if (seen.length === 0) throw DocumentErrors.NOT_FOUND({ fields: [{ field: 'document', message: m.documentNotFound }] });
  if (seen.length > 1) throw fail([{ field: 'document', message: m.ambiguous(seen.length) }]);
  return seen[0]!.id;
}

/** addDocument with the document named as the form names it (findDocumentByReference). */
export async function addDocumentByReference(platform: Platform, actor: Actor, fileId: number, reference: string, ip: string | null, now = new Date()): Promise<void> {
  const user = requireDocumentStaff(actor);
  const w = await fileOf(documentsDb(platform.database.db), user, fileId);
  if (!mayFile(user, w)) throw WorkFileErrors.NOT_ALLOWED();
  if (w.closed_on !== null) throw WorkFileErrors.CLOSED({ fields: [{ field: 'document', message: m.closed }] });
  await addDocument(platform, actor, fileId, await findDocumentByReference(platform, actor, reference, now), ip);
}
