// What a dossier needs from the procedure catalogue, behind one small adapter so that the rest of the module does
// not depend on the catalogue's types: the version in force, its channels and levels, processing time, the fee that
// applies (the catalogue's one evaluation, feeFor, for the day and channel), required documents and e-form.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { vietnamDateOf, type DeadlineUnit } from '../../platform/calendar/index.ts';
import { feeFor, onlineSubmission, findVersionInForce, getProcedure, getProcedureVersion, type FeeQuote, type ProcedureVersion } from '../procedures/index.ts';
import { eformFor, type EformDefinition } from '../eforms/index.ts';
import type { AppError } from '../../platform/http/errors.ts';
import { DossierErrors } from './errors.ts';

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
  /** `basis`: where the unit comes from when the published text has none (the procedure's text, the reviewed table). */
  processingTime: { amount: number | null; unit: DeadlineUnit | null; text: string; basis: string | null };
  /** The fee that applies on the day the version was looked up for: online, and at the counter (direct). */
  fees: Record<DossierChannel, FeeQuote>;
  /** The documents to attach, as the e-form lists them. */
  documents: RequiredDocumentSlot[];
  /** The e-form: the version's own, a shipped one, or the generic one (eforms module). */
  form: EformDefinition;
}

/** How a dossier comes in: submitted online, or received at the counter (the catalogue's 'direct' channel). */
export type DossierChannel = 'online' | 'counter';

/** Whether a citizen may submit the procedure online: the catalogue's one rule (procedures' onlineSubmission). */
export function isOnline(p: DossierProcedure): boolean {
  return onlineSubmission(p).ok;
}

/** Why the procedure is not offered online, as the error to show; undefined when it is. */
export function notOnlineError(p: DossierProcedure): AppError | undefined {
  const o = onlineSubmission(p);
  if (o.ok) return undefined;
  return o.reason === 'NO_TIME_LIMIT' ? DossierErrors.NO_TIME_LIMIT({ details: { code: p.code } }) : DossierErrors.NOT_ONLINE({ details: { code: p.code } });
}

/**
 * What the dossier is charged on submission: the one amount the fee rules give for the day and channel, or 0 when
 * they give none (the amount depends on the case, on a count of pages or copies, or on a rule not in figures): the
 * receiving agency settles it at the counter, and the receipt says so (feeSettledAtCounter).
 */
export function feeTotal(p: DossierProcedure, channel: DossierChannel = 'online'): number {
  return p.fees[channel].amountDong ?? 0;
}

/** The fee rules give no amount to charge now: the receiving agency works it out at the counter. */
export function feeSettledAtCounter(p: DossierProcedure, channel: DossierChannel = 'online'): boolean {
  return p.fees[channel].amountDong === null;
}

function toDossierProcedure(p: ProcedureVersion, day: string): DossierProcedure {
  const form = eformFor({ code: p.code, eform: p.eform, name: p.name, documents: p.documents });
  return {
    code: p.code,
    version: p.version,
    name: p.name,
    levels: p.levels,
    channels: p.channels,
    onlineLevel: p.onlineLevel,
    workflowRef: p.workflowRef,
    processingTime: { amount: p.processingTime.amount, unit: p.processingTime.unit, text: p.processingTime.text, basis: p.processingTime.basis },
    fees: { online: feeFor(p, { date: day, channel: 'online' }), counter: feeFor(p, { date: day, channel: 'direct' }) },
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
    return toDossierProcedure(inForce ?? (await getProcedure(db, code)), day);
  } catch (err) {
    if (notFound(err)) return undefined;
    throw err;
  }
}

/** The version a dossier was received under, with its fees as of `day`, the day of receipt (the receipt shows them). */
export async function findProcedureVersionForDossier(
  db: Kysely<PlatformTables>,
  code: string,
  version: number,
  day: string = vietnamDateOf(new Date()),
): Promise<DossierProcedure | undefined> {
  try {
    return toDossierProcedure(await getProcedureVersion(db, code, version), day);
  } catch (err) {
    if (notFound(err)) return undefined;
    throw err;
  }
}
