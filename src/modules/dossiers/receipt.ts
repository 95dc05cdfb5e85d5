// Everything the receipt (page and Form 01) shows, gathered once: the dossier, the procedure version it was received
// under, the receiving agency, and how to pay.
import type { Platform } from '../../platform/http/context.ts';
import type { Actor } from '../../platform/auth/access.ts';
import { findAgencyById, type Agency } from '../units/index.ts';
import { loadAddressUnits, type AddressUnit } from '../eforms/index.ts';
import { findProcedureVersionForDossier, feeSettledAtCounter, type DossierProcedure } from './catalogue.ts';
import { receiptDay } from './code.ts';
import { feeAccount, gatewayFor, isApplicant, vietQrFor, type BankAccount, type VietQrCode } from './payments.ts';
import { getDossierView, type DossierView } from './read.ts';

export interface Receipt extends DossierView {
  /** The version received under, its fees as of the day of receipt. */
  procedure: DossierProcedure | undefined;
  /** Nothing was charged on submission because the fee rules give no amount: the agency settles the fee. */
  feeAtCounter?: boolean;
  agency: Agency | undefined;
  parentAgency: Agency | undefined;
  payment: { account: BankAccount; demoAccount: boolean; qr: VietQrCode; gateway: boolean } | undefined;
  /** The city's communes, to read the addresses among the answers (Form 01's annex, the result by post). */
  units: AddressUnit[];
}

export async function getReceipt(platform: Platform, actor: Actor, code: string): Promise<Receipt> {
  const view = await getDossierView(platform, actor, code);
  const db = platform.database.db;
  const d = view.dossier;
  const [procedure, agency, units] = await Promise.all([
    findProcedureVersionForDossier(db, d.procedureCode, d.procedureVersion, receiptDay(d.receivedAt)),
    findAgencyById(db, d.agencyId),
    loadAddressUnits(db),
  ]);
  const parentAgency = agency?.parentId ? await findAgencyById(db, agency.parentId) : undefined;
  let payment: Receipt['payment'];
  if (d.paymentStatus === 'unpaid') {
    const { account, demo } = await feeAccount(platform);
    payment = { account, demoAccount: demo, qr: await vietQrFor(account, d), gateway: gatewayFor(platform) !== undefined && isApplicant(actor, d) };
  }
  const feeAtCounter = d.feeTotalDong === 0 && procedure !== undefined && feeSettledAtCounter(procedure, d.channel === 'counter' ? 'counter' : 'online');
  return { ...view, procedure, feeAtCounter, agency, parentAgency, payment, units };
}

/** Names of the documents received, with the files given for each, in the form's order. */
export function documentsReceived(r: Pick<Receipt, 'procedure' | 'files' | 'events'>): { name: string; files: string[] }[] {
  const snapshot = r.events.find((e) => e.kind === 'received' || e.kind === 'received_counter')?.note.documents;
  const docs: { key: string; name: string }[] = Array.isArray(snapshot)
    ? snapshot.filter((d): d is { key: string; name: string } => typeof d?.key === 'string' && typeof d?.name === 'string')
    : (r.procedure?.documents ?? []);
  const out = docs.map((doc) => ({ name: doc.name, files: r.files.filter((f) => f.docKey === doc.key).map((f) => f.originalName) })).filter((d) => d.files.length > 0);
  const known = new Set(docs.map((d) => d.key));
  for (const f of r.files) if (!known.has(f.docKey)) out.push({ name: f.docKey, files: [f.originalName] });
  return out;
}
