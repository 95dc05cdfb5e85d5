// Dossiers (hồ sơ): online and counter submission with a per-agency daily code, attachments, receipt and Form 01, fees
// with VietQR and a payment gateway, drafts, the citizen's list and the public status lookup. The dossier row is this
// module's, including the back office's state on it (migrations/0008); the back office (../backoffice) runs the
// workflow through the functions below. Other modules call:
//   const { dossier } = await submitDossier(platform, actor, { procedureCode, form, files }, { via: 'api' });
//   const d = await getDossier(platform, actor, code);   // applicant or the staff who handle it (privacy.ts); 404 otherwise
//   const s = await lookupStatus(platform, code);         // public: { code, status } or undefined
//   const c = await dossierRows.lockByCode(trx, code);    // inside the caller's transaction
//
// Tables (docs/modules.md): dossiers, dossier_sequences, stored_files, dossier_files, dossier_events (the timeline and
// the process history), payments, dossier_drafts. Only repo.ts, repo-rows.ts and repo-bulk.ts touch them; other
// modules write them through `dossierRows`/`dossierBulk` with their own transaction handle, and read them in bulk
// through the views of migrations/0011 (dossier_facts, dossier_file_facts, dossier_payment_facts, dossier_event_facts).
import type { Module } from '../../platform/module.ts';
import { notifyReceipt } from './notify.ts';
import { dossierApi } from './routes/api.ts';
import { registerMultipart, sweepTempUploadsEvery } from './routes/multipart.ts';
import { dossierPages } from './routes/pages.ts';
import { ORPHAN_SWEEP_JOB, sweepOrphanFiles } from './storage.ts';
import { stateLabels } from './states.ts';
import { NOTIFY_RECEIPT_JOB } from './submit.ts';

export const dossiersModule: Module = {
  name: 'dossiers',
  routes: async (app, platform) => {
    await registerMultipart(app, platform);
    await sweepTempUploadsEvery(app, platform);
    // The labels of the states as the workflow definitions in the database name them (cached; states.ts).
    app.addHook('preHandler', async () => {
      await stateLabels(platform.database.db);
    });
    await dossierPages(app, platform);
    await dossierApi(app, platform);
  },
  jobs: async (platform) => {
    await platform.jobs.work(NOTIFY_RECEIPT_JOB, () => notifyReceipt(platform));
    // Files in the store no committed row refers to, older than a day, are deleted nightly.
    await platform.jobs.work(ORPHAN_SWEEP_JOB, async () => {
      await sweepOrphanFiles(platform);
    });
    await platform.jobs.schedule(ORPHAN_SWEEP_JOB, '41 2 * * *');
  },
};

// Submission, reading, codes, files, fees.
export { submitDossier, NOTIFY_RECEIPT_JOB, type SubmitInput, type SubmitContext, type SubmitResult } from './submit.ts';
export { getDossier, getDossierView, listMyDossiers, lookupStatus, canSee, type DossierView } from './read.ts';
export { mayReadPersonalData, readScope, consultedDossier, sentFiles, type ReadScope, type SentToAgency, recordDossierRead, dossierReads, CASE_ROLES, CONSULTED_ROLES, type DossierRead, type ReadWhat } from './privacy.ts';
export { dossierCode, isDossierCode, receiptDay, DOSSIER_CODE } from './code.ts';
export { configureAttachments, attachmentStore, attachmentLimits, stageFiles, recordStoredFiles, sweepOrphanFiles, ORPHAN_SWEEP_JOB, type StagedFiles } from './storage.ts';
export { acceptedFrom, bytesOf, cleanFileName, type IncomingFile, sizeOf } from './attachments.ts';
export { simulatedGateway, confirmPayment, type PaymentGateway } from './payments.ts';
export { draftFields } from './drafts.ts';
export { notifyReceipt } from './notify.ts';
export { DossierErrors } from './errors.ts';
export type { Dossier, DossierProcessState, DossierFile, DossierEvent, Payment, Applicant, DeadlineInfo } from './schema.ts';
export { AGENCY_FIELD } from './schema.ts';

// Procedure extensions (extensions.ts): another module's checks, prefill and result for one procedure.
export { registerProcedureExtension, procedureExtension, type ProcedureExtension } from './extensions.ts';

// The procedure, agency and deadline of a dossier.
export { findProcedureForDossier, findProcedureVersionForDossier, feeTotal, isOnline, notOnlineError, type DossierProcedure } from './catalogue.ts';
export { receivingAgencies, SERVICE_CENTRE_CODE } from './agency.ts';
export { deadlineFor, restartDeadline, setDeadline, deadlineColumns, type DossierDeadline } from './deadline.ts';

// The row, timeline and files inside another module's transaction; bulk writes for scale and demo data.
export { dossierRows, type DossierPatch, type HistoryEntry, type NewHistoryEntry, type FlaggedDossier } from './repo-rows.ts';
export { dossierBulk } from './repo-bulk.ts';

// Pages: multipart posts (registered per plugin: each module's routes are their own Fastify scope), files, Form 01,
// wording and view parts the back office's pages share with the applicant's.
export { registerMultipart, uploadsOf } from './routes/multipart.ts';
export { idParam, sendDossierFile } from './routes/send-file.ts';
export { renderForm01 } from './form01.ts';
export { displayPhone } from './applicant.ts';
export { formatDong, formatIsoDate, formatSize } from './format.ts';
export { stateLabels, statusLabel, type StateLabels } from './states.ts';
export { eventKinds, paymentLabels, invalid, INTERNAL_EVENT_KINDS } from './messages.ts';
export { Fact, FeeTable, FileList, ProcedureFacts, Vi } from './views/parts.tsx';
