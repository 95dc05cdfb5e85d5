// What a dossier needs from the procedure catalogue, behind one small adapter so that the rest of the module does
// not depend on the catalogue's types: the version in force, its channels and levels, processing time, fees,
// required documents and e-form.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { vietnamDateOf, type DeadlineUnit } from '../../platform/calendar/index.ts';
import { findVersionInForce, getProcedure, getProcedureVersion, type ProcedureVersion } from '../procedures/index.ts';
import { eformFor, type EformDefinition } from '../eforms/index.ts';

export interface RequiredDocumentSlot {
  /** Key of the document in the e-form (`files.<key>` on the page, `doc_key` in the API). */
  key: string;
  name: string;
  required: boolean;
}

export interface DossierProcedure {
  code: string;
  version: number;
  name: string;
  /** 'province' | 'commune' | 'ministry' | 'other' */
  levels: readonly string[];
  /** 'direct' | 'post' | 'online' */
  channels: readonly string[];
  /** Toàn trình or một phần (Decree 42/2022); null when the version sets none. */
  onlineLevel: 'full' | 'partial' | null;
  /** The workflow the version names (procedure_versions.workflow_ref); null: the standard one. */
  workflowRef: string | null;
  processingTime: { amount: number | null; unit: DeadlineUnit | null; text: string };
  fees: { label: string; amountDong: number }[];
  /** The documents to attach, as the e-form lists them. */
  documents: RequiredDocumentSlot[];
  /** The e-form: the version's own, a shipped one, or the generic one (eforms module). */
  form: EformDefinition;
}

export function isOnline(p: DossierProcedure): boolean {
  return p.channels.includes('online');
}

export function feeTotal(p: DossierProcedure): number {
  return p.fees.reduce((sum, f) => sum + f.amountDong, 0);
}

function toDossierProcedure(p: ProcedureVersion): DossierProcedure {
  const form = eformFor({ code: p.code, eform: p.eform, name: p.name, documents: p.documents });
  return {
    code: p.code,
    version: p.version,
    name: p.name,
    levels: p.levels,
    channels: p.channels,
    onlineLevel: p.onlineLevel,
    workflowRef: p.workflowRef,
    processingTime: { amount: p.processingTime.amount, unit: p.processingTime.unit, text: p.processingTime.text },
    // Amounts not stated in đồng (null) cannot be charged online; the officer settles them at the counter.
    fees: p.fees.filter((f) => f.amount_dong !== null && f.amount_dong > 0).map((f) => ({ label: f.label, amountDong: f.amount_dong ?? 0 })),
    documents: form.documents.map((d) => ({ key: d.key, name: d.name.vi, required: d.required })),
    form,
  };
}

const notFound = (err: unknown): boolean => {
  const code = (err as { code?: string }).code;
  return code === 'PROCEDURE_NOT_FOUND' || code === 'VERSION_NOT_FOUND';
};

/**
 * The version in force on the Vietnam date `day` (a dossier keeps the rules in force when it was received), or the
 * current version when none is in force yet; undefined when the code is unknown.
 */
export async function findProcedureForDossier(db: Kysely<PlatformTables>, code: string, day: string = vietnamDateOf(new Date())): Promise<DossierProcedure | undefined> {
  try {
    const inForce = await findVersionInForce(db, code, day);
    return toDossierProcedure(inForce ?? (await getProcedure(db, code)));
  } catch (err) {
    if (notFound(err)) return undefined;
    throw err;
  }
}

/** The version a dossier was received under (its receipt shows that version's name and documents). */
export async function findProcedureVersionForDossier(db: Kysely<PlatformTables>, code: string, version: number): Promise<DossierProcedure | undefined> {
  try {
    return toDossierProcedure(await getProcedureVersion(db, code, version));
  } catch (err) {
    if (notFound(err)) return undefined;
    throw err;
  }
}
