// Evidence files of a form: only documents, recognised by their bytes (never by the name or the type the browser
// declares): PDF, JPEG and PNG through the platform's checks (platform/files: a PDF with JavaScript or a launch action
// is refused too), and office documents — Word, Excel, PowerPoint (Office Open XML) and OpenDocument — read from the
// ZIP's entry names; a macro-enabled one (vbaProject.bin) and anything else (an executable, a script) is refused.
import type { Actor } from '../../platform/auth/access.ts';
import { inspectAttachment, refusalText, sha256Of } from '../../platform/files/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { Text } from '../../platform/web/i18n.ts';
import { formForUser, notPublished, requireReporter } from './access.ts';
import { ReadinessErrors } from './errors.ts';
import { setOf } from './form.ts';
import { audit, type EvidenceInfo, type EvidenceRow, readinessDb, readinessRepo } from './repo.ts';

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

const OOXML: readonly [string, string][] = [
  ['word/', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xl/', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['ppt/', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
];
const ODF = /^application\/vnd\.oasis\.opendocument\.(text|spreadsheet|presentation)$/;

/** The names of a ZIP's entries, from its local file headers (enough to tell an office document). */
function zipNames(b: Buffer, max = 2000): string[] {
  const names: string[] = [];
  let at = 0;
  while (names.length < max && at + 30 <= b.length && b.readUInt32LE(at) === 0x04034b50) {
    const flags = b.readUInt16LE(at + 6);
    const size = b.readUInt32LE(at + 18);
    const nameLen = b.readUInt16LE(at + 26);
    const extraLen = b.readUInt16LE(at + 28);
    names.push(b.subarray(at + 30, at + 30 + nameLen).toString('utf8'));
    // With a data descriptor (bit 3) the size is not in the header: the names seen so far must do.
    if (flags & 0x08) break;
    at += 30 + nameLen + extraLen + size;
  }
  return names;
}

/** The office document type of a ZIP, or null: not one, or one carrying macros. */
export function officeType(b: Buffer): string | null {
  if (b.length < 30 || b.readUInt32LE(0) !== 0x04034b50) return null;
  const names = zipNames(b);
  if (names.some((n) => /vbaProject\.bin$|\.(exe|dll|js|vbs|bat|cmd|ps1|scr|msi)$/i.test(n))) return null;
  // OpenDocument: the first entry is "mimetype", stored uncompressed, holding the type.
  if (names[0] === 'mimetype') {
    const type = b.subarray(38, 38 + b.readUInt32LE(18)).toString('latin1');
    return ODF.test(type) ? type : null;
  }
  if (!names.includes('[Content_Types].xml')) return null;
  return OOXML.find(([dir]) => names.some((n) => n.startsWith(dir)))?.[1] ?? null;
}

const refusal = (vi: string, en: string): Text => ({ vi, en });

/** The file's type if it is a document we keep; else the reason, naming the file. */
export function checkEvidence(name: string, content: Buffer): { mime: string } | { refused: Text } {
  if (content.length === 0) return { refused: refusal(`Tệp “${name}” rỗng.`, `The file “${name}” is empty.`) };
  if (content.length > MAX_EVIDENCE_BYTES) return { refused: refusal(`Tệp “${name}” quá 20 MB.`, `The file “${name}” is over 20 MB.`) };
  const inspected = inspectAttachment(content);
  if (inspected.type !== null) return { mime: inspected.type };
  if (inspected.refusal !== 'type') return { refused: refusalText(inspected.refusal, name) };
  const office = officeType(content);
  if (office) return { mime: office };
  return {
    refused: refusal(
      `Tệp “${name}” không phải tài liệu (PDF, ảnh JPEG/PNG, Word, Excel, PowerPoint hoặc OpenDocument); hệ thống kiểm tra nội dung tệp, không chỉ phần đuôi tên.`,
      `The file “${name}” is not a document (PDF, JPEG/PNG image, Word, Excel, PowerPoint or OpenDocument); the system checks the file’s content, not just its name.`,
    ),
  };
}

/** Adds an evidence file to an indicator (or figure) of the unit's draft or returned form. */
export async function addEvidence(platform: Platform, actor: Actor, formId: number, code: string, file: { name: string; content: Buffer }, ip: string | null = null): Promise<EvidenceInfo> {
  requireReporter(actor);
  const db = readinessDb(platform.database.db);
  const name = [...file.name].map((ch) => (ch === '/' || ch === '\\' || ch.charCodeAt(0) < 0x20 ? '_' : ch)).join('').slice(-200) || 'minh-chung';
  const checked = checkEvidence(name, file.content);
  return db.transaction().execute(async (trx) => {
    const { user, form, cycle } = await formForUser(trx, actor, formId, true);
    if (form.agency_id !== user.agencyId) throw ReadinessErrors.FORM_NOT_FOUND();
    notPublished(cycle);
    if (form.state !== 'draft' && form.state !== 'returned') throw ReadinessErrors.WRONG_STATE();
    const loaded = await setOf(trx, cycle);
    if (!loaded.indicators.has(code) && !loaded.figures.has(code)) {
      throw ReadinessErrors.INVALID({ fields: [{ field: 'code', message: { vi: `Không có chỉ tiêu mã “${code}” trong bộ chỉ số.`, en: `The indicator set has no code “${code}”.` } }] });
    }
    if ('refused' in checked) throw ReadinessErrors.EVIDENCE_REFUSED({ fields: [{ field: 'file', message: checked.refused }] });
    const row = await readinessRepo.addEvidence(trx, { form_id: form.id, code, name, mime: checked.mime, size: file.content.length, sha256: sha256Of(file.content), content: file.content, added_by: user.id });
    await audit(trx, { actor: user, action: 'readiness.evidence_added', entity: 'readiness_form', entityId: form.id, agencyId: form.agency_id, ip, data: { evidence: row.id, code, name, mime: checked.mime, size: row.size } });
    return row;
  });
}

/** An evidence file to download, for whoever may see the form. */
export async function evidenceFile(platform: Platform, actor: Actor, formId: number, evidenceId: number): Promise<EvidenceRow> {
  const db = readinessDb(platform.database.db);
  const { form } = await formForUser(db, actor, formId);
  const row = Number.isSafeInteger(evidenceId) ? await readinessRepo.evidenceFile(db, form.id, evidenceId) : undefined;
  if (!row) throw ReadinessErrors.FORM_NOT_FOUND();
  return row;
}
